import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { SignOutButton } from '@/components/auth/sign-out-button';
import '@/components/workflow/workflow.css';
import { requireActorForPage } from '@/lib/auth/current-user';
import { getNavigationCountsForActor } from '@/lib/data/dashboard';
import { ROLE_LABELS } from '@/lib/workflow/labels';

export const metadata: Metadata = { title: { default: 'غرفة الأخبار', template: '%s | غرفة الأخبار' }, robots: { index: false } };
export const dynamic = 'force-dynamic';

export default async function NewsroomLayout({ children }: { children: ReactNode }) {
  const actor = await requireActorForPage('/newsroom');
  const counts = await getNavigationCountsForActor(actor);
  return (
    <>
      <header className="site-header">
        <nav className="newsroom-nav site-header__inner" aria-label="غرفة الأخبار">
          <Link href="/newsroom" className="site-title">
            غرفة الأخبار
          </Link>
          <Link href="/newsroom/articles/new">مقال جديد</Link>
          {counts.review !== null ? (
            <Link href="/newsroom/review" data-testid="nav-review">
              المراجعة ({counts.review})
            </Link>
          ) : null}
          <Link href="/newsroom/notifications" data-testid="nav-notifications">
            الإشعارات ({counts.unreadNotifications})
          </Link>
          <Link href="/newsroom/entities">الكيانات</Link>
          {actor.role === 'admin' ? <Link href="/newsroom/users">المستخدمون</Link> : null}
          <Link href="/">الموقع</Link>
          {actor.role === 'admin' ? <Link href="/newsroom/audit">سجل التدقيق</Link> : null}
          <span className="newsroom-user" data-testid="current-user">
            {actor.displayName} ({ROLE_LABELS[actor.role]})
          </span>
          <SignOutButton />
        </nav>
      </header>
      <main id="main" className="site-main site-main--wide">
        {children}
      </main>
    </>
  );
}
