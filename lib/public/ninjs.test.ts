import { describe, expect, it } from 'vitest';
import { documentFromParagraphs } from '@/lib/content';
import { compileNinjsValidator } from '@/test/support/ninjs-validator';
import { toNinjsItem, type NinjsSource } from './ninjs';

const source: NinjsSource = {
  id: '6f1c1c2e-0d7a-4a38-9a3e-2f6a0f2b8c11',
  slug: 'خبر-عن-بغداد',
  title: 'السوداني يستقبل وفدًا في بغداد <script>',
  dek: 'زيارة رسمية',
  body: documentFromParagraphs(['وصل الوفد إلى بغداد صباح اليوم.', 'وقال السوداني إن "الزيارة" مهمة & مثمرة.']),
  bodyText: 'وصل الوفد إلى بغداد صباح اليوم.\nوقال السوداني إن "الزيارة" مهمة & مثمرة.',
  authorName: 'سارة الكاتبة',
  version: 3,
  createdAt: new Date('2024-01-04T08:00:00Z'),
  publishedAt: new Date('2024-01-05T09:00:00Z'),
  modifiedAt: new Date('2024-01-05T12:30:00Z'),
  section: { slug: 'سياسة', name: 'سياسة' },
  entities: [
    { id: 'e1', slug: 'محمد-شياع-السوداني', name: 'محمد شياع السوداني', type: 'person', wikidataId: 'Q18619720' },
    { id: 'e2', slug: 'بغداد', name: 'بغداد', type: 'place', wikidataId: null },
    { id: 'e3', slug: 'الأمم-المتحدة', name: 'الأمم المتحدة', type: 'organization', wikidataId: null },
    { id: 'e4', slug: 'قمة-بغداد', name: 'قمة بغداد', type: 'event', wikidataId: null },
  ],
};

const site = { siteUrl: 'https://news.example/', siteName: 'مِداد', language: 'ar' };

describe('ninjs 2.0 items', () => {
  const validate = compileNinjsValidator();

  it('validates against our ninjs 2.0 JSON schema', () => {
    const item = toNinjsItem(source, site);
    const valid = validate(item);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('also validates without dek, section or entities', () => {
    const item = toNinjsItem({ ...source, dek: '', section: null, entities: [] }, site);
    expect(validate(item)).toBe(true);
    expect(item).not.toHaveProperty('descriptions');
    expect(item).not.toHaveProperty('people');
  });

  it('the schema really checks: a wrong type, an unknown property or a bad date-time is refused', () => {
    const item = toNinjsItem(source, site);
    expect(validate({ ...item, type: 'article' })).toBe(false);
    expect(validate({ ...item, colour: 'red' })).toBe(false);
    expect(validate({ ...item, versioncreated: 'yesterday' })).toBe(false);
    expect(validate({ ...item, uri: undefined })).toBe(false);
    expect(validate({ ...item, headlines: [{ role: 'main' }] })).toBe(false);
    expect(validate({ ...item, people: [{ name: 'x', colour: 'red' }] })).toBe(false);
    expect(validate({ ...item, urgency: 1.5 })).toBe(false);
  });

  it('accepts the rest of the standard ninjs 2.0 properties', () => {
    const item = toNinjsItem(source, site);
    const full = {
      ...item,
      embargoed: '2024-01-05T08:00:00Z',
      expires: '2025-01-05T08:00:00Z',
      profile: 'story',
      usageterms: 'No archive use.',
      located: 'بغداد',
      ednote: 'Corrects the spelling of a name.',
      urgency: 3,
      genres: [{ name: 'Current', uri: 'http://cv.iptc.org/newscodes/genre/Current' }],
      objects: [{ name: 'x', literal: 'x' }],
      infosources: [{ name: 'Reuters', role: 'source' }],
      keywords: ['بغداد'],
      places: [{ name: 'بغداد', geojson: { type: 'Point', coordinates: [44.36, 33.31] } }],
      organisations: [{ name: 'ACME', symbols: [{ ticker: 'ACM', exchange: 'NYSE' }] }],
      associations: [{ name: 'mainpicture', uri: 'urn:uuid:1d3c6a4e-6a8b-4f0e-9d0f-3f2f7c1a2b3c', type: 'picture' }],
      altids: [{ role: 'internal', value: '42' }],
      trustindicators: [{ role: 'ethics', title: 'Our standards', href: 'https://news.example/standards' }],
    };
    expect(validate(full)).toBe(true);
    expect(validate.errors ?? []).toEqual([]);
  });

  it('maps the story: stable uri, dates, headline, HTML body, byline, entities by kind with their URIs', () => {
    const item = toNinjsItem(source, site);
    expect(item.uri).toBe(`urn:uuid:${source.id}`);
    expect(item).toMatchObject({
      type: 'text',
      language: 'ar',
      version: '3',
      firstcreated: '2024-01-05T09:00:00.000Z',
      versioncreated: '2024-01-05T12:30:00.000Z',
      contentcreated: '2024-01-04T08:00:00.000Z',
      headlines: [{ role: 'main', value: source.title }],
      descriptions: [{ value: 'زيارة رسمية' }],
      by: 'سارة الكاتبة',
      subjects: [{ name: 'سياسة', rel: 'section' }],
      people: [{ name: 'محمد شياع السوداني', uri: 'http://www.wikidata.org/entity/Q18619720' }],
      places: [{ name: 'بغداد', uri: `https://news.example/entities/${encodeURIComponent('بغداد')}` }],
      organisations: [{ name: 'الأمم المتحدة' }],
      events: [{ name: 'قمة بغداد' }],
    });
    expect(item.renditions[0]?.href).toBe(`https://news.example/articles/${encodeURIComponent(source.slug)}`);
    const body = item.bodies[0]!;
    expect(body.contenttype).toBe('text/html');
    expect(body.value).toContain('<p');
    expect(body.value).toContain('مهمة &amp; مثمرة');
    expect(body.wordcount).toBe(12);
  });
});
