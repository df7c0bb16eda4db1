import type { EntityType } from '@/lib/entities/entity-types';
import type { ActionResult } from '@/lib/errors';

/** An entity as the tagging UI sees it (plain DTOs from the registry's server actions). */
export interface TaggingEntity {
  id: string;
  type: EntityType;
  name: string;
  slug: string;
  aliases: string[];
  description?: string;
  mergedIntoId?: string | null;
}

/** A registry entry for the suggestion matcher. */
export interface TaggingRegistryEntry {
  id: string;
  type: EntityType;
  name: string;
  aliases: string[];
}

/**
 * What the tagging UI needs from the server: pass the server actions of app/(newsroom)/newsroom/entities/actions.ts
 * (searchEntitiesAction, createEntityAction, getEntitiesByIdsAction, listRegistryAction), or fakes in tests.
 */
export interface EntityTaggingActions {
  search(query: string): Promise<ActionResult<TaggingEntity[]>>;
  create(input: { type: EntityType; name: string }): Promise<ActionResult<TaggingEntity>>;
  getEntitiesByIds(ids: string[]): Promise<ActionResult<TaggingEntity[]>>;
  loadRegistry(): Promise<ActionResult<TaggingRegistryEntry[]>>;
}
