import { ArticleBodyHtml } from '@/components/article/article-body-html';
import { ENTITY_TYPE_LABELS, type EntityType } from '@/lib/entities/entity-types';
import { formatArabicDate, formatArabicDateTime, type DateFormatSettings } from '@/lib/format/date';
import { formatReadingTime, shareLinks } from '@/lib/public/share-links';

export type ArticleViewNote = { kind: 'update' | 'correction'; text: string; at: Date };
export type ArticleViewEntity = { id: string; name: string; type: EntityType; href: string };

export type ArticleViewProps = {
  title: string;
  dek: string;
  authorName: string;
  /** The publication date (for a preview, the date of the working copy). */
  date: Date;
  /** Shown as "updated" when later than `date`. */
  updatedAt?: Date;
  /** The body, rendered on the server by `renderArticleBodyHtml` (components/article/render-article-body.ts) and nothing else. */
  bodyHtml: string;
  /** Whole minutes (`articleReadingMinutes`); 0 hides it. */
  readingMinutes: number;
  dateSettings: DateFormatSettings;
  /** The section the story is filed under, with its page. */
  section?: { name: string; href: string } | null;
  /** The entities the text mentions, listed under it. */
  entities?: ArticleViewEntity[];
  /** Public notes of update and correction. */
  notes?: ArticleViewNote[];
  /** The public page's address and title: share links (left out in the newsroom preview). */
  share?: { url: string; title: string };
};

const NOTE_LABELS = { update: 'تحديث', correction: 'تصحيح' } as const;

/**
 * An article as readers see it: the public page and the newsroom preview render exactly this. Its links are plain
 * `<a>`: the public page ships no JavaScript, so `next/link` would only cost server time (it resolves every href
 * against the router on each render) for markup identical to an `<a>`.
 */
export function ArticleView({
  title,
  dek,
  authorName,
  date,
  updatedAt,
  bodyHtml,
  readingMinutes: minutes,
  dateSettings,
  section,
  entities = [],
  notes = [],
  share,
}: ArticleViewProps) {
  const updated = updatedAt && updatedAt.getTime() > date.getTime() ? updatedAt : null;
  return (
    <article>
      <header className="article-header">
        {section ? (
          <p className="article-section">
            <a href={section.href}>{section.name}</a>
          </p>
        ) : null}
        <h1>{title}</h1>
        {dek ? <p className="article-dek">{dek}</p> : null}
        <p className="article-meta">
          {authorName} · <time dateTime={date.toISOString()}>{formatArabicDate(date, dateSettings)}</time>
          {updated ? (
            <>
              {' '}
              · <span>حُدّث في </span>
              <time dateTime={updated.toISOString()} data-testid="article-updated">
                {formatArabicDateTime(updated, dateSettings)}
              </time>
            </>
          ) : null}
          {minutes > 0 ? (
            <>
              {' '}
              · <span data-testid="reading-time">مدة القراءة: {formatReadingTime(minutes)}</span>
            </>
          ) : null}
        </p>
      </header>
      <ArticleBodyHtml html={bodyHtml} />
      {notes.length > 0 ? (
        <aside className="article-notes" aria-labelledby="article-notes-title">
          <h2 id="article-notes-title">التحديثات والتصحيحات</h2>
          <ul>
            {notes.map((note) => (
              <li key={`${note.kind}-${note.at.toISOString()}`} data-note-kind={note.kind}>
                <strong>{NOTE_LABELS[note.kind]}</strong> ·{' '}
                <time dateTime={note.at.toISOString()}>{formatArabicDateTime(note.at, dateSettings)}</time>: {note.text}
              </li>
            ))}
          </ul>
        </aside>
      ) : null}
      {entities.length > 0 ? (
        <aside className="article-entities" aria-labelledby="article-entities-title">
          <h2 id="article-entities-title">في هذا الخبر</h2>
          <ul>
            {entities.map((entity) => (
              <li key={entity.id}>
                <a href={entity.href} className={`entity-chip entity-chip--${entity.type}`}>
                  {entity.name}
                </a>{' '}
                <span className="article-entities__type">({ENTITY_TYPE_LABELS[entity.type]})</span>
              </li>
            ))}
          </ul>
        </aside>
      ) : null}
      {share ? (
        <nav className="share-links" aria-label="شارك الخبر">
          <ul>
            {shareLinks(share.url, share.title).map((link) => (
              <li key={link.service}>
                <a href={link.href} rel="noopener noreferrer" data-share={link.service}>
                  {link.label}
                </a>
              </li>
            ))}
            <li>
              <a href={share.url} className="share-links__permalink" rel="bookmark">
                الرابط الدائم للخبر
              </a>
            </li>
          </ul>
        </nav>
      ) : null}
    </article>
  );
}
