import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { JSONContent } from '@tiptap/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentFromParagraphs, parseSeedArticle } from '../content/from-paragraphs';
import { validateDocument } from '../content/validate';
import { applyEntityMarks, entityIdsIn, repointEntityMarks } from './apply-marks';
import { collectEntityMentions, suggestUntagged, type TiptapNodeJSON } from './mark-index';
import { createEntityMatcher } from './matcher';
import { entitySearchText, escapeLikePattern, normalizeSearchKey } from './search-text';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const C = '33333333-3333-4333-8333-333333333333';

const entity = (entityId: string, entityType = 'place') => ({ type: 'entity', attrs: { entityId, entityType } });
const text = (value: string, ...marks: Array<{ type: string; attrs?: Record<string, unknown> }>): TiptapNodeJSON =>
  marks.length > 0 ? { type: 'text', text: value, marks } : { type: 'text', text: value };
const paragraph = (...content: TiptapNodeJSON[]): TiptapNodeJSON => ({ type: 'paragraph', attrs: { dir: null }, content });
const doc = (...content: TiptapNodeJSON[]): TiptapNodeJSON => ({ type: 'doc', content });

describe('applyEntityMarks', () => {
  it('marks ranges across text nodes, keeping other marks, and joins what ProseMirror would join', () => {
    const input = doc(paragraph(text('قالت قوات '), text('الأمن', { type: 'bold' }), text(' العراقية في بغداد')));
    const output = applyEntityMarks(input, [
      { blockIndex: 0, from: 5, to: 24, entityId: A, entityType: 'organization' },
      { blockIndex: 0, from: 28, to: 33, entityId: B, entityType: 'place' },
    ]);
    expect(output).toEqual(
      doc(
        paragraph(
          text('قالت '),
          text('قوات ', entity(A, 'organization')),
          text('الأمن', { type: 'bold' }, entity(A, 'organization')),
          text(' العراقية', entity(A, 'organization')),
          text(' في '),
          text('بغداد', entity(B, 'place')),
        ),
      ),
    );
    expect(validateDocument(output).ok).toBe(true);
    expect(input.content![0]!.content).toHaveLength(3); // the input is untouched
  });

  it('replaces a whole mention when a range covers only part of it: no fragment keeps the old id', () => {
    const input = doc(paragraph(text('في '), text('القيادة الوسطى الأمريكية', entity(A, 'organization')), text(' اليوم')));
    const output = applyEntityMarks(input, [{ blockIndex: 0, from: 18, to: 27, entityId: B, entityType: 'organization' }]);
    expect(entityIdsIn(output)).toEqual([B]);
    const { mentions } = collectEntityMentions(output);
    expect(mentions.map((mention) => [mention.entityId, mention.text])).toEqual([[B, 'الأمريكية']]);
  });

  it('refuses overlapping ranges and ignores empty ones', () => {
    const input = doc(paragraph(text('العراق وسوريا')));
    expect(() =>
      applyEntityMarks(input, [
        { blockIndex: 0, from: 0, to: 6, entityId: A, entityType: 'place' },
        { blockIndex: 0, from: 3, to: 9, entityId: B, entityType: 'place' },
      ]),
    ).toThrow(RangeError);
    expect(applyEntityMarks(input, [{ blockIndex: 0, from: 2, to: 2, entityId: A, entityType: 'place' }])).toBe(input);
  });

  it('tags the seed article with exactly the matcher mentions, in a document the validator accepts', () => {
    const seedDirectory = path.resolve(__dirname, '../../db/seed-data');
    const registry = JSON.parse(readFileSync(path.join(seedDirectory, 'entities.json'), 'utf8')) as {
      entities: Array<{ type: string; name: string; aliases: string[] }>;
    };
    const ids = registry.entities.map((_entry, index) => `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`);
    const matcher = createEntityMatcher(registry.entities.map((entry, index) => ({ entityId: ids[index]!, names: [entry.name, ...entry.aliases] })));
    const article = parseSeedArticle(readFileSync(path.join(seedDirectory, 'article.ar.txt'), 'utf8'));
    const body = documentFromParagraphs(article.paragraphs) as TiptapNodeJSON;
    const suggestions = suggestUntagged(body, matcher);
    expect(suggestions.length).toBeGreaterThan(40);
    const typeOf = new Map(ids.map((id, index) => [id, registry.entities[index]!.type]));
    const tagged = applyEntityMarks(
      body,
      suggestions.map((s) => ({ ...s, entityType: typeOf.get(s.entityId)! })),
    );
    const validated = validateDocument(tagged);
    expect(validated.ok).toBe(true);
    if (validated.ok) expect(validated.doc).toEqual(tagged as JSONContent);
    const { mentions } = collectEntityMentions(tagged);
    expect(mentions.map((m) => [m.entityId, m.pmFrom, m.pmTo, m.text])).toEqual(
      suggestions.map((s) => [s.entityId, s.pmFrom, s.pmTo, s.text]),
    );
    expect(suggestUntagged(tagged, matcher)).toEqual([]);
  });

  it('property: for random marked documents and random non-overlapping ranges, the index reads back the ranges', () => {
    const ids = [A, B, C];
    const words = ['العراق', ' ', 'بغداد', '، ', 'قوات', 'x'];
    const textNode = fc
      .tuple(fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 4 }), fc.option(fc.constantFrom(...ids)), fc.boolean())
      .map(([parts, id, bold]) => {
        const marks = [...(bold ? [{ type: 'bold' }] : []), ...(id ? [entity(id)] : [])];
        return text(parts.join(''), ...marks);
      });
    const docArbitrary = fc.array(fc.array(textNode, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 3 }).map((blocks) => {
      const validated = validateDocument(doc(...blocks.map((content) => paragraph(...content))));
      if (!validated.ok) throw new Error(validated.detail);
      return validated.doc as TiptapNodeJSON;
    });
    fc.assert(
      fc.property(docArbitrary, fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.constantFrom(...ids))), (input, picks) => {
        const lengths = (input.content ?? []).map((block) => (block.content ?? []).reduce((n, node) => n + (node.text?.length ?? 0), 0));
        // Build non-overlapping ranges: one per block at most, so they never overlap.
        const used = new Set<number>();
        const ranges = [];
        for (const [b, x, y, id] of picks) {
          const blockIndex = b % lengths.length;
          if (used.has(blockIndex)) continue;
          const length = lengths[blockIndex]!;
          const from = x % length;
          const to = from + 1 + (y % (length - from));
          used.add(blockIndex);
          ranges.push({ blockIndex, from, to, entityId: id, entityType: 'place' });
        }
        const output = applyEntityMarks(input, ranges);
        expect(validateDocument(output).ok).toBe(true);
        const { mentions } = collectEntityMentions(output);
        for (const range of ranges) {
          const mention = mentions.find((m) => m.blockIndex === range.blockIndex && m.from <= range.from && range.to <= m.to);
          expect(mention?.entityId).toBe(range.entityId);
        }
        // No mention of another id overlaps a tagged range, and ids of a fully replaced mention are gone from it.
        for (const mention of mentions) {
          for (const range of ranges) {
            if (mention.blockIndex === range.blockIndex && mention.from < range.to && range.from < mention.to) {
              expect(mention.entityId).toBe(range.entityId);
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('repointEntityMarks', () => {
  it('re-points every mark of the source, joining it with a neighbouring mention of the target', () => {
    const input = doc(
      paragraph(text('البنتاغون', entity(A, 'organization')), text('وزارة الدفاع', entity(B, 'organization')), text(' و')),
      paragraph(text('عن '), text('البنتاغون', { type: 'bold' }, entity(A, 'organization'))),
    );
    const { doc: output, changed } = repointEntityMarks(input, A, B, 'organization');
    expect(changed).toBe(2);
    expect(entityIdsIn(output)).toEqual([B]);
    expect(output.content![0]!.content).toEqual([text('البنتاغونوزارة الدفاع', entity(B, 'organization')), text(' و')]);
    expect(collectEntityMentions(output).counts.get(B)).toBe(2);
    expect(repointEntityMarks(input, C, B, 'place')).toEqual({ doc: input, changed: 0 });
  });
});

describe('search text', () => {
  it('holds every name normalized, one per line, so spelling variants find the entity', () => {
    const searchText = entitySearchText('القوات الأمريكية', ['U.S. Forces', 'القُوّات  الأمريكيّة']);
    expect(searchText).toBe('\nالقوات الامريكيه\nu.s. forces\n');
    expect(searchText.includes(normalizeSearchKey('الامريكية'))).toBe(true);
    expect(searchText.includes(`\n${normalizeSearchKey('القوات')}`)).toBe(true);
  });

  it('escapes LIKE wildcards', () => {
    expect(escapeLikePattern('50%_a\\b')).toBe('50\\%\\_a\\\\b');
  });
});
