// Integration: a real embedded PostgreSQL in a temp dir, stopped and started again over
// the same data, and once more over a stale postmaster.pid.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import pg from 'pg';
import type { EmbeddedDatabase } from './config.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import { freePort, memoryLogger } from './testing.js';

async function query(url: string, sql: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

test('embedded PostgreSQL starts, keeps its data across restarts, and stops', { timeout: 90_000 }, async (t) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'wh-pg-'));
  // mkdtemp makes the dir 0700; as root the server runs as `postgres` and must get in.
  chmodSync(dataDir, 0o755);
  t.after(() => rmSync(dataDir, { recursive: true, force: true }));
  const plan: EmbeddedDatabase = {
    kind: 'embedded',
    pgDir: join(dataDir, 'postgres'),
    passwordFile: join(dataDir, 'postgres-password'),
    port: await freePort(),
    database: 'wheelhouse',
  };
  const { log, lines } = memoryLogger();
  const sigtermListeners = process.listenerCount('SIGTERM');

  // First start: initialise, create the database, accept connections on the URL we hand out.
  const first = await startEmbeddedPostgres(plan, log);
  assert.equal(process.listenerCount('SIGTERM'), sigtermListeners, "embedded-postgres's signal hooks are removed");
  assert.match(first.url, new RegExp(`^postgresql://postgres:[^@]+@127\\.0\\.0\\.1:${plan.port}/wheelhouse$`));
  assert.deepEqual(await query(first.url, 'select 1 as one'), [{ one: 1 }]);
  assert.deepEqual(await query(first.url, `show listen_addresses`), [{ listen_addresses: '127.0.0.1' }]);
  await query(first.url, 'create table kept (note text); insert into kept values ($$still here$$)');
  assert.equal(statSync(plan.passwordFile).mode & 0o777, 0o600);
  await first.stop();
  await first.exited;
  assert.ok(!existsSync(join(plan.pgDir, 'postmaster.pid')), 'shut down cleanly');
  assert.ok(lines.some((l) => l.includes('initialising PostgreSQL')));

  // Second start over the same dir: no initdb, same password, data kept.
  lines.length = 0;
  const second = await startEmbeddedPostgres(plan, log);
  assert.equal(second.url, first.url);
  assert.ok(!lines.some((l) => l.includes('initialising')), 'not initialised again');
  assert.deepEqual(await query(second.url, 'select note from kept'), [{ note: 'still here' }]);
  await second.stop();

  // A lock file naming a live process that is not our server (a reused PID) is cleared.
  const impostor = spawn('sleep', ['60']);
  t.after(() => impostor.kill());
  writeFileSync(join(plan.pgDir, 'postmaster.pid'), `${impostor.pid}\n${plan.pgDir}\n`);
  const third = await startEmbeddedPostgres(plan, log);
  assert.ok(
    lines.some((l) => l.includes('removing stale')),
    lines.join('\n'),
  );
  assert.deepEqual(await query(third.url, 'select count(*)::int as n from kept'), [{ n: 1 }]);
  await third.stop();
  await third.stop(); // idempotent
});
