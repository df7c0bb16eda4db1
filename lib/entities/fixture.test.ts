/**
 * The seed article (db/seed-data/article.ar.txt, untagged) against its registry (db/seed-data/entities.json). The
 * expected list was written by reading the article line by line, not by running the matcher.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEntityMatcher, type EntityEntry } from './matcher';

interface RegistryFile {
  entities: Array<{ type: string; name: string; aliases: string[] }>;
}

const seedDirectory = path.resolve(__dirname, '../../db/seed-data');
const registry = JSON.parse(readFileSync(path.join(seedDirectory, 'entities.json'), 'utf8')) as RegistryFile;
const article = readFileSync(path.join(seedDirectory, 'article.ar.txt'), 'utf8');
/** Entity id = canonical name (the fixture has no ids). */
const entries: EntityEntry[] = registry.entities.map((entity) => ({
  entityId: entity.name,
  names: [entity.name, ...entity.aliases],
}));

const US = 'الولايات المتحدة';
const COALITION = 'قوات التحالف الدولي';
const IRAQ = 'العراق';
const SYRIA = 'سوريا';
const CENTCOM = 'القيادة الوسطى الأمريكية';
const US_FORCES = 'القوات الأمريكية';
const ISF = 'قوات الأمن العراقية';
const PENTAGON = 'وزارة الدفاع الأمريكية';
const SECURITY_MEDIA_CELL = 'خلية الإعلام الأمني';
const PMF = 'هيئة الحشد الشعبي';
const SAIDI = 'طالب السعيدي';
const SUDANI = 'محمد شياع السوداني';

/** [entity (canonical name), original substring marked], in text order. */
const EXPECTED: Array<[string, string]> = [
  // Dateline "بغداد اليوم- بغداد": the outlet, then the place.
  ['بغداد اليوم', 'بغداد اليوم'],
  ['بغداد', 'بغداد'],
  // Paragraph 1. "المساعدة العراقية" and "العراقية" are not العراق.
  [US_FORCES, 'القوات الامريكية'], // spelled without hamza
  [COALITION, 'قوات التحالف الدولي'],
  [US, US],
  ['القوات العراقية', 'القوات العراقية'],
  // Paragraph 2.
  [CENTCOM, CENTCOM],
  ['الشرطة العراقية', 'الشرطة العراقية'],
  ['بابل', 'بابل'],
  // Paragraph 3: "داخل العراق وسوريا … قوات التحالف والسكان".
  [IRAQ, IRAQ],
  [SYRIA, SYRIA], // وسوريا
  [COALITION, 'قوات التحالف'],
  // Paragraph 4: "تقدير التحالف الجهود".
  [CENTCOM, CENTCOM],
  [COALITION, 'التحالف'],
  [ISF, ISF],
  // Paragraph 5: "باسم البنتاغون، بات رايدر … "العراق شريك … قوات الأمن العراقية (×2)"; العراقيين is not العراق.
  [PENTAGON, 'البنتاغون'],
  ['بات رايدر', 'بات رايدر'],
  [IRAQ, IRAQ],
  [ISF, ISF],
  [ISF, ISF],
  // Paragraph 6.
  [ISF, ISF],
  [US_FORCES, US_FORCES],
  // Paragraph 7: canonical names beat their aliases; لهيئة, لحركة; "القيادي في الحشد".
  [SECURITY_MEDIA_CELL, SECURITY_MEDIA_CELL],
  [PENTAGON, PENTAGON],
  [PMF, PMF],
  [PMF, 'الحشد'],
  [SAIDI, SAIDI],
  ['حركة النجباء', 'حركة النجباء'],
  // Paragraph 8: alias alone. "عراقية" is nothing.
  [SECURITY_MEDIA_CELL, 'الإعلام الأمني'],
  // Paragraph 9.
  [US, 'أمريكا'],
  [IRAQ, IRAQ],
  [SYRIA, SYRIA],
  ['تنظيم داعش', 'تنظيم داعش'],
  [COALITION, 'التحالف الدولي'],
  // Paragraph 10: "الحرب في غزة" wins over غزة; "قواتها", "أمريكي" are nothing.
  [US, 'واشنطن'],
  [IRAQ, IRAQ],
  [SYRIA, SYRIA], // وسوريا
  ['الحرب في غزة', 'الحرب في غزة'],
  // Paragraph 11: "رئيس مجلس الوزراء محمد شياع السوداني".
  [SAIDI, 'السعيدي'],
  ['مجلس الوزراء العراقي', 'مجلس الوزراء'],
  [SUDANI, SUDANI],
  [US, US],
  [COALITION, 'التحالف الدولي'],
  [IRAQ, IRAQ],
  // Paragraph 12: "ومياه العراق".
  [SUDANI, 'السوداني'],
  [IRAQ, IRAQ],
  // Paragraph 13.
  [SUDANI, 'السوداني'],
  [COALITION, 'التحالف الدولي'],
];

describe('seed fixture', () => {
  const matcher = createEntityMatcher(entries);
  const matches = matcher.findMatches(article);

  it('finds exactly the expected mentions, in order', () => {
    expect(matches.map((match) => [match.entityId, article.slice(match.start, match.end)])).toEqual(EXPECTED);
  });

  it('counts per entity', () => {
    const counts = new Map<string, number>();
    for (const match of matches) counts.set(match.entityId, (counts.get(match.entityId) ?? 0) + 1);
    expect(counts.get(IRAQ)).toBe(6);
    expect(counts.get(US)).toBe(4);
    expect(counts.get(COALITION)).toBe(6);
    expect(counts.get('غزة')).toBeUndefined();
    expect(counts.get('بغداد')).toBe(1);
  });

  it('reports the registered name that matched and ranges that never overlap or cross a line', () => {
    expect(matches.find((match) => article.slice(match.start, match.end) === 'البنتاغون')?.matchedName).toBe(
      'البنتاغون',
    );
    expect(matches[2]?.matchedName).toBe(US_FORCES);
    for (let i = 1; i < matches.length; i++) expect(matches[i]!.start).toBeGreaterThanOrEqual(matches[i - 1]!.end);
    for (const match of matches) expect(article.slice(match.start, match.end)).not.toContain('\n');
  });

  it('finds the same mentions when the article carries harakat, tatweel and bidi marks', () => {
    const noisy = article
      .replaceAll('العراق', 'العِراقِ')
      .replaceAll('سوريا', 'سُـوريا')
      .replaceAll('التحالف', '\u200Fالتَّحالُف')
      .replaceAll(' ', ' \u200F');
    const noisyMatches = matcher.findMatches(noisy);
    expect(noisyMatches.map((match) => match.entityId)).toEqual(EXPECTED.map(([entity]) => entity));
    const iraq = noisyMatches.find((match) => match.entityId === IRAQ)!;
    expect(noisy.slice(iraq.start, iraq.end)).toBe('العِراقِ');
  });
});
