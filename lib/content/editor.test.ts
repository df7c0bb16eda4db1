// @vitest-environment happy-dom
import type { JSONContent } from '@tiptap/core';
import { Editor } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import { TextSelection } from '@tiptap/pm/state';
import { afterEach, describe, expect, it } from 'vitest';

import { createContentExtensions, editorContentOptions } from './extensions';
import { LINK_REL } from './link-policy';
import { getContentSchema } from './schema';
import { KITCHEN_SINK, PERSON_ID, PLACE_ID } from './test-fixtures';
import { validateDocument } from './validate';

const editors: Editor[] = [];

function createEditor(content: JSONContent | string = '', options: Record<string, unknown> = editorContentOptions): Editor {
  const editor = new Editor({ element: document.createElement('div'), extensions: createContentExtensions(), ...options, content });
  editors.push(editor);
  return editor;
}

afterEach(() => {
  editors.splice(0).forEach((editor) => editor.destroy());
});

function jsonOf(editor: Editor): JSONContent {
  return editor.getJSON() as JSONContent;
}

function expectValid(editor: Editor): JSONContent {
  const json = jsonOf(editor);
  const result = validateDocument(json);
  expect(result).toEqual({ ok: true, doc: json });
  return json;
}

/** Position just inside the first text block whose text is `text`. */
function positionOf(editor: Editor, text: string): number {
  let found = -1;
  editor.state.doc.descendants((node, pos) => {
    if (found < 0 && node.isTextblock && node.textContent === text) found = pos + 1;
    return found < 0;
  });
  if (found < 0) throw new Error(`no block with text ${text}`);
  return found;
}

/** Document positions of the first occurrence of `text` inside one text block. */
function rangeOf(editor: Editor, text: string): { from: number; to: number } {
  let from = -1;
  editor.state.doc.descendants((node, pos) => {
    if (from < 0 && node.isTextblock && node.textContent.includes(text)) from = pos + 1 + node.textContent.indexOf(text);
    return from < 0;
  });
  if (from < 0) throw new Error(`no text ${text}`);
  return { from, to: from + text.length };
}

function describeSchema(schema: Schema) {
  const types = (entries: Record<string, { spec: { attrs?: Record<string, { default?: unknown }> } }>) =>
    Object.fromEntries(
      Object.entries(entries).map(([name, type]) => [
        name,
        Object.fromEntries(Object.entries(type.spec.attrs ?? {}).map(([attr, spec]) => [attr, spec.default])),
      ]),
    );
  return { nodes: types(schema.nodes), marks: types(schema.marks) };
}

describe('the editor built from the shared extension list', () => {
  it('has exactly the server schema', () => {
    expect(describeSchema(createEditor().schema)).toEqual(describeSchema(getContentSchema()));
  });

  it('holds the kitchen-sink document unchanged, and what it saves validates', () => {
    const editor = createEditor(KITCHEN_SINK);
    expect(expectValid(editor)).toEqual(KITCHEN_SINK);
  });

  it('has a right-to-left Arabic root element', () => {
    const editor = createEditor();
    expect(editor.view.dom.getAttribute('dir')).toBe('rtl');
    expect(editor.view.dom.getAttribute('lang')).toBe('ar');
  });

  it('produces valid documents with every command an editor uses', () => {
    const editor = createEditor(
      '<p>عريض مائل</p><p>رابط السوداني</p><p>English words</p><p>عنوان</p><p>بند</p><p>مرقم</p><p>اقتباس</p><p>code</p><p>سطر</p>',
    );
    const select = (text: string) => {
      const { from, to } = rangeOf(editor, text);
      return editor.chain().setTextSelection({ from, to });
    };
    expect(select('عريض مائل').toggleBold().toggleItalic().toggleUnderline().toggleStrike().run()).toBe(true);
    expect(select('رابط').setLink({ href: 'https://example.com' }).run()).toBe(true);
    expect(select('السوداني').setEntity({ entityId: PERSON_ID, entityType: 'person' }).run()).toBe(true);
    expect(select('English').setBlockDirection('ltr').toggleCode().run()).toBe(true);
    expect(select('عنوان').toggleHeading({ level: 2 }).run()).toBe(true);
    expect(select('بند').toggleBulletList().run()).toBe(true);
    expect(select('مرقم').toggleOrderedList().run()).toBe(true);
    expect(select('اقتباس').toggleBlockquote().run()).toBe(true);
    expect(select('code').toggleCodeBlock().run()).toBe(true);
    expect(select('سطر').setTextSelection(rangeOf(editor, 'سطر').to).setHardBreak().insertContent('ثان').run()).toBe(true);
    expect(editor.chain().setHorizontalRule().run()).toBe(true);
    expect(editor.getHTML()).toBe(
      '<p><strong><em><s><u>عريض مائل</u></s></em></strong></p>' +
        '<p><a rel="noopener noreferrer nofollow" href="https://example.com">رابط</a> ' +
        `<span class="entity entity--person" data-entity-id="${PERSON_ID}" data-entity-type="person">السوداني</span></p>` +
        '<p dir="ltr"><code>English</code> words</p><h2>عنوان</h2><ul><li><p>بند</p></li></ul><ol><li><p>مرقم</p></li></ol>' +
        '<blockquote><p>اقتباس</p></blockquote><pre dir="ltr"><code>code</code></pre><p>سطر<br>ثان</p><hr><p></p>',
    );

    const json = expectValid(editor);
    const types = new Set<string>();
    const visit = (node: JSONContent) => {
      if (node.type) types.add(node.type);
      node.marks?.forEach((mark) => types.add(`mark:${mark.type}`));
      node.content?.forEach(visit);
    };
    visit(json);
    for (const type of Object.keys(getContentSchema().nodes)) expect(types, type).toContain(type);
    for (const type of Object.keys(getContentSchema().marks)) expect(types, type).toContain(`mark:${type}`);

    expect(editor.commands.undo()).toBe(true);
    expectValid(editor);
  });

  it('refuses to set links outside the policy', () => {
    const editor = createEditor('<p>نص</p>');
    editor.commands.setTextSelection({ from: 1, to: 3 });
    expect(editor.commands.setLink({ href: 'javascript:alert(1)' })).toBe(false);
    expect(editor.commands.setLink({ href: '//evil.example' })).toBe(false);
    expect(editor.commands.setLink({ href: '/articles/x' })).toBe(true);
    expectValid(editor);
  });
});

describe('Tiptap textDirection pitfall', () => {
  it('an editor created with textDirection alone saves documents the server refuses', () => {
    const editor = createEditor('<p>نص</p>', { textDirection: 'rtl' });
    const json = jsonOf(editor);
    expect(json.attrs).toEqual({ dir: 'rtl' }); // the core extension put dir on the doc node
    const result = validateDocument(json);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.detail).toMatch(/unknown attribute "dir"/);
  });

  it('editorContentOptions switch the core extension off, even if textDirection is passed too', () => {
    const editor = createEditor('<p>نص</p><hr>', { ...editorContentOptions, textDirection: 'rtl' });
    expect(jsonOf(editor).attrs).toBeUndefined();
    expectValid(editor);
  });
});

describe('setBlockDirection / unsetBlockDirection', () => {
  it('sets and unsets the direction of a paragraph', () => {
    const editor = createEditor('<p>عربي</p><p>English</p>');
    editor.commands.setTextSelection(positionOf(editor, 'English'));
    expect(editor.commands.setBlockDirection('ltr')).toBe(true);
    expect(jsonOf(editor).content?.map((block) => block.attrs?.dir)).toEqual([null, 'ltr']);
    expect(editor.getHTML()).toBe('<p>عربي</p><p dir="ltr">English</p>');
    editor.commands.unsetBlockDirection();
    expect(jsonOf(editor).content?.map((block) => block.attrs?.dir)).toEqual([null, null]);
  });

  it('refuses values other than rtl and ltr', () => {
    const editor = createEditor('<p>x</p>');
    expect(editor.commands.setBlockDirection('auto' as never)).toBe(false);
    expect(() => editor.commands.setTextDirection('auto')).toThrow(); // the core command cannot store invalid values
  });

  it('keeps the direction when Enter splits the block', () => {
    const editor = createEditor('<p dir="ltr">English</p>');
    editor.chain().setTextSelection(positionOf(editor, 'English') + 7).splitBlock().insertContent('More').run();
    expect(jsonOf(editor).content?.map((block) => block.attrs?.dir)).toEqual(['ltr', 'ltr']);
  });

  it('moves a single list item (bullet included) and the whole list when every item agrees', () => {
    const editor = createEditor('<ul><li><p>one</p></li><li><p>two</p></li></ul>');
    editor.commands.setTextSelection(positionOf(editor, 'two'));
    editor.commands.setBlockDirection('ltr');
    let list = jsonOf(editor).content?.[0];
    expect(list?.attrs?.dir).toBe(null);
    expect(list?.content?.map((item) => [item.attrs?.dir, item.content?.[0]?.attrs?.dir])).toEqual([
      [null, null],
      ['ltr', 'ltr'],
    ]);

    editor.commands.setTextSelection({ from: positionOf(editor, 'one'), to: positionOf(editor, 'two') + 3 });
    editor.commands.setBlockDirection('ltr');
    list = jsonOf(editor).content?.[0];
    expect(list?.attrs?.dir).toBe('ltr');
    // (the trailing empty paragraph comes from StarterKit's TrailingNode)
    expect(editor.getHTML()).toBe('<ul dir="ltr"><li dir="ltr"><p dir="ltr">one</p></li><li dir="ltr"><p dir="ltr">two</p></li></ul><p></p>');

    editor.commands.unsetBlockDirection();
    expect(editor.getHTML()).toBe('<ul><li><p>one</p></li><li><p>two</p></li></ul><p></p>');
    expectValid(editor);
  });

  it('turns a paragraph into an ltr code block and back (toggleCodeBlock copies dir: null)', () => {
    const editor = createEditor('<p>عربي</p><p>code</p>');
    editor.commands.setTextSelection(positionOf(editor, 'code'));
    expect(editor.commands.toggleCodeBlock()).toBe(true);
    expect(jsonOf(editor).content?.[1]).toEqual({ type: 'codeBlock', attrs: { dir: 'ltr', language: null }, content: [{ type: 'text', text: 'code' }] });
    expectValid(editor);
    editor.commands.toggleCodeBlock();
    expectValid(editor);
  });

  it('does not let a code block decide the direction of the quote around it', () => {
    const editor = createEditor('<blockquote><pre><code>code</code></pre></blockquote>');
    editor.commands.setTextSelection(positionOf(editor, 'code'));
    editor.commands.unsetBlockDirection();
    expect(editor.getHTML()).toBe('<blockquote><pre dir="ltr"><code>code</code></pre></blockquote><p></p>');
  });

  it('sets a blockquote when its only paragraph changes, and resets code blocks to ltr', () => {
    const editor = createEditor('<blockquote><p>quote</p></blockquote><pre><code>code</code></pre>');
    editor.commands.setTextSelection(positionOf(editor, 'quote'));
    editor.commands.setBlockDirection('ltr');
    expect(editor.getHTML()).toContain('<blockquote dir="ltr"><p dir="ltr">quote</p></blockquote>');

    const code = positionOf(editor, 'code');
    editor.commands.setTextSelection(code);
    editor.commands.setBlockDirection('rtl');
    expect(editor.getHTML()).toContain('<pre dir="rtl">');
    editor.commands.unsetBlockDirection();
    expect(editor.getHTML()).toContain('<pre dir="ltr">');
    expectValid(editor);
  });
});

describe('the entity mark in the editor', () => {
  const mentionDoc: JSONContent = {
    type: 'doc',
    content: [
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'قال ' },
          { type: 'text', text: 'السوداني', marks: [{ type: 'bold' }, { type: 'entity', attrs: { entityId: PERSON_ID, entityType: 'person' } }] },
        ],
      },
    ],
  };

  it('refuses malformed attributes', () => {
    const editor = createEditor('<p>بغداد</p>');
    editor.commands.setTextSelection({ from: 1, to: 6 });
    expect(editor.commands.setEntity({ entityId: 'x', entityType: 'place' })).toBe(false);
    expect(editor.commands.setEntity({ entityId: PLACE_ID, entityType: 'city' as never })).toBe(false);
    expect(editor.commands.setEntity({ entityId: PLACE_ID, entityType: 'place' })).toBe(true);
    expectValid(editor);
  });

  it('survives clear formatting (unsetAllMarks) but not ignoreClearable or unsetEntity', () => {
    const editor = createEditor(mentionDoc);
    editor.commands.selectAll();
    editor.commands.unsetAllMarks();
    expect(jsonOf(editor).content?.[0]?.content?.[1]?.marks).toEqual([
      { type: 'entity', attrs: { entityId: PERSON_ID, entityType: 'person' } },
    ]);
    editor.commands.unsetEntity();
    expect(jsonOf(editor).content?.[0]?.content).toEqual([{ type: 'text', text: 'قال السوداني' }]);

    const other = createEditor(mentionDoc);
    other.commands.selectAll();
    other.commands.unsetAllMarks({ ignoreClearable: true });
    expect(jsonOf(other).content?.[0]?.content).toEqual([{ type: 'text', text: 'قال السوداني' }]);
  });

  it('is not extended by typing at its end (inclusive: false)', () => {
    const editor = createEditor(mentionDoc);
    const end = positionOf(editor, 'قال السوداني') + 'قال السوداني'.length;
    editor.view.dispatch(editor.state.tr.setSelection(TextSelection.create(editor.state.doc, end)).insertText('ي'));
    const last = jsonOf(editor).content?.[0]?.content?.at(-1);
    expect(last).toEqual({ type: 'text', text: 'ي', marks: [{ type: 'bold' }] });
  });

  it('is not extended by typing after Enter inside it, while bold is', () => {
    const editor = createEditor(mentionDoc);
    const middle = positionOf(editor, 'قال السوداني') + 'قال السو'.length;
    editor.chain().setTextSelection(middle).splitBlock().run();
    editor.view.dispatch(editor.state.tr.insertText('ـ'));
    const entity = { type: 'entity', attrs: { entityId: PERSON_ID, entityType: 'person' } };
    expect(jsonOf(editor).content?.[1]?.content).toEqual([
      { type: 'text', text: 'ـ', marks: [{ type: 'bold' }] },
      { type: 'text', text: 'داني', marks: [{ type: 'bold' }, entity] },
    ]);
  });
});

describe('pasting', () => {
  it('repairs pasted attribute values the validator would refuse', () => {
    const editor = createEditor('<p></p>');
    editor.view.pasteHTML(
      '<p><a href="https://example.com" rel="noopener" class="foo" target="_top">رابط</a></p>' +
        '<ol type="x" start="abc"><li><p>بند</p></li></ol><pre><code class="language-&quot;bad&quot;">x</code></pre>',
    );
    const json = expectValid(editor);
    const text = JSON.stringify(json);
    expect(text).toContain(JSON.stringify({ href: 'https://example.com', target: null, rel: LINK_REL, class: null, title: null }));
    expect(text).toContain('"type":"orderedList","attrs":{"dir":null,"start":1,"type":null}');
    expect(text).toContain('"type":"codeBlock","attrs":{"dir":"ltr","language":null}');
  });

  it('drops hostile links and malformed mentions but keeps their text', () => {
    const editor = createEditor('<p></p>');
    editor.view.pasteHTML(
      '<p><a href="javascript:alert(1)">أ</a> <a href="data:text/html,x">ب</a> ' +
        `<span data-entity-id="${PERSON_ID}" data-entity-type="robot">ج</span></p>`,
    );
    const json = expectValid(editor);
    expect(json.content?.[0]?.content).toEqual([{ type: 'text', text: 'أ ب ج' }]);
  });

  it('keeps mentions pasted from our own rendered pages', () => {
    const editor = createEditor('<p></p>');
    editor.view.pasteHTML(`<p><a href="/entities/x" class="entity entity--person" data-entity-id="${PERSON_ID}" data-entity-type="person">السوداني</a></p>`);
    const json = expectValid(editor);
    expect(json.content?.[0]?.content).toEqual([
      { type: 'text', text: 'السوداني', marks: [{ type: 'entity', attrs: { entityId: PERSON_ID, entityType: 'person' } }] },
    ]);
  });
});
