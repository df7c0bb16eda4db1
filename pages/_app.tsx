import type { AppProps } from 'next/app';
import Head from 'next/head';
import { naskh } from '@/app/fonts';
import '@/app/globals.css';
import '@/components/article/article-notes.css';
import '@/app/(public)/public-entities.css';

/**
 * The Pages Router's shell: the same stylesheets and font as the App Router's root layout (app/layout.tsx). Using
 * `naskh` here is what makes Next link its stylesheet and preload the font files.
 */
export default function MidadPagesApp({ Component, pageProps }: AppProps) {
  return (
    <>
      <Head>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <link rel="icon" href="/icon.svg" type="image/svg+xml" sizes="any" />
      </Head>
      <div className={naskh.variable}>
        <Component {...pageProps} />
      </div>
    </>
  );
}
