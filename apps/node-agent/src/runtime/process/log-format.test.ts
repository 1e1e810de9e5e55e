import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatRecord, joinPartials, parseRecord, selectLines, type LogRecord } from './log-format.js';

const rec = (time: string, text: string, full = true, stream: 'stdout' | 'stderr' = 'stdout'): LogRecord => ({ time, stream, full, text });

test('records round-trip through the CRI line format, spaces and all', () => {
  const record = rec('2026-11-27T11:00:00.123Z', ' two  spaces ', false, 'stderr');
  assert.equal(formatRecord(record), '2026-11-27T11:00:00.123Z stderr P  two  spaces \n');
  assert.deepEqual(parseRecord(formatRecord(record).slice(0, -1)), record);
  assert.equal(parseRecord('garbage'), undefined);
  assert.deepEqual(parseRecord('2026-11-27T11:00:00Z stdout F '), rec('2026-11-27T11:00:00Z', ''));
});

test('split pieces join per stream, keeping the first piece time; a dangling piece still counts', () => {
  const joined = joinPartials([rec('t1', 'hel', false), rec('t2', 'err', true, 'stderr'), rec('t3', 'lo', true), rec('t4', 'cut', false)]);
  assert.deepEqual(joined, [rec('t2', 'err', true, 'stderr'), rec('t1', 'hello'), rec('t4', 'cut')]);
});

test('since filters by time, then tail takes the last lines, timestamps prefix them', () => {
  const now = new Date('2026-11-27T12:00:00Z');
  const records = [rec('2026-11-27T11:58:00.000Z', 'old'), rec('2026-11-27T11:59:30.000Z', 'recent'), rec('2026-11-27T11:59:50.000Z', 'newest')];
  assert.deepEqual(selectLines(records, { sinceSeconds: 60 }, now), ['recent', 'newest']);
  assert.deepEqual(selectLines(records, { sinceSeconds: 60, tailLines: 1, timestamps: true }, now), ['2026-11-27T11:59:50.000Z newest']);
  assert.deepEqual(selectLines(records, { tailLines: 10 }, now), ['old', 'recent', 'newest']);
  assert.deepEqual(selectLines(records, { tailLines: 0 }, now), []);
});
