/**
 * Keyboard shortcuts matched on the physical key, so that they work on an Arabic layout, where Ctrl+B produces
 * `event.key === 'لا'` (Tiptap's keymaps look at `event.key` only). On a Latin layout the letter the key produces
 * wins (so AZERTY's Ctrl+Z is the key marked Z); otherwise the key's position (`event.code`, `KeyB`) decides.
 */
export type EditorShortcut =
  | 'bold'
  | 'italic'
  | 'underline'
  | 'strike'
  | 'link'
  | 'undo'
  | 'redo'
  | 'save'
  | 'heading2'
  | 'heading3'
  | 'orderedList'
  | 'bulletList';

/**
 * Block shortcuts on the digit row, read from `event.code` (the key's position) only: with Alt or Shift held the
 * character a digit key produces depends on the layout (Arabic-Indic digits, `&`/`é` on AZERTY, `/` and `(` on
 * German), but the position does not. Ctrl+Alt+2/3: heading 2/3; Ctrl+Shift+7/8: ordered/bullet list (Tiptap's own
 * bindings, which look at `event.key`).
 */
function matchDigitShortcut(event: ShortcutKeyEvent): EditorShortcut | null {
  const digit = /^(?:Digit|Numpad)([0-9])$/.exec(event.code)?.[1];
  if (digit === undefined) return null;
  if (event.altKey && !event.shiftKey) return digit === '2' ? 'heading2' : digit === '3' ? 'heading3' : null;
  if (event.shiftKey && !event.altKey) return digit === '7' ? 'orderedList' : digit === '8' ? 'bulletList' : null;
  return null;
}

export type ShortcutKeyEvent = Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>;

/** The Latin letter a shortcut key stands for: the key's own letter on a Latin layout, else its physical position. */
export function shortcutLetter(event: Pick<KeyboardEvent, 'key' | 'code'>): string | null {
  const key = event.key.length === 1 ? event.key.toLowerCase() : '';
  if (/^[a-z]$/.test(key)) return key;
  const match = /^Key([A-Z])$/.exec(event.code);
  return match ? match[1]!.toLowerCase() : null;
}

/** The shortcut an event means (Ctrl on Windows/Linux, Cmd on macOS), or null. */
export function matchShortcut(event: ShortcutKeyEvent, isMac = false): EditorShortcut | null {
  const mod = isMac ? event.metaKey : event.ctrlKey;
  if (!mod) return null;
  const digitShortcut = matchDigitShortcut(event);
  if (digitShortcut || event.altKey) return digitShortcut;
  const letter = shortcutLetter(event);
  if (letter === null) return null;
  if (event.shiftKey) {
    if (letter === 'z') return 'redo';
    if (letter === 's') return 'strike'; // Tiptap's own strike shortcut
    return null;
  }
  switch (letter) {
    case 'b':
      return 'bold';
    case 'i':
      return 'italic';
    case 'u':
      return 'underline';
    case 'k':
      return 'link';
    case 'z':
      return 'undo';
    case 'y':
      return 'redo';
    case 's':
      return 'save';
    default:
      return null;
  }
}

/** How a shortcut is written in tooltips. */
export function shortcutLabel(shortcut: EditorShortcut, isMac = false): string {
  const mod = isMac ? '⌘' : 'Ctrl';
  const keys: Record<EditorShortcut, string> = {
    bold: `${mod}+B`,
    italic: `${mod}+I`,
    underline: `${mod}+U`,
    strike: `${mod}+Shift+S`,
    link: `${mod}+K`,
    undo: `${mod}+Z`,
    redo: `${mod}+Shift+Z`,
    save: `${mod}+S`,
    heading2: `${mod}+Alt+2`,
    heading3: `${mod}+Alt+3`,
    orderedList: `${mod}+Shift+7`,
    bulletList: `${mod}+Shift+8`,
  };
  return keys[shortcut];
}

export function isMacPlatform(): boolean {
  if (typeof navigator === 'undefined') return false;
  return /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
}
