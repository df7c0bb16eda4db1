import type { JSONContent } from '@tiptap/core';
import { Schema, type Node as ProseMirrorNode } from '@tiptap/pm/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collectEntityMentions, countEntityMentions, listTextBlocks, nodeSize, suggestUntagged, type TiptapNodeJSON } from './mark-index';
import { createEntityMatcher } from './matcher';

/** A tiny schema shaped like Tiptap's StarterKit (same node names), only to check positions against ProseMirror. */
const schema = new Schema({
  nodes: {
    doc: { content: 'block+' },
    paragraph: { group: 'block', content: 'inline*' },
    heading: { group: 'block', content: 'inline*', attrs: { level: { default: 1 } } },
    blockquote: { group: 'block', content: 'block+' },
    bulletList: { group: 'block', content: 'listItem+' },
    listItem: { content: 'paragraph block*' },
    horizontalRule: { group: 'block' },
    text: { group: 'inline' },
    hardBreak: { group: 'inline', inline: true },
    image: { group: 'inline', inline: true, attrs: { src: { default: '' } } },
  },
  marks: {
    entity: { attrs: { entityId: {}, entityType: { default: null } }, inclusive: false },
    bold: {},
  },
});

const entity = (entityId: string, entityType = 'place') => ({ type: 'entity', attrs: { entityId, entityType } });
const bold = { type: 'bold' };
const text = (value: string, ...marks: Array<{ type: string; attrs?: Record<string, unknown> }>): TiptapNodeJSON =>
  marks.length > 0 ? { type: 'text', text: value, marks } : { type: 'text', text: value };
const paragraph = (...content: TiptapNodeJSON[]): TiptapNodeJSON =>
  content.length > 0 ? { type: 'paragraph', content } : { type: 'paragraph' };

const sampleDoc: TiptapNodeJSON = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [text('تقرير من '), text('بغداد', entity('baghdad'))] },
    paragraph(),
    paragraph(
      text('قالت '),
      text('قوات ', entity('isf', 'organization')),
      text('الأمن', entity('isf', 'organization'), bold),
      text(' العراقية', entity('isf', 'organization')),
      text(' إن '),
      text('العراق', entity('iraq')),
      text('وسوريا', entity('syria')),
      { type: 'hardBreak' },
      text('العراق', entity('iraq')),
      { type: 'image', attrs: { src: 'x.png' } },
      text(' والعراق 😀 ثم '),
      text('العراق', entity('iraq')),
    ),
    { type: 'horizontalRule' },
    {
      type: 'blockquote',
      content: [paragraph(text('في بابل، قال المتحدث باسم البنتاغون عن '), text('بابل', entity('babylon')))],
    },
    {
      type: 'bulletList',
      content: [
        { type: 'listItem', content: [paragraph(text('سوريا وبغداد'))] },
        {
          type: 'listItem',
          content: [paragraph(text('الولايات')), paragraph(text('الولايات'), { type: 'hardBreak' }, text('المتحدة'))],
        },
      ],
    },
  ],
};

const matcher = createEntityMatcher([
  { entityId: 'baghdad', names: ['بغداد'] },
  { entityId: 'iraq', names: ['العراق'] },
  { entityId: 'syria', names: ['سوريا'] },
  { entityId: 'babylon', names: ['بابل'] },
  { entityId: 'pentagon', names: ['وزارة الدفاع الأمريكية', 'البنتاغون'] },
  { entityId: 'us', names: ['الولايات المتحدة'] },
  { entityId: 'isf', names: ['قوات الأمن العراقية'] },
]);

const leafText = (node: ProseMirrorNode): string => (node.type.name === 'hardBreak' ? '\n' : '\uFFFC');

function entityIdAt(node: ProseMirrorNode): string | null {
  const mark = node.marks.find((candidate) => candidate.type.name === 'entity');
  return mark ? (mark.attrs.entityId as string) : null;
}

describe('listTextBlocks: positions agree with ProseMirror', () => {
  const pmDoc = schema.nodeFromJSON(sampleDoc);
  pmDoc.check();

  it('computes node sizes like ProseMirror', () => {
    expect(nodeSize(sampleDoc)).toBe(pmDoc.nodeSize);
    (sampleDoc.content ?? []).forEach((child, index) => expect(nodeSize(child)).toBe(pmDoc.child(index).nodeSize));
  });

  it('finds each text block at its ProseMirror position, with one text unit per content position', () => {
    const blocks = listTextBlocks(sampleDoc);
    const expected: Array<{ pos: number; node: ProseMirrorNode }> = [];
    pmDoc.descendants((node, pos) => {
      if (node.isTextblock && node.content.size > 0) expected.push({ pos, node });
    });
    // (The sample has no block holding only images; such a block is not a text block for listTextBlocks.)
    expect(blocks.map((block) => block.pos)).toEqual(expected.map((entry) => entry.pos));
    blocks.forEach((block, index) => {
      const { node } = expected[index]!;
      expect(block.blockIndex).toBe(index);
      expect(block.type).toBe(node.type.name);
      expect(pmDoc.nodeAt(block.pos)).toBe(node);
      expect(block.contentStart).toBe(block.pos + 1);
      expect(pmDoc.resolve(block.contentStart).parent).toBe(node);
      expect(block.text.length).toBe(node.content.size);
      const contentEnd = block.contentStart + node.content.size;
      expect(block.text).toBe(pmDoc.textBetween(block.contentStart, contentEnd, '', leafText));
      let target: ProseMirrorNode = pmDoc;
      for (const index of block.path) target = target.child(index);
      expect(target).toBe(node);
    });
  });
});

describe('collectEntityMentions', () => {
  const pmDoc = schema.nodeFromJSON(sampleDoc);
  const { mentions, counts } = collectEntityMentions(sampleDoc);

  it('merges an entity cut by bold into one mention and keeps separate mentions apart', () => {
    expect(mentions.map((mention) => [mention.entityId, mention.text])).toEqual([
      ['baghdad', 'بغداد'],
      ['isf', 'قوات الأمن العراقية'],
      ['iraq', 'العراق'],
      ['syria', 'وسوريا'],
      ['iraq', 'العراق'],
      ['iraq', 'العراق'],
      ['babylon', 'بابل'],
    ]);
    expect(Object.fromEntries(counts)).toEqual({ baghdad: 1, isf: 1, iraq: 3, syria: 1, babylon: 1 });
    expect(mentions[1]).toMatchObject({ entityType: 'organization', blockIndex: 1, path: [2], from: 5, to: 24 });
  });

  it('gives document positions that ProseMirror agrees with', () => {
    for (const mention of mentions) {
      expect(pmDoc.textBetween(mention.pmFrom, mention.pmTo, '', leafText)).toBe(mention.text);
      expect(pmDoc.rangeHasMark(mention.pmFrom, mention.pmTo, schema.marks.entity!)).toBe(true);
      pmDoc.nodesBetween(mention.pmFrom, mention.pmTo, (node) => {
        if (node.isInline) expect(entityIdAt(node)).toBe(mention.entityId);
        return true;
      });
    }
  });

  it('accepts Tiptap JSONContent as is (type check) and finds blocks holding only a hard break', () => {
    const json: JSONContent = {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'hardBreak' }] }, { type: 'paragraph' }],
    };
    const blocks = listTextBlocks(json);
    expect(blocks.map((block) => [block.pos, block.text])).toEqual([[0, '\n']]);
    expect(collectEntityMentions(json).mentions).toEqual([]);
  });

  it('ignores marks of other types and entity marks without an id', () => {
    const doc: TiptapNodeJSON = {
      type: 'doc',
      content: [
        paragraph(
          text('أ', { type: 'link', attrs: { entityId: 'x' } }),
          text('ب', { type: 'entity', attrs: { entityId: '' } }),
          text('ت', { type: 'entity' }),
          text('ث', { type: 'mention', attrs: { entityId: 'y' } }, entity('z')),
        ),
      ],
    };
    const result = collectEntityMentions(doc);
    expect(result.mentions.map((mention) => mention.entityId)).toEqual(['z']);
    expect(collectEntityMentions(doc, { markType: 'mention' }).mentions.map((mention) => mention.text)).toEqual(['ث']);
  });
});

describe('countEntityMentions', () => {
  it('gives the counts of collectEntityMentions, also for stored JSON that ProseMirror would refuse', () => {
    const oddDocs: TiptapNodeJSON[] = [
      sampleDoc,
      // An empty text node between two parts of one mention ends it, as in collectEntityMentions.
      { type: 'doc', content: [paragraph(text('بغداد', entity('baghdad')), text(''), text('بغداد', entity('baghdad')))] },
      { type: 'doc', content: [paragraph(text('', entity('baghdad')), text('بغداد', entity('baghdad')))] },
      // A text block at the root, malformed marks, a marked image between two parts of a mention.
      paragraph(text('أ', { type: 'entity', attrs: { entityId: '' } }), text('ب', entity('a')), { type: 'image', marks: [entity('a')] }, text('ت', entity('a'))),
      { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text' }] }, { type: 'blockquote' }] },
      { type: 'doc' },
    ];
    for (const doc of oddDocs) {
      expect(countEntityMentions(doc)).toEqual(collectEntityMentions(doc).counts);
      expect(countEntityMentions(doc, { markType: 'bold' })).toEqual(collectEntityMentions(doc, { markType: 'bold' }).counts);
    }
    expect(Object.fromEntries(countEntityMentions(sampleDoc))).toEqual({ baghdad: 1, isf: 1, iraq: 3, syria: 1, babylon: 1 });
    expect(Object.fromEntries(countEntityMentions(oddDocs[1]!))).toEqual({ baghdad: 2 });
  });
});

describe('suggestUntagged', () => {
  const pmDoc = schema.nodeFromJSON(sampleDoc);
  const suggestions = suggestUntagged(sampleDoc, matcher);

  it('suggests registered names outside existing marks, never across a hard break', () => {
    expect(suggestions.map((suggestion) => [suggestion.entityId, suggestion.text, suggestion.blockIndex])).toEqual([
      ['iraq', 'العراق', 1], // "والعراق" after the image
      ['babylon', 'بابل', 2], // "في بابل،"; the tagged one at the end is skipped
      ['pentagon', 'البنتاغون', 2],
      ['syria', 'سوريا', 3],
      ['baghdad', 'بغداد', 3],
      // "الولايات<hardBreak>المتحدة" is not suggested; one paragraph per word neither.
    ]);
  });

  it('gives document positions that ProseMirror agrees with, outside entity marks', () => {
    for (const suggestion of suggestions) {
      expect(pmDoc.textBetween(suggestion.pmFrom, suggestion.pmTo, '', leafText)).toBe(suggestion.text);
      expect(pmDoc.rangeHasMark(suggestion.pmFrom, suggestion.pmTo, schema.marks.entity!)).toBe(false);
      expect(suggestion.pmTo - suggestion.pmFrom).toBe(suggestion.to - suggestion.from);
    }
  });

  it('does not let a tag hide an untagged mention next to it', () => {
    const entries = createEntityMatcher([
      { entityId: 'council', names: ['مجلس الوزراء العراقي', 'مجلس الوزراء'] },
      { entityId: 'iraqi', names: ['العراقي'] },
    ]);
    const doc: TiptapNodeJSON = {
      type: 'doc',
      content: [paragraph(text('رئيس مجلس الوزراء '), text('العراقي', entity('iraqi')))],
    };
    expect(suggestUntagged(doc, entries).map((suggestion) => [suggestion.entityId, suggestion.text])).toEqual([
      ['council', 'مجلس الوزراء'],
    ]);
  });
});

// ---------------------------------------------------------------------------------------------------------------------
// Property: counts and positions agree with ProseMirror for random documents.

const textArbitrary: fc.Arbitrary<TiptapNodeJSON> = fc
  .record({
    value: fc.constantFrom('ب', 'العراق', ' ', 'و', '😀', 'سوريا ', 'x'),
    entityId: fc.constantFrom(null, null, 'a', 'b', 'c'),
    isBold: fc.boolean(),
  })
  .map(({ value, entityId, isBold }) => {
    const marks = [...(entityId === null ? [] : [entity(entityId)]), ...(isBold ? [bold] : [])];
    return text(value, ...marks);
  });
const leafArbitrary = fc.constantFrom<TiptapNodeJSON>(
  { type: 'hardBreak' },
  { type: 'hardBreak', marks: [entity('a')] },
  { type: 'image', attrs: { src: 'i.png' } },
);
const inlineArbitrary = fc.oneof({ weight: 6, arbitrary: textArbitrary }, { weight: 1, arbitrary: leafArbitrary });

const blockArbitrary: fc.Arbitrary<TiptapNodeJSON> = fc.letrec<{ block: TiptapNodeJSON }>((tie) => ({
  block: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.array(inlineArbitrary, { maxLength: 8 }).map((content) => paragraph(...content)),
    fc.constant<TiptapNodeJSON>({ type: 'horizontalRule' }),
    fc.array(tie('block'), { minLength: 1, maxLength: 3 }).map((content) => ({ type: 'blockquote', content })),
  ),
})).block;

const docArbitrary = fc
  .array(blockArbitrary, { minLength: 1, maxLength: 6 })
  .map((content): TiptapNodeJSON => ({ type: 'doc', content }));

/** Mentions counted directly on the ProseMirror document (which joins same-mark text nodes itself). */
function countWithProseMirror(doc: ProseMirrorNode): Map<string, number> {
  const counts = new Map<string, number>();
  doc.descendants((node) => {
    if (!node.isTextblock) return true;
    let open: string | null = null;
    node.forEach((child) => {
      const id = entityIdAt(child);
      if (!child.isText) {
        if (id !== open) open = null; // a marked hard break bridges a mention, it never starts one
        return;
      }
      if (id !== null && id !== open) counts.set(id, (counts.get(id) ?? 0) + 1);
      open = id;
    });
    return false;
  });
  return counts;
}

describe('mark-index properties', () => {
  it('counts agree with ProseMirror and every mention/suggestion position reads back its text', () => {
    fc.assert(
      fc.property(docArbitrary, (doc) => {
        const pmDoc = schema.nodeFromJSON(doc);
        pmDoc.check();
        expect(nodeSize(doc)).toBe(pmDoc.nodeSize);
        const { mentions, counts } = collectEntityMentions(doc);
        expect(counts).toEqual(countWithProseMirror(pmDoc));
        expect(countEntityMentions(doc)).toEqual(counts);
        expect(mentions.length).toBe([...counts.values()].reduce((sum, count) => sum + count, 0));
        for (const mention of mentions) {
          expect(pmDoc.textBetween(mention.pmFrom, mention.pmTo, '', leafText)).toBe(mention.text);
          expect(pmDoc.rangeHasMark(mention.pmFrom, mention.pmTo, schema.marks.entity!)).toBe(true);
        }
        for (const suggestion of suggestUntagged(doc, matcher)) {
          expect(pmDoc.textBetween(suggestion.pmFrom, suggestion.pmTo, '', leafText)).toBe(suggestion.text);
          expect(pmDoc.rangeHasMark(suggestion.pmFrom, suggestion.pmTo, schema.marks.entity!)).toBe(false);
        }
      }),
      { numRuns: 500 },
    );
  });
});
