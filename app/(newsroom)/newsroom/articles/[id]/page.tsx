import type { Metadata } from 'next';
import Link from 'next/link';
import { ArticleEditor } from '@/components/editor/article-editor';
import { CommentsPanel } from '@/components/workflow/comments-panel';
import { WorkflowPanel } from '@/components/workflow/workflow-panel';
import { getEnv } from '@/lib/config/env';
import { getDateSettings } from '@/lib/config/site';
import { listCommentsForActor } from '@/lib/data/comments';
import { getOpenChangeRequestForActor } from '@/lib/data/revisions';
import { listSections } from '@/lib/data/sections';
import { formatArabicDateTime } from '@/lib/format/date';
import { utcToZonedLocal } from '@/lib/time/zoned';
import { availableEvents, canComment } from '@/lib/workflow';
import {
  createEntityAction,
  getEntitiesByIdsAction,
  listRegistryAction,
  searchEntitiesAction,
} from '../../entities/actions';
import { checkArticleSlug, saveArticle } from './actions';
import { loadArticleForPage } from './load-article-for-page';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'تحرير مقال' };

type Props = { params: Promise<{ id: string }> };

export default async function EditArticlePage({ params }: Props) {
  const { id } = await params;
  const { actor, article } = await loadArticleForPage(id, `/newsroom/articles/${encodeURIComponent(id)}`);
  const env = getEnv();
  const [sections, comments, changeRequest] = await Promise.all([
    listSections(),
    listCommentsForActor(actor, article.id),
    getOpenChangeRequestForActor(actor, article.id),
  ]);
  const events = availableEvents(article, actor, { fourEyes: env.MIDAD_FOUR_EYES });
  const publishAt = article.publishAt ? new Date(article.publishAt) : null;
  return (
    <>
      <h1 className="visually-hidden">تحرير: {article.title}</h1>
      {changeRequest ? (
        <aside className="editor-notice editor-notice--warning" aria-labelledby="change-request-title" data-testid="change-request">
          <h2 id="change-request-title">طُلبت تعديلات على هذا المقال</h2>
          <p className="change-request__comment">{changeRequest.comment}</p>
          <p className="change-request__meta">
            {changeRequest.byName} ·{' '}
            <time dateTime={changeRequest.at.toISOString()}>{formatArabicDateTime(changeRequest.at, getDateSettings())}</time>
          </p>
        </aside>
      ) : null}
      <ArticleEditor
        // A workflow step (which may change who can edit) starts a fresh session. While the text is editable, a new
        // render of the page (a comment posted, a version saved elsewhere) keeps the session and what was typed: a
        // newer version from elsewhere comes back as a conflict on the next save. Read-only, the newest text is shown.
        key={article.permissions.canEdit ? `${article.id}:${article.status}` : `${article.id}:${article.version}:${article.status}`}
        article={article}
        sections={sections.map(({ id: sectionId, name }) => ({ id: sectionId, name }))}
        saveAction={saveArticle}
        checkSlugAction={checkArticleSlug}
        previewHref={`/newsroom/articles/${article.id}/preview`}
        entityActions={{
          search: searchEntitiesAction,
          create: createEntityAction,
          getEntitiesByIds: getEntitiesByIdsAction,
          loadRegistry: listRegistryAction,
        }}
      >
        <WorkflowPanel
          articleId={article.id}
          status={article.status}
          version={article.version}
          events={events}
          timeZone={env.MIDAD_TIME_ZONE}
          publishAtLocal={publishAt ? utcToZonedLocal(publishAt, env.MIDAD_TIME_ZONE) : null}
          publishAtLabel={publishAt ? formatArabicDateTime(publishAt, getDateSettings()) : null}
        />
        <p>
          <Link href={`/newsroom/articles/${article.id}/history`}>السجل والنسخ السابقة</Link>
        </p>
        <CommentsPanel articleId={article.id} comments={comments} canComment={canComment(article, actor)} timeZone={env.MIDAD_TIME_ZONE} />
      </ArticleEditor>
    </>
  );
}
