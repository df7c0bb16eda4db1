import { EnvError } from '../lib/config/env';
import { MissingAuthSecretError } from '../lib/auth/auth-secret';
import { DatabaseLockedError } from '../db/pglite-lock';
import { BackupError } from '../db/backup';

/** Runs a command-line script: known configuration errors print their message alone and exit 1. */
export function runScript(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      if (error instanceof EnvError || error instanceof MissingAuthSecretError || error instanceof DatabaseLockedError || error instanceof BackupError) {
        console.error(`\nmidad: ${error.message}\n`);
      } else {
        console.error(error);
      }
      process.exit(1);
    },
  );
}
