import type { ReactNode } from 'react';
import { SiteFooter, SiteHeader } from '@/components/ui/site-header';

/** What every reader page has around its content: skip link, header, main landmark, footer. */
export function PublicChrome({ siteName, children }: { siteName: string; children: ReactNode }) {
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
