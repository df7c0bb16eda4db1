import { Head, Html, Main, NextScript } from 'next/document';
import { naskh } from '@/app/fonts';

/**
 * The document of the reader pages that the Pages Router serves (pages/: the article page, see docs/ARCHITECTURE.md
 * "Reader pages without JavaScript"): Arabic, right to left, with the site font's variable on <html> as in
 * app/layout.tsx.
 */
export default function Document() {
  return (
    <Html lang="ar" dir="rtl" className={naskh.variable}>
      <Head />
      <body>
        <Main />
        <NextScript />
      </body>
    </Html>
  );
}
