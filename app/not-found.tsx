import Link from 'next/link';

export default function NotFound() {
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
