import type { Metadata } from 'next';
import Link from 'next/link';
import { requireActorForPage } from '@/lib/auth/current-user';
import { entityPath, listEntitiesForActor } from '@/lib/data/entities';
import { ENTITY_TYPE_LABELS, ENTITY_TYPES, type EntityType } from '@/lib/entities/entity-types';
import '@/components/entity-registry/entity-registry.css';

export const metadata: Metadata = { title: 'الكيانات' };
export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function first(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

function pageHref(query: string, type: string, page: number): string {
  const params = new URLSearchParams();
  if (query) params.set('q', query);
  if (type) params.set('type', type);
  if (page > 1) params.set('page', String(page));
  const search = params.toString();
  return search ? `/newsroom/entities?${search}` : '/newsroom/entities';
}

export default async function EntitiesPage({ searchParams }: Props) {
  const actor = await requireActorForPage('/newsroom/entities');
  const params = await searchParams;
  const query = first(params.q).slice(0, 200);
  const typeParam = first(params.type);
  const type = (ENTITY_TYPES as readonly string[]).includes(typeParam) ? (typeParam as EntityType) : null;
  const pageNumber = Math.max(1, Math.min(Number.parseInt(first(params.page), 10) || 1, 100_000));
  const list = await listEntitiesForActor(actor, { query, type, page: pageNumber });
  const pageCount = Math.max(1, Math.ceil(list.total / list.pageSize));

  return (
    <>
      <div className="registry-actions">
        <h1>سجل الكيانات</h1>
        <Link href="/newsroom/entities/new" className="button">
          كيان جديد
        </Link>
      </div>
      <form className="registry-filters" role="search" action="/newsroom/entities" method="get">
        <label>
          بحث بالاسم أو الاسم البديل
          <input type="search" name="q" defaultValue={query} maxLength={200} />
        </label>
        <label>
          النوع
          <select name="type" defaultValue={type ?? ''}>
            <option value="">كل الأنواع</option>
            {ENTITY_TYPES.map((value) => (
              <option key={value} value={value}>
                {ENTITY_TYPE_LABELS[value]}
              </option>
            ))}
          </select>
        </label>
        <button className="button" type="submit">
          بحث
        </button>
      </form>
      <p role="status">
        {list.total === 0 ? 'لا توجد كيانات مطابقة.' : `${list.total} كيانًا`}
      </p>
      {list.items.length > 0 ? (
        <table className="table" aria-label="الكيانات">
          <thead>
            <tr>
              <th scope="col">الاسم</th>
              <th scope="col">النوع</th>
              <th scope="col">أسماء بديلة</th>
              <th scope="col">المقالات</th>
              <th scope="col">الصفحة العامة</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((entity) => (
              <tr key={entity.id}>
                <td>
                  <Link href={`/newsroom/entities/${entity.id}`}>{entity.name}</Link>
                </td>
                <td>{ENTITY_TYPE_LABELS[entity.type]}</td>
                <td>{entity.aliases.join('، ')}</td>
                <td>{entity.articleCount}</td>
                <td>
                  <Link href={entityPath(entity.slug)} aria-label={`الصفحة العامة لـ${entity.name}`}>
                    عرض
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {pageCount > 1 ? (
        <nav className="pagination" aria-label="صفحات السجل">
          {list.page > 1 ? <Link href={pageHref(query, type ?? '', list.page - 1)}>السابق</Link> : null}
          <span>
            صفحة {list.page} من {pageCount}
          </span>
          {list.page < pageCount ? <Link href={pageHref(query, type ?? '', list.page + 1)}>التالي</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
