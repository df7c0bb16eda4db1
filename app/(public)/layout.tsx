import type { ReactNode } from 'react';
import { SiteFooter, SiteHeader } from '@/components/ui/site-header';
import { getSiteName } from '@/lib/config/site';

export default function PublicLayout({ children }: { children: ReactNode }) {
  const siteName = getSiteName();
  return (
    <>
      <a href="#main" className="skip-link">
        انتقل إلى المحتوى
      </a>
      <SiteHeader siteName={siteName} />
      <main id="main" className="site-main">
        {children}
      </main>
      <SiteFooter siteName={siteName} />
    </>
  );
}
