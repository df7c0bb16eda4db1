import 'server-only';
import type { Database } from '@/db/client';

/**
 * A prepared statement (drizzle's `.prepare(name)` with `sql.placeholder`) built once per database handle: the
 * query is built and its SQL rendered once, not on every call, and Postgres keeps its plan per connection (postgres.js
 * prepares named statements; PGlite runs the same SQL text). Kept per handle because tests open several databases
 * in one process. Only for the hot public reads; plain queries elsewhere.
 */
export function preparedPerDatabase<T>(build: (db: Database) => T): (db: Database) => T {
  const statements = new WeakMap<Database, T>();
  return (db) => {
    let statement = statements.get(db);
    if (statement === undefined) {
      statement = build(db);
      statements.set(db, statement);
    }
    return statement;
  };
}
