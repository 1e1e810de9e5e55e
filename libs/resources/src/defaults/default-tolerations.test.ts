import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addDefaultTolerations } from './default-tolerations.js';
import { defaultPod, defaultPodSpec } from './pod.js';

type Json = Record<string, any>;
const notReady = (seconds = 300) => ({ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: seconds });
const unreachable = (seconds = 300) => ({ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: seconds });

test('a pod without tolerations gets both, for 300 s, after its own', () => {
  assert.deepEqual((defaultPod({ spec: { containers: [] } }) as Json).spec.tolerations, [notReady(), unreachable()]);
  const own = { key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoSchedule' };
  assert.deepEqual((defaultPod({ spec: { tolerations: [own] } }) as Json).spec.tolerations, [own, notReady(), unreachable()]);
});

test("a pod's own toleration of a taint wins, with its own tolerationSeconds", () => {
  const spec: Json = { tolerations: [unreachable(2)] };
  addDefaultTolerations(spec, 300);
  assert.deepEqual(spec.tolerations, [unreachable(2), notReady()]);
});

test('an empty key or empty effect covers the taint, as in the admission plugin', () => {
  const everything = { operator: 'Exists' };
  const spec: Json = { tolerations: [everything] };
  addDefaultTolerations(spec, 300);
  assert.deepEqual(spec.tolerations, [everything], 'tolerating every taint needs nothing more');
  const anyEffect: Json = { tolerations: [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists' }] };
  addDefaultTolerations(anyEffect, 300);
  assert.deepEqual(anyEffect.tolerations, [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists' }, unreachable()]);
  const noSchedule: Json = { tolerations: [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoSchedule' }] };
  addDefaultTolerations(noSchedule, 300);
  assert.equal(noSchedule.tolerations.length, 3, 'a NoSchedule toleration does not cover NoExecute');
});

test('the seconds are configurable; defaulting twice adds nothing more', () => {
  const spec: Json = {};
  addDefaultTolerations(spec, 5);
  addDefaultTolerations(spec, 5);
  assert.deepEqual(spec.tolerations, [notReady(5), unreachable(5)]);
});

test('templates are not admitted pods: defaultPodSpec adds no tolerations; malformed lists are left to validation', () => {
  assert.equal((defaultPodSpec({ containers: [] }) as Json).tolerations, undefined);
  const spec: Json = { tolerations: 'nope' };
  addDefaultTolerations(spec, 300);
  assert.equal(spec.tolerations, 'nope');
});
