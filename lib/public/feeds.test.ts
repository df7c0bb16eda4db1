import { XMLParser, XMLValidator } from 'fast-xml-parser';
import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import { buildAtom, buildRss, type FeedChannel } from './feeds';
import { buildNewsSitemap, buildRobots, buildSitemap } from './sitemaps';
import { escapeXml } from './xml';

const hostile = 'عنوان <b>خطر</b> & "اقتباس" \u0001\u0008\u000b\uFFFF ]]> نهاية';

const channel: FeedChannel = {
  title: 'مِداد',
  description: 'آخر الأخبار',
  siteUrl: 'https://news.example/',
  selfUrl: 'https://news.example/feed.xml',
  language: 'ar',
  items: [
    {
      title: hostile,
      url: 'https://news.example/articles/%D8%AE%D8%A8%D8%B1?a=1&b=2',
      summary: 'ملخص <i>مع</i> وسوم',
      authorName: 'سارة & علي',
      publishedAt: new Date('2024-01-05T09:00:00Z'),
      modifiedAt: new Date('2024-01-06T09:00:00Z'),
      category: 'سياسة',
    },
  ],
};

describe('feeds', () => {
  it('escapes every text and strips characters XML forbids', () => {
    expect(escapeXml(hostile)).toBe('عنوان &lt;b&gt;خطر&lt;/b&gt; &amp; &quot;اقتباس&quot;  ]]&gt; نهاية');
  });

  it('builds RSS 2.0 that a feed reader parses, with the hostile title intact as text', async () => {
    const xml = buildRss(channel);
    expect(XMLValidator.validate(xml)).toBe(true);
    const feed = await new Parser().parseString(xml);
    expect(feed.title).toBe('مِداد');
    expect(feed.items).toHaveLength(1);
    expect(feed.items[0]?.title).toBe('عنوان <b>خطر</b> & "اقتباس"  ]]> نهاية');
    expect(feed.items[0]?.link).toBe('https://news.example/articles/%D8%AE%D8%A8%D8%B1?a=1&b=2');
    expect(feed.items[0]?.creator).toBe('سارة & علي');
    expect(new Date(feed.items[0]!.pubDate!).toISOString()).toBe('2024-01-05T09:00:00.000Z');
  });

  it('builds Atom that a feed reader parses', async () => {
    const xml = buildAtom(channel);
    expect(XMLValidator.validate(xml)).toBe(true);
    const feed = await new Parser().parseString(xml);
    expect(feed.items[0]?.title).toBe('عنوان <b>خطر</b> & "اقتباس"  ]]> نهاية');
    expect(feed.items[0]?.link).toBe(channel.items[0]!.url);
    expect(feed.items[0]?.id).toBe(channel.items[0]!.url);
  });

  it('builds an empty but valid feed when there is no story', async () => {
    for (const xml of [buildRss({ ...channel, items: [] }), buildAtom({ ...channel, items: [] })]) {
      expect(XMLValidator.validate(xml)).toBe(true);
      expect((await new Parser().parseString(xml)).items).toEqual([]);
    }
  });
});

describe('sitemaps and robots', () => {
  const parser = new XMLParser({ ignoreAttributes: false });

  it('lists URLs with their last change', () => {
    const xml = buildSitemap([{ url: 'https://news.example/a?x=1&y=2', modifiedAt: new Date('2024-01-05T09:00:00Z') }, { url: 'https://news.example/' }]);
    expect(XMLValidator.validate(xml)).toBe(true);
    const urls = parser.parse(xml).urlset.url as Array<{ loc: string; lastmod?: string }>;
    expect(urls).toEqual([{ loc: 'https://news.example/a?x=1&y=2', lastmod: '2024-01-05T09:00:00.000Z' }, { loc: 'https://news.example/' }]);
  });

  it('builds a Google News sitemap with the publication name and language', () => {
    const xml = buildNewsSitemap({ name: 'مِداد', language: 'ar' }, [
      { url: 'https://news.example/articles/x', title: hostile, publishedAt: new Date('2024-01-05T09:00:00Z') },
    ]);
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = parser.parse(xml).urlset;
    expect(parsed['@_xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9');
    expect(parsed.url['news:news']['news:publication']).toEqual({ 'news:name': 'مِداد', 'news:language': 'ar' });
    expect(parsed.url['news:news']['news:title']).toBe('عنوان <b>خطر</b> & "اقتباس"  ]]> نهاية');
  });

  it('keeps crawlers out of the newsroom, the API and sign-in, and names the sitemaps', () => {
    const robots = buildRobots(['https://news.example/sitemap.xml', 'https://news.example/news-sitemap.xml']);
    expect(robots).toContain('Disallow: /newsroom\n');
    expect(robots).toContain('Disallow: /api/\n');
    expect(robots).toContain('Disallow: /signin\n');
    expect(robots).toContain('Sitemap: https://news.example/news-sitemap.xml\n');
  });
});
