/**
 * Creates an administrator in the configured store (SQLite under DATA_DIR, or MONGODB_URI), with
 * the server's environment. Production creates no demo users, so this is how the first one comes:
 *
 *   npm run admin:create -- --username alice               (from the source tree)
 *   node dist/server/create-admin.js --username alice      (the built tree)
 *
 * The password is generated and printed once, or read from standard input with --password-stdin.
 * An existing user name is refused.
 */
import { parseArgs } from 'node:util';
import { createAdmin, UserCreationError } from './auth/users.service';
import { systemClock } from './clock';
import { ConfigError, loadConfig } from './config';
import { openStore } from './storage/open-store';

const USAGE = 'Usage: create-admin --username <name> [--password-stdin]';

async function readStdin(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) text += chunk;
  return text.replace(/\r?\n$/, '');
}

async function main(): Promise<number> {
  let values: { username?: string; 'password-stdin'?: boolean };
  try {
    ({ values } = parseArgs({ options: { username: { type: 'string' }, 'password-stdin': { type: 'boolean' } }, strict: true }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (!values.username) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const password = values['password-stdin'] ? await readStdin() : undefined;
  const config = loadConfig();
  const store = await openStore(config);
  try {
    const created = await createAdmin(store, systemClock, { username: values.username, password });
    process.stdout.write(`Created administrator "${created.user.username}" in the ${store.kind} store.\n`);
    if (created.generated) process.stdout.write(`Password (shown only this once): ${created.password}\n`);
    return 0;
  } finally {
    await store.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    const known = error instanceof ConfigError || error instanceof UserCreationError;
    process.stderr.write(known ? `${error.message}\n` : `create-admin failed: ${error?.stack ?? error}\n`);
    process.exit(1);
  },
);
