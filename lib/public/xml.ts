/**
 * Strict XML text: characters XML 1.0 forbids (C0 controls except tab and line breaks, lone surrogates, U+FFFE/FFFF)
 * are removed, and & < > " ' are escaped, so a hostile title still yields a well-formed document.
 */
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function stripInvalidXmlCharacters(value: string): string {
  return value.replace(FORBIDDEN, '');
}

export function escapeXml(value: string): string {
  return stripInvalidXmlCharacters(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** An element with escaped text content (and escaped attribute values). */
export function element(name: string, text: string, attributes: Record<string, string> = {}): string {
  const attrs = Object.entries(attributes)
    .map(([key, value]) => ` ${key}="${escapeXml(value)}"`)
    .join('');
  return `<${name}${attrs}>${escapeXml(text)}</${name}>`;
}
