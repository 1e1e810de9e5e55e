import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { Supervisor } from './supervisor.js';
import { Collector, memoryLogger } from './testing.js';

const dir = mkdtempSync(join(tmpdir(), 'wh-supervisor-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

/** A component whose entry script is `code`. */
function component(name: string, code: string) {
  const script = join(dir, `${name}.mjs`);
  writeFileSync(script, code);
  return { name, script, env: process.env };
}

function setup() {
  const { log, lines } = memoryLogger();
  const output = { stdout: new Collector(), stderr: new Collector() };
  const unexpected: string[] = [];
  const supervisor = new Supervisor({ log, output, onUnexpectedExit: (name, how) => unexpected.push(`${name}: ${how}`) });
  return { supervisor, lines, output, unexpected };
}

const RUN_UNTIL_SIGTERM = `
  console.log('up');
  setInterval(() => {}, 1000);
  process.on('SIGTERM', () => { console.log('bye'); process.exit(0); });
`;

test('output is prefixed per component and SIGTERM stops them', async () => {
  const { supervisor, output, unexpected } = setup();
  supervisor.start(component('one', RUN_UNTIL_SIGTERM));
  supervisor.start(component('two', `console.error('to stderr'); ${RUN_UNTIL_SIGTERM}`));
  // Both up (a fixed sleep was too short on a loaded machine: SIGTERM came before 'up').
  while (!/\[one\] up/.test(output.stdout.text) || !/\[two\] up/.test(output.stdout.text)) await sleep(20);
  await supervisor.stopAll(5000);
  assert.match(output.stdout.text, /^\[one\] up$/m);
  assert.match(output.stdout.text, /^\[one\] bye$/m);
  assert.match(output.stdout.text, /^\[two\] bye$/m);
  assert.match(output.stderr.text, /^\[two\] to stderr$/m);
  assert.deepEqual(unexpected, [], 'exits during a stop are expected');
});

test('a component that exits on its own is reported with how it exited', async () => {
  const { supervisor, unexpected, output } = setup();
  supervisor.start(component('crasher', `console.error('boom'); process.exit(3);`));
  while (unexpected.length === 0) await sleep(20);
  assert.deepEqual(unexpected, ['crasher: code 3']);
  assert.match(output.stderr.text, /\[crasher\] boom/, 'its last words are printed before the report');
  await supervisor.stopAll(1000);
});

test('a component ignoring SIGTERM gets SIGKILL after the grace period', async () => {
  const { supervisor, lines, output } = setup();
  supervisor.start(component('stubborn', `process.on('SIGTERM', () => {}); console.log('up'); setInterval(() => {}, 1000);`));
  while (!/\[stubborn\] up/.test(output.stdout.text)) await sleep(20);
  await supervisor.stopAll(300);
  assert.ok(
    lines.some((l) => /stubborn still running after SIGTERM \(timeout\); sending SIGKILL/.test(l)),
    lines.join('\n'),
  );
  assert.ok(
    lines.some((l) => /stubborn exited \(signal SIGKILL\)/.test(l)),
    lines.join('\n'),
  );
});

test('forcing skips the rest of the grace period: SIGKILL comes from the force, not the timeout', async () => {
  const { supervisor, lines, output } = setup();
  supervisor.start(component('stubborn2', `process.on('SIGTERM', () => {}); console.log('up'); setInterval(() => {}, 1000);`));
  while (!/\[stubborn2\] up/.test(output.stdout.text)) await sleep(20);
  const force = new AbortController();
  setTimeout(() => force.abort(), 100);
  // Without the force this grace period would run out and the log would say (timeout).
  await supervisor.stopAll(30_000, force.signal);
  assert.ok(
    lines.some((l) => /stubborn2 still running after SIGTERM \(forced\); sending SIGKILL/.test(l)),
    lines.join('\n'),
  );
  assert.ok(
    lines.some((l) => /stubborn2 exited \(signal SIGKILL\)/.test(l)),
    lines.join('\n'),
  );
});
