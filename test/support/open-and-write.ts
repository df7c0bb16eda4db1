/**
 * Child process of db/pglite-lock.test.ts: tries to open the embedded database in the folder given as argv[2] and
 * write a marker user. Must be refused while another process holds the folder.
 */
import { openDatabase } from '../../db/open-database';
import { users } from '../../db/schema';
import { DatabaseLockedError } from '../../db/pglite-lock';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: open-and-write.ts DATA_DIR');

openDatabase({ DATABASE_URL: undefined, PGLITE_DIR: dataDir })
  .then(async (handle) => {
    await handle.migrate();
    await handle.db.insert(users).values({ email: 'intruder@example.com', displayName: 'x', passwordHash: 'x' });
    await handle.close();
    console.log('WROTE');
    process.exit(0);
  })
  .catch((error: unknown) => {
    console.error(error instanceof DatabaseLockedError ? `LOCKED: ${error.message}` : error);
    process.exit(error instanceof DatabaseLockedError ? 3 : 1);
  });
