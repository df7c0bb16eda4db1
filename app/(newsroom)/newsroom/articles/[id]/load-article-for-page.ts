import 'server-only';
import { forbidden, notFound } from 'next/navigation';
import { requireActorForPage } from '@/lib/auth/current-user';
import { getArticleForEditing } from '@/lib/data/article-editing';
import { isAppError } from '@/lib/errors';

/**
 * The signed-in person (or a redirect to sign-in, back to `path`) and the article they opened, for the editor and its
 * preview: 404 for an article that does not exist or that they may not know of, 403 for one they may not open.
 */
export async function loadArticleForPage(id: string, path: string) {
  const actor = await requireActorForPage(path);
  try {
    return { actor, article: await getArticleForEditing(actor, id) };
  } catch (err) {
    if (isAppError(err) && err.code === 'not_found') notFound();
    if (isAppError(err) && err.code === 'forbidden') forbidden();
    throw err;
  }
}
