import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PersistentIpAllocator } from './ip-claims.js';

function tempDir(t: { after(fn: () => void): void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'wh-ip-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

test('claims survive a restart and release removes them', (t) => {
  const dir = tempDir(t);
  const first = new PersistentIpAllocator(dir, '127.77.0.0/16');
  assert.equal(first.allocate('pod-a'), '127.77.0.1');
  assert.equal(first.allocate('pod-b'), '127.77.0.2');
  assert.deepEqual(readdirSync(dir).sort(), ['127.77.0.1', '127.77.0.2']);

  const second = new PersistentIpAllocator(dir, '127.77.0.0/16');
  assert.equal(second.ipOf('pod-b'), '127.77.0.2');
  assert.equal(second.allocate('pod-b', '127.77.0.2'), '127.77.0.2');
  assert.equal(second.allocate('pod-c'), '127.77.0.3');
  second.release('pod-a');
  assert.deepEqual(readdirSync(dir).sort(), ['127.77.0.2', '127.77.0.3']);
});

test('claims outside a changed range are dropped on load', (t) => {
  const dir = tempDir(t);
  writeFileSync(join(dir, '127.5.0.9'), 'pod-x');
  const allocator = new PersistentIpAllocator(dir, '127.77.0.0/16');
  assert.equal(allocator.ipOf('pod-x'), undefined);
  assert.deepEqual(readdirSync(dir), []);
});

test('a process can listen on an allocated loopback address and be reached there', async (t) => {
  const allocator = new PersistentIpAllocator(tempDir(t), '127.1.0.0/16');
  const ip = allocator.allocate('pod-listen', '127.1.0.5');
  assert.equal(ip, '127.1.0.5');
  const server = createServer((socket) => socket.end(`hello from ${socket.localAddress}`));
  await new Promise<void>((resolve) => server.listen(0, ip, resolve));
  t.after(() => server.close());
  const port = (server.address() as { port: number }).port;
  const reply = await new Promise<string>((resolve, reject) => {
    let data = '';
    connect(port, ip)
      .on('data', (d) => (data += d))
      .on('end', () => resolve(data))
      .on('error', reject);
  });
  assert.equal(reply, 'hello from 127.1.0.5');
});
