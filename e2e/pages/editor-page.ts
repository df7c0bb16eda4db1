import { expect, type Locator, type Page } from '@playwright/test';

/** Modifier bits of CDP's Input.dispatchKeyEvent. */
const CTRL = 2;
const SHIFT = 8;

/** The newsroom article editor. */
export class EditorPage {
  readonly body: Locator;
  readonly title: Locator;
  readonly dek: Locator;
  readonly slug: Locator;
  readonly section: Locator;
  readonly status: Locator;
  readonly toolbar: Locator;
  /** The workflow steps beside the text. */
  readonly workflow: Locator;
  /** The mention card, the article's entities and the suggestions, beside the text. */
  readonly entities: Locator;

  constructor(readonly page: Page) {
    this.body = page.locator('.editor-body[contenteditable]');
    this.title = page.getByLabel('العنوان', { exact: true });
    this.dek = page.getByLabel('الموجز', { exact: true });
    this.slug = page.getByLabel('الرابط المختصر');
    this.section = page.getByLabel('القسم');
    this.status = page.getByTestId('save-status');
    this.toolbar = page.getByRole('toolbar', { name: 'أدوات التنسيق' });
    this.workflow = page.getByRole('region', { name: 'سير العمل' });
    this.entities = page.getByRole('complementary', { name: 'الكيانات في المقال' });
  }

  async goto(id: string) {
    await this.page.goto(`/newsroom/articles/${id}`);
    await expect(this.body).toBeVisible();
    await expect(this.body).toHaveAttribute('contenteditable', 'true');
  }

  button(name: string): Locator {
    return this.toolbar.getByRole('button', { name, exact: true });
  }

  /** The «وسم كيان» button (beside the formatting toolbar). */
  get tagButton(): Locator {
    return this.page.getByRole('button', { name: 'وسم كيان', exact: true });
  }

  /** The entity mentions (marks) in the text; `type` narrows to one entity type. */
  mentions(type?: string): Locator {
    return this.body.locator(type ? `.entity.entity--${type}` : '.entity');
  }

  /**
   * Selects the first occurrence of `text` in the body as a person does with the mouse: a DOM selection inside the
   * focused editor, which ProseMirror reads back (the tagging button is enabled once it has).
   */
  async selectText(text: string) {
    await this.body.focus();
    const found = await this.body.evaluate((root, wanted) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const index = node.textContent?.indexOf(wanted) ?? -1;
        if (index < 0) continue;
        const range = document.createRange();
        range.setStart(node, index);
        range.setEnd(node, index + wanted.length);
        const selection = window.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        return true;
      }
      return false;
    }, text);
    expect(found, `«${text}» is in one text node of the body`).toBe(true);
    await expect(this.tagButton).toBeEnabled();
  }

  async expectSaved() {
    await expect(this.status).toHaveAttribute('data-status', 'saved', { timeout: 15_000 });
  }

  /** Puts the caret at the end of the body. */
  async focusEnd() {
    await this.body.click();
    await this.page.keyboard.press('Control+End');
  }

  /**
   * A Ctrl shortcut as an Arabic keyboard layout sends it: the physical key (`code`, e.g. KeyB) with the Arabic
   * character it produces (`key`, e.g. «لا»). Playwright's keyboard API derives `code` from `key`, so this goes through
   * the DevTools protocol.
   */
  async pressArabicShortcut(code: string, arabicKey: string, options: { shift?: boolean } = {}) {
    const cdp = await this.page.context().newCDPSession(this.page);
    const letter = code.replace('Key', '');
    const event = {
      modifiers: CTRL | (options.shift ? SHIFT : 0),
      key: arabicKey,
      code,
      windowsVirtualKeyCode: letter.charCodeAt(0),
      nativeVirtualKeyCode: letter.charCodeAt(0),
    };
    await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...event });
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...event });
    await cdp.detach();
  }

  /** Pastes as the clipboard of a word processor does: text/html (and text/plain) on a paste event. */
  async paste(data: { html?: string; text: string }) {
    await this.body.evaluate((element, { html, text }) => {
      const transfer = new DataTransfer();
      if (html) transfer.setData('text/html', html);
      transfer.setData('text/plain', text);
      element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
    }, data);
  }
}
