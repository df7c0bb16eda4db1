import { readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { documentFromParagraphs, parseSeedArticle } from './from-paragraphs';
import { extractPlainText } from './plain-text';
import { KITCHEN_SINK } from './test-fixtures';

const seedText = readFileSync(path.join(__dirname, '../../db/seed-data/article.ar.txt'), 'utf8');

describe('extractPlainText', () => {
  it('gives the seed article back as its paragraphs joined by newlines', () => {
    const { paragraphs } = parseSeedArticle(seedText);
    const text = extractPlainText(documentFromParagraphs(paragraphs));
    expect(text).toBe(paragraphs.join('\n'));
    expect(text.split('\n')).toHaveLength(13);
  });

  it('joins every text block, nested ones included, with hard breaks as newlines and no markup', () => {
    const lines = extractPlainText(KITCHEN_SINK).split('\n');
    expect(lines).toEqual([
      'عنوان فرعي عن بغداد',
      'A heading in English',
      'نص عادي عريض ومائل ومسطر ومشطوب وx = 1 وعريض مائل.',
      'سطر بعد فاصل.',
      'قال محمد شياع السوداني في بغداد إن القيادة الوسطى شاركت في مؤتمر بغداد، رابط داخلي وبريد وhttp.',
      'The US Central Command said so, see the report.',
      'فقرة باتجاه صريح من اليمين إلى اليسار.',
      'اقتباس عربي.',
      'An English quote.',
      'البند الأول',
      'البند الثاني',
      'بند متداخل',
      'An English item',
      'third',
      'fourth',
      'أولاً',
      'const a = 1;',
      '  if (a < 2) return "<b>";',
      'سطر برمجي',
    ]);
  });

  it('gives an empty string for an empty document', () => {
    expect(extractPlainText({ type: 'doc', content: [{ type: 'paragraph' }] })).toBe('');
  });
});
