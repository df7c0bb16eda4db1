/** Paths and absolute URLs of public pages. Slugs may be Arabic: every path segment is percent-encoded. */

export function articlePath(slug: string): string {
  return `/articles/${encodeURIComponent(slug)}`;
}

export function sectionPath(slug: string): string {
  return `/sections/${encodeURIComponent(slug)}`;
}

export function entityPath(slug: string): string {
  return `/entities/${encodeURIComponent(slug)}`;
}

/** `path` (starting with "/") on the public site `siteUrl` (MIDAD_SITE_URL, with or without a trailing slash). */
export function absoluteUrl(siteUrl: string, path: string): string {
  return `${siteUrl.replace(/\/+$/, '')}${path.startsWith('/') ? path : `/${path}`}`;
}
