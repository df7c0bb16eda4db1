'use client';

import type { Editor } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { useCallback, useEffect, useState } from 'react';
import { TagEntityDialog } from './tag-entity-dialog';
import { mentionAt } from './tagging-commands';
import { getTaggingStore, type DialogRequest } from './tagging-store';
import { useEditorValue } from './use-editor-snapshot';
import type { EntityTaggingActions } from './types';
import './entity-tagging.css';

let pluginCounter = 0;

/**
 * Whether a keydown is the tagging shortcut: Ctrl+E (Cmd+E on Apple), read from `event.code` (the physical key) so
 * that it works on Arabic keyboard layouts, where `event.key` is «ث».
 */
export function isTagShortcut(event: Pick<KeyboardEvent, 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): boolean {
  return (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.code === 'KeyE';
}

/**
 * The «وسم كيان» button and its shortcut (Ctrl/Cmd+E), and the tagging dialog. Tags the selection; on a collapsed
 * cursor inside a mention it opens the dialog to change that mention's entity.
 */
export function EntityTaggingToolbar({ editor, actions }: { editor: Editor; actions: Pick<EntityTaggingActions, 'search' | 'create'> }) {
  const [request, setRequest] = useState<DialogRequest | null>(null);
  const canTag = useEditorValue(editor, (current) => {
    const { from, to, empty } = current.state.selection;
    return !empty ? current.state.doc.textBetween(from, to, ' ', ' ').trim() !== '' : false;
  });

  const open = useCallback(() => {
    const { from, to, empty } = editor.state.selection;
    if (!empty) {
      setRequest({ from, to, mode: 'tag' });
      return true;
    }
    const mention = mentionAt(editor.state, from);
    if (mention) {
      setRequest({ from: mention.from, to: mention.to, mode: 'change' });
      return true;
    }
    return false;
  }, [editor]);

  useEffect(() => getTaggingStore(editor).onDialogRequest(setRequest), [editor]);

  useEffect(() => {
    const key = new PluginKey(`entityTaggingShortcut${++pluginCounter}`);
    // First among the plugins: StarterKit's inline code binds Mod-e, and ProseMirror's keymap falls back to the
    // keyCode (69) when the key is «ث», so an appended plugin would never see Ctrl+E on any layout.
    editor.registerPlugin(
      new Plugin({
        key,
        props: {
          handleKeyDown: (_view, event) => {
            if (!isTagShortcut(event)) return false;
            event.preventDefault();
            open();
            return true;
          },
        },
      }),
      (plugin, plugins) => [plugin, ...plugins],
    );
    return () => {
      if (!editor.isDestroyed) editor.unregisterPlugin(key);
    };
  }, [editor, open]);

  return (
    <>
      <button
        type="button"
        className="toolbar-button"
        onMouseDown={(event) => event.preventDefault()}
        onClick={open}
        disabled={!canTag}
        aria-keyshortcuts="Control+E Meta+E"
        title="وسم كيان (Ctrl+E)"
      >
        وسم كيان
      </button>
      {request ? <TagEntityDialog key={`${request.from}-${request.to}`} editor={editor} actions={actions} request={request} onClose={() => setRequest(null)} /> : null}
    </>
  );
}
