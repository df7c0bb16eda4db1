/**
 * IPTC ninjs 2.0 (News in JSON) items for the content API. Pure mapping from the public DTOs; the output is validated
 * in lib/public/ninjs.test.ts against our own JSON Schema rendering of the standard (schema/ninjs-2.0.schema.json).
 */
import type { JSONContent } from '@tiptap/core';
import { renderDocumentToHtml } from '@/lib/content/render';
import type { EntityType } from '@/lib/entities/entity-types';
import { absoluteUrl, articlePath, entityPath } from './urls';

/** The IPTC's published schema URI for ninjs 2.0, named in each item's `standard.schema`. */
export const NINJS_SCHEMA_URI = 'http://www.iptc.org/std/ninjs/ninjs-schema_2.0.json';

export type NinjsSource = {
  id: string;
  slug: string;
  title: string;
  dek: string;
  body: JSONContent;
  bodyText: string;
  authorName: string;
  version: number;
  createdAt: Date;
  publishedAt: Date;
  modifiedAt: Date;
  section: { slug: string; name: string } | null;
  entities: ReadonlyArray<{ id: string; slug: string; name: string; type: EntityType; wikidataId: string | null }>;
};

export type NinjsConcept = { name: string; rel?: string; uri?: string; literal?: string };

export type NinjsItem = {
  uri: string;
  standard: { name: 'ninjs'; version: '2.0'; schema: string };
  type: 'text';
  representationtype: 'full';
  version: string;
  firstcreated: string;
  versioncreated: string;
  contentcreated: string;
  pubstatus: 'usable';
  language: string;
  slugline: string;
  headlines: Array<{ role: string; contenttype: string; value: string }>;
  descriptions?: Array<{ role: string; contenttype: string; value: string }>;
  bodies: Array<{ role: string; contenttype: string; value: string; charcount: number; wordcount: number }>;
  by: string;
  copyrightholder: string;
  copyrightnotice: string;
  renditions: Array<{ name: string; href: string; contenttype: string; title: string }>;
  subjects?: NinjsConcept[];
  people?: NinjsConcept[];
  organisations?: NinjsConcept[];
  places?: NinjsConcept[];
  events?: NinjsConcept[];
};

export type NinjsSite = { siteUrl: string; siteName: string; language: string };

const ENTITY_LISTS: Record<EntityType, 'people' | 'organisations' | 'places' | 'events'> = {
  person: 'people',
  organization: 'organisations',
  place: 'places',
  event: 'events',
};

function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu)?.length ?? 0;
}

export function toNinjsItem(article: NinjsSource, site: NinjsSite): NinjsItem {
  const pageUrl = absoluteUrl(site.siteUrl, articlePath(article.slug));
  const entityUrls = new Map(article.entities.map((entity) => [entity.id, absoluteUrl(site.siteUrl, entityPath(entity.slug))]));
  const html = renderDocumentToHtml(article.body, { entityHref: (entityId) => entityUrls.get(entityId) ?? null });
  const item: NinjsItem = {
    // The article's id never changes (its slug may): a stable, globally unique URI.
    uri: `urn:uuid:${article.id}`,
    standard: { name: 'ninjs', version: '2.0', schema: NINJS_SCHEMA_URI },
    type: 'text',
    representationtype: 'full',
    version: String(article.version),
    firstcreated: article.publishedAt.toISOString(),
    versioncreated: article.modifiedAt.toISOString(),
    contentcreated: article.createdAt.toISOString(),
    pubstatus: 'usable',
    language: site.language,
    slugline: article.slug,
    headlines: [{ role: 'main', contenttype: 'text/plain', value: article.title }],
    bodies: [
      {
        role: 'main',
        contenttype: 'text/html',
        value: html,
        charcount: Array.from(article.bodyText).length,
        wordcount: countWords(article.bodyText),
      },
    ],
    by: article.authorName,
    copyrightholder: site.siteName,
    copyrightnotice: `© ${article.publishedAt.getUTCFullYear()} ${site.siteName}`,
    renditions: [{ name: 'web', href: pageUrl, contenttype: 'text/html', title: article.title }],
  };
  if (article.dek) item.descriptions = [{ role: 'summary', contenttype: 'text/plain', value: article.dek }];
  if (article.section) item.subjects = [{ name: article.section.name, rel: 'section', literal: article.section.slug }];
  for (const entity of article.entities) {
    const list = ENTITY_LISTS[entity.type];
    const concept: NinjsConcept = {
      name: entity.name,
      rel: 'mentioned',
      uri: entity.wikidataId ? `http://www.wikidata.org/entity/${entity.wikidataId}` : entityUrls.get(entity.id)!,
      literal: entity.slug,
    };
    (item[list] ??= []).push(concept);
  }
  return item;
}
