import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendLog, EMPTY_LOG, logFileName, searchLines, visibleLines } from './log-buffer.ts';

test('chunks split mid-line join up; CRLF endings are trimmed', () => {
  let b = appendLog(EMPTY_LOG, 'hello wo', 100);
  assert.deepEqual(b.lines, []);
  assert.deepEqual(visibleLines(b), ['hello wo']);
  b = appendLog(b, 'rld\r\nsecond\nthi', 100);
  assert.deepEqual(b.lines, ['hello world', 'second']);
  assert.equal(b.partial, 'thi');
  b = appendLog(b, 'rd\n', 100);
  assert.deepEqual(visibleLines(b), ['hello world', 'second', 'third']);
});

test('the buffer keeps the newest lines and counts what it dropped', () => {
  const b = appendLog(EMPTY_LOG, 'a\nb\nc\nd\ne\n', 3);
  assert.deepEqual(b.lines, ['c', 'd', 'e']);
  assert.equal(b.dropped, 2);
  assert.equal(appendLog(b, 'f\n', 3).dropped, 3);
});

test('search is case-insensitive and reports every hit in a line', () => {
  const lines = ['GET /health 200', 'error: boom', 'Error again, ERROR'];
  assert.deepEqual(
    searchLines(lines, 'error').map((m) => [m.index, m.ranges]),
    [
      [1, [[0, 5]]],
      [
        2,
        [
          [0, 5],
          [13, 18],
        ],
      ],
    ],
  );
  assert.equal(searchLines(lines, '').length, 3);
  assert.deepEqual(searchLines(lines, 'nothing'), []);
});

test('downloads are named after the pod, the container and the time', () => {
  assert.equal(logFileName('web-1', 'nginx', new Date('2026-11-27T12:34:56.789Z')), 'web-1_nginx_2026-11-27T12-34-56Z.log');
});
