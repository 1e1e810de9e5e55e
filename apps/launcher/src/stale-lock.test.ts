import assert from 'node:assert/strict';
import { test } from 'node:test';
import { judgeLock, type ProcessTable } from './stale-lock.js';

const PG_DIR = '/data/.wheelhouse/postgres';
const SERVER = ['/x/native/bin/postgres', '-D', PG_DIR, '-p', '54329'];

/** pid → [argv, parent pid] */
function table(entries: Record<number, [string[], number]>): ProcessTable {
  return { argv: (pid) => entries[pid]?.[0], parentPid: (pid) => entries[pid]?.[1] };
}

test('no lock file: nothing to do', () => {
  assert.deepEqual(judgeLock(PG_DIR, undefined, table({}), 10), { kind: 'none' });
});

test('a dead PID is stale', () => {
  assert.deepEqual(judgeLock(PG_DIR, 500, table({}), 10), { kind: 'stale', pid: 500 });
});

test('a PID reused by another program is stale', () => {
  assert.deepEqual(judgeLock(PG_DIR, 500, table({ 500: [['/bin/sleep', '60'], 1] }), 10), { kind: 'stale', pid: 500 });
});

test('a postgres serving another data dir is not ours', () => {
  const other = ['/usr/lib/postgresql/15/bin/postgres', '-D', '/var/lib/postgresql/15/main'];
  assert.deepEqual(judgeLock(PG_DIR, 500, table({ 500: [other, 1] }), 10), { kind: 'stale', pid: 500 });
});

test('our server reparented to init is an orphan from a killed launcher', () => {
  assert.deepEqual(judgeLock(PG_DIR, 500, table({ 500: [SERVER, 1], 1: [['/sbin/init'], 0] }), 10), { kind: 'orphan', pid: 500 });
});

test('our server under a live node process belongs to another launcher', () => {
  const procs = table({ 500: [SERVER, 400], 400: [['/usr/bin/node', 'apps/launcher/dist/main.js'], 1] });
  assert.deepEqual(judgeLock(PG_DIR, 500, procs, 10), { kind: 'in-use', pid: 500, parentPid: 400 });
});

test('our server reparented to us (launcher as PID 1) is an orphan', () => {
  const procs = table({ 500: [SERVER, 1], 1: [['node', 'apps/launcher/dist/main.js'], 0] });
  assert.deepEqual(judgeLock(PG_DIR, 500, procs, 1), { kind: 'orphan', pid: 500 });
});
