import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createLogger, parseLevel, type Level } from './log.js';

test('parseLevel accepts the four levels in any case and defaults to info', () => {
  assert.equal(parseLevel('debug'), 'debug');
  assert.equal(parseLevel(' WARN '), 'warn');
  assert.equal(parseLevel('error'), 'error');
  assert.equal(parseLevel(undefined), 'info');
  assert.equal(parseLevel('verbose'), 'info');
});

test('messages below the level are dropped; warnings and errors are tagged', () => {
  const seen: [Level, string][] = [];
  const log = createLogger('launcher', 'info', (level, line) => seen.push([level, line]));
  log.debug('hidden');
  log.info('shown');
  log.warn('careful');
  log.child('postgres').error('broken');
  assert.deepEqual(seen, [
    ['info', '[launcher] shown'],
    ['warn', '[launcher] warn: careful'],
    ['error', '[postgres] error: broken'],
  ]);
});
