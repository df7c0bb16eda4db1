import { expect } from 'vitest';
import type { Database } from '@/db/open-database';
import type { Actor } from '@/lib/data/users';
import { createTestUser } from './workflow-fixtures';

/** What a role should get from an action: it runs and writes, runs and writes nothing, or is refused with a code. */
export type ExpectedOutcome = 'ok' | 'unchanged' | (string & {});

/**
 * Asserts an action's result against what the role should get, and that the tables changed exactly when it ran:
 * a refused call (or one with nothing to do) must leave every table as it was.
 */
export function expectOutcome(result: unknown, before: string, after: string, want: ExpectedOutcome): void {
  if (want === 'ok') {
    expect(result).toMatchObject({ ok: true });
    expect(after).not.toBe(before);
  } else if (want === 'unchanged') {
    expect(result).toMatchObject({ ok: true });
    expect(after).toBe(before);
  } else {
    expect(result).toMatchObject({ ok: false, error: { code: want } });
    expect(after).toBe(before);
  }
}

/** The people of an authorization matrix: the article's author, another writer, an editor and an admin. */
export type MatrixPeople = Record<'author' | 'otherWriter' | 'editor' | 'admin', Actor>;

export async function createMatrixPeople(db: Database): Promise<MatrixPeople> {
  return {
    author: await createTestUser(db, 'writer'),
    otherWriter: await createTestUser(db, 'writer'),
    editor: await createTestUser(db, 'editor'),
    admin: await createTestUser(db, 'admin'),
  };
}
