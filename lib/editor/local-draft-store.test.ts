import { describe, expect, it } from 'vitest';
import {
  clearLocalDrafts,
  draftToOffer,
  isSameContent,
  localDraftKey,
  readLocalDraft,
  writeLocalDraft,
  type ArticleContent,
  type DraftStorage,
  type LocalDraft,
} from './local-draft-store';

class MemoryStorage implements DraftStorage {
  map = new Map<string, string>();
  failWrites = false;
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
    if (this.failWrites) throw new DOMException('quota', 'QuotaExceededError');
    this.map.set(key, value);
  }
  removeItem(key: string) {
    this.map.delete(key);
  }
}

const ID = '3f0c2a57-8d1e-4b6a-9c3d-2e5f7a8b9c01';
const content = (text: string): ArticleContent => ({
  title: 'عنوان',
  dek: '',
  slug: 'عنوان',
  sectionId: null,
  body: { type: 'doc', content: [{ type: 'paragraph', attrs: { dir: null }, content: [{ type: 'text', text }] }] },
});
const draft = (baseVersion: number, text: string, savedAt = 1000): LocalDraft => ({ articleId: ID, baseVersion, savedAt, content: content(text) });

describe('local draft store', () => {
  it('keeps one entry per article, keyed by article and base version, and reads it back', () => {
    const storage = new MemoryStorage();
    expect(readLocalDraft(storage, ID)).toBeNull();
    expect(writeLocalDraft(storage, draft(3, 'أول'))).toBe(true);
    expect([...storage.map.keys()]).toEqual([localDraftKey(ID, 3)]);
    expect(writeLocalDraft(storage, draft(4, 'ثانٍ', 2000))).toBe(true);
    expect([...storage.map.keys()]).toEqual([localDraftKey(ID, 4)]);
    expect(readLocalDraft(storage, ID)).toEqual(draft(4, 'ثانٍ', 2000));
    storage.setItem(localDraftKey('other', 1), JSON.stringify({ ...draft(1, 'x'), articleId: 'other' }));
    clearLocalDrafts(storage, ID);
    expect(readLocalDraft(storage, ID)).toBeNull();
    expect(storage.map.size).toBe(1);
  });

  it('reports a refused write and drops corrupt entries', () => {
    const storage = new MemoryStorage();
    storage.failWrites = true;
    expect(writeLocalDraft(storage, draft(1, 'x'))).toBe(false);
    storage.failWrites = false;
    storage.setItem(localDraftKey(ID, 2), '{not json');
    storage.setItem(localDraftKey(ID, 3), JSON.stringify({ ...draft(3, 'x'), content: { title: 1 } }));
    expect(readLocalDraft(storage, ID)).toBeNull();
    expect(storage.map.size).toBe(0);
  });

  it('offers a draft back only when it differs from the server copy', () => {
    const server = { ...content('نص الخادم'), version: 5 };
    expect(draftToOffer(null, server)).toBeNull();
    expect(draftToOffer(draft(5, 'نص الخادم'), server)).toBeNull();
    expect(draftToOffer(draft(4, 'نص الخادم'), server)).toBeNull();
    expect(draftToOffer(draft(4, 'نص لم يُحفظ'), server)).toEqual(draft(4, 'نص لم يُحفظ'));
  });

  it('compares bodies regardless of key order', () => {
    const a = content('x');
    const b: ArticleContent = { ...a, body: { content: a.body.content, type: 'doc' } };
    expect(isSameContent(a, b)).toBe(true);
    expect(isSameContent(a, { ...a, slug: 'y' })).toBe(false);
    expect(isSameContent(a, { ...a, sectionId: ID })).toBe(false);
  });
});
