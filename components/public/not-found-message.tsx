import Link from 'next/link';

/** What a reader sees for an address that leads nowhere: an unknown or unpublished story, section or page. */
export function NotFoundMessage() {
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
