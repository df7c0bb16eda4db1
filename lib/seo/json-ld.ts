/**
 * Structured data (schema.org JSON-LD) for public pages. Pure: no React, no database.
 */
import { createEntityMatcher } from '../entities/matcher';
import type { EntityType } from '../entities/entity-types';

export const SCHEMA_ORG_TYPES: Record<EntityType, 'Person' | 'Organization' | 'Place' | 'Event'> = {
  person: 'Person',
  organization: 'Organization',
  place: 'Place',
  event: 'Event',
};

export type JsonLdEntity = {
  id: string;
  type: EntityType;
  name: string;
  description: string;
  wikidataId: string | null;
  mentionCount: number;
  /** Absolute URL of the entity's page. */
  url: string;
};

export function wikidataUrl(wikidataId: string): string {
  return `https://www.wikidata.org/wiki/${wikidataId}`;
}

/** One entity as a schema.org Thing of its type, with `sameAs` to Wikidata when known. */
export function entityThing(entity: Omit<JsonLdEntity, 'mentionCount'>): Record<string, unknown> {
  const thing: Record<string, unknown> = { '@type': SCHEMA_ORG_TYPES[entity.type], name: entity.name, url: entity.url };
  if (entity.description) thing.description = entity.description;
  if (entity.wikidataId && /^Q[1-9]\d*$/.test(entity.wikidataId)) thing.sameAs = wikidataUrl(entity.wikidataId);
  return thing;
}

/**
 * Splits an article's entities into `about` (what the story is about: the entities named in its headline, or, when
 * the headline names none, the most mentioned one if it is mentioned more than once) and `mentions` (the others).
 */
export function splitAboutAndMentions(headline: string, entities: readonly JsonLdEntity[]) {
  const matcher = createEntityMatcher(entities.map((entity) => ({ entityId: entity.id, names: [entity.name] })));
  const inHeadline = new Set(matcher.findMatches(headline).map((match) => match.entityId));
  let about = entities.filter((entity) => inHeadline.has(entity.id));
  if (about.length === 0) {
    const top = [...entities].sort((a, b) => b.mentionCount - a.mentionCount)[0];
    if (top && top.mentionCount > 1) about = [top];
  }
  const aboutIds = new Set(about.map((entity) => entity.id));
  return { about, mentions: entities.filter((entity) => !aboutIds.has(entity.id)) };
}

export function newsArticleJsonLd(article: {
  headline: string;
  description: string;
  url: string;
  datePublished: Date;
  dateModified: Date;
  authorName: string;
  publisherName: string;
  entities: readonly JsonLdEntity[];
}): Record<string, unknown> {
  const { about, mentions } = splitAboutAndMentions(article.headline, article.entities);
  const data: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.headline,
    inLanguage: 'ar',
    url: article.url,
    mainEntityOfPage: article.url,
    datePublished: article.datePublished.toISOString(),
    dateModified: article.dateModified.toISOString(),
    author: { '@type': 'Organization', name: article.authorName },
    publisher: { '@type': 'Organization', name: article.publisherName },
  };
  if (article.description) data.description = article.description;
  if (about.length > 0) data.about = about.map(entityThing);
  if (mentions.length > 0) data.mentions = mentions.map(entityThing);
  return data;
}

/**
 * JSON for a `<script type="application/ld+json">`: `<`, `>` and `&` escaped as \u003c \u003e \u0026 (so no text can
 * close the script element or open a comment), and U+2028/U+2029 escaped too.
 */
/** An entity's own page: the entity as a schema.org Person, Organization, Place or Event. */
export function entityPageJsonLd(entity: Omit<JsonLdEntity, 'mentionCount'>): Record<string, unknown> {
  return { '@context': 'https://schema.org', '@id': entity.url, ...entityThing(entity), mainEntityOfPage: entity.url };
}

export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
