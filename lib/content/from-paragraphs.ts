import type { JSONContent } from '@tiptap/core';

// C0 controls except tab and the line breaks handled by the splitters, DEL, and unpaired surrogates.
const UNWANTED_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const LINE_BREAK = /\r\n|[\n\r\u2028\u2029]/;

function cleanLines(text: string): string[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(LINE_BREAK)
    .map((line) => line.replace(UNWANTED_CHARACTERS, '').trim())
    .filter((line) => line.length > 0);
}

/**
 * A document with one right-to-left (inheriting) paragraph per string, in the form the validator returns.
 * Empty strings are dropped; a document without text gets one empty paragraph (a doc needs a block).
 */
export function documentFromParagraphs(paragraphs: readonly string[]): JSONContent {
  const texts = paragraphs.map((paragraph) => paragraph.replace(UNWANTED_CHARACTERS, '').trim()).filter(Boolean);
  const content: JSONContent[] =
    texts.length > 0
      ? texts.map((text) => ({ type: 'paragraph', attrs: { dir: null }, content: [{ type: 'text', text }] }))
      : [{ type: 'paragraph', attrs: { dir: null } }];
  return { type: 'doc', content };
}

/** One paragraph per non-empty line (plain-text paste, seeding). */
export function documentFromPlainText(text: string): JSONContent {
  return documentFromParagraphs(cleanLines(text));
}

export interface SeedArticle {
  outlet: string;
  dateline: string;
  paragraphs: string[];
}

/**
 * The seed fixture format (db/seed-data/article.ar.txt): first line "outlet- dateline" (e.g. "بغداد اليوم- بغداد"),
 * then one paragraph per line. Lines are trimmed and empty ones dropped.
 */
export function parseSeedArticle(text: string): SeedArticle {
  const [header, ...paragraphs] = cleanLines(text);
  if (header === undefined) throw new Error('seed article: empty text');
  const match = /^(.+?)\s*[-–—]\s*(.+)$/.exec(header);
  if (!match) throw new Error(`seed article: first line must be "outlet- dateline", got ${JSON.stringify(header)}`);
  return { outlet: match[1]!.trim(), dateline: match[2]!.trim(), paragraphs };
}
