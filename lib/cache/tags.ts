import { createHash } from 'node:crypto';

/**
 * The tag of a lookup by slug (article, entity or section), found or not: Next caps tag length, and Arabic slugs can
 * be long, so the slug is hashed.
 */
export function slugTag(kind: 'article' | 'entity' | 'section', slug: string): string {
  return `${kind}-slug:${createHash('sha256').update(slug).digest('hex').slice(0, 32)}`;
}
