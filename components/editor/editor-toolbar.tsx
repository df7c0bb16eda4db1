'use client';

import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import type { ReactNode } from 'react';
import { shortcutLabel, type EditorShortcut } from '@/lib/editor/shortcuts';

type ButtonSpec = {
  key: string;
  label: string;
  icon: ReactNode;
  shortcut?: EditorShortcut;
  extraKeys?: string;
  active?: boolean;
  disabled?: boolean;
  run: () => void;
};

/** The Arabic toolbar: every button has an accessible name and a tooltip with its shortcut. */
export function EditorToolbar({ editor, isMac, onLink }: { editor: Editor; isMac: boolean; onLink: () => void }) {
  const state = useEditorState({
    editor,
    selector: ({ editor: current }) => {
      const { $from } = current.state.selection;
      const block = $from.parent;
      return {
        paragraph: current.isActive('paragraph'),
        h2: current.isActive('heading', { level: 2 }),
        h3: current.isActive('heading', { level: 3 }),
        bold: current.isActive('bold'),
        italic: current.isActive('italic'),
        underline: current.isActive('underline'),
        strike: current.isActive('strike'),
        bulletList: current.isActive('bulletList'),
        orderedList: current.isActive('orderedList'),
        blockquote: current.isActive('blockquote'),
        link: current.isActive('link'),
        canUndo: current.can().undo(),
        canRedo: current.can().redo(),
        dir: (block.attrs.dir as string | null) ?? null,
      };
    },
  });

  const chain = () => editor.chain().focus();
  const hint = (shortcut?: EditorShortcut, extra?: string) =>
    shortcut ? ` (${shortcutLabel(shortcut, isMac)})` : extra ? ` (${extra})` : '';

  const groups: ButtonSpec[][] = [
    [
      { key: 'paragraph', label: 'فقرة', icon: '¶', active: state.paragraph, run: () => chain().setParagraph().run() },
      { key: 'h2', label: 'عنوان فرعي', icon: 'ع٢', shortcut: 'heading2', active: state.h2, run: () => chain().toggleHeading({ level: 2 }).run() },
      { key: 'h3', label: 'عنوان فرعي صغير', icon: 'ع٣', shortcut: 'heading3', active: state.h3, run: () => chain().toggleHeading({ level: 3 }).run() },
    ],
    [
      { key: 'bold', label: 'غامق', icon: <b>غ</b>, shortcut: 'bold', active: state.bold, run: () => chain().toggleBold().run() },
      { key: 'italic', label: 'مائل', icon: <i>م</i>, shortcut: 'italic', active: state.italic, run: () => chain().toggleItalic().run() },
      { key: 'underline', label: 'تسطير', icon: <u>س</u>, shortcut: 'underline', active: state.underline, run: () => chain().toggleUnderline().run() },
      { key: 'strike', label: 'يتوسطه خط', icon: <s>خ</s>, shortcut: 'strike', active: state.strike, run: () => chain().toggleStrike().run() },
    ],
    [
      { key: 'bulletList', label: 'قائمة نقطية', icon: '•', shortcut: 'bulletList', active: state.bulletList, run: () => chain().toggleBulletList().run() },
      { key: 'orderedList', label: 'قائمة مرقمة', icon: '١.', shortcut: 'orderedList', active: state.orderedList, run: () => chain().toggleOrderedList().run() },
      { key: 'blockquote', label: 'اقتباس', icon: '«»', extraKeys: 'Ctrl+Shift+B', active: state.blockquote, run: () => chain().toggleBlockquote().run() },
      { key: 'link', label: 'رابط', icon: <u>رابط</u>, shortcut: 'link', active: state.link, run: onLink },
      { key: 'hr', label: 'خط فاصل', icon: '―', run: () => chain().setHorizontalRule().run() },
    ],
    [
      { key: 'rtl', label: 'اتجاه الفقرة من اليمين إلى اليسار', icon: '⇠ع', active: state.dir !== 'ltr', run: () => chain().unsetBlockDirection().run() },
      { key: 'ltr', label: 'اتجاه الفقرة من اليسار إلى اليمين', icon: 'A⇢', active: state.dir === 'ltr', run: () => chain().setBlockDirection('ltr').run() },
    ],
    [
      { key: 'undo', label: 'تراجع', icon: '↶', shortcut: 'undo', disabled: !state.canUndo, run: () => chain().undo().run() },
      { key: 'redo', label: 'إعادة', icon: '↷', shortcut: 'redo', disabled: !state.canRedo, run: () => chain().redo().run() },
    ],
  ];

  return (
    <div className="editor-toolbar" role="toolbar" aria-label="أدوات التنسيق" aria-controls={editor.view.dom.id || undefined}>
      {groups.map((group, index) => (
        <div className="editor-toolbar__group" key={index} role="group">
          {group.map((button) => {
            const title = `${button.label}${hint(button.shortcut, button.extraKeys)}`;
            return (
              <button
                key={button.key}
                type="button"
                className="editor-toolbar__button"
                aria-label={button.label}
                title={title}
                data-tooltip={title}
                aria-pressed={button.active === undefined ? undefined : button.active}
                aria-keyshortcuts={button.shortcut ? shortcutLabel(button.shortcut, isMac).replace('⌘', 'Meta').replace('Ctrl', 'Control') : undefined}
                disabled={button.disabled}
                onMouseDown={(event) => event.preventDefault()}
                onClick={button.run}
              >
                <span aria-hidden="true">{button.icon}</span>
              </button>
            );
          })}
        </div>
      ))}
    </div>
  );
}
