import { describe, expect, it } from 'vitest';
import { findFreeSlug, isValidSlug, slugify } from './slug';

describe('slugify', () => {
  it('turns an Arabic title into a hyphenated Arabic slug', () => {
    expect(slugify('القيادة الوسطى الأمريكية تكشف عن مساعدة عراقية')).toBe('القيادة-الوسطى-الأمريكية-تكشف-عن-مساعدة-عراقية');
  });

  it('removes harakat, tatweel and invisible direction marks', () => {
    expect(slugify('شُكِّلت اللجـــنة\u200F الثنائية')).toBe('شكلت-اللجنة-الثنائية');
  });

  it('keeps Latin words and digits, lower-cased, and makes Arabic-Indic digits ASCII', () => {
    expect(slugify('صاروخ Cruise في ٣ يناير 2024')).toBe('صاروخ-cruise-في-3-يناير-2024');
  });

  it('folds presentation forms pasted from PDFs', () => {
    expect(slugify('\uFEFB\uFE8E')).toBe('لاا');
  });

  it('treats Arabic and Latin punctuation as separators', () => {
    expect(slugify('العراق، سوريا؛ غزة؟ "بيان" (رسمي)')).toBe('العراق-سوريا-غزة-بيان-رسمي');
  });

  it('is URL-safe once percent-encoded and round-trips', () => {
    const slug = slugify('السوداني: الحوار يبدأ قريبًا!');
    expect(decodeURIComponent(encodeURIComponent(slug))).toBe(slug);
    expect(slug).not.toMatch(/[\s/?#%&:!]/);
  });

  it('cuts long titles at a word boundary', () => {
    const slug = slugify('كلمة '.repeat(50), 30);
    expect(Array.from(slug).length).toBeLessThanOrEqual(30);
    expect(slug.endsWith('-')).toBe(false);
    expect(slug.split('-').every((word) => word === 'كلمة')).toBe(true);
  });

  it('gives an empty slug for punctuation only', () => {
    expect(slugify('؟!… ...')).toBe('');
  });
});

describe('isValidSlug', () => {
  it.each(['بغداد', 'القوات-الأمريكية', 'cruise-2024'])('accepts %s', (slug) => expect(isValidSlug(slug)).toBe(true));
  it.each(['', '-بغداد', 'بغداد-', 'a--b', 'Upper', 'مع مسافة', 'a/b', '../x', 'x?y'])('refuses %s', (slug) =>
    expect(isValidSlug(slug)).toBe(false),
  );
});

describe('findFreeSlug', () => {
  it('returns the base when free and numbers it when taken', async () => {
    const taken = new Set(['بغداد', 'بغداد-2']);
    expect(await findFreeSlug('بغداد', async (s) => taken.has(s))).toBe('بغداد-3');
    expect(await findFreeSlug('غزة', async (s) => taken.has(s))).toBe('غزة');
  });

  it('falls back to a default word for an empty base', async () => {
    expect(await findFreeSlug('', async () => false)).toBe('مقال');
  });
});
