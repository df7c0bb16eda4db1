import { describe, expect, it } from 'vitest';
import { buildNewsArticleJsonLd, serializeJsonLd } from './news-article-json-ld';

describe('NewsArticle JSON-LD', () => {
  const input = {
    url: 'https://news.example/articles/x',
    headline: 'السوداني يستقبل وفدًا',
    description: 'زيارة',
    datePublished: new Date('2024-01-05T09:00:00Z'),
    dateModified: new Date('2024-01-06T09:00:00Z'),
    authorName: 'سارة الكاتبة',
    publisher: { name: 'مِداد', url: 'https://news.example/' },
    section: 'سياسة',
  };

  it('has the fields search engines require, in Arabic', () => {
    expect(buildNewsArticleJsonLd(input)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'السوداني يستقبل وفدًا',
      description: 'زيارة',
      datePublished: '2024-01-05T09:00:00.000Z',
      dateModified: '2024-01-06T09:00:00.000Z',
      author: [{ '@type': 'Person', name: 'سارة الكاتبة' }],
      publisher: { '@type': 'NewsMediaOrganization', name: 'مِداد', url: 'https://news.example/' },
      inLanguage: 'ar',
      mainEntityOfPage: { '@type': 'WebPage', '@id': 'https://news.example/articles/x' },
      url: 'https://news.example/articles/x',
      isAccessibleForFree: true,
      articleSection: 'سياسة',
    });
  });

  it('takes about and mentions, never dates a change before publication, and cuts very long headlines', () => {
    const jsonLd = buildNewsArticleJsonLd({
      ...input,
      headline: 'كلمة '.repeat(40),
      dateModified: new Date('2020-01-01T00:00:00Z'),
      about: [{ '@type': 'Person', name: 'محمد شياع السوداني', sameAs: 'https://www.wikidata.org/wiki/Q18619720' }],
      mentions: [{ '@type': 'Place', name: 'بغداد' }],
    });
    expect(jsonLd.dateModified).toBe(jsonLd.datePublished);
    expect(Array.from(jsonLd.headline).length).toBeLessThanOrEqual(110);
    expect(jsonLd.headline.endsWith('…')).toBe(true);
    expect(jsonLd.about?.[0]?.name).toBe('محمد شياع السوداني');
    expect(jsonLd.mentions).toHaveLength(1);
  });

  it('serializes so that no headline can close the script element', () => {
    const text = serializeJsonLd(buildNewsArticleJsonLd({ ...input, headline: '</script><script>alert(1)</script>' }));
    expect(text).not.toContain('</script>');
    expect(JSON.parse(text).headline).toBe('</script><script>alert(1)</script>');
  });
});
