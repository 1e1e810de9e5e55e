import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WheelhouseError } from '@wheelhouse/client';
import { EVICTION_RETRY_MS, retryBlockedEvictions, type PodRef, type RetryDeps } from './drain-retry.js';

const BUDGET = "Cannot evict pod as it would violate the pod's disruption budget.";
const zk = (name: string): PodRef => ({ namespace: 'default', name });

/** A fake clock that moves only when the loop sleeps; evict answers from a script per pod. */
function harness(answers: Record<string, (WheelhouseError | null)[]>) {
  let now = 0;
  const lines: string[] = [];
  const deps: RetryDeps = {
    evict: async (pod) => {
      const next = answers[pod.name]!.shift();
      if (next) throw next;
    },
    sleep: async (ms) => {
      now += ms;
    },
    now: () => now,
    warn: (line) => lines.push(line),
    attempt: (pod) => lines.push(`evicting pod ${pod.namespace}/${pod.name}`),
  };
  return { deps, lines, elapsed: () => now };
}
const tooMany = () => new WheelhouseError('TOO_MANY_REQUESTS', BUDGET);

test('an eviction refused by a budget is retried every 5s until it passes, with kubectl’s lines', async () => {
  const h = harness({ 'zk-1': [tooMany(), null] });
  const outcome = await retryBlockedEvictions([zk('zk-1')], () => BUDGET, 0, h.deps);
  assert.deepEqual(outcome, { evicted: [zk('zk-1')], errors: [] });
  assert.equal(h.elapsed(), 2 * EVICTION_RETRY_MS);
  assert.deepEqual(h.lines, [
    `error when evicting pods/"zk-1" -n "default" (will retry after 5s): ${BUDGET}`,
    'evicting pod default/zk-1',
    `error when evicting pods/"zk-1" -n "default" (will retry after 5s): ${BUDGET}`,
    'evicting pod default/zk-1',
  ]);
});

test('the global timeout ends the retries with kubectl’s error', async () => {
  const h = harness({ 'zk-2': [tooMany(), tooMany(), tooMany(), tooMany()] });
  const outcome = await retryBlockedEvictions([zk('zk-2')], () => BUDGET, 12, h.deps);
  assert.deepEqual(outcome.evicted, []);
  assert.deepEqual(outcome.errors, ['error when evicting pods/"zk-2" -n "default": global timeout reached: 12s']);
  assert.ok(h.elapsed() <= 12_000);
});

test('a pod gone meanwhile counts as evicted; any other error ends that pod only', async () => {
  const h = harness({ a: [new WheelhouseError('NOT_FOUND', 'pods "a" not found')], b: [new WheelhouseError('FORBIDDEN', 'no')], c: [null] });
  const outcome = await retryBlockedEvictions([zk('a'), zk('b'), zk('c')], () => BUDGET, 0, h.deps);
  assert.deepEqual(outcome.evicted.map((p) => p.name).sort(), ['a', 'c']);
  assert.deepEqual(outcome.errors, ['error when evicting pods/"b" -n "default": no']);
});
