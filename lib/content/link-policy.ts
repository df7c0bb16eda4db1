/**
 * Which link targets an article may contain. Shared by the editor (Link `isAllowedUri`), the validator and the
 * renderer, so a URL refused in one place is refused everywhere.
 *
 * Allowed: `http://host…`, `https://host…`, `mailto:…`, and site-relative paths starting with one `/`.
 * Everything else is refused rather than repaired: other schemes (javascript:, data:, vbscript:, file:, …),
 * protocol-relative `//host`, relative paths without a leading slash, and any href containing whitespace,
 * control characters, bidi/zero-width format characters, backslashes or credentials (`https://a@b`).
 */

export const LINK_REL = 'noopener noreferrer nofollow';
export const MAX_HREF_LENGTH = 2048;

// C0/C1 controls, DEL, every Unicode space (incl. NBSP, U+2028/9), soft hyphen, Arabic letter mark, Mongolian vowel
// separator, zero-width and bidi controls (U+200B–U+200F, U+202A–U+202E, U+2060–U+206F), BOM, interlinear annotations,
// plus the ASCII characters that are never valid unencoded in a URL: backslash (browsers read it as `/`), " < > `.
// Browsers strip some of these (tab, newline) while parsing a URL, which is how `java\tscript:` attacks work.
const FORBIDDEN_HREF_CHARACTERS =
  /[\u0000-\u0020\u007F-\u00A0\u00AD\u061C\u1680\u180E\u2000-\u200F\u2028-\u202F\u205F-\u206F\u3000\uFEFF\uFFF9-\uFFFB\\"<>`]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const RELATIVE_BASE = 'https://relative.invalid';

export function isAllowedHref(href: unknown): href is string {
  if (typeof href !== 'string' || href.length === 0 || href.length > MAX_HREF_LENGTH) return false;
  if (FORBIDDEN_HREF_CHARACTERS.test(href) || LONE_SURROGATE.test(href)) return false;

  if (href.startsWith('/')) {
    if (href.startsWith('//')) return false;
    const url = parseUrl(href, RELATIVE_BASE);
    return url !== null && url.origin === RELATIVE_BASE;
  }

  if (/^https?:\/\/[^/?#]/i.test(href)) {
    const url = parseUrl(href);
    return (
      url !== null &&
      (url.protocol === 'http:' || url.protocol === 'https:') &&
      url.hostname.length > 0 &&
      url.username === '' &&
      url.password === ''
    );
  }

  if (/^mailto:/i.test(href)) {
    return href.length > 'mailto:'.length && parseUrl(href)?.protocol === 'mailto:';
  }

  return false;
}

function parseUrl(href: string, base?: string): URL | null {
  try {
    return new URL(href, base);
  } catch {
    return null;
  }
}
