/**
 * Share links of an article: plain URLs of each service's own share page (no third-party script, nothing loaded
 * until the reader clicks). Pure.
 */
export type ShareLink = { service: 'x' | 'facebook' | 'whatsapp' | 'telegram' | 'email'; label: string; href: string };

export function shareLinks(url: string, title: string): ShareLink[] {
  const u = encodeURIComponent(url);
  const t = encodeURIComponent(title);
  return [
    { service: 'x', label: 'شارك على إكس (تويتر)', href: `https://x.com/intent/post?text=${t}&url=${u}` },
    { service: 'facebook', label: 'شارك على فيسبوك', href: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
    { service: 'whatsapp', label: 'شارك عبر واتساب', href: `https://wa.me/?text=${encodeURIComponent(`${title} ${url}`)}` },
    { service: 'telegram', label: 'شارك عبر تيليغرام', href: `https://t.me/share/url?url=${u}&text=${t}` },
    { service: 'email', label: 'أرسل بالبريد الإلكتروني', href: `mailto:?subject=${t}&body=${encodeURIComponent(`${title}\n${url}`)}` },
  ];
}

/** «مدة القراءة»: minutes with Arabic number agreement. */
export function formatReadingTime(minutes: number): string {
  if (minutes <= 1) return 'دقيقة واحدة';
  if (minutes === 2) return 'دقيقتان';
  if (minutes % 100 >= 3 && minutes % 100 <= 10) return `${minutes} دقائق`;
  return `${minutes} دقيقة`;
}
