import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { EntityForm } from '@/components/entity-registry/entity-form';
import { MergePanel } from '@/components/entity-registry/merge-panel';
import { requireActorForPage } from '@/lib/auth/current-user';
import { canManageEntities, entityPath, getEntityForActor } from '@/lib/data/entities';
import { ENTITY_TYPE_LABELS } from '@/lib/entities/entity-types';
import { isAppError } from '@/lib/errors';
import { mergeEntitiesAction, searchEntitiesAction, updateEntityFormAction } from '../actions';

export const metadata: Metadata = { title: 'كيان' };
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function EntityPage({ params, searchParams }: Props) {
  const { id } = await params;
  const actor = await requireActorForPage(`/newsroom/entities/${encodeURIComponent(id)}`);
  const entity = await getEntityForActor(actor, id).catch((error: unknown) => {
    if (isAppError(error) && error.code === 'entity_not_found') notFound();
    throw error;
  });
  const merged = (await searchParams).merged;
  const manager = canManageEntities(actor);

  return (
    <>
      <p>
        <Link href="/newsroom/entities">سجل الكيانات</Link>
      </p>
      <h1>{entity.name}</h1>
      {typeof merged === 'string' ? (
        <p className="form-success" role="status">
          تمّ الدمج. نُقلت الوسوم في {Number(merged)} مقال إلى هذا الكيان.
        </p>
      ) : null}
      {entity.mergedInto ? (
        <p className="form-error" role="note">
          دُمج هذا الكيان في <Link href={`/newsroom/entities/${entity.mergedInto.id}`}>{entity.mergedInto.name}</Link>، وتُحوَّل صفحته
          العامة إليه.
        </p>
      ) : null}
      <dl className="entity-facts">
        <dt>النوع</dt>
        <dd>{ENTITY_TYPE_LABELS[entity.type]}</dd>
        <dt>المقالات الموسومة</dt>
        <dd>{entity.articleCount}</dd>
        <dt>الصفحة العامة</dt>
        <dd>
          <Link href={entityPath(entity.slug)}>
            <bdi dir="ltr">/entities/{entity.slug}</bdi>
          </Link>
        </dd>
      </dl>
      {entity.mergedInto ? null : manager ? (
        <>
          <h2>تعديل</h2>
          <EntityForm
            initial={{
              type: entity.type,
              name: entity.name,
              slug: entity.slug,
              aliases: entity.aliases.join('\n'),
              description: entity.description,
              wikidataId: entity.wikidataId ?? '',
            }}
            submit={updateEntityFormAction.bind(null, entity.id)}
            submitLabel="حفظ التغييرات"
            redirectOnSuccess={false}
          />
          <MergePanel source={{ id: entity.id, name: entity.name }} search={searchEntitiesAction} merge={mergeEntitiesAction} />
        </>
      ) : (
        <>
          <dl className="entity-facts">
            <dt>الأسماء البديلة</dt>
            <dd>{entity.aliases.length > 0 ? entity.aliases.join('، ') : '—'}</dd>
            <dt>الوصف</dt>
            <dd>{entity.description || '—'}</dd>
            <dt>ويكي بيانات</dt>
            <dd dir="ltr">{entity.wikidataId ?? '—'}</dd>
          </dl>
          <p>يعدّل المحررون والمديرون الكيانات ويدمجونها.</p>
        </>
      )}
    </>
  );
}
