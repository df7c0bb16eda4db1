import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArticleEditor } from '@/components/editor/article-editor';
import { requireActorForPage } from '@/lib/auth/current-user';
import { getArticleForEditing } from '@/lib/data/article-editing';
import { listSections } from '@/lib/data/sections';
import { isAppError } from '@/lib/errors';
import { checkArticleSlug, saveArticle } from './actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'تحرير مقال' };

type Props = { params: Promise<{ id: string }> };

export default async function EditArticlePage({ params }: Props) {
  const { id } = await params;
  const actor = await requireActorForPage(`/newsroom/articles/${encodeURIComponent(id)}`);
  let article;
  try {
    article = await getArticleForEditing(actor, id);
  } catch (err) {
    if (isAppError(err) && err.code === 'not_found') notFound();
    if (isAppError(err) && err.code === 'forbidden') {
      return (
        <>
          <h1>لا يمكن فتح هذا المقال</h1>
          <p className="form-error" role="alert" data-testid="editor-refused">
            {err.messageAr}
          </p>
        </>
      );
    }
    throw err;
  }
  const sections = await listSections();
  return (
    <>
      <h1 className="visually-hidden">تحرير: {article.title}</h1>
      <ArticleEditor
        key={`${article.id}:${article.version}`}
        article={article}
        sections={sections.map(({ id: sectionId, name }) => ({ id: sectionId, name }))}
        saveAction={saveArticle}
        checkSlugAction={checkArticleSlug}
        previewHref={`/newsroom/articles/${article.id}/preview`}
      />
    </>
  );
}
