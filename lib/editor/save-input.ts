import * as z from 'zod';
import { MAX_DOCUMENT_JSON_BYTES } from '@/lib/content/validate';
import { DEK_MAX_LENGTH, SLUG_INPUT_MAX_LENGTH, TITLE_MAX_LENGTH } from './limits';

/**
 * The wire shape of a save, shared by the server action and the keep-alive route handler (`/api/articles/[id]/save`),
 * which both hand it to `saveArticleContentForActor`. The body is checked here only for its size; its content is
 * validated by lib/content's `validateDocument` in the data layer.
 */
export const saveArticleInputSchema = z.object({
  id: z.uuid(),
  expectedVersion: z.number().int().min(1).max(2_147_483_647),
  title: z.string().max(TITLE_MAX_LENGTH),
  dek: z.string().max(DEK_MAX_LENGTH),
  slug: z.string().max(SLUG_INPUT_MAX_LENGTH),
  sectionId: z.uuid().nullable(),
  body: z.unknown(),
});

export type SaveArticleInput = z.infer<typeof saveArticleInputSchema>;

/** Whether the body is too big to be worth parsing (the validator measures it exactly). */
export function isBodyOverCap(body: unknown): boolean {
  try {
    const json = JSON.stringify(body);
    return json === undefined || json.length > MAX_DOCUMENT_JSON_BYTES;
  } catch {
    return true;
  }
}
