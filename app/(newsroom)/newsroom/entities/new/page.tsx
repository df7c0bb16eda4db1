import type { Metadata } from 'next';
import Link from 'next/link';
import { EMPTY_ENTITY_FORM, EntityForm } from '@/components/entity-registry/entity-form';
import { requireActorForPage } from '@/lib/auth/current-user';
import { createEntityFormAction } from '../actions';

export const metadata: Metadata = { title: 'كيان جديد' };
export const dynamic = 'force-dynamic';

export default async function NewEntityPage() {
  await requireActorForPage('/newsroom/entities/new');
  return (
    <>
      <p>
        <Link href="/newsroom/entities">سجل الكيانات</Link>
      </p>
      <h1>كيان جديد</h1>
      <EntityForm initial={EMPTY_ENTITY_FORM} submit={createEntityFormAction} submitLabel="إنشاء الكيان" redirectOnSuccess />
    </>
  );
}
