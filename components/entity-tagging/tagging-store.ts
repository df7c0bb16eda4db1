/**
 * State shared by the toolbar and the sidebar of one editor, without a React context (so that the editor page can
 * mount them anywhere): the entities known by id, and requests to open the tagging dialog (the card's "change").
 */
import type { Editor } from '@tiptap/core';
import type { TaggingEntity } from './types';

export type DialogRequest = { from: number; to: number; mode: 'tag' | 'change' };

export class TaggingStore {
  private readonly entities = new Map<string, TaggingEntity>();
  private readonly listeners = new Set<() => void>();
  private readonly dialogListeners = new Set<(request: DialogRequest) => void>();
  private version = 0;

  remember(list: readonly TaggingEntity[]): void {
    if (list.length === 0) return;
    for (const entity of list) this.entities.set(entity.id, entity);
    this.version++;
    for (const listener of this.listeners) listener();
  }

  get(id: string): TaggingEntity | undefined {
    return this.entities.get(id);
  }

  has(id: string): boolean {
    return this.entities.has(id);
  }

  /** For useSyncExternalStore. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getVersion = (): number => this.version;

  openDialog(request: DialogRequest): void {
    for (const listener of this.dialogListeners) listener(request);
  }

  onDialogRequest(listener: (request: DialogRequest) => void): () => void {
    this.dialogListeners.add(listener);
    return () => this.dialogListeners.delete(listener);
  }
}

const stores = new WeakMap<Editor, TaggingStore>();

export function getTaggingStore(editor: Editor): TaggingStore {
  let store = stores.get(editor);
  if (!store) {
    store = new TaggingStore();
    stores.set(editor, store);
  }
  return store;
}
