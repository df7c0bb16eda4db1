/**
 * `npm run user:create -- --email a@b.c --role editor --name «الاسم» [--password …]`
 *
 * Creates a newsroom account (argon2id). Prompt-free: without --password a random one is generated and printed once.
 */
import { parseArgs } from 'node:util';
import { openDatabase } from '../db/open-database';
import { parseEnv } from '../lib/config/env';
import { isAppError } from '../lib/errors';
import { createUserAccount, generatePassword } from '../lib/data/user-accounts';
import { ROLES, isRole } from '../lib/workflow/states';
import { runScript } from './run-script';

const USAGE = `usage: npm run user:create -- --email EMAIL --role ${ROLES.join('|')} --name NAME [--password PASSWORD]`;

runScript(async () => {
  const { values } = parseArgs({
    options: {
      email: { type: 'string' },
      role: { type: 'string' },
      name: { type: 'string' },
      password: { type: 'string' },
    },
    strict: true,
  });
  if (!values.email || !values.role || !values.name || !isRole(values.role)) {
    console.error(USAGE);
    process.exit(2);
  }
  const generated = values.password === undefined;
  const password = values.password ?? generatePassword();
  const env = parseEnv();
  const handle = await openDatabase(env, { maxConnections: 1 });
  let failed = false;
  try {
    await handle.migrate();
    const user = await createUserAccount(handle.db, { email: values.email, displayName: values.name, role: values.role, password }, null);
    console.log(`midad: created ${user.role} ${user.email} (${user.id})`);
    if (generated) console.log(`midad: password (shown once, store it now): ${password}`);
  } catch (error) {
    if (!isAppError(error)) throw error;
    if (error.code === 'weak_password') {
      console.error(`midad: the password policy refused this password (${error.detail ?? 'weak'}); choose another, or omit --password to get a random one.`);
    }
    const fields = error.fieldErrors ? Object.entries(error.fieldErrors).map(([field, messages]) => `  ${field}: ${messages.join(' ')}`) : [];
    console.error([`midad: ${error.code}: ${error.messageAr}`, ...fields].join('\n'));
    failed = true;
  } finally {
    await handle.close();
  }
  if (failed) process.exit(1);
});
