import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from './env';

describe('parseEnv', () => {
  it('defaults to the embedded database in demo mode with Iraqi Arabic dates', () => {
    const env = parseEnv({});
    expect(env.databaseDriver).toBe('pglite');
    expect(env.demoMode).toBe(true);
    expect(env.PGLITE_DIR).toBe('.data/pglite');
    expect(env.MIDAD_LOCALE).toBe('ar-IQ');
    expect(env.MIDAD_TIME_ZONE).toBe('Asia/Baghdad');
    expect(env.MIDAD_NUMBERING_SYSTEM).toBe('latn');
    expect(env.MIDAD_FOUR_EYES).toBe(true);
  });

  it('uses Postgres without demo mode when DATABASE_URL is set', () => {
    const env = parseEnv({ DATABASE_URL: 'postgres://u:p@db.example:5432/midad' });
    expect(env.databaseDriver).toBe('postgres');
    expect(env.demoMode).toBe(false);
  });

  it('turns demo mode on for Postgres with MIDAD_DEMO=1', () => {
    expect(parseEnv({ DATABASE_URL: 'postgresql://localhost/midad', MIDAD_DEMO: '1' }).demoMode).toBe(true);
  });

  it('treats empty values as unset, as .env.example writes them', () => {
    const env = parseEnv({ DATABASE_URL: '', NEXTAUTH_SECRET: '', NEXTAUTH_URL: '', MIDAD_DEMO: '0' });
    expect(env.databaseDriver).toBe('pglite');
    expect(env.NEXTAUTH_SECRET).toBeUndefined();
  });

  it('reads the four-eyes switch', () => {
    expect(parseEnv({ MIDAD_FOUR_EYES: '0' }).MIDAD_FOUR_EYES).toBe(false);
    expect(parseEnv({ MIDAD_FOUR_EYES: 'true' }).MIDAD_FOUR_EYES).toBe(true);
  });

  it.each([
    [{ DATABASE_URL: 'mysql://localhost/db' }, 'DATABASE_URL'],
    [{ NEXTAUTH_SECRET: 'too-short' }, 'NEXTAUTH_SECRET'],
    [{ MIDAD_TIME_ZONE: 'Mars/Olympus' }, 'MIDAD_TIME_ZONE'],
    [{ MIDAD_FOUR_EYES: 'maybe' }, 'MIDAD_FOUR_EYES'],
    [{ MIDAD_NUMBERING_SYSTEM: 'roman' }, 'MIDAD_NUMBERING_SYSTEM'],
    [{ MIDAD_SITE_URL: 'not a url' }, 'MIDAD_SITE_URL'],
  ])('refuses %o naming the variable', (source, variable) => {
    expect(() => parseEnv(source)).toThrow(EnvError);
    expect(() => parseEnv(source)).toThrow(variable);
  });
});

describe('parseEnv: proxy trust and https', () => {
  it('trusts no proxy by default, one for true, and N for a number of hops', () => {
    expect(parseEnv({}).trustedProxyHops).toBe(0);
    expect(parseEnv({ MIDAD_TRUST_PROXY: '' }).trustedProxyHops).toBe(0);
    expect(parseEnv({ MIDAD_TRUST_PROXY: 'true' }).trustedProxyHops).toBe(1);
    expect(parseEnv({ MIDAD_TRUST_PROXY: '2' }).trustedProxyHops).toBe(2);
    expect(parseEnv({ MIDAD_TRUST_PROXY: 'off' }).trustedProxyHops).toBe(0);
    expect(() => parseEnv({ MIDAD_TRUST_PROXY: 'some' })).toThrow('MIDAD_TRUST_PROXY');
  });

  it('calls the site https from NEXTAUTH_URL, else MIDAD_SITE_URL', () => {
    expect(parseEnv({}).httpsSite).toBe(false);
    expect(parseEnv({ MIDAD_SITE_URL: 'https://news.example' }).httpsSite).toBe(true);
    expect(parseEnv({ MIDAD_SITE_URL: 'https://news.example', NEXTAUTH_URL: 'http://localhost:3000' }).httpsSite).toBe(false);
  });
});
