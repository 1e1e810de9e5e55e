import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { test } from 'node:test';
import { pipeWithPrefix } from './prefix-lines.js';
import { Collector } from './testing.js';

test('every line gets the name, including lines split across chunks and an unterminated last one', async () => {
  const input = new PassThrough();
  const output = new Collector();
  const done = pipeWithPrefix(input, output, 'api');
  input.write('listening on ');
  input.write('4000\nready\r\n\npartial');
  input.end();
  await done;
  assert.equal(output.text, '[api] listening on 4000\n[api] ready\n[api] \n[api] partial\n');
});
