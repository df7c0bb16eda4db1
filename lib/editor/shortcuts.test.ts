import { describe, expect, it } from 'vitest';
import { matchShortcut, shortcutLabel, shortcutLetter, type ShortcutKeyEvent } from './shortcuts';

const key = (keyValue: string, code: string, modifiers: Partial<ShortcutKeyEvent> = {}): ShortcutKeyEvent => ({
  key: keyValue,
  code,
  ctrlKey: true,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...modifiers,
});

describe('matchShortcut', () => {
  it('maps Ctrl shortcuts on a Latin layout', () => {
    expect(matchShortcut(key('b', 'KeyB'))).toBe('bold');
    expect(matchShortcut(key('i', 'KeyI'))).toBe('italic');
    expect(matchShortcut(key('u', 'KeyU'))).toBe('underline');
    expect(matchShortcut(key('k', 'KeyK'))).toBe('link');
    expect(matchShortcut(key('z', 'KeyZ'))).toBe('undo');
    expect(matchShortcut(key('Z', 'KeyZ', { shiftKey: true }))).toBe('redo');
    expect(matchShortcut(key('y', 'KeyY'))).toBe('redo');
    expect(matchShortcut(key('s', 'KeyS'))).toBe('save');
    expect(matchShortcut(key('S', 'KeyS', { shiftKey: true }))).toBe('strike');
  });

  it('maps the same physical keys on an Arabic layout, where the key is an Arabic letter', () => {
    expect(matchShortcut(key('لا', 'KeyB'))).toBe('bold');
    expect(matchShortcut(key('ه', 'KeyI'))).toBe('italic');
    expect(matchShortcut(key('ع', 'KeyU'))).toBe('underline');
    expect(matchShortcut(key('ن', 'KeyK'))).toBe('link');
    expect(matchShortcut(key('ئ', 'KeyZ'))).toBe('undo');
    expect(matchShortcut(key('~', 'KeyZ', { shiftKey: true }))).toBe('redo');
    expect(matchShortcut(key('س', 'KeyS'))).toBe('save');
  });

  it('maps heading and list shortcuts by the position of the digit key, whatever character the layout gives it', () => {
    expect(matchShortcut(key('2', 'Digit2', { altKey: true }))).toBe('heading2');
    expect(matchShortcut(key('٣', 'Digit3', { altKey: true }))).toBe('heading3');
    expect(matchShortcut(key('&', 'Digit7', { shiftKey: true }))).toBe('orderedList');
    expect(matchShortcut(key('(', 'Digit8', { shiftKey: true }))).toBe('bulletList');
    expect(matchShortcut(key('é', 'Digit2', { altKey: true }))).toBe('heading2');
    expect(matchShortcut(key('2', 'Digit2', { altKey: true, ctrlKey: false, metaKey: true }), true)).toBe('heading2');
    expect(matchShortcut(key('2', 'Digit2', { altKey: true, ctrlKey: false }))).toBeNull();
    expect(matchShortcut(key('2', 'Digit2', { altKey: true, shiftKey: true }))).toBeNull();
    expect(matchShortcut(key('7', 'Digit7', { altKey: true }))).toBeNull();
    expect(matchShortcut(key('2', 'Digit2'))).toBeNull();
    expect(shortcutLabel('heading2')).toBe('Ctrl+Alt+2');
    expect(shortcutLabel('bulletList', true)).toBe('⌘+Shift+8');
  });

  it('follows the letter on other Latin layouts (AZERTY: the key marked Z sits at KeyW)', () => {
    expect(shortcutLetter({ key: 'z', code: 'KeyW' })).toBe('z');
    expect(matchShortcut(key('z', 'KeyW'))).toBe('undo');
    expect(matchShortcut(key('w', 'KeyZ'))).toBeNull();
  });

  it('needs Ctrl (Cmd on a Mac) and no Alt; ignores other keys', () => {
    expect(matchShortcut(key('لا', 'KeyB', { ctrlKey: false }))).toBeNull();
    expect(matchShortcut(key('b', 'KeyB', { altKey: true }))).toBeNull();
    expect(matchShortcut(key('b', 'KeyB', { ctrlKey: false, metaKey: true }), true)).toBe('bold');
    expect(matchShortcut(key('b', 'KeyB'), true)).toBeNull();
    expect(matchShortcut(key('Enter', 'Enter'))).toBeNull();
    expect(matchShortcut(key('1', 'Digit1'))).toBeNull();
    expect(matchShortcut(key('q', 'KeyQ'))).toBeNull();
  });

  it('writes shortcuts for tooltips', () => {
    expect(shortcutLabel('bold')).toBe('Ctrl+B');
    expect(shortcutLabel('redo', true)).toBe('⌘+Shift+Z');
  });
});
