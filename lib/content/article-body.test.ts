// @vitest-environment happy-dom
import type { JSONContent } from '@tiptap/core';
import { DOMParser as ProseMirrorDOMParser } from '@tiptap/pm/model';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { ArticleBodyHtml } from '@/components/article/article-body-html';
import { renderArticleBodyHtml } from '@/components/article/render-article-body';

import { getContentSchema } from './schema';
import { KITCHEN_SINK, PERSON_ID, PLACE_ID, docWithLink, docWithText } from './test-fixtures';

// Tests of components/article/render-article-body.ts and article-body-html.tsx, kept with the renderer they use.

function render(doc: JSONContent, entityHrefs?: Record<string, string>): string {
  return renderToStaticMarkup(createElement(ArticleBodyHtml, { html: renderArticleBodyHtml(doc, entityHrefs) }));
}

function parseBody(html: string): { root: HTMLElement; doc: JSONContent } {
  const container = document.createElement('div');
  container.innerHTML = html;
  const root = container.firstElementChild as HTMLElement;
  return { root, doc: ProseMirrorDOMParser.fromSchema(getContentSchema()).parse(root).toJSON() as JSONContent };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the article body as readers get it (renderArticleBodyHtml in ArticleBodyHtml)', () => {
  it('renders every node and mark so that the same document reads back, inside an rtl Arabic root', () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { root, doc } = parseBody(render(KITCHEN_SINK, { [PERSON_ID]: `/entities/${PERSON_ID}` }));
    expect(root.tagName).toBe('DIV');
    expect(root.getAttribute('dir')).toBe('rtl');
    expect(root.getAttribute('lang')).toBe('ar');
    expect(doc).toEqual(KITCHEN_SINK);
    expect(errors).not.toHaveBeenCalled(); // no React key or attribute warnings
  });

  it('carries dir on LTR blocks', () => {
    const html = render(docWithText('English', undefined, { dir: 'ltr' }));
    expect(html).toBe('<div class="article-body" dir="rtl" lang="ar"><p dir="ltr">English</p></div>');
  });

  it('links mentions that have a page and leaves the others as spans', () => {
    const doc: JSONContent = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'السوداني', marks: [{ type: 'entity', attrs: { entityId: PERSON_ID, entityType: 'person' } }] },
            { type: 'text', text: ' في ' },
            { type: 'text', text: 'بغداد', marks: [{ type: 'entity', attrs: { entityId: PLACE_ID, entityType: 'place' } }] },
          ],
        },
      ],
    };
    const html = render(doc, { [PERSON_ID]: `/entities/al-sudani` });
    expect(html).toContain(`<a href="/entities/al-sudani" class="entity entity--person" data-entity-id="${PERSON_ID}" data-entity-type="person">السوداني</a>`);
    expect(html).toContain(`<span class="entity entity--place" data-entity-id="${PLACE_ID}" data-entity-type="place">بغداد</span>`);
  });

  it('never renders hostile links, from the document or from entityHrefs', () => {
    const mention = docWithText('السوداني', [{ type: 'entity', attrs: { entityId: PERSON_ID, entityType: 'person' } }]);
    for (const html of [
      render(docWithLink('javascript:alert(1)')),
      render(docWithLink(' JaVaScRiPt:alert(1)')),
      render(docWithLink('data:text/html,<script>alert(1)</script>')),
      render(mention, { [PERSON_ID]: 'javascript:alert(1)' }),
      render(mention, { [PERSON_ID]: '//evil.example' }),
    ]) {
      expect(html).not.toMatch(/javascript:|data:|href="\/\/|<script/i);
    }
    expect(render(docWithLink('javascript:alert(1)'))).toBe('<div class="article-body" dir="rtl" lang="ar"><p>رابط</p></div>');
  });

  it('uses only own entries of entityHrefs', () => {
    const inherited = Object.create({ [PERSON_ID]: '/entities/inherited' }) as Record<string, string>;
    const html = render(docWithText('x', [{ type: 'entity', attrs: { entityId: PERSON_ID, entityType: 'person' } }]), inherited);
    expect(html).toContain('<span class="entity entity--person"');
    expect(html).not.toContain('inherited');
  });
});
