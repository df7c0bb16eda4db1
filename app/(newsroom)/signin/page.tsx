import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/auth/sign-in-form';
import { getCurrentActor } from '@/lib/auth/current-user';
import { safeCallbackUrl } from '@/lib/auth/callback-url';

export const metadata: Metadata = { title: 'تسجيل الدخول', robots: { index: false } };
export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<{ callbackUrl?: string | string[] }> };

export default async function SignInPage({ searchParams }: Props) {
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl);
  if (await getCurrentActor()) redirect(callbackUrl);
  return (
    <main id="main" className="site-main">
      <h1>تسجيل الدخول إلى غرفة الأخبار</h1>
      <SignInForm callbackUrl={callbackUrl} />
    </main>
  );
}
