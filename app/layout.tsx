import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { naskh } from './fonts';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'مِداد', template: '%s | مِداد' },
  description: 'مِداد: أخبار بالعربية',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="ar" dir="rtl" className={naskh.variable}>
      <body>{children}</body>
    </html>
  );
}
