import { expect } from 'vitest';

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
