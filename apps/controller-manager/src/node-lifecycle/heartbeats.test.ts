import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Heartbeats } from './heartbeats.js';

function clock() {
  let ms = 1_000_000;
  return {
    now: () => new Date(ms),
    advance: (by: number) => (ms += by),
    get ms() {
      return ms;
    },
  };
}
const node = (status: string, heartbeat: string) => ({ metadata: { name: 'n1' }, status: { conditions: [{ type: 'Ready', status, lastHeartbeatTime: heartbeat }] } });

test('first sight starts the clock; a renewed Lease restarts it, the same renewTime does not', () => {
  const c = clock();
  const beats = new Heartbeats(c.now);
  beats.nodeSeen(node('True', 't1'));
  const start = c.ms;
  assert.equal(beats.lastHeard('n1'), start);
  c.advance(5000);
  assert.equal(beats.leaseSeen({ metadata: { name: 'n1' }, spec: { renewTime: 'r1' } }), true);
  assert.equal(beats.lastHeard('n1'), start + 5000);
  c.advance(5000);
  assert.equal(beats.leaseSeen({ metadata: { name: 'n1' }, spec: { renewTime: 'r1' } }), false);
  assert.equal(beats.lastHeard('n1'), start + 5000);
});

test("a new Ready heartbeat from the kubelet counts; the controller's own Unknown does not", () => {
  const c = clock();
  const beats = new Heartbeats(c.now);
  beats.nodeSeen(node('True', 't1'));
  c.advance(1000);
  beats.nodeSeen(node('True', 't1'));
  assert.equal(beats.lastHeard('n1'), c.ms - 1000, 'the same heartbeat is no news');
  c.advance(1000);
  beats.nodeSeen(node('Unknown', 't0'));
  assert.equal(beats.lastHeard('n1'), c.ms - 2000);
  c.advance(1000);
  beats.nodeSeen(node('True', 't2'));
  assert.equal(beats.lastHeard('n1'), c.ms);
});

test('a forgotten node starts over', () => {
  const c = clock();
  const beats = new Heartbeats(c.now);
  beats.nodeSeen(node('True', 't1'));
  beats.forget('n1');
  c.advance(9000);
  beats.nodeSeen(node('True', 't1'));
  assert.equal(beats.lastHeard('n1'), c.ms);
});

test('a node first seen Unknown (its agent dead before a restart) is heard from once its agent posts Ready again', () => {
  const c = clock();
  const beats = new Heartbeats(c.now);
  beats.nodeSeen(node('Unknown', 't0'));
  c.advance(60_000);
  beats.nodeSeen(node('True', 't5'));
  assert.equal(beats.lastHeard('n1'), c.ms);
});
