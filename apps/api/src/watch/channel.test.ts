import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Channel } from './channel.js';

test('items pushed before and after next() arrive in order', async () => {
  const channel = new Channel<number>();
  channel.push(1);
  const pending = channel.next();
  assert.deepEqual(await pending, { value: 1, done: false });
  const waiting = channel.next();
  channel.push(2);
  assert.deepEqual(await waiting, { value: 2, done: false });
});

test('return() ends a consumer that is waiting, and runs the close callbacks once', async () => {
  const channel = new Channel<number>();
  let closed = 0;
  channel.whenClosed(() => closed++);
  const waiting = channel.next();
  await channel.return();
  await channel.return();
  assert.deepEqual(await waiting, { value: undefined, done: true });
  assert.equal(closed, 1);
  channel.push(3);
  assert.deepEqual(await channel.next(), { value: undefined, done: true });
});

test('fail() ends the stream with the error, for a waiting consumer or the next read, then done', async () => {
  const waitingChannel = new Channel<number>();
  const waiting = waitingChannel.next();
  waitingChannel.fail(new Error('pool exhausted'));
  await assert.rejects(waiting, /pool exhausted/);
  assert.deepEqual(await waitingChannel.next(), { value: undefined, done: true });

  const later = new Channel<number>();
  let closed = 0;
  later.whenClosed(() => closed++);
  later.fail(new Error('too slow'));
  await assert.rejects(later.next(), /too slow/);
  assert.deepEqual(await later.next(), { value: undefined, done: true });
  assert.equal(closed, 1);
});
