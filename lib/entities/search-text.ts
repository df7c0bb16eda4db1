/**
 * The registry's search key. `entities.search_text` holds every name of an entity (canonical first, then aliases),
 * each normalized with `normalizeSearchKey`, one per line and with a line break at both ends:
 * "\nname\nalias 1\nalias 2\n". A normalized key never contains a line break (normalization turns every whitespace
 * run into one space), so in SQL:
 * - `search_text LIKE '%\n' || key || '\n%'`: some name is exactly the query;
 * - `search_text LIKE '%\n' || key || '%'`: some name starts with it;
 * - `search_text LIKE '% ' || key || '%'`: some word of a name starts with it;
 * - `search_text LIKE '%' || key || '%'`: it occurs anywhere.
 * Written by the data layer (and the seed) on every create, edit and merge.
 */
import { normalizeArabic } from './normalize';

export const SEARCH_TEXT_SEPARATOR = '\n';

/** Arabic-normalized, lower-cased, whitespace collapsed and trimmed. */
export function normalizeSearchKey(text: string): string {
  return normalizeArabic(text).replace(/ +/g, ' ').trim();
}

export function entitySearchText(name: string, aliases: readonly string[]): string {
  const keys = [name, ...aliases].map(normalizeSearchKey).filter((key) => key.length > 0);
  return SEARCH_TEXT_SEPARATOR + [...new Set(keys)].join(SEARCH_TEXT_SEPARATOR) + SEARCH_TEXT_SEPARATOR;
}

/** `key` with LIKE's wildcards (% _) and escape character (\) escaped, for a pattern with the default escape. */
export function escapeLikePattern(key: string): string {
  return key.replace(/[\\%_]/g, (character) => `\\${character}`);
}
