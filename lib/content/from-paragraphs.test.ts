import { readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { documentFromParagraphs, documentFromPlainText, parseSeedArticle } from './from-paragraphs';
import { validateDocument } from './validate';

const seedText = readFileSync(path.join(__dirname, '../../db/seed-data/article.ar.txt'), 'utf8');

describe('parseSeedArticle', () => {
  it('reads outlet, dateline and the 13 paragraphs of db/seed-data/article.ar.txt', () => {
    const seed = parseSeedArticle(seedText);
    expect(seed.outlet).toBe('بغداد اليوم');
    expect(seed.dateline).toBe('بغداد');
    expect(seed.paragraphs).toHaveLength(13);
    expect(seed.paragraphs[0]).toMatch(/^كشفت القوات الامريكية، اليوم الجمعة \(5 كانون الثاني 2024\)/);
    expect(seed.paragraphs.at(-1)).toMatch(/^وأكد السوداني "الموقف/);
    // Exactly the non-empty lines after the first, trimmed and in order.
    const lines = seedText.split('\n').map((line) => line.trim()).filter(Boolean);
    expect(seed.paragraphs).toEqual(lines.slice(1));
  });

  it('trims, drops empty lines, a BOM and Windows line endings', () => {
    expect(parseSeedArticle('\uFEFF  وكالة ما -  الموصل \r\n\r\n  الفقرة الأولى  \r\n\n\nالفقرة الثانية\n')).toEqual({
      outlet: 'وكالة ما',
      dateline: 'الموصل',
      paragraphs: ['الفقرة الأولى', 'الفقرة الثانية'],
    });
  });

  it('refuses a header without a dateline separator, and empty text', () => {
    expect(() => parseSeedArticle('بغداد اليوم\nفقرة')).toThrow(/outlet- dateline/);
    expect(() => parseSeedArticle('\n \n')).toThrow();
  });
});

describe('documentFromParagraphs / documentFromPlainText', () => {
  it('builds one paragraph per string, canonical and valid', () => {
    const doc = documentFromParagraphs(['الأولى', '  ', 'الثانية ']);
    expect(doc).toEqual({
      type: 'doc',
      content: [
        { type: 'paragraph', attrs: { dir: null }, content: [{ type: 'text', text: 'الأولى' }] },
        { type: 'paragraph', attrs: { dir: null }, content: [{ type: 'text', text: 'الثانية' }] },
      ],
    });
    expect(validateDocument(doc)).toEqual({ ok: true, doc });
  });

  it('gives a valid document with one empty paragraph for no text', () => {
    const doc = documentFromParagraphs([]);
    expect(doc).toEqual({ type: 'doc', content: [{ type: 'paragraph', attrs: { dir: null } }] });
    expect(validateDocument(doc).ok).toBe(true);
  });

  it('splits plain text on every kind of line break and removes control characters', () => {
    const doc = documentFromPlainText('أ\r\nب\rج\u2028د\n\n\u0000هـ\u0007');
    expect(doc.content?.map((paragraph) => paragraph.content?.[0]?.text)).toEqual(['أ', 'ب', 'ج', 'د', 'هـ']);
    expect(validateDocument(doc).ok).toBe(true);
  });

  it('turns the seed file into a valid document of 14 paragraphs (header included)', () => {
    const doc = documentFromPlainText(seedText);
    expect(doc.content).toHaveLength(14);
    expect(validateDocument(doc).ok).toBe(true);
  });
});
