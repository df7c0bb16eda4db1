import localFont from 'next/font/local';

/**
 * Noto Naskh Arabic, self-hosted from @fontsource (no network at build or run time). next/font preloads it and
 * sizes the fallback to match, so text does not shift when it arrives.
 */
export const naskh = localFont({
  src: [
    { path: '../node_modules/@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-400-normal.woff2', weight: '400', style: 'normal' },
    { path: '../node_modules/@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-700-normal.woff2', weight: '700', style: 'normal' },
  ],
  display: 'swap',
  variable: '--font-naskh',
  fallback: ['Noto Naskh Arabic', 'Noto Sans Arabic', 'Arial', 'sans-serif'],
  adjustFontFallback: 'Arial',
});
