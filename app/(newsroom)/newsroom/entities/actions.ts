'use server';

import { revalidatePath } from 'next/cache';
import { unstable_rethrow } from 'next/navigation';
import * as z from 'zod';
import {
  createEntity,
  createQuickEntity,
  getEntitiesByIds,
  listRegistry,
  mergeEntities,
  searchEntities,
  updateEntity,
  type EntitySummary,
  type RegistryEntry,
} from '@/lib/data/entities';
import {
  entityFieldsSchema,
  entityIdSchema,
  entityTypeSchema,
  MAX_ENTITY_SEARCH_LENGTH,
  mergeEntitiesSchema,
  quickEntitySchema,
} from '@/lib/entities/entity-input';
import { actionOk, fromZodError, toActionError, type ActionResult } from '@/lib/errors';

/**
 * Server actions of the entity registry: the registry pages' forms, and what the editor's tagging UI calls
 * (searchEntitiesAction, createEntityAction, getEntitiesByIdsAction, listRegistryAction). Thin: parse with zod
 * (length caps), call lib/data (which authenticates and authorizes every call), return an ActionResult.
 */

/** What the editor shows of an entity on a mention's card. */
export type EntityCard = EntitySummary & { description: string; mergedIntoId: string | null };

async function run<T>(work: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return actionOk(await work());
  } catch (error) {
    unstable_rethrow(error);
    return toActionError(error);
  }
}

function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw fromZodError(result.error);
  return result.data;
}

const searchInput = z.object({
  query: z.string().max(MAX_ENTITY_SEARCH_LENGTH),
  type: entityTypeSchema.nullable().optional(),
  excludeId: entityIdSchema.nullable().optional(),
});

/** Search-as-you-type over the registry (Arabic-normalized names and aliases). */
export async function searchEntitiesAction(
  query: string,
  options: { type?: string | null; excludeId?: string | null } = {},
): Promise<ActionResult<EntitySummary[]>> {
  return run(async () => {
    const input = parseOrThrow(searchInput, { query, type: options.type ?? null, excludeId: options.excludeId ?? null });
    return searchEntities(input);
  });
}

/** The editor's quick create: a type and the canonical name (prefilled from the selection). */
export async function createEntityAction(input: { type: string; name: string }): Promise<ActionResult<EntitySummary>> {
  return run(async () => {
    const created = await createQuickEntity(parseOrThrow(quickEntitySchema, input));
    revalidatePath('/newsroom/entities');
    return created;
  });
}

/** The entities behind the marks of an open article (at most 500 ids). */
export async function getEntitiesByIdsAction(ids: string[]): Promise<ActionResult<EntityCard[]>> {
  return run(async () => getEntitiesByIds(parseOrThrow(z.array(z.string().max(64)).max(500), ids)));
}

/** Every live entity with its names, to build the suggestion matcher in the editor. */
export async function listRegistryAction(): Promise<ActionResult<RegistryEntry[]>> {
  return run(() => listRegistry());
}

/** The registry form (new and edit pages). */
export type EntityFormInput = z.input<typeof entityFieldsSchema>;

export async function createEntityFormAction(input: EntityFormInput): Promise<ActionResult<{ id: string }>> {
  return run(async () => {
    const created = await createEntity(parseOrThrow(entityFieldsSchema, input));
    revalidatePath('/newsroom/entities');
    return { id: created.id };
  });
}

export async function updateEntityFormAction(id: string, input: EntityFormInput): Promise<ActionResult<{ id: string; slug: string }>> {
  return run(async () => {
    const updated = await updateEntity(parseOrThrow(entityIdSchema, id), parseOrThrow(entityFieldsSchema, input));
    revalidatePath('/newsroom/entities');
    return { id: updated.id, slug: updated.slug };
  });
}

export async function mergeEntitiesAction(input: { sourceId: string; targetId: string }): Promise<
  ActionResult<{ targetId: string; articleCount: number }>
> {
  return run(async () => {
    const result = await mergeEntities(parseOrThrow(mergeEntitiesSchema, input));
    revalidatePath('/newsroom/entities');
    return { targetId: result.target.id, articleCount: result.articleIds.length };
  });
}
