import fs from 'node:fs';
import path from 'node:path';

/** What the Postgres-mode web server tells the tests: where its database is. */
export type E2eState = { databaseUrl: string; baseUrl: string };

/** The NEXTAUTH_SECRET of Postgres-mode app servers (the e2e server and those a test starts itself). */
export const E2E_NEXTAUTH_SECRET = 'e2e-only-secret-that-is-long-enough-0123456789';

/** Ports of the two test servers; E2E_PORT moves both (to run two checkouts' tests side by side). */
export const POSTGRES_PORT = Number(process.env.E2E_PORT ?? 3100);
export const EMBEDDED_PORT = POSTGRES_PORT + 1;

export function e2eStateFile(port: number): string {
  return path.join(process.cwd(), 'e2e', '.state', `${port}.json`);
}

export function readE2eState(port = POSTGRES_PORT): E2eState {
  return JSON.parse(fs.readFileSync(e2eStateFile(port), 'utf8')) as E2eState;
}
