/**
 * The shapes of entity registry input, shared by the server actions (which parse with them) and the data layer
 * (which parses again: every entry point is checked). zod only: safe in the browser.
 */
import * as z from 'zod';
import { ENTITY_TYPES } from './entity-types';

export const MAX_ENTITY_NAME_LENGTH = 200;
export const MAX_ENTITY_ALIASES = 50;
export const MAX_ENTITY_DESCRIPTION_LENGTH = 2000;
export const MAX_ENTITY_SEARCH_LENGTH = 200;
export const WIKIDATA_ID_PATTERN = /^Q[1-9]\d*$/;

const name = z
  .string()
  .trim()
  .min(1, 'الاسم مطلوب.')
  .max(MAX_ENTITY_NAME_LENGTH, `الاسم أطول من ${MAX_ENTITY_NAME_LENGTH} حرف.`);

export const entityTypeSchema = z.enum(ENTITY_TYPES, 'اختر نوع الكيان.');

export const aliasesSchema = z
  .array(z.string().trim().max(MAX_ENTITY_NAME_LENGTH, `الاسم البديل أطول من ${MAX_ENTITY_NAME_LENGTH} حرف.`))
  .max(MAX_ENTITY_ALIASES, `لا يزيد عدد الأسماء البديلة على ${MAX_ENTITY_ALIASES}.`)
  .transform((list) => [...new Set(list.filter((alias) => alias.length > 0))]);

export const wikidataIdSchema = z
  .string()
  .trim()
  .max(20, 'معرّف ويكي بيانات غير صالح.')
  .transform((value) => (value === '' ? null : value.replace(/^q/, 'Q')))
  .refine((value) => value === null || WIKIDATA_ID_PATTERN.test(value), 'معرّف ويكي بيانات يبدأ بالحرف Q تليه أرقام، مثل Q1530.')
  .nullable()
  .optional()
  .transform((value) => value ?? null);

export const slugInputSchema = z
  .string()
  .trim()
  .max(100, 'الرابط المختصر أطول من 100 حرف.')
  .nullish()
  .transform((value) => (value === undefined || value === null || value === '' ? null : value));

export const entityFieldsSchema = z.object({
  type: entityTypeSchema,
  name,
  slug: slugInputSchema,
  aliases: aliasesSchema.default([]),
  description: z
    .string()
    .trim()
    .max(MAX_ENTITY_DESCRIPTION_LENGTH, `الوصف أطول من ${MAX_ENTITY_DESCRIPTION_LENGTH} حرف.`)
    .default(''),
  wikidataId: wikidataIdSchema,
});
export type EntityFieldsInput = z.input<typeof entityFieldsSchema>;
export type EntityFields = z.output<typeof entityFieldsSchema>;

/** What the editor's "create entity" needs: a type and a name. */
export const quickEntitySchema = z.object({ type: entityTypeSchema, name });
export type QuickEntityInput = z.input<typeof quickEntitySchema>;

export const entitySearchSchema = z.object({
  query: z.string().max(MAX_ENTITY_SEARCH_LENGTH, 'نص البحث طويل جدًا.').default(''),
  type: entityTypeSchema.nullable().optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});

export const entityIdSchema = z.uuid('معرّف الكيان غير صالح.').transform((value) => value.toLowerCase());

export const mergeEntitiesSchema = z
  .object({ sourceId: entityIdSchema, targetId: entityIdSchema })
  .refine((value) => value.sourceId !== value.targetId, { message: 'لا يمكن دمج الكيان في نفسه.', path: ['targetId'] });

/** Splits a textarea of aliases, one per line. */
export function parseAliasList(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((alias) => alias.trim())
    .filter((alias) => alias.length > 0);
}
