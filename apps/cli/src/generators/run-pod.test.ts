import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runPod } from './run-pod.js';

const base = { name: 'web', image: 'nginx', env: [], command: false, trailing: [] };

test('wh run: labels run=NAME, restart Always, trailing words as args (or the command with --command)', () => {
  assert.deepEqual(runPod(base), {
    metadata: { name: 'web', labels: { run: 'web' } },
    spec: { containers: [{ name: 'web', image: 'nginx' }], restartPolicy: 'Always', dnsPolicy: 'ClusterFirst' },
  });
  const pod = runPod({ ...base, trailing: ['sh', '-c', 'x'], command: true, labels: 'app=a,tier=b', restart: 'OnFailure', port: 80, env: ['A=1=2'] }) as {
    metadata: unknown;
    spec: { containers: Record<string, unknown>[]; restartPolicy: string };
  };
  assert.deepEqual(pod.metadata, { name: 'web', labels: { app: 'a', tier: 'b' } });
  assert.deepEqual(pod.spec.containers[0]!.command, ['sh', '-c', 'x']);
  assert.deepEqual(pod.spec.containers[0]!.env, [{ name: 'A', value: '1=2' }]);
  assert.equal(pod.spec.restartPolicy, 'OnFailure');
  assert.throws(() => runPod({ ...base, restart: 'Sometimes' }), /invalid restart policy: Sometimes/);
  assert.throws(() => runPod({ ...base, env: ['=x'] }), /invalid env/);
});
