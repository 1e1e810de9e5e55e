// `npm run secrets:rotate`: re-encrypts every Secret under a new key while the cluster
// runs (README "Secrets at rest"). With the data directory's key file it adds a new
// primary key there first (running API servers see the file change on their next
// write) and keeps the old ones readable; with WHEELHOUSE_ENCRYPTION_KEYS the operator
// has already put the new key first on every API server, and this only re-encrypts.
// `--prune` afterwards drops file keys no stored Secret uses any more.
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { closeDb, createDb, fileKeyring, keysInUse, KEY_FILE_NAME, newKey, parseKeys, reencryptAll, staticKeyring, writeKeyFile, type Keyring } from '@wheelhouse/db';
import { readConfig } from './config.js';
import { postgresUrl } from './urls.js';
import { readOrCreatePassword } from './password.js';

const EMBEDDED_USER = 'postgres';

function databaseUrl(): string {
  const config = readConfig(process.env, process.cwd());
  const plan = config.database;
  if (plan.kind === 'external') return plan.url;
  return postgresUrl({ user: EMBEDDED_USER, password: readOrCreatePassword(plan.passwordFile, false), host: '127.0.0.1', port: plan.port, database: plan.database });
}

function keyFile(): string {
  return join(readConfig(process.env, process.cwd()).dataDir, KEY_FILE_NAME);
}

/** The next name after key1, key2, …: names only need to be unique within the ring. */
function nextKeyName(names: string[]): string {
  const numbers = names
    .map((n) => /^key(\d+)$/.exec(n)?.[1])
    .filter(Boolean)
    .map(Number);
  return `key${Math.max(0, ...numbers) + 1}`;
}

async function main(args: string[]): Promise<number> {
  const prune = args.includes('--prune');
  const fromEnv = process.env.WHEELHOUSE_ENCRYPTION_KEYS?.trim();
  if (fromEnv && prune) {
    console.error('--prune edits the key file; with WHEELHOUSE_ENCRYPTION_KEYS, drop old keys from that variable yourself');
    return 2;
  }
  const file = keyFile();
  const db = createDb(databaseUrl(), 2);
  try {
    let keyring: Keyring;
    if (fromEnv) {
      keyring = staticKeyring(parseKeys(fromEnv, 'WHEELHOUSE_ENCRYPTION_KEYS'));
    } else {
      const keys = parseKeys(readFileSync(file, 'utf8'), file);
      if (prune) {
        const used = new Set([keys[0]!.name, ...(await keysInUse(db, keys[0]!.name))]);
        const kept = keys.filter((k) => used.has(k.name));
        writeKeyFile(file, kept);
        console.log(
          `kept ${kept.map((k) => k.name).join(', ')}; removed ${
            keys
              .filter((k) => !used.has(k.name))
              .map((k) => k.name)
              .join(', ') || 'nothing'
          }`,
        );
        return 0;
      }
      const fresh = newKey(nextKeyName(keys.map((k) => k.name)));
      writeKeyFile(file, [fresh, ...keys]);
      console.log(`new primary key ${fresh.name} in ${file}; ${keys.map((k) => k.name).join(', ')} stay readable`);
      keyring = fileKeyring(file);
    }
    const started = Date.now();
    const report = await reencryptAll(db, keyring);
    console.log(
      `re-encrypted ${report.objects} Secret(s) and ${report.changes} change-log entr${report.changes === 1 ? 'y' : 'ies'} under ${keyring.primary().name} in ${Date.now() - started} ms`,
    );
    if (report.remaining.length > 0) {
      console.error(`still sealed with ${report.remaining.join(', ')} (written meanwhile by an API server that has not seen the new key?): run again`);
      return 1;
    }
    if (!fromEnv) console.log('nothing uses the old keys any more; `npm run secrets:rotate -- --prune` removes them from the key file');
    return 0;
  } finally {
    await closeDb(db);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`secrets:rotate: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
