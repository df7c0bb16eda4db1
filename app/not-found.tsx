import Link from 'next/link';
import { connection } from 'next/server';

export default async function NotFound() {
  // Rendered per request, like every page: its scripts need the request's CSP nonce (proxy.ts).
  await connection();
  return (
    <main id="main" className="site-main">
      <h1>الصفحة غير موجودة</h1>
      <p>لم نجد ما تبحث عنه: ربما نُقل الخبر أو لم يُنشر بعد.</p>
      <p>
        <Link href="/">العودة إلى الصفحة الرئيسية</Link>
      </p>
    </main>
  );
}
