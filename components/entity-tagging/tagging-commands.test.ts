// @vitest-environment happy-dom
import type { Editor, JSONContent } from '@tiptap/core';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { validateDocument } from '@/lib/content/validate';
import { collectEntityMentions, suggestUntagged, type TiptapNodeJSON } from '@/lib/entities/mark-index';
import { createEntityMatcher } from '@/lib/entities/matcher';
import { applySuggestions, listMentions, mentionAt, tagRange, untagEntity, untagMentionAt } from './tagging-commands';
import { createTestEditor, rangeOf, seedBody, seedRegistry, uuid } from './test-support';

const A = uuid(901);
const B = uuid(902);
const C = uuid(903);

const editors: Editor[] = [];
function editorWith(content: JSONContent | string): Editor {
  const editor = createTestEditor(content);
  editors.push(editor);
  return editor;
}
afterEach(() => editors.splice(0).forEach((editor) => editor.destroy()));

const mentionsOf = (editor: Editor) =>
  collectEntityMentions(editor.getJSON() as TiptapNodeJSON).mentions.map((mention) => [mention.entityId, mention.text]);

const entityMark = (entityId: string, entityType = 'organization') => ({ type: 'entity', attrs: { entityId, entityType } });
const paragraph = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });
const text = (value: string, ...marks: JSONContent['marks'] & object[]): JSONContent => (marks.length ? { type: 'text', text: value, marks } : { type: 'text', text: value });

describe('tagging commands on a live editor', () => {
  it('tags the selection, leaving out surrounding spaces', () => {
    const editor = editorWith('<p>قال رئيس الوزراء في بغداد اليوم</p>');
    const { from, to } = rangeOf(editor, ' بغداد ');
    editor.commands.setTextSelection({ from, to });
    expect(tagRange(editor, { entityId: A, entityType: 'place' })).toBe(true);
    expect(mentionsOf(editor)).toEqual([[A, 'بغداد']]);
    expect(validateDocument(editor.getJSON()).ok).toBe(true);
    // Nothing to tag: spaces only, or across two blocks.
    editor.commands.setTextSelection({ from: to - 1, to });
    expect(tagRange(editor, { entityId: B, entityType: 'place' })).toBe(false);
  });

  it('retagging part of a mention replaces the whole mention: no fragment keeps the old id', () => {
    const editor = editorWith({
      type: 'doc',
      content: [paragraph(text('قالت '), text('القيادة الوسطى ', entityMark(A)), text('الأمريكية', { type: 'bold' }, entityMark(A)), text(' اليوم'))],
    });
    expect(mentionsOf(editor)).toEqual([[A, 'القيادة الوسطى الأمريكية']]);
    tagRange(editor, { entityId: B, entityType: 'organization' }, rangeOf(editor, 'الوسطى'));
    expect(mentionsOf(editor)).toEqual([[B, 'الوسطى']]);
    // Over part of a mention and beyond it.
    tagRange(editor, { entityId: C, entityType: 'place' }, rangeOf(editor, 'طى الأمريكية اليو'));
    expect(mentionsOf(editor)).toEqual([[C, 'طى الأمريكية اليو']]);
    expect(editor.getJSON().content![0]!.content!.some((node) => node.marks?.some((mark) => mark.type === 'bold'))).toBe(true);
  });

  it('untags the whole mention at the cursor, even when bold cuts it, and only that one', () => {
    const editor = editorWith({
      type: 'doc',
      content: [
        paragraph(text('قوات ', entityMark(A)), text('الأمن', { type: 'bold' }, entityMark(A)), text(' العراقية', entityMark(A)), text(' و'), text('قوات الأمن', entityMark(A))),
      ],
    });
    const inside = rangeOf(editor, 'العراقية').from + 2;
    expect(mentionAt(editor.state, inside)).toMatchObject({ entityId: A, to: inside + 6 });
    expect(untagMentionAt(editor, inside)).toBe(true);
    expect(mentionsOf(editor)).toEqual([[A, 'قوات الأمن']]);
    expect(untagMentionAt(editor, rangeOf(editor, ' و').from)).toBe(false);
  });

  it('untags every mention of one entity and no other', () => {
    const editor = editorWith({
      type: 'doc',
      content: [paragraph(text('العراق', entityMark(A, 'place')), text(' و'), text('سوريا', entityMark(B, 'place'))), paragraph(text('العراق', entityMark(A, 'place')))],
    });
    expect(untagEntity(editor, A)).toBe(true);
    expect(mentionsOf(editor)).toEqual([[B, 'سوريا']]);
    expect(untagEntity(editor, A)).toBe(false);
  });

  it('accept all on the untagged sample article tags exactly the matcher mentions, in one undo step', () => {
    const registry = seedRegistry();
    const matcher = createEntityMatcher(registry.map((entry) => ({ entityId: entry.id, names: [entry.name, ...entry.aliases] })));
    const typeOf = new Map(registry.map((entry) => [entry.id, entry.type]));
    const editor = editorWith(seedBody());
    const suggestions = suggestUntagged(editor.getJSON() as TiptapNodeJSON, matcher);
    expect(suggestions).toHaveLength(46);
    expect(applySuggestions(editor, [...suggestions].reverse(), (id) => typeOf.get(id))).toBe(46);
    const { mentions } = collectEntityMentions(editor.getJSON() as TiptapNodeJSON);
    expect(mentions.map((m) => [m.entityId, m.pmFrom, m.pmTo, m.text])).toEqual(suggestions.map((s) => [s.entityId, s.pmFrom, s.pmTo, s.text]));
    expect(mentions.every((m) => m.entityType === typeOf.get(m.entityId))).toBe(true);
    expect(suggestUntagged(editor.getJSON() as TiptapNodeJSON, matcher)).toEqual([]);
    editor.commands.undo();
    expect(collectEntityMentions(editor.getJSON() as TiptapNodeJSON).mentions).toEqual([]);
  });

  it('accepting one suggestion tags it alone; stale suggestions (the text moved) are skipped, not misplaced', () => {
    const registry = seedRegistry();
    const matcher = createEntityMatcher(registry.map((entry) => ({ entityId: entry.id, names: [entry.name, ...entry.aliases] })));
    const typeOf = (id: string) => registry.find((entry) => entry.id === id)?.type;
    const editor = editorWith(seedBody());
    const suggestions = suggestUntagged(editor.getJSON() as TiptapNodeJSON, matcher);
    expect(applySuggestions(editor, [suggestions[3]!], typeOf)).toBe(1);
    expect(mentionsOf(editor)).toEqual([[suggestions[3]!.entityId, suggestions[3]!.text]]);
    editor.commands.insertContentAt(1, 'خبر: ');
    expect(applySuggestions(editor, suggestions.slice(4, 6), typeOf)).toBe(0);
    expect(applySuggestions(editor, suggestUntagged(editor.getJSON() as TiptapNodeJSON, matcher).slice(0, 2), typeOf)).toBe(2);
  });
});

describe('tagging properties', () => {
  const words = ['العراق', 'قوات الأمن', 'بغداد', 'و', '،', 'x', 'الأمريكية'];
  const paragraphArbitrary = fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 8 }).map((list) => list.join(' '));
  const docArbitrary = fc.array(paragraphArbitrary, { minLength: 1, maxLength: 3 });
  const ids = [A, B, C];
  const operation = fc.oneof(
    fc.record({ kind: fc.constant('tag' as const), a: fc.nat(), b: fc.nat(), id: fc.constantFrom(...ids) }),
    fc.record({ kind: fc.constant('untag' as const), a: fc.nat() }),
    fc.record({ kind: fc.constant('untagAll' as const), id: fc.constantFrom(...ids) }),
  );

  it('marks never overlap, retagging leaves no fragment, and the index agrees with the marks', () => {
    fc.assert(
      fc.property(docArbitrary, fc.array(operation, { maxLength: 12 }), (paragraphs, operations) => {
        const editor = createTestEditor(paragraphs.map((p) => `<p>${p}</p>`).join(''));
        try {
          const type = editor.schema.marks.entity!;
          for (const op of operations) {
            const size = editor.state.doc.content.size;
            if (op.kind === 'tag') {
              const from = 1 + (op.a % (size - 1));
              const to = Math.min(size - 1, from + 1 + (op.b % 12));
              const before = listMentions(editor.state.doc, type).filter((m) => m.from < to && from < m.to && m.entityId !== op.id);
              if (tagRange(editor, { entityId: op.id, entityType: 'place' }, { from, to })) {
                // No fragment of a replaced mention keeps its old id.
                for (const old of before) {
                  expect(listMentions(editor.state.doc, type, old.entityId).some((m) => m.from < old.to && old.from < m.to)).toBe(false);
                }
              }
            } else if (op.kind === 'untag') {
              const pos = 1 + (op.a % (size - 1));
              const mention = mentionAt(editor.state, pos);
              untagMentionAt(editor, pos);
              if (mention) expect(editor.state.doc.rangeHasMark(mention.from, mention.to, type)).toBe(false);
            } else {
              untagEntity(editor, op.id);
              expect(listMentions(editor.state.doc, type, op.id)).toEqual([]);
            }
            // Never two entity marks on one text node.
            editor.state.doc.descendants((node) => {
              if (node.isText) expect(node.marks.filter((mark) => mark.type === type).length).toBeLessThanOrEqual(1);
            });
            // The JSON index agrees with the marks of the live document.
            const json = editor.getJSON() as TiptapNodeJSON;
            const { mentions, counts } = collectEntityMentions(json);
            const live = listMentions(editor.state.doc, type);
            expect(mentions.map((m) => [m.entityId, m.pmFrom, m.pmTo])).toEqual(live.map((m) => [m.entityId, m.from, m.to]));
            const liveCounts = new Map<string, number>();
            for (const m of live) liveCounts.set(m.entityId, (liveCounts.get(m.entityId) ?? 0) + 1);
            expect(counts).toEqual(liveCounts);
            expect(validateDocument(json).ok).toBe(true);
          }
        } finally {
          editor.destroy();
        }
      }),
      { numRuns: 150 },
    );
  });
});
