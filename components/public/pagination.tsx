import Link from 'next/link';
import styles from './public.module.css';

/**
 * Previous / next links and "page X of Y". `hrefFor(page)` builds each page's URL (page 1 without ?page=). Rendered
 * only when there is more than one page.
 */
export function Pagination({ page, pageCount, hrefFor }: { page: number; pageCount: number; hrefFor: (page: number) => string }) {
  if (pageCount <= 1) return null;
  return (
    <nav className={styles.pagination} aria-label="التنقل بين الصفحات">
      {page > 1 ? (
        <Link href={hrefFor(page - 1)} rel="prev">
          → الصفحة السابقة
        </Link>
      ) : (
        <span />
      )}
      <span aria-current="page">
        الصفحة {page} من {pageCount}
      </span>
      {page < pageCount ? (
        <Link href={hrefFor(page + 1)} rel="next">
          الصفحة التالية ←
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}

/** `path` with ?page=N (and other query values), leaving page 1 without it. */
export function pageHref(path: string, page: number, query: Record<string, string> = {}): string {
  const params = new URLSearchParams(query);
  if (page > 1) params.set('page', String(page));
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}
