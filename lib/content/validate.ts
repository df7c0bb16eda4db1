import type { JSONContent } from '@tiptap/core';
import type { Mark as PMMark, Node as PMNode, Schema } from '@tiptap/pm/model';

import { getAttributeRule, MARK_ATTRIBUTE_RULES, NODE_ATTRIBUTE_RULES } from './attribute-rules';
import { isAllowedHref } from './link-policy';
import { getContentSchema } from './schema';

/** Largest accepted document, measured as UTF-8 bytes of its JSON text. */
export const MAX_DOCUMENT_JSON_BYTES = 1024 * 1024;
/** Deepest accepted node nesting, counting the doc node as 1 and text nodes too. */
export const MAX_DOCUMENT_DEPTH = 64;
// A node at depth d sits at JSON nesting 2d - 1; its mark attributes at 2d + 2.
const MAX_JSON_NESTING = MAX_DOCUMENT_DEPTH * 2 + 2;

export type DocumentValidationCode = 'invalid_document' | 'document_too_large' | 'document_too_deep' | 'invalid_link';

export type DocumentValidationResult =
  | { ok: true; doc: JSONContent }
  | { ok: false; code: DocumentValidationCode; message: string; detail?: string };

export const DOCUMENT_VALIDATION_MESSAGES: Readonly<Record<DocumentValidationCode, string>> = {
  invalid_document: 'محتوى المقال غير صالح ولا يمكن حفظه.',
  document_too_large: 'المقال أكبر من الحجم المسموح به.',
  document_too_deep: 'بنية المقال متداخلة أكثر من الحد المسموح به.',
  invalid_link: 'يحتوي المقال على رابط غير مسموح به. المسموح: روابط http وhttps وmailto والمسارات التي تبدأ بـ /.',
};

const NODE_KEYS = new Set(['type', 'attrs', 'content', 'marks', 'text']);
const MARK_KEYS = new Set(['type', 'attrs']);
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

class Refusal extends Error {
  constructor(
    readonly code: DocumentValidationCode,
    readonly detail: string,
  ) {
    super(detail);
  }
}

/**
 * Checks an article body before it is stored. Accepts the parsed JSON (or its text) and returns the document as
 * ProseMirror serializes it (every attribute present, defaults filled in), or a typed refusal.
 * Pure: no database, no DOM, no React; runs in the browser and on the server.
 */
export function validateDocument(input: unknown): DocumentValidationResult {
  try {
    return { ok: true, doc: validateOrThrow(input) };
  } catch (error) {
    if (error instanceof Refusal) {
      return { ok: false, code: error.code, message: DOCUMENT_VALIDATION_MESSAGES[error.code], detail: error.detail };
    }
    return {
      ok: false,
      code: 'invalid_document',
      message: DOCUMENT_VALIDATION_MESSAGES.invalid_document,
      detail: error instanceof Error ? error.message : String(error),
    };
  }
}

function validateOrThrow(input: unknown): JSONContent {
  let value = input;
  if (typeof input === 'string') {
    if (input.length > MAX_DOCUMENT_JSON_BYTES || utf8Length(input) > MAX_DOCUMENT_JSON_BYTES) throw tooLarge();
    try {
      value = JSON.parse(input);
    } catch {
      throw new Refusal('invalid_document', 'not JSON');
    }
  }

  measureJson(value);
  const text = JSON.stringify(value);
  if (utf8Length(text) > MAX_DOCUMENT_JSON_BYTES) throw tooLarge();

  const schema = getContentSchema();
  checkJsonNode(value, schema, 1, 'doc');

  let node: PMNode;
  try {
    node = schema.nodeFromJSON(value);
    node.check();
  } catch (error) {
    throw new Refusal('invalid_document', error instanceof Error ? error.message : String(error));
  }
  if (node.type !== schema.topNodeType) throw new Refusal('invalid_document', 'top node must be doc');

  checkAttributeValues(node, 'doc');
  return node.toJSON() as JSONContent;
}

function tooLarge(): Refusal {
  return new Refusal('document_too_large', `more than ${MAX_DOCUMENT_JSON_BYTES} bytes of JSON`);
}

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

/**
 * Iterative walk over any value before anything recursive touches it: plain JSON only, bounded nesting, and a
 * lower bound of the JSON size (every value takes at least one byte, a string at least its length), so huge
 * values, shared references and cycles are refused before stringifying or recursing.
 */
function measureJson(root: unknown): void {
  const stack: Array<[unknown, number]> = [[root, 1]];
  let minimumBytes = 0;
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    minimumBytes += typeof value === 'string' ? value.length + 2 : 1;
    if (minimumBytes > MAX_DOCUMENT_JSON_BYTES) throw tooLarge();
    if (value === null || typeof value === 'boolean' || typeof value === 'string') continue;
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) throw new Refusal('invalid_document', 'non-finite number');
      continue;
    }
    if (typeof value !== 'object') throw new Refusal('invalid_document', `not JSON: ${typeof value}`);
    if (depth > MAX_JSON_NESTING) throw new Refusal('document_too_deep', `JSON nested deeper than ${MAX_JSON_NESTING}`);
    if (Array.isArray(value)) {
      for (const item of value) stack.push([item, depth + 1]);
      continue;
    }
    const prototype: unknown = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null) throw new Refusal('invalid_document', 'not a plain object');
    for (const [key, item] of Object.entries(value)) {
      minimumBytes += key.length + 3;
      stack.push([item, depth + 1]);
    }
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkString(value: string, path: string): void {
  if (value.includes('\u0000')) throw new Refusal('invalid_document', `${path}: NUL character`);
  if (LONE_SURROGATE.test(value)) throw new Refusal('invalid_document', `${path}: malformed UTF-16`);
}

/** Shape of the JSON, with what ProseMirror would silently drop or accept: unknown keys and attribute names. */
function checkJsonNode(json: unknown, schema: Schema, depth: number, path: string): void {
  if (depth > MAX_DOCUMENT_DEPTH) throw new Refusal('document_too_deep', `${path}: deeper than ${MAX_DOCUMENT_DEPTH}`);
  if (!isPlainObject(json)) throw new Refusal('invalid_document', `${path}: node must be an object`);
  for (const key of Object.keys(json)) {
    if (!NODE_KEYS.has(key)) throw new Refusal('invalid_document', `${path}: unknown key "${key}"`);
  }
  const { type, attrs, content, marks, text } = json;
  if (typeof type !== 'string' || !Object.hasOwn(schema.nodes, type)) {
    throw new Refusal('invalid_document', `${path}: unknown node type ${JSON.stringify(type)}`);
  }
  const nodeType = schema.nodes[type]!;
  if (depth === 1 && nodeType !== schema.topNodeType) throw new Refusal('invalid_document', 'top node must be doc');

  if (type === 'text') {
    if (typeof text !== 'string' || text.length === 0) throw new Refusal('invalid_document', `${path}: empty text`);
    checkString(text, path);
    if (attrs !== undefined || content !== undefined) {
      throw new Refusal('invalid_document', `${path}: text nodes have no attrs or content`);
    }
  } else if (text !== undefined) {
    throw new Refusal('invalid_document', `${path}: only text nodes have text`);
  }

  checkJsonAttributes(attrs, nodeType.spec.attrs, `${path}(${type}).attrs`);

  if (marks !== undefined) {
    if (!Array.isArray(marks)) throw new Refusal('invalid_document', `${path}: marks must be an array`);
    marks.forEach((mark: unknown, index) => {
      const markPath = `${path}.marks[${index}]`;
      if (!isPlainObject(mark)) throw new Refusal('invalid_document', `${markPath}: mark must be an object`);
      for (const key of Object.keys(mark)) {
        if (!MARK_KEYS.has(key)) throw new Refusal('invalid_document', `${markPath}: unknown key "${key}"`);
      }
      if (typeof mark.type !== 'string' || !Object.hasOwn(schema.marks, mark.type)) {
        throw new Refusal('invalid_document', `${markPath}: unknown mark type ${JSON.stringify(mark.type)}`);
      }
      if (mark.type === 'link' && isPlainObject(mark.attrs) && !isAllowedHref(mark.attrs.href)) {
        throw new Refusal('invalid_link', `${markPath}: href ${JSON.stringify(mark.attrs.href)} is not allowed`);
      }
      checkJsonAttributes(mark.attrs, schema.marks[mark.type]!.spec.attrs, `${markPath}(${mark.type}).attrs`);
    });
  }

  if (content !== undefined) {
    if (!Array.isArray(content)) throw new Refusal('invalid_document', `${path}: content must be an array`);
    content.forEach((child: unknown, index) => checkJsonNode(child, schema, depth + 1, `${path}.content[${index}]`));
  }
}

function checkJsonAttributes(attrs: unknown, specs: Readonly<Record<string, unknown>> | undefined, path: string): void {
  if (attrs === undefined) return;
  if (!isPlainObject(attrs)) throw new Refusal('invalid_document', `${path} must be an object`);
  for (const [name, value] of Object.entries(attrs)) {
    if (!specs || !Object.hasOwn(specs, name)) throw new Refusal('invalid_document', `${path}: unknown attribute "${name}"`);
    if (typeof value === 'string') checkString(value, `${path}.${name}`);
  }
}

/** Every attribute of the built document, defaults included, against the value rules. */
function checkAttributeValues(node: PMNode, path: string): void {
  for (const [name, value] of Object.entries(node.attrs)) {
    const rule = getAttributeRule(NODE_ATTRIBUTE_RULES, node.type.name, name);
    if (!rule || !rule(value)) {
      throw new Refusal('invalid_document', `${path}: ${node.type.name}.${name} = ${JSON.stringify(value)} is not allowed`);
    }
  }
  node.marks.forEach((mark) => checkMarkAttributeValues(mark, path));
  node.forEach((child, _offset, index) => checkAttributeValues(child, `${path}.content[${index}]`));
}

function checkMarkAttributeValues(mark: PMMark, path: string): void {
  for (const [name, value] of Object.entries(mark.attrs)) {
    const rule = getAttributeRule(MARK_ATTRIBUTE_RULES, mark.type.name, name);
    if (rule?.(value)) continue;
    const code = mark.type.name === 'link' && name === 'href' ? 'invalid_link' : 'invalid_document';
    throw new Refusal(code, `${path}: ${mark.type.name}.${name} = ${JSON.stringify(value)} is not allowed`);
  }
}
