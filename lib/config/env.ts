import { z } from 'zod';

/**
 * Every environment variable Midad reads, parsed once with zod. `.env.example` documents the same list.
 * No other module reads `process.env` directly.
 */
const booleanFlag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off', ''])
  .transform((value) => ['1', 'true', 'yes', 'on'].includes(value));

/** `.env` files write unset variables as empty strings: read those as unset. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), schema.optional());

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: optional(
    z.string().trim().regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://'),
  ),
  PGLITE_DIR: z.string().trim().min(1).default('.data/pglite'),
  MIDAD_DEMO: optional(booleanFlag),
  NEXTAUTH_SECRET: optional(z.string().min(32, 'NEXTAUTH_SECRET must be at least 32 characters')),
  NEXTAUTH_URL: optional(z.url()),
  MIDAD_SITE_URL: z.url().default('http://localhost:3000'),
  MIDAD_SITE_NAME: z.string().trim().min(1).default('مِداد'),
  MIDAD_LOCALE: z.string().trim().min(2).default('ar-IQ'),
  MIDAD_NUMBERING_SYSTEM: z.enum(['latn', 'arab']).default('latn'),
  MIDAD_TIME_ZONE: z.string().trim().min(1).default('Asia/Baghdad'),
  MIDAD_FOUR_EYES: booleanFlag.default(true),
  /** How often the in-process scheduler publishes due articles, in milliseconds; 0 turns the ticker off. */
  MIDAD_SCHEDULER_INTERVAL_MS: z.coerce.number().int().min(0).max(3_600_000).default(15_000),
  /**
   * Public pages read their data from Next's cache (lib/data/public-cache.ts), revalidated by tag. 0 turns the cache
   * off: every request reads the database (benchmarks compare both; never needed for freshness).
   */
  MIDAD_PUBLIC_CACHE: booleanFlag.default(true),
  /**
   * Whether the app gzips its responses itself (Next's `compress`). Leave it on when readers reach the app directly;
   * turn it off behind a CDN or reverse proxy that compresses (the production topology): gzip on the app's one event
   * loop then costs every request, saves included, for nothing. Read by next.config.js at `next start`.
   */
  MIDAD_COMPRESS: booleanFlag.default(true),
  /** The port `npm start` (scripts/serve.ts) listens on, unless `-p` says otherwise. */
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  /** Set by Next.js itself (e.g. phase-production-build during `next build`). */
  NEXT_PHASE: optional(z.string()),
  /**
   * How many reverse proxies in front of the app append to X-Forwarded-For: unset/0 trusts none, 1 (or true) trusts
   * one, N trusts N. The client address used for sign-in limits is the Nth entry from the right of the header.
   */
  MIDAD_TRUST_PROXY: optional(
    z
      .string()
      .trim()
      .regex(/^(\d{1,2}|true|false|yes|no|on|off)$/i, 'MIDAD_TRUST_PROXY must be a number of proxy hops (0-99) or true/false')
      .transform((value) => {
        const lower = value.toLowerCase();
        if (['true', 'yes', 'on'].includes(lower)) return 1;
        if (['false', 'no', 'off'].includes(lower)) return 0;
        return Number(lower);
      }),
  ),
  /** Folder of the PostgreSQL client binaries (pg_dump, pg_restore) for db:backup and db:restore. */
  PG_BIN_DIR: optional(z.string().trim().min(1)),
});

type RawEnv = z.infer<typeof envSchema>;

export type Env = RawEnv & {
  /** Which database driver runs: postgres.js against DATABASE_URL, or embedded PGlite in PGLITE_DIR. */
  databaseDriver: 'postgres' | 'pglite';
  /** Demo mode: the embedded database, or MIDAD_DEMO=1. Only demo mode seeds demo accounts or generates a secret. */
  demoMode: boolean;
  /** Number of trusted proxy hops (MIDAD_TRUST_PROXY, 0 when unset). */
  trustedProxyHops: number;
  /** Whether the public URL is https: session cookies are Secure and HSTS is sent. */
  httpsSite: boolean;
};

export class EnvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EnvError';
  }
}

/** Parses an environment (default: process.env). Pure apart from its argument: tests pass their own. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  - ${issue.path.join('.') || '(env)'}: ${issue.message}`);
    throw new EnvError(`Invalid environment configuration:\n${lines.join('\n')}\nSee .env.example.`);
  }
  const env = result.data;
  if (!isValidTimeZone(env.MIDAD_TIME_ZONE)) {
    throw new EnvError(`Invalid environment configuration:\n  - MIDAD_TIME_ZONE: unknown time zone "${env.MIDAD_TIME_ZONE}"`);
  }
  if (!isValidLocale(env.MIDAD_LOCALE)) {
    throw new EnvError(`Invalid environment configuration:\n  - MIDAD_LOCALE: unknown locale "${env.MIDAD_LOCALE}"`);
  }
  const databaseDriver = env.DATABASE_URL ? 'postgres' : 'pglite';
  return {
    ...env,
    databaseDriver,
    demoMode: databaseDriver === 'pglite' || env.MIDAD_DEMO === true,
    trustedProxyHops: env.MIDAD_TRUST_PROXY ?? 0,
    httpsSite: new URL(env.NEXTAUTH_URL ?? env.MIDAD_SITE_URL).protocol === 'https:',
  };
}

function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

function isValidLocale(locale: string): boolean {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([locale]).length > 0;
  } catch {
    return false;
  }
}

let cached: Env | undefined;

/** The process environment, parsed once. */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
