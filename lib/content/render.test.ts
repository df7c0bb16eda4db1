import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';

import { readSeedArticle, readSeedRegistry, tagSeedBody } from '@/db/seed';
import { renderWithTiptapReference } from '@/test/support/render-reference';
import { documentFromParagraphs, parseSeedArticle } from './from-paragraphs';
import { renderDocumentToHtml, type RenderOptions } from './render';
import { EVENT_ID, KITCHEN_SINK, ORGANIZATION_ID, PERSON_ID, PLACE_ID, docWithLink, docWithText } from './test-fixtures';

const seedText = readFileSync(path.join(__dirname, '../../db/seed-data/article.ar.txt'), 'utf8');

function expectNothingExecutable(html: string): void {
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/\son[a-z]+\s*=/i);
  expect(html).not.toMatch(/javascript:|vbscript:|data:/i);
  expect(html).not.toMatch(/href="\/\//);
}

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

describe('renderDocumentToHtml', () => {
  it('renders the seed article as its 13 paragraphs, in order, with the Arabic text intact', () => {
    const { paragraphs } = parseSeedArticle(seedText);
    expect(paragraphs).toHaveLength(13);
    const html = renderDocumentToHtml(documentFromParagraphs(paragraphs));
    expect(html).toBe(paragraphs.map((paragraph) => `<p>${escapeText(paragraph)}</p>`).join(''));
    expect(html.match(/<p>/g)).toHaveLength(13);
    expect(html).toContain('كشفت القوات الامريكية، اليوم الجمعة (5 كانون الثاني 2024)');
  });

  it('escapes text and attribute values', () => {
    const html = renderDocumentToHtml(
      docWithText('<script>alert(1)</script> & "x"', [
        { type: 'link', attrs: { href: '/a?b=1&c=2', title: '"><img src=x onerror=alert(1)>' } },
      ]),
    );
    expect(html).toBe(
      '<p><a href="/a?b=1&amp;c=2" rel="noopener noreferrer nofollow" title="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;">' +
        '&lt;script&gt;alert(1)&lt;/script&gt; &amp; "x"</a></p>',
    );
  });

  it('always renders our rel, whatever the stored one says', () => {
    const html = renderDocumentToHtml(docWithText('x', [{ type: 'link', attrs: { href: '/a', rel: 'opener', target: '_blank', class: 'evil' } }]));
    expect(html).toBe('<p><a href="/a" rel="noopener noreferrer nofollow" target="_blank">x</a></p>');
  });
});

describe('renderDocumentToHtml on documents that skipped validation', () => {
  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    '\u0000javascript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD4=',
    'vbscript:msgbox(1)',
    '//evil.example',
    '/\\evil.example',
    'https://example.com/" onmouseover="alert(1)',
  ])('renders the text of a link to %j without the link', (href) => {
    const html = renderDocumentToHtml(docWithLink(href));
    expect(html).toBe('<p>رابط</p>');
  });

  it('drops unknown and event-handler attributes and bad attribute values', () => {
    const doc = {
      type: 'doc',
      content: [
        { type: 'paragraph', attrs: { dir: '"><script>alert(1)</script>', onclick: 'alert(1)', style: 'x' }, content: [{ type: 'text', text: 'أ' }] },
        { type: 'codeBlock', attrs: { language: 'x" onload="alert(1)', dir: 'auto' }, content: [{ type: 'text', text: 'ب' }] },
        { type: 'orderedList', attrs: { start: '2" onclick="x', type: '<b>' }, content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }] },
      ],
    } as JSONContent;
    const html = renderDocumentToHtml(doc);
    expect(html).toBe('<p>أ</p><pre dir="ltr"><code>ب</code></pre><ol><li><p></p></li></ol>');
    expectNothingExecutable(html);
  });

  it('renders malformed entity marks as plain text', () => {
    for (const attrs of [
      { entityId: PERSON_ID, entityType: 'person" onclick="alert(1)' },
      { entityId: '"><script>', entityType: 'person' },
      {},
    ]) {
      const html = renderDocumentToHtml(docWithText('اسم', [{ type: 'entity', attrs }]));
      expect(html).toBe('<p>اسم</p>');
    }
  });

  it('drops unknown marks and keeps their text', () => {
    expect(renderDocumentToHtml(docWithText('نص', [{ type: 'script' }, { type: 'bold' }]))).toBe('<p><strong>نص</strong></p>');
  });

  it('refuses to render unknown node types', () => {
    expect(() => renderDocumentToHtml({ type: 'doc', content: [{ type: 'iframe', attrs: { src: 'x' } }] })).toThrow();
    expect(() => renderDocumentToHtml({ type: 'paragraph' })).toThrow();
  });
});

describe('entity links', () => {
  const mention = docWithText('السوداني', [{ type: 'entity', attrs: { entityId: PERSON_ID, entityType: 'person' } }]);

  it('renders an anchor to the entity page when there is one', () => {
    const html = renderDocumentToHtml(mention, { entityHref: (id, type) => (type === 'person' ? `/entities/${id}` : null) });
    expect(html).toBe(
      `<p><a href="/entities/${PERSON_ID}" class="entity entity--person" data-entity-id="${PERSON_ID}" data-entity-type="person">السوداني</a></p>`,
    );
  });

  it('renders a span when the entity has no page', () => {
    expect(renderDocumentToHtml(mention, { entityHref: () => null })).toMatch(/^<p><span class="entity entity--person"/);
  });

  it.each(['javascript:alert(1)', '//evil.example', '/entities/x" onclick="alert(1)'])(
    'renders a span when entityHref returns %j',
    (href) => {
      const html = renderDocumentToHtml(mention, { entityHref: () => href });
      expect(html).toMatch(/^<p><span class="entity entity--person"/);
      expectNothingExecutable(html);
    },
  );

  it('never nests an anchor inside a link', () => {
    const doc = docWithText('السوداني', [
      { type: 'link', attrs: { href: 'https://example.com' } },
      { type: 'entity', attrs: { entityId: PERSON_ID, entityType: 'person' } },
    ]);
    const html = renderDocumentToHtml(doc, { entityHref: (id) => `/entities/${id}` });
    expect(html).toBe(
      `<p><a href="https://example.com" rel="noopener noreferrer nofollow"><span class="entity entity--person" data-entity-id="${PERSON_ID}" data-entity-type="person">السوداني</span></a></p>`,
    );
  });

  it('renders the kitchen sink without anything executable', () => {
    expectNothingExecutable(renderDocumentToHtml(KITCHEN_SINK, { entityHref: (id) => `/entities/${id}` }));
  });
});

describe('renderDocumentToHtml with its mappings and templates built once', () => {
  const registry = readSeedRegistry().map((entity, index) => ({ ...entity, id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}` }));
  const seedBody = tagSeedBody(readSeedArticle().body, registry);
  const everyOther = (id: string) => (Number(id.slice(-1)) % 2 === 0 ? `/entities/${id}` : null);
  const optionSets: Array<[string, RenderOptions]> = [
    ['no options', {}],
    ['entity pages for all', { entityHref: (id) => `/entities/${encodeURIComponent(id)}` }],
    ['entity pages for some', { entityHref: everyOther }],
    ['refused entity URLs', { entityHref: () => 'javascript:alert(1)' }],
  ];
  const documents: Array<[string, JSONContent]> = [
    ['the tagged seed article', seedBody],
    ['the kitchen sink', KITCHEN_SINK],
    ['a hostile link', docWithLink('javascript:alert(1)')],
    ['an allowed link with a title', docWithText('<نص> & "x"', [{ type: 'link', attrs: { href: '/a?b=1&c=2', title: '"><img>', target: '_blank' } }])],
    ['an entity inside a link', docWithText('اسم', [{ type: 'link', attrs: { href: 'https://example.com' } }, { type: 'entity', attrs: { entityId: PERSON_ID, entityType: 'person' } }])],
    ['a malformed entity mark', docWithText('اسم', [{ type: 'entity', attrs: { entityId: 'x', entityType: 'person' } }])],
    ['unknown marks and attributes', docWithText('نص', [{ type: 'script' }, { type: 'bold' }, { type: 'italic' }], { dir: 'ltr', onclick: 'x' })],
    ['text nodes ProseMirror joins or orders (same marks in another order, repeated marks, default attributes spelt out)', {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          attrs: { dir: 'ltr' },
          content: [
            { type: 'text', text: 'أ', marks: [{ type: 'italic' }, { type: 'bold' }] },
            { type: 'text', text: 'ب', marks: [{ type: 'bold' }, { type: 'italic' }] },
            { type: 'text', text: 'ت', marks: [{ type: 'bold' }, { type: 'bold' }] },
            { type: 'text', text: 'ث', marks: [{ type: 'link', attrs: { href: '/a' } }] },
            { type: 'text', text: 'ج', marks: [{ type: 'link', attrs: { href: '/a', target: null, title: null } }] },
            { type: 'text', text: 'ح', marks: [{ type: 'code' }, { type: 'bold' }] },
            { type: 'hardBreak', marks: [{ type: 'bold' }] },
          ],
        },
        { type: 'orderedList', attrs: { start: 7 }, content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }] },
        { type: 'orderedList', attrs: { start: 8 }, content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'س' }] }] }] },
        { type: 'heading', attrs: { level: 3, dir: 'rtl' }, content: [{ type: 'text', text: 'ع' }] },
        { type: 'heading', attrs: { level: 2 } },
        { type: 'codeBlock', attrs: { language: 'js' }, content: [{ type: 'text', text: 'a < b' }] },
        { type: 'codeBlock', attrs: { language: null }, content: [{ type: 'text', text: 'c' }] },
      ],
    }],
    ['entities of every type', {
      type: 'doc',
      content: [PERSON_ID, ORGANIZATION_ID, PLACE_ID, EVENT_ID].map((entityId, index) => ({
        type: 'paragraph',
        content: [{ type: 'text', text: `كيان ${index}`, marks: [{ type: 'entity', attrs: { entityId, entityType: ['person', 'organization', 'place', 'event'][index] } }] }],
      })),
    }],
  ];

  it.each(documents)('renders %s byte for byte as Tiptap renderToHTMLString does, whatever the options', (_name, doc) => {
    for (const [, options] of optionSets) expect(renderDocumentToHtml(doc, options)).toBe(renderWithTiptapReference(doc, options));
    // Twice: the second call uses the node and mark templates the first one made.
    for (const [, options] of optionSets) expect(renderDocumentToHtml(doc, options)).toBe(renderWithTiptapReference(doc, options));
  });

  it('reads each call\'s entityHref, not the first one it was given', () => {
    const html = (href: string | null) => renderDocumentToHtml(seedBody, { entityHref: () => href });
    expect(html('/entities/a')).toContain('href="/entities/a"');
    expect(html('/entities/b')).not.toContain('href="/entities/a"');
    expect(html(null)).not.toContain('<a ');
    expect(renderDocumentToHtml(seedBody)).toBe(html(null));
  });
});
