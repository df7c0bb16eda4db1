import { MAX_QUERY_LENGTH } from '@/lib/search/search-text';
import styles from './public.module.css';

/** A plain GET form (no JavaScript needed) with a visible label. */
export function SearchForm({ query }: { query: string }) {
  return (
    <form role="search" action="/search" method="get" className={styles.searchForm}>
      <label htmlFor="search-query">ابحث في الأخبار المنشورة</label>
      <input
        id="search-query"
        type="search"
        name="q"
        defaultValue={query}
        maxLength={MAX_QUERY_LENGTH * 5}
        autoComplete="off"
        dir="auto"
      />
      <button type="submit">بحث</button>
    </form>
  );
}
