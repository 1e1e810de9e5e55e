// The start/stop sequence with fake components (small scripts in a temp dir) and a fake
// database, so no PostgreSQL is needed.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ComponentSpec } from './components.js';
import { readConfig } from './config.js';
import { launch } from './launch.js';
import { StopSignal } from './stop-signal.js';
import { Collector, freePort, memoryLogger } from './testing.js';

const FAKE_DB_URL = 'postgresql://postgres:pw@127.0.0.1:1/wheelhouse';

// Records its environment, answers /healthz with 200 after a short delay, exits 0 on SIGTERM.
const FAKE_API = `
import { createServer } from 'node:http';
import { writeFileSync } from 'node:fs';
const dir = process.env.RECORD_DIR;
writeFileSync(dir + '/api.json', JSON.stringify({ db: process.env.DATABASE_URL ?? null }));
let ready = false;
setTimeout(() => (ready = true), 300);
const server = createServer((req, res) => res.writeHead(req.url === '/healthz' && ready ? 200 : 503).end());
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('listening'));
process.on('SIGTERM', () => { writeFileSync(dir + '/api.stopped', ''); server.close(); process.exit(0); });
`;

// Checks the API is already healthy when it starts, records what it was given. The
// SIGTERM handler comes first: the test signals as soon as worker.json appears.
const FAKE_WORKER = `
import { writeFileSync } from 'node:fs';
const dir = process.env.RECORD_DIR;
process.on('SIGTERM', () => { writeFileSync(dir + '/worker.stopped', ''); process.exit(0); });
const health = await fetch(process.env.WHEELHOUSE_SERVER.replace(/graphql$/, 'healthz'));
writeFileSync(dir + '/worker.json', JSON.stringify({
  db: process.env.DATABASE_URL ?? null, server: process.env.WHEELHOUSE_SERVER, apiHealth: health.status,
}));
process.stdout.write('no newline at the end');
setInterval(() => {}, 1000);
`;

async function setup(scripts: Record<string, string>, components: ComponentSpec[], healthTimeoutMs = 10_000, signalWhileOpening = false) {
  const dir = mkdtempSync(join(tmpdir(), 'wh-launch-'));
  for (const [file, code] of Object.entries(scripts)) writeFileSync(join(dir, file), code);
  const port = await freePort();
  const env = { ...process.env, RECORD_DIR: dir, PORT: String(port), DATABASE_URL: FAKE_DB_URL };
  const { log, lines } = memoryLogger();
  const output = { stdout: new Collector(), stderr: new Collector() };
  const stop = new StopSignal();
  const events: string[] = [];
  const exitCode = launch({
    config: readConfig(env, dir),
    components,
    rootDir: dir,
    env,
    log,
    output,
    stop,
    openDatabase: async (plan) => {
      events.push(`open ${plan.kind}`);
      if (signalWhileOpening) stop.trigger({ message: 'received SIGINT', exitCode: 0 });
      return {
        url: FAKE_DB_URL,
        exited: new Promise<void>(() => {}),
        stop: async () => {
          events.push(`db stop (api stopped first: ${existsSync(join(dir, 'api.stopped'))})`);
        },
      };
    },
    migrate: async (url) => void events.push(`migrate ${url}`),
    graceMs: 5000,
    healthTimeoutMs,
    restartPolicy: { initialDelayMs: 50, maxDelayMs: 200, crashLoopCount: 3, crashLoopWindowMs: 60_000, resetAfterMs: 60_000 },
  });
  const read = (file: string) => JSON.parse(readFileSync(join(dir, file), 'utf8'));
  const waitFor = async (file: string) => {
    while (!existsSync(join(dir, file))) await sleep(20);
  };
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  return { dir, port, lines, output, stop, events, exitCode, read, waitFor, cleanup };
}

const API: ComponentSpec = { name: 'api', entry: 'api.mjs', needsDb: true, healthUrl: (c) => `${c.apiUrl}/healthz` };
const WORKER: ComponentSpec = { name: 'worker', entry: 'worker.mjs', needsDb: false };

test('database, migrations, API, then the rest once the API is healthy; a signal stops all, exit 0', async (t) => {
  const run = await setup({ 'api.mjs': FAKE_API, 'worker.mjs': FAKE_WORKER }, [API, { name: 'ghost', entry: 'ghost.mjs', needsDb: false }, WORKER]);
  t.after(run.cleanup);
  await run.waitFor('worker.json');
  run.stop.trigger({ message: 'received SIGTERM', exitCode: 0 });
  assert.equal(await run.exitCode, 0);

  assert.deepEqual(run.events, ['open external', `migrate ${FAKE_DB_URL}`, 'db stop (api stopped first: true)']);
  assert.deepEqual(run.read('api.json'), { db: FAKE_DB_URL });
  assert.deepEqual(run.read('worker.json'), { db: null, server: `http://127.0.0.1:${run.port}/graphql`, apiHealth: 200 });
  assert.ok(existsSync(join(run.dir, 'worker.stopped')));
  assert.match(run.output.stdout.text, /^\[api\] listening$/m);
  assert.match(run.output.stdout.text, /^\[worker\] no newline at the end$/m);
  assert.ok(
    run.lines.some((l) => l.includes('skipping ghost')),
    run.lines.join('\n'),
  );
  assert.ok(run.lines.includes('[launcher] received SIGTERM; stopping'), run.lines.join('\n'));
});

test('a component that exits after the start is restarted with back-off; the cluster carries on', async (t) => {
  // Exits with code 3 on its first run only (a marker file remembers), then runs until SIGTERM.
  const once = `
import { existsSync, writeFileSync } from 'node:fs';
const dir = process.env.RECORD_DIR;
process.on('SIGTERM', () => { writeFileSync(dir + '/once.stopped', ''); process.exit(0); });
if (!existsSync(dir + '/once.crashed')) { writeFileSync(dir + '/once.crashed', ''); setTimeout(() => process.exit(3), 200); }
else { writeFileSync(dir + '/once.restarted', ''); setInterval(() => {}, 1000); }
`;
  const run = await setup({ 'api.mjs': FAKE_API, 'once.mjs': once }, [API, { name: 'once', entry: 'once.mjs', needsDb: false }]);
  t.after(run.cleanup);
  await run.waitFor('once.restarted');
  assert.ok(run.lines.includes('[launcher] warn: once exited unexpectedly (code 3); restarting it in 0.05 s (restart 1)'), run.lines.join('\n'));
  assert.equal(run.stop.requested, false, 'the cluster keeps running');
  run.stop.trigger({ message: 'received SIGTERM', exitCode: 0 });
  assert.equal(await run.exitCode, 0);
  assert.ok(existsSync(join(run.dir, 'once.stopped')), 'the restarted process got SIGTERM');
});

test('a component that keeps crashing stops everything with exit 1 and a crash-loop message naming it', async (t) => {
  const run = await setup({ 'api.mjs': FAKE_API, 'crash.mjs': 'setTimeout(() => process.exit(3), 200);' }, [API, { name: 'crasher', entry: 'crash.mjs', needsDb: false }]);
  t.after(run.cleanup);
  assert.equal(await run.exitCode, 1);
  assert.equal(run.lines.filter((l) => l.includes('crasher exited unexpectedly (code 3); restarting it')).length, 2, run.lines.join('\n'));
  assert.ok(
    run.lines.includes(
      '[launcher] error: crasher keeps crashing: it exited 3 times within 60 s (a crash loop), the last time with code 3; stopping the cluster (its output is above, prefixed [crasher])',
    ),
    run.lines.join('\n'),
  );
  assert.ok(existsSync(join(run.dir, 'api.stopped')), 'the API got SIGTERM');
  assert.equal(run.events.at(-1), 'db stop (api stopped first: true)');
});

test('an API that never becomes healthy fails the start with a clear error', async (t) => {
  const sick = FAKE_API.replace('ready = true', 'ready = false');
  const run = await setup({ 'api.mjs': sick, 'worker.mjs': FAKE_WORKER }, [API, WORKER], 500);
  t.after(run.cleanup);
  assert.equal(await run.exitCode, 1);
  assert.ok(
    run.lines.some((l) => /error: api did not become healthy: .*\/healthz did not answer 200 within 0.5 s/.test(l)),
    run.lines.join('\n'),
  );
  assert.ok(!existsSync(join(run.dir, 'worker.json')), 'the next component was not started');
  assert.ok(existsSync(join(run.dir, 'api.stopped')));
});

test('an API that dies while starting ends the wait at once', async (t) => {
  const run = await setup({ 'api.mjs': 'process.exit(2);' }, [API, WORKER], 30_000);
  t.after(run.cleanup);
  assert.equal(await run.exitCode, 1);
  assert.ok(run.lines.includes('[launcher] error: api exited unexpectedly (code 2)'), run.lines.join('\n'));
  // Had the wait gone on, it would have ended with the 30 s health timeout's message instead.
  assert.ok(!run.lines.some((l) => l.includes('did not become healthy')), run.lines.join('\n'));
});

test('a signal while the database starts skips the rest and still stops it, exit 0', async (t) => {
  const run = await setup({ 'api.mjs': FAKE_API }, [API], 10_000, true);
  t.after(run.cleanup);
  assert.equal(await run.exitCode, 0);
  assert.deepEqual(run.events, ['open external', 'db stop (api stopped first: false)']);
});
