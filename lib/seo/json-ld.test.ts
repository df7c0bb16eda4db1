import { describe, expect, it } from 'vitest';
import { entityPageJsonLd, entityThing, newsArticleJsonLd, serializeJsonLd, splitAboutAndMentions, type JsonLdEntity } from './json-ld';

const entity = (id: string, type: JsonLdEntity['type'], name: string, mentionCount: number, wikidataId: string | null = null): JsonLdEntity => ({
  id,
  type,
  name,
  description: '',
  wikidataId,
  mentionCount,
  url: `https://news.example/entities/${id}`,
});

const centcom = entity('c', 'organization', 'القيادة الوسطى الأمريكية', 2, 'Q1130890');
const iraq = entity('i', 'place', 'العراق', 6, 'Q796');
const sudani = entity('s', 'person', 'محمد شياع السوداني', 3);
const gaza = entity('g', 'event', 'الحرب في غزة', 1);

describe('JSON-LD', () => {
  it('maps entity types to schema.org types with sameAs to Wikidata where known', () => {
    expect(entityThing(iraq)).toEqual({ '@type': 'Place', name: 'العراق', url: iraq.url, sameAs: 'https://www.wikidata.org/wiki/Q796' });
    expect(entityThing(sudani)).toEqual({ '@type': 'Person', name: 'محمد شياع السوداني', url: sudani.url });
    expect(entityThing(gaza)['@type']).toBe('Event');
    expect(entityThing({ ...centcom, wikidataId: 'javascript:1' }).sameAs).toBeUndefined();
  });

  it('puts the entities named in the headline in about, the others in mentions', () => {
    const split = splitAboutAndMentions('القيادة الوسطى الأمريكية تكشف عن مساعدة عراقية', [iraq, centcom, sudani, gaza]);
    expect(split.about.map((e) => e.id)).toEqual(['c']);
    expect(split.mentions.map((e) => e.id)).toEqual(['i', 's', 'g']);
    // A headline naming none: the most mentioned entity.
    expect(splitAboutAndMentions('خبر', [gaza, iraq]).about.map((e) => e.id)).toEqual(['i']);
    expect(splitAboutAndMentions('خبر', [gaza]).about).toEqual([]);
  });

  it('builds a NewsArticle and serializes it so that no text can close the script element', () => {
    const data = newsArticleJsonLd({
      headline: 'القيادة الوسطى الأمريكية </script><script>alert(1)</script>',
      description: 'a & b',
      url: 'https://news.example/articles/x',
      datePublished: new Date('2024-01-05T09:00:00Z'),
      dateModified: new Date('2024-01-05T09:00:00Z'),
      authorName: 'بغداد اليوم',
      publisherName: 'مداد',
      entities: [centcom, iraq],
    });
    expect(data).toMatchObject({ '@type': 'NewsArticle', about: [{ '@type': 'Organization' }], mentions: [{ '@type': 'Place' }] });
    const text = serializeJsonLd(data);
    expect(text).not.toMatch(/[<>&]/);
    expect(JSON.parse(text)).toEqual(data);
  });

  it("describes an entity's page as a thing of the entity's type", () => {
    const data = entityPageJsonLd({ ...iraq, url: 'https://news.example/entities/iraq' });
    expect(data).toMatchObject({ '@context': 'https://schema.org', '@type': 'Place', name: iraq.name, url: 'https://news.example/entities/iraq' });
    expect(entityPageJsonLd({ ...sudani, url: 'https://news.example/entities/s' })['@type']).toBe('Person');
  });
});
