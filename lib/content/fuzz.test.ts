import type { JSONContent } from '@tiptap/core';
import fc from 'fast-check';
import { Window } from 'happy-dom';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ArticleBodyHtml } from '@/components/article/article-body-html';
import { renderArticleBodyHtml } from '@/components/article/render-article-body';
import { isValidSlug, slugify } from '@/lib/text/slug';
import { isAllowedHref } from './link-policy';
import { renderWithTiptapReference } from '@/test/support/render-reference';
import { renderDocumentToHtml } from './render';
import { KITCHEN_SINK } from './test-fixtures';
import { validateDocument } from './validate';

/**
 * Property-based fuzzing of what hostile authors (or a compromised account, or a bad import) can put in an article:
 * arbitrary JSON and near-valid documents full of hostile strings. No input may crash the validator, a document it
 * accepts must always render, and no rendered output (the HTML string renderer and the React one the pages use) may
 * contain a script element, an event-handler attribute, a javascript:/data:/vbscript: URL or any element outside the
 * content schema's.
 */

const RUNS = 300;

const HOSTILE = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
  '"><img src=x onerror=alert(1)>',
  "' onmouseover='alert(1)",
  '<svg onload=alert(1)>',
  '<iframe src="javascript:alert(1)">',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  '\u0000javascript:alert(1)',
  '&#106;avascript:alert(1)',
  'javascript&colon;alert(1)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'vbscript:msgbox(1)',
  '//evil.example',
  '/\\evil.example',
  '\\\\evil.example',
  'https://user:pass@evil.example',
  '<!--',
  ']]>',
  '</p><script>x</script><p>',
  '\u202Eevil\u202C',
  '\u200Fبغداد\u200E',
  'بغداد <b onclick=alert(1)>',
  '{{constructor.constructor("alert(1)")()}}',
  '__proto__',
  'constructor',
  '%3Cscript%3E',
  '\uD800',
  '𝕏 emoji 🧨 ',
];

const hostileString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 8 })).map(([a, b]) => a + b) },
);

const ENTITY_ID = '3f0c2a57-8d1e-4b6a-9c3d-2e5f7a8b9c01';
const anyValue = fc.oneof(hostileString, fc.integer(), fc.constant(null), fc.boolean(), fc.double(), fc.constant(undefined));

const href = fc.oneof(
  hostileString,
  fc.constantFrom('https://example.com/a?b=1&c=2', '/articles/خبر', 'mailto:desk@example.com', 'http://example.com'),
  fc.webUrl(),
);

const mark = fc.oneof(
  fc.constantFrom({ type: 'bold' }, { type: 'italic' }, { type: 'underline' }, { type: 'strike' }, { type: 'code' }),
  fc.record(
    {
      type: fc.constant('link'),
      attrs: fc.record(
        { href, target: fc.oneof(fc.constant(null), fc.constant('_blank'), hostileString), title: fc.oneof(fc.constant(null), hostileString), rel: hostileString, class: hostileString, onclick: hostileString },
        { requiredKeys: ['href'] },
      ),
    },
    { requiredKeys: ['type', 'attrs'] },
  ),
  fc.record({
    type: fc.constant('entity'),
    attrs: fc.record({ entityId: fc.oneof(fc.constant(ENTITY_ID), fc.uuid(), hostileString), entityType: fc.oneof(fc.constantFrom('person', 'place'), hostileString) }),
  }),
  fc.record({ type: hostileString, attrs: fc.dictionary(hostileString, anyValue, { maxKeys: 2 }) }),
);

const textNode = fc.record(
  { type: fc.constant('text'), text: hostileString.filter((value) => value.length > 0), marks: fc.array(mark, { maxLength: 3 }) },
  { requiredKeys: ['type', 'text'] },
);
const inline = fc.oneof({ weight: 5, arbitrary: textNode }, { weight: 1, arbitrary: fc.constant({ type: 'hardBreak' }) });
const dir = fc.oneof(fc.constantFrom('rtl', 'ltr', null), hostileString);
const extraAttrs = fc.dictionary(fc.constantFrom('onclick', 'style', 'class', 'id', 'href', 'src', 'dir'), hostileString, { maxKeys: 2 });

const { block } = fc.letrec<{ block: JSONContent; listItem: JSONContent }>((tie) => ({
  block: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ type: fc.constant('paragraph'), attrs: fc.record({ dir }), content: fc.array(inline, { maxLength: 4 }) }),
    fc.record({ type: fc.constant('heading'), attrs: fc.record({ dir, level: fc.oneof(fc.constantFrom(1, 2, 3, 7), anyValue) }), content: fc.array(inline, { maxLength: 3 }) }),
    fc.record({ type: fc.constant('blockquote'), attrs: fc.record({ dir }), content: fc.array(tie('block'), { minLength: 1, maxLength: 2 }) }),
    fc.record({ type: fc.constantFrom('bulletList', 'orderedList'), attrs: fc.record({ dir, start: anyValue, type: anyValue }, { requiredKeys: [] }), content: fc.array(tie('listItem'), { minLength: 1, maxLength: 2 }) }),
    fc.record({ type: fc.constant('codeBlock'), attrs: fc.record({ dir, language: fc.oneof(fc.constant(null), hostileString) }), content: fc.array(textNode.map(({ text }) => ({ type: 'text', text })), { maxLength: 2 }) }),
    fc.constant({ type: 'horizontalRule' }),
    fc.record({ type: fc.constantFrom('paragraph', 'heading'), attrs: extraAttrs, content: fc.array(inline, { maxLength: 2 }) }),
    fc.record({ type: fc.oneof(hostileString, fc.constantFrom('script', 'iframe', 'image', 'div')), attrs: extraAttrs, content: fc.array(inline, { maxLength: 2 }) }),
  ),
  listItem: fc.record({ type: fc.constant('listItem'), attrs: fc.record({ dir }), content: fc.array(tie('block'), { minLength: 1, maxLength: 2 }) }),
}));

const nearValidDocument = fc.oneof(
  { weight: 5, arbitrary: fc.record({ type: fc.constant('doc'), content: fc.array(block, { maxLength: 5 }) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('doc'), content: fc.array(block, { maxLength: 3 }), attrs: extraAttrs }) },
) as fc.Arbitrary<JSONContent>;

/** Well-formed documents whose text, titles and link targets are hostile: most pass validation and get rendered. */
const safeText = hostileString.filter((value) => value.length > 0 && !/[\u0000\uD800-\uDFFF]/.test(value));
const validMark = fc.oneof(
  fc.constantFrom({ type: 'bold' }, { type: 'italic' }, { type: 'underline' }, { type: 'strike' }),
  fc.record({
    type: fc.constant('link'),
    attrs: fc.record({
      href: fc.oneof({ weight: 3, arbitrary: fc.webUrl() }, { weight: 1, arbitrary: href }),
      target: fc.constantFrom(null, '_blank'),
      title: fc.oneof(fc.constant(null), safeText.filter((value) => !/[\u0000-\u001F\u007F-\u009F]/.test(value))),
    }),
  }),
  fc.constant({ type: 'entity', attrs: { entityId: ENTITY_ID, entityType: 'person' } }),
);
const validText = fc.record(
  { type: fc.constant('text'), text: safeText, marks: fc.uniqueArray(validMark, { maxLength: 2, selector: (markValue) => markValue.type }) },
  { requiredKeys: ['type', 'text'] },
);
const validDir = fc.constantFrom('rtl', 'ltr', null);
const { validBlock } = fc.letrec<{ validBlock: JSONContent; validItem: JSONContent }>((tie) => ({
  validBlock: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ type: fc.constant('paragraph'), attrs: fc.record({ dir: validDir }), content: fc.array(validText, { maxLength: 4 }) }),
    fc.record({ type: fc.constant('heading'), attrs: fc.record({ dir: validDir, level: fc.constantFrom(2, 3) }), content: fc.array(validText, { maxLength: 3 }) }),
    fc.record({ type: fc.constant('blockquote'), attrs: fc.record({ dir: validDir }), content: fc.array(tie('validBlock'), { minLength: 1, maxLength: 2 }) }),
    fc.record({ type: fc.constant('bulletList'), attrs: fc.record({ dir: validDir }), content: fc.array(tie('validItem'), { minLength: 1, maxLength: 2 }) }),
  ),
  validItem: fc.record({ type: fc.constant('listItem'), attrs: fc.record({ dir: validDir }), content: fc.tuple(fc.record({ type: fc.constant('paragraph'), content: fc.array(validText, { maxLength: 2 }) })).map((items) => items as JSONContent[]) }),
}));
const validishDocument = fc.record({ type: fc.constant('doc'), content: fc.array(validBlock, { minLength: 1, maxLength: 5 }) }) as fc.Arbitrary<JSONContent>;

// ── Safety of rendered HTML, checked on the parsed DOM (an escaped "onerror=" inside text or a title is harmless) ──

const ALLOWED_ELEMENTS = new Set(['P', 'H2', 'H3', 'BLOCKQUOTE', 'UL', 'OL', 'LI', 'PRE', 'CODE', 'BR', 'HR', 'STRONG', 'EM', 'U', 'S', 'A', 'SPAN', 'DIV']);
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'data'];
const window = new Window();

function unsafeParts(html: string): string[] {
  const problems: string[] = [];
  if (/<script/i.test(html)) problems.push('raw <script');
  const container = window.document.createElement('div');
  container.innerHTML = html;
  for (const element of container.querySelectorAll('*')) {
    if (!ALLOWED_ELEMENTS.has(element.tagName)) problems.push(`element <${element.tagName.toLowerCase()}>`);
    for (const attribute of Array.from(element.attributes)) {
      const name = attribute.name.toLowerCase();
      if (name.startsWith('on')) problems.push(`event handler ${name}`);
      if (name === 'style' || name === 'srcdoc') problems.push(`attribute ${name}`);
      if (URL_ATTRIBUTES.includes(name)) {
        const value = attribute.value ?? '';
        if (!isAllowedHref(value)) problems.push(`${name}=${JSON.stringify(value)}`);
        if (/^\s*(javascript|vbscript|data):/i.test(value.replace(/[\u0000-\u0020]/g, ''))) problems.push(`${name} scheme`);
      }
    }
  }
  return problems;
}

function renderBothWays(doc: JSONContent, entityHrefs?: Record<string, string>): string[] {
  const html = renderDocumentToHtml(doc, { entityHref: (id) => entityHrefs?.[id] });
  const react = renderToStaticMarkup(createElement(ArticleBodyHtml, { html: renderArticleBodyHtml(doc, entityHrefs) }));
  return [html, react];
}

describe('fuzzing the document validator', () => {
  it('never throws on arbitrary values, and answers ok or a known refusal', () => {
    const codes = new Set(['invalid_document', 'document_too_large', 'document_too_deep', 'invalid_link']);
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.jsonValue(), fc.json(), nearValidDocument), (input) => {
        const result = validateDocument(input);
        expect(result.ok || codes.has(result.code)).toBe(true);
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('accepts only documents that render, safely, to HTML and React alike', () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.oneof(validishDocument, nearValidDocument), (doc) => {
        const result = validateDocument(doc);
        if (!result.ok) return;
        accepted++;
        for (const output of renderBothWays(result.doc, { [ENTITY_ID]: '/entities/شخص' })) expect(unsafeParts(output)).toEqual([]);
        // What the validator returns is stable: validating it again changes nothing.
        expect(validateDocument(result.doc)).toEqual({ ok: true, doc: result.doc });
      }),
      { numRuns: RUNS },
    );
    // The generator must reach the renderer often enough for this to mean something.
    expect(accepted).toBeGreaterThan(RUNS / 10);
  });

  it('refuses hostile link targets that a valid document would otherwise carry', () => {
    fc.assert(
      fc.property(fc.constantFrom(...HOSTILE), (target) => {
        const doc = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'رابط', marks: [{ type: 'link', attrs: { href: target } }] }] }] };
        const result = validateDocument(doc);
        if (result.ok) expect(isAllowedHref(target)).toBe(true);
      }),
    );
  });
});

describe('fuzzing the renderer with documents that skipped validation', () => {
  it('renders safe output or refuses with an error, for both renderers, whatever the stored JSON', () => {
    let rendered = 0;
    fc.assert(
      fc.property(fc.oneof(validishDocument, nearValidDocument), fc.dictionary(fc.oneof(fc.constant(ENTITY_ID), fc.uuid()), href, { maxKeys: 2 }), (doc, entityHrefs) => {
        let outputs: string[];
        try {
          outputs = renderBothWays(doc, entityHrefs);
        } catch (error) {
          // Unknown node types are refused by design (a page shows its error page); never anything but an Error.
          expect(error).toBeInstanceOf(Error);
          return;
        }
        rendered++;
        for (const output of outputs) expect(unsafeParts(output)).toEqual([]);
      }),
      { numRuns: RUNS },
    );
    expect(rendered).toBeGreaterThan(RUNS / 4);
  });

  it('renders byte for byte as Tiptap renderToHTMLString does (mappings built once), or refuses the same documents', () => {
    fc.assert(
      fc.property(fc.oneof(validishDocument, nearValidDocument), fc.dictionary(fc.oneof(fc.constant(ENTITY_ID), fc.uuid()), href, { maxKeys: 2 }), (doc, entityHrefs) => {
        const options = { entityHref: (id: string) => entityHrefs[id] };
        const attempt = (render: typeof renderDocumentToHtml) => {
          try {
            return { html: render(doc, options) };
          } catch (error) {
            return { error: (error as Error).message };
          }
        };
        expect(attempt(renderDocumentToHtml)).toEqual(attempt(renderWithTiptapReference));
      }),
      { numRuns: RUNS },
    );
  });

  it('keeps the text of hostile strings as text (escaped), not markup', () => {
    fc.assert(
      fc.property(fc.constantFrom(...HOSTILE.filter((value) => value.trim() !== '' && !value.includes('\u0000') && !/[\uD800-\uDFFF]/.test(value))), (text) => {
        const doc = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] };
        const container = window.document.createElement('div');
        container.innerHTML = renderDocumentToHtml(doc);
        expect(container.textContent).toBe(text);
        expect(container.querySelectorAll('*').length).toBe(1);
      }),
    );
  });

  it('renders the kitchen-sink document with every node and mark safely (the checker sees real links and spans)', () => {
    const [html] = renderBothWays(KITCHEN_SINK, { [ENTITY_ID]: '/entities/شخص' });
    expect(html).toMatch(/<a href="https:/);
    expect(unsafeParts(html!)).toEqual([]);
    expect(unsafeParts('<p><a href="javascript:alert(1)" onclick="x">x</a><script>1</script></p>')).toEqual([
      'raw <script',
      'href="javascript:alert(1)"',
      'href scheme',
      'event handler onclick',
      'element <script>',
    ]);
  });
});

describe('fuzzing slugs and names', () => {
  it('slugify turns any title or entity name into a valid slug or nothing, and is idempotent', () => {
    fc.assert(
      fc.property(fc.oneof(hostileString, fc.string({ unit: 'grapheme', maxLength: 200 })), (name) => {
        const slug = slugify(name);
        if (slug !== '') expect(isValidSlug(slug), JSON.stringify({ name, slug })).toBe(true);
        expect(slugify(slug)).toBe(slug);
        expect(slug).not.toMatch(/[\s/\\?#%<>"'&.:]/);
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('isValidSlug never accepts anything that could leave the path segment or carry markup', () => {
    fc.assert(
      fc.property(fc.oneof(hostileString, fc.string({ unit: 'binary', maxLength: 40 })), (candidate) => {
        if (isValidSlug(candidate)) {
          expect(candidate).not.toMatch(/[\s/\\?#%<>"'&.:\u0000-\u001F\u200E\u200F\u202A-\u202E]/);
          expect(encodeURIComponent(candidate)).not.toMatch(/%2F|%5C|%3F|%23/i);
        }
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('escapes entity names in rendered HTML: a hostile name is text, in the body and in a link to its page', () => {
    fc.assert(
      fc.property(hostileString.filter((value) => value.trim().length > 0 && !/[\u0000\uD800-\uDFFF]/.test(value)), (name) => {
        const doc = {
          type: 'doc',
          content: [{ type: 'paragraph', content: [{ type: 'text', text: name, marks: [{ type: 'entity', attrs: { entityId: ENTITY_ID, entityType: 'person' } }] }] }],
        };
        const slug = slugify(name) || 'كيان';
        for (const output of renderBothWays(doc, { [ENTITY_ID]: `/entities/${encodeURIComponent(slug)}` })) {
          expect(unsafeParts(output)).toEqual([]);
          const container = window.document.createElement('div');
          container.innerHTML = output;
          const mention = container.querySelector('[data-entity-id]');
          expect(mention?.textContent).toBe(name);
          expect(mention?.children.length).toBe(0);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
