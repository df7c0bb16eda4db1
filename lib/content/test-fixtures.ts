import type { JSONContent } from '@tiptap/core';

import { LINK_REL } from './link-policy';

/**
 * Documents for the tests of lib/content, written in canonical form (as `validateDocument` returns them: every
 * attribute present). Not imported by application code.
 */

export const PERSON_ID = '3f0c2a57-8d1e-4b6a-9c3d-2e5f7a8b9c01';
export const ORGANIZATION_ID = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';
export const PLACE_ID = '0f9e8d7c-6b5a-4c3d-9e2f-1a0b9c8d7e6f';
export const EVENT_ID = '11111111-2222-4333-8444-555555555555';

const linkAttrs = (href: string, extra: { target?: string | null; title?: string | null } = {}) => ({
  href,
  target: extra.target ?? null,
  rel: LINK_REL,
  class: null,
  title: extra.title ?? null,
});

const text = (value: string, marks?: JSONContent['marks']): JSONContent =>
  marks ? { type: 'text', text: value, marks } : { type: 'text', text: value };

const entity = (entityId: string, entityType: string) => ({ type: 'entity', attrs: { entityId, entityType } });

const paragraph = (dir: 'rtl' | 'ltr' | null, content?: JSONContent[]): JSONContent =>
  content ? { type: 'paragraph', attrs: { dir }, content } : { type: 'paragraph', attrs: { dir } };

/** Every node type, every mark, both directions, entity marks of every type, every kind of allowed link. */
export const KITCHEN_SINK: JSONContent = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { dir: null, level: 2 }, content: [text('عنوان فرعي عن بغداد')] },
    { type: 'heading', attrs: { dir: 'ltr', level: 3 }, content: [text('A heading in English')] },
    paragraph(null, [
      text('نص عادي '),
      text('عريض', [{ type: 'bold' }]),
      text(' و'),
      text('مائل', [{ type: 'italic' }]),
      text(' و'),
      text('مسطر', [{ type: 'underline' }]),
      text(' و'),
      text('مشطوب', [{ type: 'strike' }]),
      text(' و'),
      text('x = 1', [{ type: 'code' }]),
      text(' و'),
      text('عريض مائل', [{ type: 'bold' }, { type: 'italic' }, { type: 'strike' }, { type: 'underline' }]),
      text('.'),
      { type: 'hardBreak' },
      text('سطر بعد فاصل.'),
    ]),
    paragraph(null, [
      text('قال '),
      text('محمد شياع السوداني', [entity(PERSON_ID, 'person')]),
      text(' في '),
      text('بغداد', [entity(PLACE_ID, 'place')]),
      text(' إن '),
      // One mention cut by bold: two text nodes, one entity id.
      text('القيادة ', [entity(ORGANIZATION_ID, 'organization')]),
      text('الوسطى', [{ type: 'bold' }, entity(ORGANIZATION_ID, 'organization')]),
      text(' شاركت في '),
      text('مؤتمر بغداد', [{ type: 'link', attrs: linkAttrs('https://example.com/ar/مؤتمر?x=1&y=2#top') }, entity(EVENT_ID, 'event')]),
      text('، '),
      text('رابط داخلي', [{ type: 'link', attrs: linkAttrs('/articles/baghdad-today') }]),
      text(' و'),
      text('بريد', [{ type: 'link', attrs: linkAttrs('mailto:desk@example.com', { target: '_blank', title: 'راسلنا' }) }]),
      text(' و'),
      text('http', [{ type: 'link', attrs: linkAttrs('http://example.org/a') }]),
      text('.'),
    ]),
    paragraph('ltr', [
      text('The '),
      text('US Central Command', [entity(ORGANIZATION_ID, 'organization')]),
      text(' said so, see '),
      text('the report', [{ type: 'link', attrs: linkAttrs('https://example.com/report', { title: 'Report' }) }]),
      text('.'),
    ]),
    paragraph('rtl', [text('فقرة باتجاه صريح من اليمين إلى اليسار.')]),
    { type: 'blockquote', attrs: { dir: null }, content: [paragraph(null, [text('اقتباس عربي.')])] },
    { type: 'blockquote', attrs: { dir: 'ltr' }, content: [paragraph('ltr', [text('An English quote.')])] },
    {
      type: 'bulletList',
      attrs: { dir: null },
      content: [
        { type: 'listItem', attrs: { dir: null }, content: [paragraph(null, [text('البند الأول')])] },
        {
          type: 'listItem',
          attrs: { dir: null },
          content: [
            paragraph(null, [text('البند الثاني')]),
            {
              type: 'bulletList',
              attrs: { dir: null },
              content: [{ type: 'listItem', attrs: { dir: null }, content: [paragraph(null, [text('بند متداخل')])] }],
            },
          ],
        },
        { type: 'listItem', attrs: { dir: 'ltr' }, content: [paragraph('ltr', [text('An English item')])] },
      ],
    },
    {
      type: 'orderedList',
      attrs: { dir: 'ltr', start: 3, type: 'a' },
      content: [
        { type: 'listItem', attrs: { dir: 'ltr' }, content: [paragraph('ltr', [text('third')])] },
        { type: 'listItem', attrs: { dir: 'ltr' }, content: [paragraph('ltr', [text('fourth')])] },
      ],
    },
    {
      type: 'orderedList',
      attrs: { dir: null, start: 1, type: null },
      content: [{ type: 'listItem', attrs: { dir: null }, content: [paragraph(null, [text('أولاً')])] }],
    },
    { type: 'codeBlock', attrs: { dir: 'ltr', language: 'ts' }, content: [text('const a = 1;\n  if (a < 2) return "<b>";')] },
    { type: 'codeBlock', attrs: { dir: 'rtl', language: null }, content: [text('سطر برمجي')] },
    { type: 'horizontalRule' },
    paragraph(null),
  ],
};

/** A small valid document with one text node, for hostile variations. */
export function docWithText(value: string, marks?: JSONContent['marks'], attrs?: Record<string, unknown>): JSONContent {
  return {
    type: 'doc',
    content: [{ type: 'paragraph', attrs: attrs ?? { dir: null }, content: [text(value, marks)] }],
  };
}

export function docWithLink(href: unknown): JSONContent {
  return docWithText('رابط', [{ type: 'link', attrs: { ...linkAttrs(''), href } }]);
}
