import 'server-only';

import type { JSONContent } from '@tiptap/core';
import { ArticleBody } from '@/components/article/article-body';
import { getDateSettings } from '@/lib/config/site';
import { formatArabicDate } from '@/lib/format/date';

export type ArticleViewProps = {
  title: string;
  dek: string;
  authorName: string;
  /** The date shown under the title (publication date; for a preview, the date of the working copy). */
  date: Date;
  body: JSONContent;
  entityHrefs?: Record<string, string>;
};

/** An article as readers see it: the public page and the newsroom preview render exactly this. */
export function ArticleView({ title, dek, authorName, date, body, entityHrefs }: ArticleViewProps) {
  const dateSettings = getDateSettings();
  return (
    <article>
      <header className="article-header">
        <h1>{title}</h1>
        {dek ? <p className="article-dek">{dek}</p> : null}
        <p className="article-meta">
          {authorName} · <time dateTime={date.toISOString()}>{formatArabicDate(date, dateSettings)}</time>
        </p>
      </header>
      <ArticleBody doc={body} entityHrefs={entityHrefs} />
    </article>
  );
}
