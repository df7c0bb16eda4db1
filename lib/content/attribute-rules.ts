import { isEntityId, isEntityType } from './entity-mark';
import { isAllowedHref, LINK_REL } from './link-policy';

/**
 * The allowed value of every attribute of every node and mark in the content schema. ProseMirror itself checks
 * neither types nor values (and silently drops unknown attribute names), so the validator applies these rules to
 * every attribute after defaults are filled in, and the editor's paste guard repairs pasted values with them.
 *
 * A test asserts that these tables cover exactly the attributes of the schema: adding an extension or attribute
 * without a rule fails the tests instead of letting arbitrary values through.
 */

export type AttributeRule = (value: unknown) => boolean;

const inheritingDirection: AttributeRule = (value) => value === null || value === 'rtl' || value === 'ltr';
const strictDirection: AttributeRule = (value) => value === 'rtl' || value === 'ltr';
const MAX_TITLE_LENGTH = 500;
const CONTROL_CHARACTERS = /[\u0000-\u001F\u007F-\u009F]/;

// `null` is decimal. '1' is refused: the list renders it as no attribute, which reads back as null.
export const ORDERED_LIST_TYPES = ['a', 'A', 'i', 'I'] as const;

export const NODE_ATTRIBUTE_RULES: Readonly<Record<string, Readonly<Record<string, AttributeRule>>>> = {
  doc: {},
  text: {},
  paragraph: { dir: inheritingDirection },
  heading: { dir: inheritingDirection, level: (value) => value === 2 || value === 3 },
  blockquote: { dir: inheritingDirection },
  bulletList: { dir: inheritingDirection },
  orderedList: {
    dir: inheritingDirection,
    start: (value) => Number.isSafeInteger(value) && (value as number) >= 0 && (value as number) <= 1_000_000,
    type: (value) => value === null || (ORDERED_LIST_TYPES as readonly unknown[]).includes(value),
  },
  listItem: { dir: inheritingDirection },
  codeBlock: {
    dir: strictDirection,
    language: (value) => value === null || (typeof value === 'string' && /^[a-z0-9][a-z0-9+#._-]{0,31}$/i.test(value)),
  },
  hardBreak: {},
  horizontalRule: {},
};

export const MARK_ATTRIBUTE_RULES: Readonly<Record<string, Readonly<Record<string, AttributeRule>>>> = {
  bold: {},
  italic: {},
  underline: {},
  strike: {},
  code: {},
  link: {
    href: isAllowedHref,
    target: (value) => value === null || value === '_blank',
    rel: (value) => value === LINK_REL,
    class: (value) => value === null,
    title: (value) =>
      value === null || (typeof value === 'string' && value.length <= MAX_TITLE_LENGTH && !CONTROL_CHARACTERS.test(value)),
  },
  entity: { entityId: isEntityId, entityType: isEntityType },
};

export function getAttributeRule(
  table: typeof NODE_ATTRIBUTE_RULES,
  typeName: string,
  attributeName: string,
): AttributeRule | undefined {
  const rules = Object.hasOwn(table, typeName) ? table[typeName] : undefined;
  return rules && Object.hasOwn(rules, attributeName) ? rules[attributeName] : undefined;
}
