// Ported from Kubernetes pkg/apis/apps/v1/defaults_test.go: TestSetDefaultDaemonSetSpec.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultDaemonSet, keepDaemonSetTemplateGeneration } from './daemonset-defaults.js';
import { TEMPLATE_GENERATION_ANNOTATION, type DaemonSetLike } from './daemonset-types.js';

const template = { metadata: { labels: { foo: 'bar' } }, spec: { containers: [{ name: 'c', image: 'i' }] } };

test('TestSetDefaultDaemonSetSpec', () => {
  const cases: [string, DaemonSetLike, unknown, number][] = [
    ['empty strategy: RollingUpdate 1/0', { spec: { template } }, { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } }, 10],
    [
      'rollingUpdate kept',
      { spec: { template, updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%' } } } },
      { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: 0 } },
      10,
    ],
    ['OnDelete gets no rollingUpdate', { spec: { template, updateStrategy: { type: 'OnDelete' }, revisionHistoryLimit: 1 } }, { type: 'OnDelete' }, 1],
    [
      'maxSurge alone keeps maxUnavailable 1 (validation refuses the pair)',
      { spec: { template, updateStrategy: { rollingUpdate: { maxSurge: 1 } } } },
      { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 1 } },
      10,
    ],
  ];
  for (const [name, input, strategy, history] of cases) {
    const out = defaultDaemonSet(input);
    assert.deepEqual(out.spec?.updateStrategy, strategy, name);
    assert.equal(out.spec?.revisionHistoryLimit, history, name);
    assert.equal(out.spec?.template?.spec?.restartPolicy, 'Always', name);
    assert.equal(out.spec?.template?.spec?.dnsPolicy, 'ClusterFirst', name);
    assert.equal(out.metadata?.annotations?.[TEMPLATE_GENERATION_ANNOTATION], '1', name);
  }
  const input: DaemonSetLike = { spec: { template } };
  defaultDaemonSet(input);
  assert.deepEqual(input, { spec: { template } }, 'the input is never changed');
});

test('the template generation goes up only when the template changes', () => {
  const current = defaultDaemonSet({ metadata: { annotations: { [TEMPLATE_GENERATION_ANNOTATION]: '3' } }, spec: { template } });
  const same = keepDaemonSetTemplateGeneration(defaultDaemonSet<DaemonSetLike>({ spec: { template, minReadySeconds: 5 } }), current);
  assert.equal(same.metadata?.annotations?.[TEMPLATE_GENERATION_ANNOTATION], '3');
  const changed = keepDaemonSetTemplateGeneration(defaultDaemonSet<DaemonSetLike>({ spec: { template: { ...template, metadata: { labels: { foo: 'bar', v: '2' } } } } }), current);
  assert.equal(changed.metadata?.annotations?.[TEMPLATE_GENERATION_ANNOTATION], '4');
});
