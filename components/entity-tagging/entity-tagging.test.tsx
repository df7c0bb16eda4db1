// @vitest-environment happy-dom
import type { Editor } from '@tiptap/core';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { collectEntityMentions, type TiptapNodeJSON } from '@/lib/entities/mark-index';
import type { ActionResult } from '@/lib/errors';
import { EntitySidebar } from './entity-sidebar';
import { EntityTaggingToolbar, isTagShortcut } from './entity-tagging-toolbar';
import { createTestEditor, rangeOf, seedBody, seedRegistry, uuid } from './test-support';
import type { EntityTaggingActions, TaggingEntity } from './types';

beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
});

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).reverse().forEach((cleanup) => cleanup()));

function ok<T>(data: T): Promise<ActionResult<T>> {
  return Promise.resolve({ ok: true, data });
}

function setup(content: Parameters<typeof createTestEditor>[0]) {
  const editor = createTestEditor(content);
  const container = document.createElement('div');
  document.body.appendChild(container);
  let root: Root;
  act(() => {
    root = createRoot(container);
  });
  cleanups.push(() => {
    act(() => root.unmount());
    container.remove();
    editor.destroy();
  });
  const render = (node: React.ReactNode) => act(() => root.render(node));
  return { editor, container, render };
}

async function waitFor<T>(check: () => T | null | undefined | false, timeout = 3000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() - started > timeout) throw new Error('timed out waiting');
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
  }
}

function buttonNamed(container: ParentNode, name: string | RegExp): HTMLButtonElement | null {
  const buttons = [...container.querySelectorAll('button')];
  return (buttons.find((button) => (typeof name === 'string' ? button.textContent?.trim() === name : name.test(button.textContent ?? ''))) ??
    null) as HTMLButtonElement | null;
}

async function click(element: Element) {
  await act(async () => {
    element.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, cancelable: true }));
    (element as HTMLElement).click();
  });
}

const mentions = (editor: Editor) =>
  collectEntityMentions(editor.getJSON() as TiptapNodeJSON).mentions.map((mention) => [mention.entityId, mention.entityType, mention.text]);

const SUDANI: TaggingEntity = { id: uuid(501), type: 'person', name: 'محمد شياع السوداني', slug: 'محمد-شياع-السوداني', aliases: ['السوداني'] };

function fakeActions(overrides: Partial<EntityTaggingActions> = {}): EntityTaggingActions {
  return {
    search: vi.fn((query: string) => ok(query.includes('السوداني') ? [SUDANI] : [])),
    create: vi.fn((input: { type: TaggingEntity['type']; name: string }) => ok({ id: uuid(777), slug: 'جديد', aliases: [], ...input })),
    getEntitiesByIds: vi.fn((ids: string[]) => ok(ids.flatMap((id) => (id === SUDANI.id ? [SUDANI] : [])))),
    loadRegistry: vi.fn(() => ok([])),
    ...overrides,
  };
}

function pressTagShortcut(editor: Editor) {
  // An Arabic layout: the key is «ث», the physical key is E (keyCode 69, as browsers send it: ProseMirror's keymaps
  // fall back to it, so inline code's Mod-e must not get there first).
  act(() => {
    editor.view.dom.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'ث', code: 'KeyE', keyCode: 69, ctrlKey: true, bubbles: true, cancelable: true }),
    );
  });
}

describe('EntityTaggingToolbar', () => {
  it('recognizes the shortcut by physical key, on any layout', () => {
    expect(isTagShortcut({ code: 'KeyE', ctrlKey: true, metaKey: false, altKey: false, shiftKey: false })).toBe(true);
    expect(isTagShortcut({ code: 'KeyE', ctrlKey: false, metaKey: true, altKey: false, shiftKey: false })).toBe(true);
    expect(isTagShortcut({ code: 'KeyE', ctrlKey: false, metaKey: false, altKey: false, shiftKey: false })).toBe(false);
    expect(isTagShortcut({ code: 'KeyQ', ctrlKey: true, metaKey: false, altKey: false, shiftKey: false })).toBe(false);
  });

  it('tags the selection with an entity found by search-as-you-type, from the shortcut on an Arabic layout', async () => {
    const { editor, container, render } = setup('<p>وأكد السوداني أن العراق</p>');
    const actions = fakeActions();
    render(<EntityTaggingToolbar editor={editor} actions={actions} />);
    expect(buttonNamed(container, 'وسم كيان')!.disabled).toBe(true);
    act(() => {
      editor.commands.setTextSelection(rangeOf(editor, 'السوداني'));
    });
    expect(buttonNamed(container, 'وسم كيان')!.disabled).toBe(false);
    pressTagShortcut(editor);
    const dialog = container.querySelector('[role="dialog"]')!;
    expect(dialog).not.toBeNull();
    const search = dialog.querySelector<HTMLInputElement>('input[type="search"]')!;
    expect(search.value).toBe('السوداني');
    const option = await waitFor(() => dialog.querySelector('[role="option"]'));
    expect(option.textContent).toContain('محمد شياع السوداني');
    expect(actions.search).toHaveBeenCalledWith('السوداني');
    await click(option);
    expect(mentions(editor)).toEqual([[SUDANI.id, 'person', 'السوداني']]);
    expect(container.querySelector('[role="dialog"]')).toBeNull();
  });

  it('creates a new person with the name prefilled from the selection, and tags it', async () => {
    const { editor, container, render } = setup('<p>قال المتحدث بات رايدر إن</p>');
    const actions = fakeActions();
    render(<EntityTaggingToolbar editor={editor} actions={actions} />);
    act(() => {
      editor.commands.setTextSelection(rangeOf(editor, 'بات رايدر'));
    });
    await click(buttonNamed(container, 'وسم كيان')!);
    const dialog = container.querySelector('[role="dialog"]')!;
    const nameInput = [...dialog.querySelectorAll('input')].find((input) => input.type !== 'search')!;
    expect(nameInput.value).toBe('بات رايدر');
    expect(dialog.querySelector('select')!.value).toBe('person');
    await click(buttonNamed(dialog, 'إنشاء ووسم')!);
    await waitFor(() => mentions(editor).length > 0);
    expect(actions.create).toHaveBeenCalledWith({ type: 'person', name: 'بات رايدر' });
    expect(mentions(editor)).toEqual([[uuid(777), 'person', 'بات رايدر']]);
  });

  it('keeps the dialog and what was typed when creating fails, and shows the Arabic error', async () => {
    const { editor, container, render } = setup('<p>نص عن كيان</p>');
    const actions = fakeActions({
      create: vi.fn(() => Promise.resolve({ ok: false as const, error: { code: 'forbidden' as const, message: 'عذرًا، لا تملك صلاحية القيام بهذا الإجراء.' } })),
    });
    render(<EntityTaggingToolbar editor={editor} actions={actions} />);
    act(() => {
      editor.commands.setTextSelection(rangeOf(editor, 'كيان'));
    });
    pressTagShortcut(editor);
    await click(buttonNamed(container, 'إنشاء ووسم')!);
    const alert = await waitFor(() => container.querySelector('[role="alert"]'));
    expect(alert.textContent).toContain('لا تملك صلاحية');
    expect(container.querySelector('[role="dialog"]')).not.toBeNull();
    expect(mentions(editor)).toEqual([]);
  });
});

describe('EntitySidebar', () => {
  it('suggests the untagged mentions of the sample article; accept one, then accept all tags them all', async () => {
    const registry = seedRegistry();
    const { editor, container, render } = setup(seedBody());
    const actions = fakeActions({
      getEntitiesByIds: vi.fn((ids: string[]) =>
        ok(registry.filter((entry) => ids.includes(entry.id)).map((entry) => ({ ...entry, slug: entry.name.replace(/ /g, '-') }))),
      ),
      loadRegistry: vi.fn(() => ok(registry)),
    });
    render(<EntitySidebar editor={editor} actions={actions} debounceMs={10} />);
    await waitFor(() => container.textContent?.includes('اقتراحات (46)'));
    const first = container.querySelector<HTMLButtonElement>('.entity-suggestions__list button')!;
    expect(first.getAttribute('aria-label')).toBe('قبول: «القوات الامريكية» ← القوات الأمريكية');
    await click(first);
    expect(mentions(editor)).toEqual([[uuid(3), 'organization', 'القوات الامريكية']]);
    await waitFor(() => container.textContent?.includes('اقتراحات (45)'));
    await click(buttonNamed(container, /^قبول الكل/)!);
    expect(mentions(editor)).toHaveLength(46);
    await waitFor(() => container.textContent?.includes('اقتراحات (0)'));
    // The panel lists every entity with its mention count; the most mentioned first.
    await waitFor(() => container.querySelector('.entity-panel__item')?.textContent?.includes('العراق'));
    const items = [...container.querySelectorAll('.entity-panel__item')];
    expect(items).toHaveLength(new Set(mentions(editor).map(([id]) => id)).size);
    const iraq = items.find((item) => item.textContent?.includes('العراق'))!;
    expect(iraq.textContent).toContain('6');
    // Clicking an entity selects its mentions in turn.
    await click(iraq);
    const firstIraq = { from: editor.state.selection.from, to: editor.state.selection.to };
    expect(editor.state.doc.textBetween(firstIraq.from, firstIraq.to)).toBe('العراق');
    await click(iraq);
    expect(editor.state.selection.from).toBeGreaterThan(firstIraq.from);
    expect(editor.state.doc.textBetween(editor.state.selection.from, editor.state.selection.to)).toBe('العراق');
  });

  it('shows the card of a clicked mention: untag this mention, untag every mention, change, public page', async () => {
    const { editor, container, render } = setup({
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'قال ' },
            { type: 'text', text: 'السوداني', marks: [{ type: 'entity', attrs: { entityId: SUDANI.id, entityType: 'person' } }] },
            { type: 'text', text: ' إن ' },
            { type: 'text', text: 'السوداني', marks: [{ type: 'entity', attrs: { entityId: SUDANI.id, entityType: 'person' } }] },
            { type: 'text', text: ' و' },
            { type: 'text', text: 'محمد', marks: [{ type: 'entity', attrs: { entityId: SUDANI.id, entityType: 'person' } }] },
          ],
        },
      ],
    });
    const actions = fakeActions();
    render(
      <>
        <EntityTaggingToolbar editor={editor} actions={actions} />
        <EntitySidebar editor={editor} actions={actions} registry={[]} debounceMs={10} />
      </>,
    );
    expect(container.querySelector('.entity-card')).toBeNull();
    act(() => {
      editor.commands.setTextSelection(rangeOf(editor, 'السوداني', 1).from + 3);
    });
    const card = await waitFor(() => container.querySelector('.entity-card'));
    await waitFor(() => card.textContent?.includes('محمد شياع السوداني'));
    expect(card.textContent).toContain('شخص');
    expect(card.querySelector('a')!.getAttribute('href')).toBe(`/entities/${encodeURIComponent(SUDANI.slug)}`);

    // "Change" opens the tagging dialog on the whole mention.
    await click(buttonNamed(card, 'تغيير')!);
    expect(container.querySelector('[role="dialog"] q')!.textContent).toBe('السوداني');
    await click(buttonNamed(container.querySelector('[role="dialog"]')!, 'إلغاء')!);

    await click(buttonNamed(container.querySelector('.entity-card')!, 'إزالة هذا الوسم')!);
    expect(mentions(editor)).toEqual([
      [SUDANI.id, 'person', 'السوداني'],
      [SUDANI.id, 'person', 'محمد'],
    ]);
    act(() => {
      editor.commands.setTextSelection(rangeOf(editor, 'السوداني').from + 1);
    });
    await click(buttonNamed(await waitFor(() => container.querySelector('.entity-card')), 'إزالة كل وسوم هذا الكيان')!);
    expect(mentions(editor)).toEqual([]);
    await waitFor(() => container.querySelector('.entity-card') === null);
  });
});
