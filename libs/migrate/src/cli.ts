#!/usr/bin/env node
// `cli.js deploy` applies pending migrations to DATABASE_URL; `cli.js diff <name>` writes a
// new migration from prisma/schema.prisma. Exit codes: 0 ok, 1 failure, 2 usage.
import { createMigration } from './create-migration.js';
import { migrateDeploy } from './deploy.js';
import { errorLine } from './error-message.js';
import { defaultDatabaseUrl } from './paths.js';

const usage = 'usage: cli.js deploy | cli.js diff <name>';

async function main(args: string[]): Promise<number> {
  const [command, name, ...rest] = args;
  const databaseUrl = process.env.DATABASE_URL ?? defaultDatabaseUrl;
  if (command === 'deploy' && name === undefined) {
    const applied = await migrateDeploy(databaseUrl);
    console.log(applied.length ? `applied ${applied.join(', ')}` : 'no pending migrations');
    return 0;
  }
  if (command === 'diff' && name !== undefined && rest.length === 0) {
    await createMigration(name, { databaseUrl });
    return 0;
  }
  console.error(usage);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`migrate: ${errorLine(error)}`);
    process.exitCode = 1;
  },
);
