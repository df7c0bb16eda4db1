import Link from 'next/link';
import type { DateFormatSettings } from '@/lib/format/date';
import { formatArabicDate } from '@/lib/format/date';
import type { PublicArticleListItem } from '@/lib/data/public-listings';
import { articlePath, sectionPath } from '@/lib/public/urls';
import styles from './public.module.css';

function StoryMeta({ story, dateSettings, showSection }: { story: PublicArticleListItem; dateSettings: DateFormatSettings; showSection: boolean }) {
  return (
    <p className={styles.meta}>
      {showSection && story.section ? (
        <>
          <Link href={sectionPath(story.section.slug)} className={styles.sectionLink}>
            {story.section.name}
          </Link>{' '}
          ·{' '}
        </>
      ) : null}
      <time dateTime={story.publishedAt.toISOString()}>{formatArabicDate(story.publishedAt, dateSettings)}</time>
    </p>
  );
}

/** The lead story of the home page, large. */
export function LeadStory({ story, dateSettings }: { story: PublicArticleListItem; dateSettings: DateFormatSettings }) {
  return (
    <article className={styles.lead} aria-labelledby={`story-${story.id}`}>
      <h2 id={`story-${story.id}`}>
        <Link href={articlePath(story.slug)}>{story.title}</Link>
      </h2>
      {story.dek ? <p className={styles.dek}>{story.dek}</p> : null}
      <StoryMeta story={story} dateSettings={dateSettings} showSection />
    </article>
  );
}

/** A list of stories: title link, dek, section link and date. */
export function StoryList({
  stories,
  dateSettings,
  showSection = true,
}: {
  stories: readonly PublicArticleListItem[];
  dateSettings: DateFormatSettings;
  showSection?: boolean;
}) {
  return (
    <ol className={styles.list}>
      {stories.map((story) => (
        <li key={story.id}>
          <h2>
            <Link href={articlePath(story.slug)}>{story.title}</Link>
          </h2>
          {story.dek ? <p className={styles.dek}>{story.dek}</p> : null}
          <StoryMeta story={story} dateSettings={dateSettings} showSection={showSection} />
        </li>
      ))}
    </ol>
  );
}
