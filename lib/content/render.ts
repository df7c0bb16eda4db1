import { getAttributesFromExtensions, resolveExtensions, splitExtensions, type Extensions, type JSONContent } from '@tiptap/core';
import type { DOMOutputSpec, Mark as PMMark, Node as PMNode } from '@tiptap/pm/model';
import type { MarkProps, NodeProps } from '@tiptap/static-renderer';
import { escapeHTML, renderJSONContentToString } from '@tiptap/static-renderer/json/html-string';
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

/** The body as an HTML string (no wrapper element; put it inside an element with ARTICLE_ROOT_ATTRIBUTES). */
export function renderDocumentToHtml(doc: JSONContent, options: RenderOptions = {}): string {
  const { nodeMapping, markMapping } = getHtmlMappings();
  // Only the link and entity marks depend on this call's options (entityHref).
  const render = renderJSONContentToString<PMMark, PMNode>({
    nodeMapping,
    markMapping: { ...markMapping, ...createSafeMarkMapping<string>(domOutputSpecToHTMLString, serializeChildrenToHTMLString, options) },
  });
  return render({ content: prepareDocumentForRender(doc) });
}

