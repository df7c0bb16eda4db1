import 'server-only';
import { asc, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { sections } from '@/db/schema';
import { SECTION_NAME_MAX_LENGTH, countCharacters } from '@/lib/editor/limits';
import { AppError } from '@/lib/errors';
import { findFreeSlug, slugify } from '@/lib/text/slug';
import type { Actor } from './users';
import { isUniqueViolation } from './article-editing';
import { revalidateSectionPages } from './revalidate';

export type SectionSummary = { id: string; name: string; slug: string };

/** Every section, in the order admins gave them. Public information (the site's sections). */
export async function listSections(): Promise<SectionSummary[]> {
  const db = await getDb();
  return db
    .select({ id: sections.id, name: sections.name, slug: sections.slug })
    .from(sections)
    .orderBy(asc(sections.position), asc(sections.name));
}

/** Adds a section at the end of the list. Admins only. */
export async function createSectionForActor(actor: Actor, rawName: string): Promise<SectionSummary> {
  if (actor.role !== 'admin') throw new AppError('forbidden', { detail: 'create section' });
  const name = rawName.replace(/\s+/g, ' ').trim();
  if (name.length === 0 || countCharacters(name) > SECTION_NAME_MAX_LENGTH) {
    const message = name.length === 0 ? 'يُرجى كتابة اسم القسم.' : `اسم القسم أطول من ${SECTION_NAME_MAX_LENGTH} حرفًا.`;
    throw new AppError('validation_failed', { messageAr: message, fieldErrors: { name: [message] } });
  }
  const db = await getDb();
  const [sameName] = await db.select({ id: sections.id }).from(sections).where(eq(sections.name, name)).limit(1);
  if (sameName) {
    const message = `يوجد قسم باسم «${name}» من قبل.`;
    throw new AppError('validation_failed', { messageAr: message, fieldErrors: { name: [message] } });
  }
  const isTaken = async (candidate: string) =>
    (await db.select({ id: sections.id }).from(sections).where(eq(sections.slug, candidate)).limit(1)).length > 0;
  for (let attempt = 0; ; attempt++) {
    const slug = await findFreeSlug(slugify(name), isTaken, 'قسم');
    try {
      const [created] = await db
        .insert(sections)
        .values({ name, slug, position: sql`(select coalesce(max(${sections.position}), -1) + 1 from ${sections})` })
        .returning({ id: sections.id, name: sections.name, slug: sections.slug });
      if (!created) throw new AppError('internal', { detail: 'insert returned no row' });
      await revalidateSectionPages();
      return created;
    } catch (err) {
      if (attempt < 3 && isUniqueViolation(err, 'sections_slug_unique')) continue;
      throw err;
    }
  }
}
