/**
 * schema.org NewsArticle JSON-LD for an article page. Pure; the page renders it with `serializeJsonLd` inside
 * <script type="application/ld+json">. `about` and `mentions` (the article's entities) are passed in by the caller.
 * No `image`: articles have none yet.
 */

export type JsonLdThing = { '@type': string; name: string; '@id'?: string; url?: string; sameAs?: string | string[] };

export type NewsArticleJsonLdInput = {
  /** Absolute canonical URL of the article. */
  url: string;
  headline: string;
  description?: string;
  datePublished: Date;
  dateModified: Date;
  authorName: string;
  publisher: { name: string; url: string };
  section?: string | null;
  about?: JsonLdThing[];
  mentions?: JsonLdThing[];
};

export type NewsArticleJsonLd = {
  '@context': 'https://schema.org';
  '@type': 'NewsArticle';
  headline: string;
  description?: string;
  datePublished: string;
  dateModified: string;
  author: Array<{ '@type': 'Person'; name: string }>;
  publisher: { '@type': 'NewsMediaOrganization'; name: string; url: string };
  inLanguage: 'ar';
  mainEntityOfPage: { '@type': 'WebPage'; '@id': string };
  url: string;
  isAccessibleForFree: true;
  articleSection?: string;
  about?: JsonLdThing[];
  mentions?: JsonLdThing[];
};

/** Google shows at most 110 characters of a headline; longer ones are cut on a word boundary with "…". */
const HEADLINE_LIMIT = 110;

function shortenHeadline(headline: string): string {
  const characters = Array.from(headline.trim());
  if (characters.length <= HEADLINE_LIMIT) return headline.trim();
  const cut = characters.slice(0, HEADLINE_LIMIT - 1).join('');
  const atSpace = cut.lastIndexOf(' ');
  return `${(atSpace > 40 ? cut.slice(0, atSpace) : cut).trim()}…`;
}

export function buildNewsArticleJsonLd(input: NewsArticleJsonLdInput): NewsArticleJsonLd {
  const dateModified = input.dateModified > input.datePublished ? input.dateModified : input.datePublished;
  const jsonLd: NewsArticleJsonLd = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: shortenHeadline(input.headline),
    datePublished: input.datePublished.toISOString(),
    dateModified: dateModified.toISOString(),
    author: [{ '@type': 'Person', name: input.authorName }],
    publisher: { '@type': 'NewsMediaOrganization', name: input.publisher.name, url: input.publisher.url },
    inLanguage: 'ar',
    mainEntityOfPage: { '@type': 'WebPage', '@id': input.url },
    url: input.url,
    isAccessibleForFree: true,
  };
  if (input.description) jsonLd.description = input.description;
  if (input.section) jsonLd.articleSection = input.section;
  if (input.about && input.about.length > 0) jsonLd.about = input.about;
  if (input.mentions && input.mentions.length > 0) jsonLd.mentions = input.mentions;
  return jsonLd;
}

/**
 * JSON for a <script type="application/ld+json"> element: `<`, `>`, `&` and the line separators are escaped as
 * \u sequences, so no text (a headline with "</script>") can end the element early.
 */
export function serializeJsonLd(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
