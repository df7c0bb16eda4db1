import Link from 'next/link';

export function SiteHeader({ siteName }: { siteName: string }) {
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link href="/" className="site-title">
          {siteName}
        </Link>
        <nav aria-label="الموقع" className="site-nav">
          <Link href="/search">البحث</Link>
        </nav>
      </div>
    </header>
  );
}

export function SiteFooter({ siteName }: { siteName: string }) {
  return (
    <footer className="site-footer">
      <div className="site-footer__inner">
        {siteName} · <Link href="/newsroom">غرفة الأخبار</Link>
      </div>
    </footer>
  );
}
