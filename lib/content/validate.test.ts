import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';

import { MARK_ATTRIBUTE_RULES, NODE_ATTRIBUTE_RULES } from './attribute-rules';
import { ENTITY_TYPES } from './entity-mark';
import { documentFromParagraphs } from './from-paragraphs';
import { LINK_REL } from './link-policy';
import { getContentSchema } from './schema';
import { KITCHEN_SINK, PERSON_ID, docWithLink, docWithText } from './test-fixtures';
import { MAX_DOCUMENT_DEPTH, MAX_DOCUMENT_JSON_BYTES, validateDocument } from './validate';

function refusal(input: unknown) {
  const result = validateDocument(input);
  if (result.ok) throw new Error(`expected a refusal, got ok for ${JSON.stringify(input)?.slice(0, 200)}`);
  return result;
}

function nestedBlockquotes(levels: number): JSONContent {
  // The deepest text carries a mark with attributes: the deepest JSON a document of that depth can have.
  const marks = [{ type: 'link', attrs: { href: '/a', target: null, rel: LINK_REL, class: null, title: null } }];
  let inner: JSONContent = { type: 'paragraph', attrs: { dir: null }, content: [{ type: 'text', text: 'عمق', marks }] };
  for (let i = 0; i < levels; i++) inner = { type: 'blockquote', attrs: { dir: null }, content: [inner] };
  return { type: 'doc', content: [inner] };
}

describe('validateDocument accepts what the editor produces', () => {
  it('accepts the kitchen-sink document and returns it unchanged (it is canonical)', () => {
    const result = validateDocument(KITCHEN_SINK);
    expect(result).toEqual({ ok: true, doc: KITCHEN_SINK });
  });

  it('accepts the same document as JSON text', () => {
    expect(validateDocument(JSON.stringify(KITCHEN_SINK))).toEqual({ ok: true, doc: KITCHEN_SINK });
  });

  it('fills in defaults for attributes left out', () => {
    const result = validateDocument({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'نص', marks: [{ type: 'link', attrs: { href: '/a' } }] }] },
        { type: 'codeBlock', content: [{ type: 'text', text: 'x' }] },
      ],
    });
    expect(result).toEqual({
      ok: true,
      doc: {
        type: 'doc',
        content: [
          {
            type: 'paragraph',
            attrs: { dir: null },
            content: [
              {
                type: 'text',
                text: 'نص',
                marks: [{ type: 'link', attrs: { href: '/a', target: null, rel: LINK_REL, class: null, title: null } }],
              },
            ],
          },
          { type: 'codeBlock', attrs: { dir: 'ltr', language: null }, content: [{ type: 'text', text: 'x' }] },
        ],
      },
    });
  });

  it.each(ENTITY_TYPES)('accepts an entity mark of type %s', (entityType) => {
    const doc = docWithText('اسم', [{ type: 'entity', attrs: { entityId: PERSON_ID, entityType } }]);
    expect(validateDocument(doc)).toEqual({ ok: true, doc });
  });

  it('accepts documents built from paragraphs, unchanged', () => {
    const doc = documentFromParagraphs(['الأولى', 'الثانية']);
    expect(validateDocument(doc)).toEqual({ ok: true, doc });
  });

  it('accepts a document of exactly the maximum depth', () => {
    // doc (1) + blockquotes + paragraph + text
    const doc = nestedBlockquotes(MAX_DOCUMENT_DEPTH - 3);
    expect(validateDocument(doc)).toEqual({ ok: true, doc });
  });

  it('accepts a document just under the size cap', () => {
    const overhead = JSON.stringify(docWithText('')).length;
    const doc = docWithText('a'.repeat(MAX_DOCUMENT_JSON_BYTES - overhead));
    expect(new TextEncoder().encode(JSON.stringify(doc)).length).toBe(MAX_DOCUMENT_JSON_BYTES);
    expect(validateDocument(doc).ok).toBe(true);
  });
});

describe('validateDocument refuses hostile links', () => {
  const hostile = [
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'JAVASCRIPT:alert(1)',
    ' javascript:alert(1)',
    '\tjavascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'java\rscript:alert(1)',
    'javascript\u0000:alert(1)',
    '\u0001javascript:alert(1)',
    '\u200Bjavascript:alert(1)',
    '\uFEFFjavascript:alert(1)',
    'javascript&colon;alert(1)',
    '&#106;avascript:alert(1)',
    '&#x6A;avascript:alert(1)',
    '&#0000106&#0000097vascript:alert(1)',
    '%6A%61vascript:alert(1)',
    'javascript://example.com/%0Aalert(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'DATA:text/html,<script>alert(1)</script>',
    ' data:image/svg+xml,<svg onload=alert(1)>',
    'vbscript:msgbox(1)',
    'VBScript:msgbox(1)',
    'file:///etc/passwd',
    'ftp://example.com/file',
    'tel:+9647700000000',
    '//evil.example',
    '///evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    '/\t/evil.example',
    'https://user:pass@evil.example',
    'https://good.example@evil.example',
    'http://',
    'https:///path',
    'https:evil.example',
    'https://exa mple.com',
    'https://example.com/\u202Egpj.exe',
    'https://example.com/"onmouseover="alert(1)',
    'https://example.com/<script>',
    'mailto:',
    'articles/relative',
    './relative',
    '#anchor',
    '?q=1',
    '',
    'a'.repeat(10) + ':x',
    `https://example.com/${'a'.repeat(3000)}`,
  ];

  it.each(hostile)('refuses href %j', (href) => {
    const result = refusal(docWithLink(href));
    expect(result.code).toBe('invalid_link');
    expect(result.message).toMatch(/[\u0600-\u06FF]/);
  });

  it.each([null, 42, { toString: 'javascript:alert(1)' }, ['https://example.com']])('refuses href value %j', (href) => {
    expect(refusal(docWithLink(href)).code).toBe('invalid_link');
  });

  it('refuses a link mark without attributes (href defaults to null)', () => {
    expect(refusal(docWithText('x', [{ type: 'link' }])).code).toBe('invalid_link');
  });

  it.each([
    'https://example.com',
    'HTTPS://EXAMPLE.COM/Path',
    'http://example.com:8080/a?b=c#d',
    'https://ar.wikipedia.org/wiki/بغداد',
    '/articles/slug',
    '/',
    '/search?q=بغداد',
    'mailto:desk@example.com',
    'MAILTO:desk@example.com?subject=hi',
  ])('accepts href %j', (href) => {
    expect(validateDocument(docWithLink(href)).ok).toBe(true);
  });
});

describe('validateDocument refuses malformed documents', () => {
  const cases: Array<[string, unknown]> = [
    ['not JSON text', '{"type": "doc",'],
    ['undefined', undefined],
    ['null', null],
    ['a number', 42],
    ['an array', [KITCHEN_SINK]],
    ['a Date', new Date()],
    ['a function', () => KITCHEN_SINK],
    ['a paragraph as top node', { type: 'paragraph', content: [{ type: 'text', text: 'x' }] }],
    ['a doc without content', { type: 'doc' }],
    ['a doc with text directly inside', { type: 'doc', content: [{ type: 'text', text: 'x' }] }],
    ['an unknown node type', { type: 'doc', content: [{ type: 'image', attrs: { src: 'x' } }] }],
    ['a node type from Object.prototype', { type: 'doc', content: [{ type: 'constructor' }] }],
    ['an unknown mark type', docWithText('x', [{ type: 'superscript' }])],
    ['a mark type from Object.prototype', docWithText('x', [{ type: 'toString' }])],
    ['an unknown node attribute', docWithText('x', undefined, { dir: null, style: 'color:red' })],
    ['an event-handler attribute', docWithText('x', undefined, { dir: null, onclick: 'alert(1)' })],
    ['an attribute on a mark without attributes', docWithText('x', [{ type: 'bold', attrs: { href: '/x' } }])],
    ['an unknown key on a node', { type: 'doc', content: [{ type: 'paragraph', onclick: 'x' }] }],
    ['an unknown key on a mark', docWithText('x', [{ type: 'bold', html: '<b>' }])],
    ['a __proto__ key', JSON.parse('{"type":"doc","content":[{"type":"paragraph","__proto__":{"x":1}}]}')],
    ['attrs that are not an object', { type: 'doc', content: [{ type: 'paragraph', attrs: 'rtl' }] }],
    ['content that is not an array', { type: 'doc', content: { type: 'paragraph' } }],
    ['marks that are not an array', docWithText('x', { type: 'bold' } as unknown as JSONContent['marks'])],
    ['an empty text node', docWithText('')],
    ['a text node without text', { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text' }] }] }],
    ['a text node with attrs', { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', attrs: {} }] }] }],
    ['text on a paragraph', { type: 'doc', content: [{ type: 'paragraph', text: 'x' }] }],
    ['a NUL character in text', docWithText('a\u0000b')],
    ['a lone surrogate in text', docWithText('a\uD800b')],
    ['a non-finite number', { type: 'doc', content: [{ type: 'orderedList', attrs: { start: Number.NaN }, content: [] }] }],
    ['a heading of level 1', { type: 'doc', content: [{ type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'x' }] }] }],
    ['a heading without level (defaults to 1)', { type: 'doc', content: [{ type: 'heading', content: [{ type: 'text', text: 'x' }] }] }],
    ['a heading of level 4', { type: 'doc', content: [{ type: 'heading', attrs: { level: 4 }, content: [{ type: 'text', text: 'x' }] }] }],
    ['a heading level as a string', { type: 'doc', content: [{ type: 'heading', attrs: { level: '2' }, content: [{ type: 'text', text: 'x' }] }] }],
    ['dir "auto"', docWithText('x', undefined, { dir: 'auto' })],
    ['dir "RTL"', docWithText('x', undefined, { dir: 'RTL' })],
    ['dir on a node type without direction', { type: 'doc', attrs: { dir: 'rtl' }, content: [{ type: 'paragraph' }] }],
    ['a code block with dir null', { type: 'doc', content: [{ type: 'codeBlock', attrs: { dir: null } }] }],
    ['a code block language with markup', { type: 'doc', content: [{ type: 'codeBlock', attrs: { language: 'js" onload="x' } }] }],
    ['an ordered list start as a string', { type: 'doc', content: [{ type: 'orderedList', attrs: { start: '3' }, content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }] }] }],
    ['an ordered list start below zero', { type: 'doc', content: [{ type: 'orderedList', attrs: { start: -1 }, content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }] }] }],
    ['an ordered list type "x"', { type: 'doc', content: [{ type: 'orderedList', attrs: { type: 'x' }, content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }] }] }],
    ['an empty list', { type: 'doc', content: [{ type: 'bulletList', content: [] }] }],
    ['a list item starting with a list', { type: 'doc', content: [{ type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }] }] }] }] }],
    ['bold inside a code block', { type: 'doc', content: [{ type: 'codeBlock', content: [{ type: 'text', text: 'x', marks: [{ type: 'bold' }] }] }] }],
    ['code mark combined with bold', docWithText('x', [{ type: 'bold' }, { type: 'code' }])],
    ['the same mark twice', docWithText('x', [{ type: 'bold' }, { type: 'bold' }])],
    ['two entity marks on one text', docWithText('x', [
      { type: 'entity', attrs: { entityId: PERSON_ID, entityType: 'person' } },
      { type: 'entity', attrs: { entityId: PERSON_ID, entityType: 'place' } },
    ])],
    ['a link with another rel', docWithText('x', [{ type: 'link', attrs: { href: '/a', rel: 'opener' } }])],
    ['a link with a class', docWithText('x', [{ type: 'link', attrs: { href: '/a', class: 'evil' } }])],
    ['a link with target _top', docWithText('x', [{ type: 'link', attrs: { href: '/a', target: '_top' } }])],
    ['a link title with a newline', docWithText('x', [{ type: 'link', attrs: { href: '/a', title: 'a\nb' } }])],
  ];

  it.each(cases)('refuses %s', (_name, input) => {
    const result = refusal(input);
    expect(result.code).toBe('invalid_document');
    expect(result.message).toMatch(/[\u0600-\u06FF]/);
  });

  it('proves why the strict attribute walk exists: ProseMirror drops unknown attributes silently', () => {
    const node = getContentSchema().nodeFromJSON({ type: 'doc', content: [{ type: 'paragraph', attrs: { style: 'x' } }] });
    expect(() => node.check()).not.toThrow();
    expect(node.firstChild?.attrs).toEqual({ dir: null });
  });
});

describe('validateDocument refuses bad entity marks', () => {
  const entityDoc = (attrs: unknown) => docWithText('اسم', [{ type: 'entity', attrs } as never]);

  it.each([
    ['an unknown type', { entityId: PERSON_ID, entityType: 'company' }],
    ['a capitalised type', { entityId: PERSON_ID, entityType: 'Person' }],
    ['a missing type', { entityId: PERSON_ID }],
    ['a missing id', { entityType: 'person' }],
    ['no attrs at all', undefined],
    ['an id that is not a uuid', { entityId: 'not-a-uuid', entityType: 'person' }],
    ['an uppercase uuid', { entityId: PERSON_ID.toUpperCase(), entityType: 'person' }],
    ['a uuid with markup', { entityId: `${PERSON_ID}"><script>`, entityType: 'person' }],
    ['a numeric id', { entityId: 42, entityType: 'person' }],
    ['an extra attribute', { entityId: PERSON_ID, entityType: 'person', href: 'javascript:alert(1)' }],
  ])('refuses %s', (_name, attrs) => {
    expect(refusal(entityDoc(attrs)).code).toBe('invalid_document');
  });
});

describe('validateDocument caps size and depth', () => {
  it('refuses a document over the size cap', () => {
    const result = refusal(docWithText('ب'.repeat(MAX_DOCUMENT_JSON_BYTES / 2 + 10)));
    expect(result.code).toBe('document_too_large');
  });

  it('counts UTF-8 bytes, not characters', () => {
    // 600k Arabic letters: under the cap in UTF-16 units, 1.2 MB in UTF-8.
    expect(refusal(docWithText('ب'.repeat(600_000))).code).toBe('document_too_large');
  });

  it('refuses JSON text over the size cap before parsing it', () => {
    expect(refusal(' '.repeat(MAX_DOCUMENT_JSON_BYTES + 1)).code).toBe('document_too_large');
  });

  it('refuses very many small nodes', () => {
    const content = Array.from({ length: 200_000 }, () => ({ type: 'paragraph' }));
    expect(refusal({ type: 'doc', content }).code).toBe('document_too_large');
  });

  it('refuses a document one level deeper than the cap', () => {
    expect(refusal(nestedBlockquotes(MAX_DOCUMENT_DEPTH - 2)).code).toBe('document_too_deep');
  });

  it('refuses pathological nesting without overflowing the stack', () => {
    let value: Record<string, unknown> = {};
    for (let i = 0; i < 100_000; i++) value = { type: 'doc', content: [value] };
    expect(refusal(value).code).toBe('document_too_deep');
  });

  it('refuses a cyclic object', () => {
    const paragraph: Record<string, unknown> = { type: 'paragraph' };
    paragraph.content = [paragraph];
    expect(refusal({ type: 'doc', content: [paragraph] }).code).toBe('document_too_deep');
  });

  it('refuses an exponential DAG of shared references quickly', () => {
    let node: Record<string, unknown> = { type: 'paragraph' };
    for (let i = 0; i < 40; i++) node = { type: 'blockquote', content: [node, node] };
    const started = Date.now();
    expect(refusal({ type: 'doc', content: [node] }).code).toBe('document_too_large');
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe('attribute rules', () => {
  it('cover exactly the attributes of every node and mark type in the schema', () => {
    const schema = getContentSchema();
    const describeTypes = (types: Record<string, { spec: { attrs?: Record<string, unknown> } }>) =>
      Object.fromEntries(Object.entries(types).map(([name, type]) => [name, Object.keys(type.spec.attrs ?? {}).sort()]));
    const describeRules = (rules: typeof NODE_ATTRIBUTE_RULES) =>
      Object.fromEntries(Object.entries(rules).map(([name, attrs]) => [name, Object.keys(attrs).sort()]));
    expect(describeRules(NODE_ATTRIBUTE_RULES)).toEqual(describeTypes(schema.nodes));
    expect(describeRules(MARK_ATTRIBUTE_RULES)).toEqual(describeTypes(schema.marks));
  });
});
