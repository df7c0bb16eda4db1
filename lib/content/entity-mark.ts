import { Mark, mergeAttributes } from '@tiptap/core';
import { ENTITY_TYPES, type EntityType } from '../entities/entity-types';

/**
 * `entity`: marks a mention of a registry entity (person, organization, place, event) in the body text.
 *
 * Rendered as `<span class="entity entity--TYPE" data-entity-id=".." data-entity-type="..">` (or as `<a>` by the
 * public renderer when the entity has a page, see render.ts).
 *
 * Styling rule for whoever writes the CSS: style `.entity` with background and underline (text-decoration) ONLY.
 * Never padding, border, margin, outline offsets or font-weight: they break the joining of Arabic letters across the
 * span boundary (W3C alreq gap analysis; WebKit breaks joins at any markup that changes box metrics).
 *
 * - `inclusive: false`: typing at the edge of a mention does not extend it.
 * - `keepOnSplit: false`: Enter inside a mention does not carry it into the new block.
 * - `excludes` is left at ProseMirror's default (the mark excludes itself): two mentions never overlap.
 * - `clearable: false` (Tiptap 3): `unsetAllMarks()` / "clear formatting" keeps mentions. Removing a mention is an
 *   explicit action: `unsetEntity()`, or `unsetAllMarks({ ignoreClearable: true })` to clear everything.
 * - Note: the `code` mark excludes all marks (`excludes: '_'`), so a mention can never sit on inline code.
 */

export { ENTITY_TYPES, type EntityType };

export interface EntityAttributes {
  entityId: string;
  entityType: EntityType;
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A lowercase, hyphenated UUID (the form Postgres returns). */
export function isEntityId(value: unknown): value is string {
  return typeof value === 'string' && UUID_PATTERN.test(value);
}

export function isEntityType(value: unknown): value is EntityType {
  return typeof value === 'string' && (ENTITY_TYPES as readonly string[]).includes(value);
}

export function isEntityAttributes(attrs: unknown): attrs is EntityAttributes {
  if (typeof attrs !== 'object' || attrs === null) return false;
  const { entityId, entityType } = attrs as Record<string, unknown>;
  return isEntityId(entityId) && isEntityType(entityType);
}

export function entityClassName(type: EntityType): string {
  return `entity entity--${type}`;
}

function readEntityId(element: HTMLElement): string | null {
  const value = element.getAttribute('data-entity-id')?.trim().toLowerCase();
  return isEntityId(value) ? value : null;
}

function readEntityType(element: HTMLElement): EntityType | null {
  const value = element.getAttribute('data-entity-type');
  return isEntityType(value) ? value : null;
}

function parseEntityElement(element: HTMLElement): false | null {
  return readEntityId(element) !== null && readEntityType(element) !== null ? null : false;
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    entity: {
      /** Mark the selection as a mention of an entity. */
      setEntity: (attributes: EntityAttributes) => ReturnType;
      /** Remove the entity mark from the selection (or the whole mention around an empty selection). */
      unsetEntity: () => ReturnType;
    };
  }
}

export const EntityMark = Mark.create({
  name: 'entity',
  inclusive: false,
  keepOnSplit: false,
  clearable: false,

  addAttributes() {
    return {
      entityId: {
        isRequired: true,
        parseHTML: readEntityId,
        renderHTML: (attributes) => ({ 'data-entity-id': attributes.entityId }),
        validate: (value: unknown) => {
          if (!isEntityId(value)) throw new RangeError('entity: entityId must be a lowercase UUID');
        },
      },
      entityType: {
        isRequired: true,
        parseHTML: readEntityType,
        renderHTML: (attributes) => ({ 'data-entity-type': attributes.entityType }),
        validate: (value: unknown) => {
          if (!isEntityType(value)) throw new RangeError(`entity: entityType must be one of ${ENTITY_TYPES.join(', ')}`);
        },
      },
    };
  },

  parseHTML() {
    return [
      { tag: 'span[data-entity-id]', getAttrs: parseEntityElement },
      // Above the link rule (priority 50) so that our own rendered `<a data-entity-id href>` is read back as a
      // mention, not as a link. Invalid ones fall through to the link rule.
      { tag: 'a[data-entity-id]', priority: 60, getAttrs: parseEntityElement },
    ];
  },

  renderHTML({ mark, HTMLAttributes }) {
    const type: unknown = mark.attrs.entityType;
    return ['span', mergeAttributes({ class: isEntityType(type) ? entityClassName(type) : 'entity' }, HTMLAttributes), 0];
  },

  addCommands() {
    return {
      setEntity:
        (attributes) =>
        ({ commands }) => {
          if (!isEntityAttributes(attributes)) return false;
          return commands.setMark(this.name, { entityId: attributes.entityId, entityType: attributes.entityType });
        },
      unsetEntity:
        () =>
        ({ commands }) =>
          commands.unsetMark(this.name, { extendEmptyMarkRange: true }),
    };
  },
});
