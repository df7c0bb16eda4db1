/**
 * The benchmark page: the newsroom editor (components/editor/article-editor.tsx, with the shared extension list,
 * toolbar, counters and save loop; saving is a no-op) and a bare contenteditable holding the same text, measured
 * the same way. Driven by bench/editor-typing.ts.
 */
import { createRoot } from 'react-dom/client';
import type { JSONContent } from '@tiptap/core';
import { ArticleEditor } from '@/components/editor/article-editor';
import type { SaveArticleResult } from '@/lib/editor/types';

declare global {
  interface Window {
    bench: {
      load(doc: JSONContent, html: string): Promise<void>;
      placeCaret(target: 'editor' | 'bare'): void;
      start(): void;
      stop(): Sample[];
    };
  }
}

/**
 * Per key: `total` is keydown `event.timeStamp` → after the paint of the next frame; `toFrame` is keydown → the start
 * of that frame's rAF callbacks (getting the key to the page and handling it: ProseMirror, React, plugins); `render` is
 * the rest (style, layout, paint). `tickAfterKey`: the frame's vsync time (the rAF timestamp) is later than the
 * keydown, i.e. the key may have waited for a new tick; when it is earlier, Chromium ran the frame at once.
 */
type Sample = { total: number; toFrame: number; render: number; tickAfterKey: boolean };
let samples: Sample[] = [];
let recording = false;

// keydown → the frame that shows the change: the rAF callback runs before that frame's paint; a message posted from
// it runs right after the paint.
document.addEventListener(
  'keydown',
  (event) => {
    if (!recording) return;
    const started = event.timeStamp;
    requestAnimationFrame((frameTime) => {
      const frameStarted = performance.now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        const painted = performance.now();
        samples.push({ total: painted - started, toFrame: frameStarted - started, render: painted - frameStarted, tickAfterKey: frameTime > started });
      };
      channel.port2.postMessage(null);
    });
  },
  true,
);

let root: ReturnType<typeof createRoot> | null = null;
let counter = 0;

window.bench = {
  async load(doc, html) {
    const editorRoot = document.getElementById('editor-root')!;
    root?.unmount();
    root = createRoot(editorRoot);
    counter++;
    const id = `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`;
    const save = async (): Promise<SaveArticleResult> => ({ ok: true, data: { id, version: 2, slug: 'x', updatedAt: '' } });
    root.render(
      <ArticleEditor
        key={id}
        article={{
          id,
          title: 'مقال طويل',
          dek: '',
          slug: 'مقال-طويل',
          sectionId: null,
          body: doc,
          status: 'draft',
          version: 1,
          authorId: 'a',
          authorName: 'كاتب',
          updatedAt: new Date().toISOString(),
          publishAt: null,
          permissions: { canEdit: true },
        }}
        sections={[]}
        saveAction={save}
        checkSlugAction={async () => ({ ok: true, data: { ok: true, slug: 'x' } })}
        previewHref="#"
      />,
    );
    const bare = document.getElementById('bare-root')!;
    bare.innerHTML = `<div contenteditable="true" class="bare" dir="rtl" lang="ar">${html}</div>`;
    for (let i = 0; i < 200 && !document.querySelector('.editor-body[contenteditable="true"]'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  },
  placeCaret(target) {
    const container = target === 'editor' ? document.querySelector('.editor-body')! : document.querySelector('.bare')!;
    (container as HTMLElement).focus();
    const paragraphs = container.querySelectorAll('p');
    const middle = paragraphs[Math.floor(paragraphs.length / 2)]!;
    middle.scrollIntoView({ block: 'center' });
    const text = middle.firstChild!;
    const range = document.createRange();
    range.setStart(text, Math.min(3, text.textContent!.length));
    range.collapse(true);
    const selection = getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
  },
  start() {
    samples = [];
    recording = true;
  },
  stop() {
    recording = false;
    return samples;
  },
};
