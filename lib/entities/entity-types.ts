/** The kinds of entity an inline tag can point at. The database enum is built from this tuple. */
export const ENTITY_TYPES = ['person', 'organization', 'place', 'event'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const ENTITY_TYPE_LABELS: Record<EntityType, string> = {
  person: 'شخص',
  organization: 'مؤسسة',
  place: 'مكان',
  event: 'حدث',
};
