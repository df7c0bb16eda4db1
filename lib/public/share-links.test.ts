import { describe, expect, it } from 'vitest';
import { formatReadingTime, shareLinks } from './share-links';

describe('shareLinks', () => {
  it('builds plain share URLs with the article URL and title encoded', () => {
    const links = shareLinks('https://example.com/articles/خبر-عاجل', 'خبر & عاجل');
    expect(links.map((link) => link.service)).toEqual(['x', 'facebook', 'whatsapp', 'telegram', 'email']);
    const x = new URL(links[0]!.href);
    expect(x.hostname).toBe('x.com');
    expect(x.searchParams.get('url')).toBe('https://example.com/articles/خبر-عاجل');
    expect(x.searchParams.get('text')).toBe('خبر & عاجل');
    expect(new URL(links[1]!.href).searchParams.get('u')).toBe('https://example.com/articles/خبر-عاجل');
    expect(new URL(links[2]!.href).searchParams.get('text')).toBe('خبر & عاجل https://example.com/articles/خبر-عاجل');
    expect(links[4]!.href.startsWith('mailto:?subject=')).toBe(true);
  });
});

describe('formatReadingTime', () => {
  it('agrees in number', () => {
    expect(formatReadingTime(1)).toBe('دقيقة واحدة');
    expect(formatReadingTime(2)).toBe('دقيقتان');
    expect(formatReadingTime(5)).toBe('5 دقائق');
    expect(formatReadingTime(11)).toBe('11 دقيقة');
  });
});
