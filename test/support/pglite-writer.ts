/**
 * Child process of db/crash.test.ts: opens the embedded database in the folder argv[2] (taking its lock, migrating)
 * and inserts audit rows in a loop, printing `COMMITTED <id>` after each insert has returned (= committed), until it
 * is killed. argv[3] is a label written in each row.
 */
import { openDatabase } from '../../db/open-database';
import { auditEvents } from '../../db/schema';

const dataDir = process.argv[2];
const label = process.argv[3] ?? 'crash';
if (!dataDir) throw new Error('usage: pglite-writer.ts DATA_DIR [LABEL]');

async function main() {
  const handle = await openDatabase({ DATABASE_URL: undefined, PGLITE_DIR: dataDir! });
  await handle.migrate();
  process.stdout.write('READY\n');
  for (let n = 0; ; n++) {
    // Two statements in one transaction, so a torn transaction would show as a row without its twin.
    const id = await handle.db.transaction(async (tx) => {
      const [row] = await tx.insert(auditEvents).values({ action: 'crash.write', details: { label, n, part: 1 } }).returning({ id: auditEvents.id });
      await tx.insert(auditEvents).values({ action: 'crash.twin', comment: row!.id, details: { label, n, part: 2 } });
      return row!.id;
    });
    process.stdout.write(`COMMITTED ${id}\n`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
