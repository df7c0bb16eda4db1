import Link from 'next/link';

/**
 * 404 inside the public layout (header, footer and its <main>): for unknown or unpublished articles, sections and
 * pages past the last. Addresses that match no route at all get app/not-found.tsx, which has its own <main>.
 */
export default function PublicNotFound() {
  return (
    <>
      <h1>الصفحة غير موجودة</h1>
      <p>لم نجد ما تبحث عنه: ربما نُقل الخبر أو لم يُنشر بعد.</p>
      <p>
        <Link href="/">العودة إلى الصفحة الرئيسية</Link> أو <Link href="/search">ابحث في الأخبار</Link>
      </p>
    </>
  );
}
