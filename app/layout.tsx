import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { getEnv } from '@/lib/config/env';
import { siteFeedTypes } from '@/lib/public/feed-links';
import { naskh } from './fonts';
import './globals.css';
import '@/components/article/article-notes.css';

/**
 * Site-wide metadata. A function (not a constant) so that MIDAD_SITE_URL is read at request time: every relative URL
 * below and in pages' metadata (canonical, OpenGraph) resolves against it. The feeds are discoverable from every page.
 */
export function generateMetadata(): Metadata {
  const env = getEnv();
  return {
    metadataBase: new URL(env.MIDAD_SITE_URL),
    title: { default: 'مِداد', template: '%s | مِداد' },
    description: 'مِداد: أخبار بالعربية',
    // Next merges metadata key by key: a page that sets `alternates` (a canonical URL) must repeat these types,
    // which is why they come from one helper.
    alternates: { types: siteFeedTypes() },
  };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="ar" dir="rtl" className={naskh.variable}>
      <body>{children}</body>
    </html>
  );
}
