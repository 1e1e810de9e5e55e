import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nanoCoresBetween, parseStat, podProcesses, readStat, type ProcStat } from './proc-stats.js';
import { exitState } from './exit-status.js';

test('parseStat reads past a command name with spaces and parentheses', () => {
  const line = '4242 (my (weird) cmd) S 1 4242 4242 0 -1 4194560 100 0 0 0 150 25 0 0 20 0 1 0 987654 1000000 200 18446744073709551615';
  assert.deepEqual(parseStat(line), { pid: 4242, ppid: 1, pgrp: 4242, cpuTicks: 175, startTicks: 987654 });
  assert.equal(parseStat('nonsense'), undefined);
});

test('this process reads back from /proc', () => {
  const self = readStat(process.pid);
  assert.equal(self?.pid, process.pid);
  assert.equal(self?.ppid, process.ppid);
});

const p = (pid: number, ppid: number, pgrp: number): ProcStat => ({ pid, ppid, pgrp, cpuTicks: 0, startTicks: 0 });

test("a pod's processes: roots, their groups and all descendants, nothing else", () => {
  const all = [p(1, 0, 1), p(10, 1, 10), p(11, 10, 10), p(12, 11, 12), p(13, 1, 10), p(20, 1, 20), p(21, 20, 20)];
  assert.deepEqual(
    podProcesses(all, [10])
      .map((s) => s.pid)
      .sort((a, b) => a - b),
    [10, 11, 12, 13],
  );
  assert.deepEqual(podProcesses(all, [99]), []);
});

test('CPU over a window: deltas of known processes, full time of new ones, pid reuse detected', () => {
  const before = {
    at: 0,
    ticks: new Map<number, [number, number]>([
      [1, [5, 100]],
      [2, [6, 50]],
    ]),
  };
  const after = {
    at: 2000,
    ticks: new Map<number, [number, number]>([
      [1, [5, 200]],
      [2, [7, 20]],
      [3, [8, 30]],
    ]),
  };
  // 100 ticks (pid 1) + 20 (pid 2 is a new process with the same pid) + 30 (pid 3) = 150 ticks = 1.5 s over 2 s
  assert.equal(nanoCoresBetween(before, after), 750_000_000);
  assert.equal(nanoCoresBetween(after, after), 0);
});

test('exit states: Completed, Error, and 128+n for signals', () => {
  const a = new Date(0);
  const b = new Date(1);
  assert.deepEqual(exitState(0, null, a, b), { state: 'exited', startedAt: a, finishedAt: b, exitCode: 0, reason: 'Completed' });
  assert.equal(exitState(1, null, a, b).reason, 'Error');
  assert.deepEqual([exitState(null, 'SIGKILL', a, b).exitCode, exitState(null, 'SIGTERM', a, b).exitCode], [137, 143]);
});
