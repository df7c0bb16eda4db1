// @vitest-environment happy-dom
import type { JSONContent } from '@tiptap/core';
import { DOMParser as ProseMirrorDOMParser } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';

import { LINK_REL } from './link-policy';
import { renderDocumentToHtml } from './render';
import { getContentSchema } from './schema';
import { EVENT_ID, KITCHEN_SINK, ORGANIZATION_ID, PERSON_ID, PLACE_ID, docWithText } from './test-fixtures';
import { validateDocument } from './validate';

/** HTML → JSON with the same schema, as the editor parses pasted HTML. */
function parseHtml(html: string): JSONContent {
  const container = document.createElement('div');
  container.innerHTML = html;
  return ProseMirrorDOMParser.fromSchema(getContentSchema()).parse(container).toJSON() as JSONContent;
}

const entityHref = (entityId: string) => `/entities/${entityId}`;

describe('JSON → HTML (static renderer) → JSON', () => {
  it('round-trips the kitchen-sink document (every node, mark and direction) to identical JSON', () => {
    expect(parseHtml(renderDocumentToHtml(KITCHEN_SINK))).toEqual(KITCHEN_SINK);
  });

  it('round-trips it as well when entities render as links to their pages', () => {
    const html = renderDocumentToHtml(KITCHEN_SINK, { entityHref });
    expect(html).toContain(`<a href="/entities/${PERSON_ID}"`);
    expect(parseHtml(html)).toEqual(KITCHEN_SINK);
  });

  // One document per node and mark, so that a failure names the culprit.
  const single: Array<[string, JSONContent]> = [
    ['paragraph', docWithText('فقرة')],
    ['paragraph ltr', docWithText('paragraph', undefined, { dir: 'ltr' })],
    ['paragraph rtl', docWithText('فقرة', undefined, { dir: 'rtl' })],
    ['bold', docWithText('عريض', [{ type: 'bold' }])],
    ['italic', docWithText('مائل', [{ type: 'italic' }])],
    ['underline', docWithText('مسطر', [{ type: 'underline' }])],
    ['strike', docWithText('مشطوب', [{ type: 'strike' }])],
    ['code', docWithText('a < b', [{ type: 'code' }])],
    ['link with every attribute', docWithText('رابط', [{
      type: 'link',
      attrs: { href: 'https://example.com/?a=1&b=2', target: '_blank', rel: 'noopener noreferrer nofollow', class: null, title: 'عنوان "مقتبس"' },
    }])],
    ['entity person', docWithText('السوداني', [{ type: 'entity', attrs: { entityId: PERSON_ID, entityType: 'person' } }])],
    ['entity organization', docWithText('القيادة', [{ type: 'entity', attrs: { entityId: ORGANIZATION_ID, entityType: 'organization' } }])],
    ['entity place', docWithText('بغداد', [{ type: 'entity', attrs: { entityId: PLACE_ID, entityType: 'place' } }])],
    ['entity event', docWithText('المؤتمر', [{ type: 'entity', attrs: { entityId: EVENT_ID, entityType: 'event' } }])],
    ['hardBreak', { type: 'doc', content: [{ type: 'paragraph', attrs: { dir: null }, content: [{ type: 'text', text: 'أ' }, { type: 'hardBreak' }, { type: 'text', text: 'ب' }] }] }],
    ['heading 2', { type: 'doc', content: [{ type: 'heading', attrs: { dir: null, level: 2 }, content: [{ type: 'text', text: 'عنوان' }] }] }],
    ['heading 3 ltr', { type: 'doc', content: [{ type: 'heading', attrs: { dir: 'ltr', level: 3 }, content: [{ type: 'text', text: 'Title' }] }] }],
    ['blockquote', { type: 'doc', content: [{ type: 'blockquote', attrs: { dir: 'rtl' }, content: [{ type: 'paragraph', attrs: { dir: null }, content: [{ type: 'text', text: 'اقتباس' }] }] }] }],
    ['bulletList', { type: 'doc', content: [{ type: 'bulletList', attrs: { dir: 'ltr' }, content: [{ type: 'listItem', attrs: { dir: 'ltr' }, content: [{ type: 'paragraph', attrs: { dir: null }, content: [{ type: 'text', text: 'item' }] }] }] }] }],
    ['orderedList', { type: 'doc', content: [{ type: 'orderedList', attrs: { dir: null, start: 7, type: 'I' }, content: [{ type: 'listItem', attrs: { dir: null }, content: [{ type: 'paragraph', attrs: { dir: null }, content: [{ type: 'text', text: 'سابعاً' }] }] }] }] }],
    ['codeBlock', { type: 'doc', content: [{ type: 'codeBlock', attrs: { dir: 'ltr', language: 'python' }, content: [{ type: 'text', text: 'def f():\n    return  1' }] }] }],
    ['codeBlock rtl', { type: 'doc', content: [{ type: 'codeBlock', attrs: { dir: 'rtl', language: null }, content: [{ type: 'text', text: 'نص' }] }] }],
    ['horizontalRule', { type: 'doc', content: [{ type: 'paragraph', attrs: { dir: null } }, { type: 'horizontalRule' }, { type: 'paragraph', attrs: { dir: null } }] }],
  ];

  it.each(single)('%s', (_name, doc) => {
    expect(validateDocument(doc)).toEqual({ ok: true, doc }); // the fixture is canonical
    expect(parseHtml(renderDocumentToHtml(doc))).toEqual(doc);
    expect(parseHtml(renderDocumentToHtml(doc, { entityHref }))).toEqual(doc);
  });
});

describe('the entity mark', () => {
  const mention = docWithText('السوداني', [{ type: 'entity', attrs: { entityId: PERSON_ID, entityType: 'person' } }]);

  it('renders as a span with data attributes and a type class', () => {
    expect(renderDocumentToHtml(mention)).toBe(
      `<p><span class="entity entity--person" data-entity-id="${PERSON_ID}" data-entity-type="person">السوداني</span></p>`,
    );
  });

  it('is read back from span and from a elements, lowercasing the id', () => {
    expect(parseHtml(`<p><span data-entity-id="${PERSON_ID.toUpperCase()}" data-entity-type="person">السوداني</span></p>`)).toEqual(mention);
    expect(parseHtml(`<p><a href="/x" data-entity-id="${PERSON_ID}" data-entity-type="person">السوداني</a></p>`)).toEqual(mention);
  });

  it('is not created from elements with a bad type or id, and keeps their text', () => {
    const plain = docWithText('السوداني');
    expect(parseHtml(`<p><span data-entity-id="${PERSON_ID}" data-entity-type="company">السوداني</span></p>`)).toEqual(plain);
    expect(parseHtml(`<p><span data-entity-id="123" data-entity-type="person">السوداني</span></p>`)).toEqual(plain);
    expect(parseHtml(`<p><span data-entity-id="${PERSON_ID}">السوداني</span></p>`)).toEqual(plain);
  });

  it('falls through to a link when an anchor carries a bad entity id', () => {
    expect(parseHtml(`<p><a href="https://example.com" data-entity-id="nope" data-entity-type="person">x</a></p>`)).toEqual(
      docWithText('x', [{ type: 'link', attrs: { href: 'https://example.com', target: null, rel: LINK_REL, class: null, title: null } }]),
    );
  });
});

describe('direction survives', () => {
  it('renders dir only where it is set, and code blocks as ltr', () => {
    const html = renderDocumentToHtml(KITCHEN_SINK);
    expect(html).toContain('<h3 dir="ltr">A heading in English</h3>');
    expect(html).toContain('<h2>عنوان فرعي عن بغداد</h2>');
    expect(html).toContain('<p dir="rtl">فقرة باتجاه صريح');
    expect(html).toContain('<ol dir="ltr" start="3" type="a"><li dir="ltr"><p dir="ltr">third</p></li>');
    expect(html).toContain('<pre dir="ltr"><code class="language-ts">');
    expect(html).toContain('<pre dir="rtl"><code>');
  });

  it('reads dir case-insensitively and ignores auto and junk', () => {
    expect(parseHtml('<p dir="LTR">a</p><p dir="auto">b</p><p dir="sideways">c</p>')).toEqual({
      type: 'doc',
      content: [
        { type: 'paragraph', attrs: { dir: 'ltr' }, content: [{ type: 'text', text: 'a' }] },
        { type: 'paragraph', attrs: { dir: null }, content: [{ type: 'text', text: 'b' }] },
        { type: 'paragraph', attrs: { dir: null }, content: [{ type: 'text', text: 'c' }] },
      ],
    });
  });
});

describe('parsing hostile HTML with the shared schema', () => {
  it.each([
    'javascript:alert(1)',
    '&#106;avascript:alert(1)',
    'jav&#x09;ascript:alert(1)',
    ' JAVASCRIPT:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    '//evil.example',
  ])('drops a link to %j and keeps the text', (href) => {
    expect(parseHtml(`<p><a href="${href}">اضغط</a></p>`)).toEqual(docWithText('اضغط'));
  });

  it('drops scripts, event handlers and unknown elements', () => {
    const doc = parseHtml('<p onclick="alert(1)" style="color:red">نص<script>alert(1)</script><img src=x onerror=alert(1)></p>');
    expect(doc).toEqual(docWithText('نص'));
  });
});
