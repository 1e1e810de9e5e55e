import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePgbench } from './pg-ceiling.js';

// A real report of `pgbench -N -c 2 -j 2 -T 1` from PostgreSQL 15.20, verbatim.
const REPORT = `pgbench (15.20 (Debian 15.20-0+deb12u1))
transaction type: <builtin: simple update>
scaling factor: 1
query mode: simple
number of clients: 2
number of threads: 2
maximum number of tries: 1
duration: 1 s
number of transactions actually processed: 265
number of failed transactions: 0 (0.000%)
latency average = 7.547 ms
initial connection time = 9.059 ms
tps = 265.017491 (without initial connection time)
`;

test('the benches read tps, average latency and failures from a pgbench 15 report', () => {
  assert.deepEqual(parsePgbench('-N', REPORT), { mode: '-N', transactionsPerSecond: 265, latencyAverageMs: 7.547, failedTransactions: 0 });
});

test('a report without the figures is an error that shows it, not a zero', () => {
  assert.throws(() => parsePgbench('-S', 'pgbench: error: connection refused'), /could not read pgbench -S output:\npgbench: error: connection refused/);
});
