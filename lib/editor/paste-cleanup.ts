/**
 * Cleans HTML pasted from Word, Google Docs and web pages before ProseMirror parses it (`transformPastedHTML`).
 * What the schema does not know is dropped by the parser anyway; this keeps what it would otherwise lose or
 * misread, and removes what it would otherwise keep:
 *
 * - Word: conditional comments, `<xml>`, `<o:p>` and other namespaced tags, `<style>`; list paragraphs
 *   (`mso-list`) become real `<ul>`/`<ol>` lists, their typed markers («·», «1.») removed.
 * - Google Docs: the `<b style="font-weight:normal" id="docs-internal-guid-…">` wrapper is unwrapped (it would make
 *   everything bold), and its styled spans (`font-weight:700`, `font-style:italic`, underline, line-through) become
 *   `<strong>`, `<em>`, `<u>`, `<s>`.
 * - Everything: scripts, styles, frames, images, forms and other foreign elements removed; fonts, colours, classes,
 *   ids and inline styles dropped; `<h1>` becomes `<h2>`, `<h4>`–`<h6>` become `<h3>` (articles use two levels);
 *   `dir="ltr"` kept (the document's default, right-to-left, is not written on every block).
 *
 * Links are then checked by the Link extension (`isAllowedHref`) and attributes by lib/content's paste guard.
 */

const REMOVED_ELEMENTS = new Set([
  'script', 'style', 'meta', 'link', 'title', 'xml', 'template', 'iframe', 'frame', 'frameset', 'object', 'embed',
  'noscript', 'svg', 'math', 'img', 'picture', 'video', 'audio', 'source', 'canvas', 'form', 'input', 'button',
  'select', 'textarea', 'head', 'base',
]);
const KEPT_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = { a: ['href', 'title'], ol: ['start'] };
const INLINE_STYLED = new Set(['span', 'font', 'b', 'i', 'u', 'a', 'strong', 'em', 'sup', 'sub']);

type ParseHtml = (html: string) => Document;

const defaultParse: ParseHtml = (html) => new DOMParser().parseFromString(html, 'text/html');

export function cleanPastedHtml(html: string, parse: ParseHtml = defaultParse): string {
  const stripped = html
    .replace(/<!--\[if[\s\S]*?<!\[endif\]-->/gi, '')
    .replace(/<!\[if[^\]]*\]>[\s\S]*?<!\[endif\]>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<\/?[a-z]+:[a-z]+[^>]*>/gi, '');
  const document = parse(stripped);
  const body = document.body;
  convertWordLists(document, body);
  cleanElement(document, body);
  return body.innerHTML;
}

function styleOf(element: Element): string {
  return (element.getAttribute('style') ?? '').toLowerCase().replace(/\s+/g, '');
}

function unwrap(element: Element): void {
  const parent = element.parentNode;
  if (!parent) return;
  while (element.firstChild) parent.insertBefore(element.firstChild, element);
  parent.removeChild(element);
}

function rename(document: Document, element: Element, tagName: string): Element {
  const replacement = document.createElement(tagName);
  for (const attribute of Array.from(element.attributes)) replacement.setAttribute(attribute.name, attribute.value);
  while (element.firstChild) replacement.appendChild(element.firstChild);
  element.parentNode?.replaceChild(replacement, element);
  return replacement;
}

function wrapChildren(document: Document, element: Element, tagName: string): void {
  const wrapper = document.createElement(tagName);
  while (element.firstChild) wrapper.appendChild(element.firstChild);
  element.appendChild(wrapper);
}

function cleanElement(document: Document, parent: Element): void {
  for (const child of Array.from(parent.children)) {
    const tag = child.tagName.toLowerCase();
    if (REMOVED_ELEMENTS.has(tag) || tag.includes(':')) {
      child.remove();
      continue;
    }
    let element: Element = child;
    const style = styleOf(element);

    if (tag === 'b' && (element.id.startsWith('docs-internal-guid') || /font-weight:(normal|[1-4]00)/.test(style))) {
      cleanElement(document, element);
      unwrap(element);
      continue;
    }
    if (tag === 'h1') element = rename(document, element, 'h2');
    else if (tag === 'h4' || tag === 'h5' || tag === 'h6') element = rename(document, element, 'h3');

    if (INLINE_STYLED.has(tag) && style) {
      if (/font-weight:(bold|bolder|[6-9]00)/.test(style) && tag !== 'b' && tag !== 'strong') wrapChildren(document, element, 'strong');
      if (/font-style:(italic|oblique)/.test(style) && tag !== 'i' && tag !== 'em') wrapChildren(document, element, 'em');
      if (/text-decoration[a-z-]*:[^;]*underline/.test(style) && tag !== 'u' && tag !== 'a') wrapChildren(document, element, 'u');
      if (/text-decoration[a-z-]*:[^;]*line-through/.test(style)) wrapChildren(document, element, 's');
    }

    const direction = element.getAttribute('dir')?.trim().toLowerCase();
    const kept = KEPT_ATTRIBUTES[element.tagName.toLowerCase()] ?? [];
    for (const attribute of Array.from(element.attributes)) {
      if (!kept.includes(attribute.name)) element.removeAttribute(attribute.name);
    }
    if (direction === 'ltr') element.setAttribute('dir', 'ltr');

    cleanElement(document, element);
    if (element.tagName.toLowerCase() === 'font' || (element.tagName.toLowerCase() === 'span' && element.attributes.length === 0)) {
      unwrap(element);
    }
  }
}

// ── Word lists ────────────────────────────────────────────────────────────────

const ORDERED_MARKER = /^[(]?([0-9\u0660-\u0669]+|[a-z]{1,3}|[\u0621-\u064A])[.)\-]/i;

function isWordListParagraph(element: Element): boolean {
  return element.tagName.toLowerCase() === 'p' && (/mso-list:l\d/.test(styleOf(element)) || /MsoListParagraph/i.test(element.className));
}

function wordListId(element: Element): string {
  return /mso-list:(l\d+)/.exec(styleOf(element))?.[1] ?? '';
}

function wordListLevel(element: Element): number {
  const match = /level(\d+)/.exec(styleOf(element));
  return match ? Math.max(1, Math.min(Number(match[1]), 6)) : 1;
}

/** Removes Word's typed marker (the `mso-list:Ignore` span, or a leading «·»/«1.» text) and tells whether it was a number. */
function takeWordMarker(element: Element): boolean {
  let marker = '';
  for (const span of Array.from(element.querySelectorAll('span'))) {
    if (/mso-list:ignore/.test(styleOf(span))) {
      marker += span.textContent ?? '';
      span.remove();
    }
  }
  if (!marker) {
    const first = element.firstChild;
    if (first && first.nodeType === 3) {
      const match = /^\s*([·•▪o§\-–]|[(]?[0-9\u0660-\u0669a-z]+[.)])\s+/i.exec(first.textContent ?? '');
      if (match) {
        marker = match[1]!;
        first.textContent = (first.textContent ?? '').slice(match[0].length);
      }
    }
  }
  return ORDERED_MARKER.test(marker.trim().replace(/\u00a0/g, ''));
}

function convertWordLists(document: Document, root: Element): void {
  for (const element of Array.from(root.querySelectorAll('p'))) {
    if (!element.isConnected || !isWordListParagraph(element)) continue;
    const previous = element.previousElementSibling;
    const listId = wordListId(element);
    if (previous && isWordListParagraph(previous) && wordListId(previous) === listId) continue; // handled with its run
    const run: Element[] = [];
    for (
      let current: Element | null = element;
      current && isWordListParagraph(current) && wordListId(current) === listId;
      current = current.nextElementSibling
    ) {
      run.push(current);
    }
    const stack: Array<{ list: Element; level: number }> = [];
    for (const paragraph of run) {
      const level = wordListLevel(paragraph);
      const ordered = takeWordMarker(paragraph);
      while (stack.length > 0 && stack.at(-1)!.level > level) stack.pop();
      if (stack.length === 0 || stack.at(-1)!.level < level) {
        const list = document.createElement(ordered ? 'ol' : 'ul');
        if (stack.length === 0) {
          paragraph.parentNode!.insertBefore(list, paragraph);
        } else {
          const lastItem = stack.at(-1)!.list.lastElementChild ?? stack.at(-1)!.list.appendChild(document.createElement('li'));
          lastItem.appendChild(list);
        }
        stack.push({ list, level });
      }
      const item = document.createElement('li');
      const p = document.createElement('p');
      const direction = paragraph.getAttribute('dir');
      if (direction) p.setAttribute('dir', direction);
      while (paragraph.firstChild) p.appendChild(paragraph.firstChild);
      item.appendChild(p);
      stack.at(-1)!.list.appendChild(item);
      paragraph.remove();
    }
  }
}
