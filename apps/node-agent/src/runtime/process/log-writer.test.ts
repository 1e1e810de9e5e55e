import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LogWriter } from './log-writer.js';
import { parseRecord, type LogRecord } from './log-format.js';

function tempLog(t: { after(fn: () => void): void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'wh-logw-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return join(dir, '0.log');
}

const stored = (path: string) =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => parseRecord(l) as LogRecord);

test('lines split across chunks and multi-byte characters split across chunks come out whole', (t) => {
  const path = tempLog(t);
  const followed: string[] = [];
  const writer = new LogWriter(path, { maxBytes: 1 << 20, maxFiles: 2 }, (_time, stream, text) => followed.push(`${stream}:${text}`));
  const euro = Buffer.from('€');
  writer.write('stdout', Buffer.from('hel'));
  writer.write('stderr', Buffer.from('oops\n'));
  writer.write('stdout', Buffer.concat([Buffer.from('lo '), euro.subarray(0, 1)]));
  writer.write('stdout', Buffer.concat([euro.subarray(1), Buffer.from('\nsecond\nunfinished')]));
  writer.close();
  assert.deepEqual(
    stored(path).map((r) => [r.stream, r.full, r.text]),
    [
      ['stderr', true, 'oops'],
      ['stdout', true, 'hello €'],
      ['stdout', true, 'second'],
      ['stdout', true, 'unfinished'],
    ],
  );
  assert.deepEqual(followed, ['stderr:oops', 'stdout:hello €', 'stdout:second', 'stdout:unfinished']);
});

test('a line longer than 16 KiB is stored in pieces and followed whole', (t) => {
  const path = tempLog(t);
  const followed: string[] = [];
  const writer = new LogWriter(path, { maxBytes: 1 << 20, maxFiles: 2 }, (_time, _stream, text) => followed.push(text));
  const long = 'x'.repeat(40 * 1024);
  writer.write('stdout', Buffer.from(`${long}\n`));
  writer.close();
  const records = stored(path);
  assert.deepEqual(
    records.map((r) => [r.full, r.text.length]),
    [
      [false, 16384],
      [false, 16384],
      [true, 40 * 1024 - 32768],
    ],
  );
  assert.deepEqual(followed, [long]);
});

test('many lines in one chunk go out in one piece and still rotate at the size limit', (t) => {
  const path = tempLog(t);
  const writer = new LogWriter(path, { maxBytes: 2000, maxFiles: 3 }, () => {});
  writer.write('stdout', Buffer.from(`${Array.from({ length: 100 }, (_, i) => `line ${i}`).join('\n')}\n`));
  writer.close();
  const files = [`${path}.2`, `${path}.1`, path].map((f) => readFileSync(f, 'utf8'));
  for (const text of files) assert.ok(Buffer.byteLength(text) <= 2000);
  const kept = files
    .join('')
    .split('\n')
    .filter(Boolean)
    .map((l) => (parseRecord(l) as LogRecord).text);
  assert.equal(kept.at(-1), 'line 99');
  assert.deepEqual(
    kept,
    kept.map((_, i) => `line ${100 - kept.length + i}`),
  );
});
