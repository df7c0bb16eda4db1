import type { Metadata } from 'next';
import { EndSessionsForm } from '@/components/auth/end-sessions-form';
import { requireActorForPage } from '@/lib/auth/current-user';
import { ROLE_LABELS } from '@/lib/workflow/labels';
import { endAllSessionsAction } from './actions';

export const metadata: Metadata = { title: 'حسابي' };
export const dynamic = 'force-dynamic';

export default async function AccountPage() {
  const actor = await requireActorForPage('/newsroom/account');
  return (
    <>
      <h1>حسابي</h1>
      <dl className="account-facts">
        <dt>الاسم</dt>
        <dd>{actor.displayName}</dd>
        <dt>البريد الإلكتروني</dt>
        <dd>
          <bdi dir="ltr">{actor.email}</bdi>
        </dd>
        <dt>الدور</dt>
        <dd>{ROLE_LABELS[actor.role]}</dd>
      </dl>
      <h2>الجلسات</h2>
      <p>
        إن نسيت تسجيل الخروج على جهاز آخر أو فقدت جهازك، يمكنك إنهاء جلساتك على كل الأجهزة، ومنها هذا الجهاز. ستحتاج بعدها
        إلى تسجيل الدخول من جديد.
      </p>
      <EndSessionsForm action={endAllSessionsAction} />
    </>
  );
}
