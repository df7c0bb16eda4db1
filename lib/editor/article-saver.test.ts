import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ArticleSaver, NETWORK_FAILURE_MESSAGE, type SaverState } from './article-saver';
import { readLocalDraft, type ArticleContent, type DraftStorage } from './local-draft-store';
import type { SaveArticleResult, ServerArticleSnapshot } from './types';

const ID = '3f0c2a57-8d1e-4b6a-9c3d-2e5f7a8b9c01';

class MemoryStorage implements DraftStorage {
  map = new Map<string, string>();
  get length() {
    return this.map.size;
  }
  key(index: number) {
    return [...this.map.keys()][index] ?? null;
  }
  getItem(key: string) {
    return this.map.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.map.set(key, value);
  }
  removeItem(key: string) {
    this.map.delete(key);
  }
}

type Sent = ArticleContent & { id: string; expectedVersion: number };

function setup(version = 1) {
  const storage = new MemoryStorage();
  let text = 'نص';
  const content = (): ArticleContent => ({
    title: 'عنوان',
    dek: '',
    slug: 'عنوان',
    sectionId: null,
    body: { type: 'doc', content: [{ type: 'paragraph', attrs: { dir: null }, content: [{ type: 'text', text }] }] },
  });
  const sent: Sent[] = [];
  const pending: Array<(result: SaveArticleResult | Error) => void> = [];
  const states: SaverState[] = [];
  const saver = new ArticleSaver({
    articleId: ID,
    version,
    getContent: content,
    storage,
    onState: (state) => states.push(state),
    send: (input) => {
      sent.push(input);
      return new Promise((resolve, reject) => pending.push((result) => (result instanceof Error ? reject(result) : resolve(result))));
    },
  });
  const type = (value: string) => {
    text = value;
    saver.markChanged();
  };
  const answer = async (result: SaveArticleResult | Error) => {
    pending.shift()!(result);
    await vi.advanceTimersByTimeAsync(0);
  };
  const ok = (newVersion: number): SaveArticleResult => ({ ok: true, data: { id: ID, version: newVersion, slug: 'عنوان', updatedAt: '' } });
  return { saver, storage, sent, pending, states, type, answer, ok, status: () => saver.getState().status };
}

describe('ArticleSaver', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('in a browser, the timed local copy waits for an idle period (not between a keystroke and its frame)', async () => {
    const idle: Array<() => void> = [];
    vi.stubGlobal('requestIdleCallback', (callback: () => void) => idle.push(callback));
    vi.stubGlobal('cancelIdleCallback', () => {});
    try {
      const { storage, type } = setup(1);
      type('أ');
      await vi.advanceTimersByTimeAsync(400);
      expect(readLocalDraft(storage, ID)).toBeNull();
      expect(idle).toHaveLength(1);
      type('أب');
      await vi.advanceTimersByTimeAsync(400);
      expect(idle).toHaveLength(1); // one pending idle write serves every change before it
      idle.shift()!();
      expect(readLocalDraft(storage, ID)?.content.body.content?.[0]?.content?.[0]?.text).toBe('أب');
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('autosaves 1.5 s after the last change, with the base version, and forgets the local copy once saved', async () => {
    const { saver, storage, sent, type, answer, ok, status } = setup(3);
    type('أ');
    expect(status()).toBe('unsaved');
    await vi.advanceTimersByTimeAsync(1000);
    type('أب');
    await vi.advanceTimersByTimeAsync(1000);
    expect(sent).toHaveLength(0);
    expect(readLocalDraft(storage, ID)?.content.body.content?.[0]?.content?.[0]?.text).toBe('أب');
    await vi.advanceTimersByTimeAsync(600);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.expectedVersion).toBe(3);
    expect(status()).toBe('saving');
    await answer(ok(4));
    expect(status()).toBe('saved');
    expect(saver.getState().version).toBe(4);
    expect(readLocalDraft(storage, ID)).toBeNull();
  });

  it('keeps one save in flight and saves changes made meanwhile right after, on the new version', async () => {
    const { saver, sent, type, answer, ok, status, pending } = setup(1);
    type('أ');
    void saver.saveNow();
    expect(sent).toHaveLength(1);
    type('أب');
    void saver.saveNow();
    expect(sent).toHaveLength(1);
    expect(pending).toHaveLength(1);
    await answer(ok(2));
    expect(sent).toHaveLength(2);
    expect(sent[1]!.expectedVersion).toBe(2);
    expect(sent[1]!.body.content?.[0]?.content?.[0]?.text).toBe('أب');
    await answer(ok(3));
    expect(status()).toBe('saved');
  });

  it('reports a failed save, keeps the text in the browser, and saves again on retry', async () => {
    const { saver, storage, type, answer, ok, status, sent } = setup(1);
    type('نص لم يصل');
    void saver.saveNow();
    await answer(new TypeError('Failed to fetch'));
    expect(status()).toBe('failed');
    expect(saver.getState().error).toBe(NETWORK_FAILURE_MESSAGE);
    expect(readLocalDraft(storage, ID)).toMatchObject({ baseVersion: 1 });
    void saver.saveNow();
    expect(sent).toHaveLength(2);
    await answer(ok(2));
    expect(status()).toBe('saved');
    expect(readLocalDraft(storage, ID)).toBeNull();
  });

  it('retries a save that failed while the server or its database was down, with a growing delay, until it goes through', async () => {
    const { type, answer, ok, status, sent } = setup(1);
    type('نص كُتب والخادم متوقف');
    await vi.advanceTimersByTimeAsync(1500);
    expect(sent).toHaveLength(1);
    await answer(new TypeError('Failed to fetch'));
    expect(status()).toBe('failed');
    await vi.advanceTimersByTimeAsync(2999);
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toHaveLength(2);
    expect(status()).toBe('saving');
    await answer({ ok: false, error: { code: 'database_unavailable', message: 'الخدمة غير متاحة مؤقتًا.' } });
    expect(status()).toBe('failed');
    await vi.advanceTimersByTimeAsync(5999);
    expect(sent).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toHaveLength(3);
    expect(sent[2]!.body.content?.[0]?.content?.[0]?.text).toBe('نص كُتب والخادم متوقف');
    await answer(ok(2));
    expect(status()).toBe('saved');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sent).toHaveLength(3);
  });

  it('does not retry by itself a save the server refused for a reason that will not pass', async () => {
    const { type, answer, status, sent } = setup(1);
    type('نص');
    await vi.advanceTimersByTimeAsync(1500);
    await answer({ ok: false, error: { code: 'slug_taken', message: 'مستخدم', fieldErrors: { slug: ['مستخدم'] } } });
    expect(status()).toBe('failed');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sent).toHaveLength(1);
  });

  it('turns a stale save into a conflict, sends nothing until the user decides, and keeps their text on top', async () => {
    const { saver, storage, type, answer, ok, status, sent } = setup(1);
    const server: ServerArticleSnapshot = {
      version: 2, title: 'عنوان الزميل', dek: '', slug: 'عنوان', sectionId: null, body: { type: 'doc', content: [] },
      bodyText: 'نص الزميل', updatedAt: '', lastEditorName: 'علي المحرر',
    };
    type('نصي');
    void saver.saveNow();
    await answer({ ok: false, error: { code: 'version_conflict', message: 'تعارض' }, conflict: server });
    expect(status()).toBe('conflict');
    expect(saver.getState().conflict).toEqual(server);
    type('نصي وزيادة');
    await vi.advanceTimersByTimeAsync(5000);
    expect(sent).toHaveLength(1);
    expect(readLocalDraft(storage, ID)?.baseVersion).toBe(1);

    void saver.keepMine();
    expect(sent).toHaveLength(2);
    expect(sent[1]!.expectedVersion).toBe(2);
    await answer(ok(3));
    expect(status()).toBe('saved');
  });

  it('carries on without a conflict view when the server already holds the same text', async () => {
    const { saver, type, answer, status, sent } = setup(1);
    type('نص');
    const mine = sent.length;
    void saver.saveNow();
    const body = sent[mine]!.body;
    await answer({
      ok: false,
      error: { code: 'version_conflict', message: 'تعارض' },
      conflict: { version: 4, title: 'عنوان', dek: '', slug: 'عنوان', sectionId: null, body, bodyText: 'نص', updatedAt: '', lastEditorName: null },
    });
    expect(status()).toBe('saved');
    expect(saver.getState().version).toBe(4);
    expect(saver.getState().conflict).toBeNull();
  });

  it('takes the server copy on request and forgets the local one', async () => {
    const { saver, storage, type, answer, status } = setup(1);
    const server: ServerArticleSnapshot = {
      version: 5, title: 'س', dek: '', slug: 'س', sectionId: null, body: { type: 'doc', content: [] }, bodyText: '', updatedAt: '', lastEditorName: null,
    };
    type('نصي');
    void saver.saveNow();
    await answer({ ok: false, error: { code: 'version_conflict', message: 'تعارض' }, conflict: server });
    const applied: ServerArticleSnapshot[] = [];
    saver.takeServer((snapshot) => applied.push(snapshot));
    expect(applied).toEqual([server]);
    expect(status()).toBe('saved');
    expect(saver.getState().version).toBe(5);
    expect(saver.hasUnsavedChanges()).toBe(false);
    expect(readLocalDraft(storage, ID)).toBeNull();
  });

  it('restores a local copy on the version it was based on', async () => {
    const { saver, sent } = setup(7);
    saver.restoreFrom(4);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.expectedVersion).toBe(4);
  });
});
