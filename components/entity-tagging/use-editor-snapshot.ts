'use client';

import type { Editor } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { useEffect, useState, useSyncExternalStore } from 'react';

/**
 * The editor's document, updated at most once per `delayMs` after the last change (debounced): derived state such as
 * the entity index and the suggestions is recomputed from it, never synchronously on every keystroke.
 */
export function useDebouncedDoc(editor: Editor, delayMs: number): PMNode {
  const [doc, setDoc] = useState<PMNode>(() => editor.state.doc);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onUpdate = () => {
      clearTimeout(timer);
      timer = setTimeout(() => setDoc(editor.state.doc), delayMs);
    };
    editor.on('update', onUpdate);
    onUpdate();
    return () => {
      clearTimeout(timer);
      editor.off('update', onUpdate);
    };
  }, [editor, delayMs]);
  return doc;
}

/** A value read from the editor state, re-read on every transaction (keep `read` cheap: no document scans). */
export function useEditorValue<T>(editor: Editor, read: (editor: Editor) => T): T {
  return useSyncExternalStore(
    (notify) => {
      editor.on('transaction', notify);
      return () => {
        editor.off('transaction', notify);
      };
    },
    () => read(editor),
    () => read(editor),
  );
}
