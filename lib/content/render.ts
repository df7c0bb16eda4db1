import { getAttributesFromExtensions, resolveExtensions, splitExtensions, type Extensions, type JSONContent } from '@tiptap/core';
import type { DOMOutputSpec, Mark as PMMark, Node as PMNode } from '@tiptap/pm/model';
import type { MarkProps, NodeProps } from '@tiptap/static-renderer';
import { escapeHTML } from '@tiptap/static-renderer/json/html-string';
import {
  domOutputSpecToHTMLString,
  mapMarkExtensionToReactNode,
  mapNodeExtensionToReactNode,
  serializeChildrenToHTMLString,
} from '@tiptap/static-renderer/pm/html-string';

import { getAttributeRule, MARK_ATTRIBUTE_RULES, NODE_ATTRIBUTE_RULES } from './attribute-rules';
import type { EntityType } from './entity-mark';
import { entityClassName, isEntityAttributes, isEntityId, isEntityType } from './entity-mark';
import { createContentExtensions } from './extensions';
import { isAllowedHref, LINK_REL } from './link-policy';
import { getContentSchema } from './schema';

/**
 * Server (or client preview) rendering of stored article JSON with `@tiptap/static-renderer` (`@tiptap/html`'s
 * root import needs a DOM). Defence in depth: the document is re-sanitized here even though it was validated
 * before it was stored, so a row written by a buggy or old code path still cannot produce a script, an event
 * handler attribute or a link outside the allowed protocols.
 *
 * The container of the output must carry `dir="rtl" lang="ar"` (ARTICLE_ROOT_ATTRIBUTES): blocks without an
 * explicit direction inherit it.
 */

export interface RenderOptions {
  /** URL of an entity's public page, or null when it has none: the mention is then a `<span>`. */
  entityHref?: (entityId: string, entityType: EntityType) => string | null | undefined;
}

let renderExtensions: Extensions | undefined;

/** The shared extension list, built once for rendering. */
export function getRenderExtensions(): Extensions {
  renderExtensions ??= createContentExtensions();
  return renderExtensions;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function keepValidAttributes(table: typeof NODE_ATTRIBUTE_RULES, typeName: string, attrs: unknown) {
  const kept: Record<string, unknown> = {};
  if (!isPlainObject(attrs)) return kept;
  for (const [name, value] of Object.entries(attrs)) {
    if (getAttributeRule(table, typeName, name)?.(value)) kept[name] = value;
  }
  return kept;
}

function sanitizeMarks(marks: unknown, markTypes: Readonly<Record<string, unknown>>): JSONContent['marks'] {
  if (!Array.isArray(marks)) return undefined;
  const kept: NonNullable<JSONContent['marks']> = [];
  for (const mark of marks) {
    if (!isPlainObject(mark) || typeof mark.type !== 'string' || !Object.hasOwn(markTypes, mark.type)) continue;
    const attrs = keepValidAttributes(MARK_ATTRIBUTE_RULES, mark.type, mark.attrs);
    if (mark.type === 'link' && !isAllowedHref(attrs.href)) continue;
    if (mark.type === 'entity' && !isEntityAttributes(attrs)) continue;
    kept.push({ type: mark.type, attrs });
  }
  return kept;
}

/**
 * Drops what cannot be rendered safely, keeping the text: invalid attribute values (back to their defaults),
 * links with a refused href, malformed entity marks, unknown marks, empty text nodes. Unknown node types throw.
 */
function sanitizeNode(json: unknown, nodeTypes: Readonly<Record<string, unknown>>, marks: Readonly<Record<string, unknown>>): JSONContent {
  if (!isPlainObject(json) || typeof json.type !== 'string' || !Object.hasOwn(nodeTypes, json.type)) {
    throw new Error(`cannot render node ${JSON.stringify(isPlainObject(json) ? json.type : json)}`);
  }
  const node: JSONContent = { type: json.type, marks: sanitizeMarks(json.marks, marks) };
  if (json.type === 'text') {
    node.text = typeof json.text === 'string' ? json.text : '';
    return node;
  }
  node.attrs = keepValidAttributes(NODE_ATTRIBUTE_RULES, json.type, json.attrs);
  if (Array.isArray(json.content)) {
    node.content = json.content
      .map((child) => sanitizeNode(child, nodeTypes, marks))
      .filter((child) => child.type !== 'text' || (child.text ?? '') !== '');
  }
  return node;
}

/** The stored JSON, sanitized and built with the content schema (lenient: content expressions are not checked). */
export function prepareDocumentForRender(doc: JSONContent): PMNode {
  const schema = getContentSchema();
  const node = schema.nodeFromJSON(sanitizeNode(doc, schema.nodes, schema.marks));
  if (node.type !== schema.topNodeType) throw new Error('cannot render: top node must be doc');
  return node;
}

/** `<a href rel [target] [title]>` for a link whose href passes the policy, else null (render the text only). */
export function linkOutputSpec(mark: PMMark): DOMOutputSpec | null {
  const { href, target, title } = mark.attrs as Record<string, unknown>;
  if (!isAllowedHref(href)) return null;
  const attrs: Record<string, string> = { href, rel: LINK_REL };
  if (target === '_blank') attrs.target = '_blank';
  if (typeof title === 'string') attrs.title = title;
  return ['a', attrs, 0];
}

/**
 * `<a>` to the entity's page when `entityHref` gives an allowed URL and the text is not already inside a link
 * (anchors cannot nest), else `<span>`. Null for a malformed mark (render the text only).
 */
export function entityOutputSpec(mark: PMMark, textNode: PMNode, options: RenderOptions): DOMOutputSpec | null {
  const { entityId, entityType } = mark.attrs as Record<string, unknown>;
  if (!isEntityId(entityId) || !isEntityType(entityType)) return null;
  const attrs = { class: entityClassName(entityType), 'data-entity-id': entityId, 'data-entity-type': entityType };
  const insideLink = textNode.marks.some((other) => other.type.name === 'link');
  const href = insideLink ? null : options.entityHref?.(entityId, entityType);
  return isAllowedHref(href) ? ['a', { href, ...attrs }, 0] : ['span', attrs, 0];
}

export type SafeMarkRenderer<T> = (props: MarkProps<PMMark, T | T[], PMNode>) => T;

/**
 * `markMapping` for the static renderer (any output type): link and entity marks are rendered by us, with the
 * checks above, instead of by the extensions' `renderHTML`.
 */
export function createSafeMarkMapping<T>(
  toElement: (spec: DOMOutputSpec) => (children?: T | T[]) => T,
  textOnly: (children?: T | T[]) => T,
  options: RenderOptions,
): Record<'link' | 'entity', SafeMarkRenderer<T>> {
  return {
    link: ({ mark, children }) => {
      const spec = linkOutputSpec(mark);
      return spec ? toElement(spec)(children) : textOnly(children);
    },
    entity: ({ mark, node, children }) => {
      const spec = entityOutputSpec(mark, node, options);
      return spec ? toElement(spec)(children) : textOnly(children);
    },
  };
}

type HtmlNodeRenderer = (props: NodeProps<PMNode, string | string[]>) => string;
type HtmlMarkRenderer = (props: MarkProps<PMMark, string | string[], PMNode>) => string;

/**
 * What `renderToHTMLString` (@tiptap/static-renderer/pm/html-string) rebuilds on every call, built once: the node
 * mapping and the mark mapping of every mark but link and entity, from the resolved extension list. Same functions,
 * same order of precedence (our doc and text, then the extensions' renderHTML), so the output is byte-identical.
 */
type HtmlMappings = { nodeMapping: Record<string, HtmlNodeRenderer>; markMapping: Record<string, HtmlMarkRenderer> };

let htmlMappings: HtmlMappings | undefined;

function getHtmlMappings(): HtmlMappings {
  if (htmlMappings) return htmlMappings;
  const extensions = resolveExtensions(getRenderExtensions());
  const extensionAttributes = getAttributesFromExtensions(extensions);
  const { nodeExtensions, markExtensions } = splitExtensions(extensions);
  const definedTypes: Record<string, HtmlNodeRenderer> = {
    doc: ({ children }) => serializeChildrenToHTMLString(children),
    text: ({ node }) => escapeHTML(node.text ?? ''),
  };
  const safeMarks: ReadonlySet<string> = new Set(['link', 'entity'] satisfies Array<keyof ReturnType<typeof createSafeMarkMapping>>);
  htmlMappings = {
    nodeMapping: {
      ...Object.fromEntries(
        nodeExtensions
          .filter((extension) => !(extension.name in definedTypes))
          .map((extension) => mapNodeExtensionToReactNode(domOutputSpecToHTMLString, extension, extensionAttributes)),
      ),
      ...definedTypes,
    },
    markMapping: Object.fromEntries(
      markExtensions
        .filter((extension) => !safeMarks.has(extension.name))
        .map((extension) => mapMarkExtensionToReactNode(domOutputSpecToHTMLString, extension, extensionAttributes)),
    ),
  };
  return htmlMappings;
}

/**
 * A node's or a mark's markup around its children, as the mapping renders it: `open` + children + `close`, or `whole`
 * when the output has no place for children (a leaf such as `<br/>`).
 */
type Template = { open: string; close: string } | { whole: string };

/** Stand for the children while a template is made (two, so that an attribute value holding one cannot fool it). */
const CHILDREN_SLOT = '\u0000midad-children\u0000';
const OTHER_CHILDREN_SLOT = '\u0000midad-other-children\u0000';
/** Templates are few (a handful of node and mark types × their attribute values); the bound is a safety net. */
const MAX_TEMPLATES = 2000;

/**
 * The template of a mapping's output, checked by rendering with two different placeholders: the children must be
 * exactly where the placeholder is (or nowhere, for a leaf). Null when they are not, or appear more than once.
 */
function makeTemplate(render: (children: string[]) => string): Template | null {
  const output = render([CHILDREN_SLOT]);
  const other = render([OTHER_CHILDREN_SLOT]);
  const parts = output.split(CHILDREN_SLOT);
  if (parts.length === 1) return other === output ? { whole: output } : null;
  if (parts.length !== 2) return null;
  const [open, close] = parts as [string, string];
  return other === open + OTHER_CHILDREN_SLOT + close ? { open, close } : null;
}

const templates = new Map<string, Template | null>();

/**
 * The template of a node type or of a mark with these attributes, made once by calling its mapping with a
 * placeholder for the children. A mapping's output depends only on the type and the (schema-computed) attributes,
 * so the template is exact; null when it cannot be made (then every such node is rendered with the mapping).
 */
function templateOf(kind: 'node' | 'mark', name: string, attrs: Readonly<Record<string, unknown>>, render: (children: string[]) => string): Template | null {
  const key = `${kind}\u0000${name}\u0000${JSON.stringify(attrs)}`;
  let template = templates.get(key);
  if (template === undefined) {
    template = makeTemplate(render);
    if (templates.size >= MAX_TEMPLATES) templates.clear();
    templates.set(key, template);
  }
  return template;
}

function applyTemplate(template: Template, children: string): string {
  return 'whole' in template ? template.whole : template.open + children + template.close;
}

/**
 * The body as an HTML string (no wrapper element; put it inside an element with ARTICLE_ROOT_ATTRIBUTES).
 *
 * Byte for byte what Tiptap's static renderer (`renderJSONContentToString` with these mappings) produces, from the
 * same ProseMirror document (sanitized, marks ordered, adjacent text joined, attribute defaults filled), but each
 * node's and mark's markup comes from a template made once per type and attribute values instead of from its
 * `renderHTML` and a DOM spec walk on every node: several times faster on an article (render tests and the fuzz test
 * compare the two). An entity mark's template is also keyed by its href from `options` and by whether it is in a link.
 */
export function renderDocumentToHtml(doc: JSONContent, options: RenderOptions = {}): string {
  const { nodeMapping, markMapping } = getHtmlMappings();
  const safeMarks: Record<string, HtmlMarkRenderer> = createSafeMarkMapping<string>(domOutputSpecToHTMLString, serializeChildrenToHTMLString, options);

  const wrapInMark = (mark: PMMark, node: PMNode, parent: PMNode | null, html: string): string => {
    const name = mark.type.name;
    const handler = safeMarks[name] ?? markMapping[name];
    if (!handler) throw new Error(`missing handler for mark type ${name}`);
    const props = (children: string | string[]) => ({ mark, node, parent: parent ?? undefined, children }) as Parameters<HtmlMarkRenderer>[0];
    // An entity's markup also depends on whether its text is inside a link and, if not, on this call's entityHref.
    let variant = name;
    if (name === 'entity') {
      const insideLink = node.marks.some((other) => other.type.name === 'link');
      const { entityId, entityType } = mark.attrs as { entityId: unknown; entityType: unknown };
      const href = insideLink || !isEntityId(entityId) || !isEntityType(entityType) ? null : options.entityHref?.(entityId, entityType);
      variant = `entity\u0000${insideLink}\u0000${JSON.stringify(href ?? null)}`;
    }
    const template = templateOf('mark', variant, mark.attrs, (children) => handler(props(children)));
    return template ? applyTemplate(template, html) : handler(props(html));
  };

  const renderNode = (node: PMNode, parent: PMNode | null): string => {
    let html: string;
    if (node.isText) {
      html = escapeHTML(node.text ?? '');
    } else {
      const name = node.type.name;
      const handler = nodeMapping[name];
      if (!handler) throw new Error(`missing handler for node type ${name}`);
      // No mapping of ours renders other nodes itself (`renderElement`); the identity tests would catch one that did.
      const props = (children: string[]) => ({ node, parent: parent ?? undefined, children, renderElement: () => '' }) as unknown as Parameters<HtmlNodeRenderer>[0];
      const template = templateOf('node', name, node.attrs, (children) => handler(props(children)));
      const children: string[] = [];
      if (template === null || !('whole' in template)) node.forEach((child) => void children.push(renderNode(child, node)));
      html = template ? applyTemplate(template, children.join('')) : handler(props(children));
    }
    for (let index = node.marks.length - 1; index >= 0; index--) html = wrapInMark(node.marks[index]!, node, parent, html);
    return html;
  };

  return renderNode(prepareDocumentForRender(doc), null);
}
