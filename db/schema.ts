import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { JSONContent } from '@tiptap/core';
import { ARTICLE_STATES, ROLES } from '../lib/workflow/states';
import { ENTITY_TYPES } from '../lib/entities/entity-types';

export const userRole = pgEnum('user_role', ROLES);
export const articleStatus = pgEnum('article_status', ARTICLE_STATES);
export const entityType = pgEnum('entity_type', ENTITY_TYPES);

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Stored lower-cased and trimmed; unique. */
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    role: userRole('role').notNull().default('writer'),
    /** argon2id PHC string. */
    passwordHash: text('password_hash').notNull(),
    disabled: boolean('disabled').notNull().default(false),
    /** Bumped when the password or role changes or the user is disabled: older session tokens stop working. */
    sessionVersion: integer('session_version').notNull().default(0),
    ...timestamps,
  },
  (table) => [uniqueIndex('users_email_unique').on(table.email)],
);

/** Sections of the site (politics, economy, ...): admins extend the list. */
export const sections = pgTable(
  'sections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    position: integer('position').notNull().default(0),
    ...timestamps,
  },
  (table) => [uniqueIndex('sections_slug_unique').on(table.slug)],
);

export const articles = pgTable(
  'articles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    dek: text('dek').notNull().default(''),
    /** Tiptap JSON of the working copy, validated against lib/content's schema before every write. */
    body: jsonb('body').$type<JSONContent>().notNull(),
    /** Plain text of the body, for search; written in the same statement as the body. */
    bodyText: text('body_text').notNull().default(''),
    /**
     * What Arabic search indexes: `searchTextFor()` (lib/search/search-text.ts) of the title, dek and body text that
     * READERS see, i.e. of the published revision, written when an article is published or republished. Normalized
     * (lib/entities normalizeArabic) with each word's clitic-stripped readings added. Indexed by
     * `articles_search_idx` (GIN over to_tsvector('arabic', search_text)).
     */
    searchText: text('search_text').notNull().default(''),
    status: articleStatus('status').notNull().default('draft'),
    sectionId: uuid('section_id').references(() => sections.id, { onDelete: 'set null' }),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    /** The revision readers see while the article is published; the working copy may be ahead of it. */
    publishedRevisionId: uuid('published_revision_id').references((): AnyPgColumn => articleRevisions.id, {
      onDelete: 'set null',
    }),
    /** When a scheduled article is due, in UTC. */
    publishAt: timestamp('publish_at', { withTimezone: true }),
    /** Optimistic locking: every write is `... WHERE version = $expected` and bumps it. */
    version: integer('version').notNull().default(1),
    ...timestamps,
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('articles_slug_unique').on(table.slug),
    index('articles_status_published_at_idx').on(table.status, table.publishedAt),
    index('articles_author_idx').on(table.authorId),
    index('articles_section_idx').on(table.sectionId),
    index('articles_due_idx').on(table.status, table.publishAt),
    index('articles_search_idx').using('gin', sql`to_tsvector('arabic', ${table.searchText})`),
  ],
);

/**
 * Immutable snapshots of an article's content. Saves by the same person within a few minutes may update their own
 * latest unpublished revision instead of adding one; a published revision is never changed.
 */
export const articleRevisions = pgTable(
  'article_revisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    articleId: uuid('article_id')
      .notNull()
      .references((): AnyPgColumn => articles.id, { onDelete: 'cascade' }),
    /** The article version this snapshot holds (the newest, when saves were merged into it). */
    version: integer('version').notNull(),
    title: text('title').notNull(),
    dek: text('dek').notNull(),
    slug: text('slug').notNull(),
    sectionId: uuid('section_id').references(() => sections.id, { onDelete: 'set null' }),
    body: jsonb('body').$type<JSONContent>().notNull(),
    bodyText: text('body_text').notNull(),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    /** Set when this revision went public. */
    publishedAt: timestamp('published_at', { withTimezone: true }),
    /** A public, dated note of update or correction, shown on the article once this revision is published. */
    noteKind: text('note_kind', { enum: ['update', 'correction'] }),
    noteText: text('note_text'),
    /** The revision this one restored, if it was made by a restore. */
    restoredFromId: uuid('restored_from_id'),
    ...timestamps,
  },
  (table) => [
    uniqueIndex('article_revisions_article_version_unique').on(table.articleId, table.version),
    index('article_revisions_article_created_idx').on(table.articleId, table.createdAt),
  ],
);

/** Old slugs of articles and entities that still answer with a 301 to the current one. */
export const slugRedirects = pgTable(
  'slug_redirects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: ['article', 'entity'] }).notNull(),
    oldSlug: text('old_slug').notNull(),
    targetId: uuid('target_id').notNull(),
    createdAt: timestamps.createdAt,
  },
  (table) => [uniqueIndex('slug_redirects_kind_slug_unique').on(table.kind, table.oldSlug)],
);

/**
 * The audit trail: every workflow transition (from, to, comment) and every security event (sign-ins, role changes,
 * disabled users). An article's history is its rows here.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    /** Null for the system (the scheduler) or an anonymous visitor. */
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    articleId: uuid('article_id').references(() => articles.id, { onDelete: 'cascade' }),
    targetUserId: uuid('target_user_id').references(() => users.id, { onDelete: 'set null' }),
    entityId: uuid('entity_id').references(() => entities.id, { onDelete: 'set null' }),
    fromStatus: articleStatus('from_status'),
    toStatus: articleStatus('to_status'),
    comment: text('comment'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    ip: text('ip'),
  },
  (table) => [
    index('audit_events_article_at_idx').on(table.articleId, table.at),
    index('audit_events_at_idx').on(table.at),
    index('audit_events_action_at_idx').on(table.action, table.at),
  ],
);

/** Review comments: threaded, resolvable, optionally anchored to a passage of the text. */
export const comments = pgTable(
  'comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    articleId: uuid('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    parentId: uuid('parent_id').references((): AnyPgColumn => comments.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    body: text('body').notNull(),
    /** The quoted passage and where it was, when the comment is about part of the text. */
    anchor: jsonb('anchor').$type<{ quote: string; from: number; to: number }>(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolvedById: uuid('resolved_by_id').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (table) => [index('comments_article_idx').on(table.articleId, table.createdAt)],
);

/** In-app notifications to the people concerned by a workflow step. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    articleId: uuid('article_id').references(() => articles.id, { onDelete: 'cascade' }),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    message: text('message').notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: timestamps.createdAt,
  },
  (table) => [index('notifications_user_idx').on(table.userId, table.readAt, table.createdAt)],
);

/** Failed sign-in counters per account and per address, shared by every app instance. */
export const signInThrottles = pgTable('sign_in_throttles', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  lastFailureAt: timestamp('last_failure_at', { withTimezone: true }).notNull().defaultNow(),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
});

export const entities = pgTable(
  'entities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    type: entityType('type').notNull(),
    /** Canonical Arabic name. */
    name: text('name').notNull(),
    slug: text('slug').notNull(),
    /** Other spellings, transliterations, the Latin name. */
    aliases: text('aliases')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    description: text('description').notNull().default(''),
    /** Wikidata item id (Q followed by digits), for sameAs links. */
    wikidataId: text('wikidata_id'),
    /** Set when this entity was merged into another: its tags were re-pointed and its URL redirects there. */
    mergedIntoId: uuid('merged_into_id').references((): AnyPgColumn => entities.id, { onDelete: 'set null' }),
    /**
     * Every name (canonical, then aliases) Arabic-normalized, one per line with a line break at both ends (see
     * lib/entities/search-text.ts). Written by the data layer on every create, edit and merge; searched with LIKE.
     */
    searchText: text('search_text').notNull().default(''),
    ...timestamps,
  },
  (table) => [
    uniqueIndex('entities_slug_unique').on(table.slug),
    index('entities_type_idx').on(table.type),
    index('entities_merged_into_idx').on(table.mergedIntoId),
  ],
);

export const articleEntities = pgTable(
  'article_entities',
  {
    articleId: uuid('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => entities.id, { onDelete: 'cascade' }),
    mentionCount: integer('mention_count').notNull().default(1),
  },
  (table) => [
    primaryKey({ columns: [table.articleId, table.entityId] }),
    index('article_entities_entity_idx').on(table.entityId),
  ],
);

export type UserRow = typeof users.$inferSelect;
export type SectionRow = typeof sections.$inferSelect;
export type ArticleRevisionRow = typeof articleRevisions.$inferSelect;
export type AuditEventRow = typeof auditEvents.$inferSelect;
export type CommentRow = typeof comments.$inferSelect;
export type ArticleRow = typeof articles.$inferSelect;
export type EntityRow = typeof entities.$inferSelect;
