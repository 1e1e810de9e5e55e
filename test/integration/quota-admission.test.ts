// ResourceQuota and LimitRange admission through the real API, with the real
// controller-manager keeping quota status: Kubernetes' messages, defaults, replenishment,
// and 50 concurrent creators that never get more pods admitted than the quota allows.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApi, type TestApi } from '../support/api.js';
import { eventually, spawnControllerManager } from '../support/controller-manager.js';
import type { ComponentProcess } from '../support/component.js';

let api: TestApi;
let manager: ComponentProcess;
before(async () => {
  api = await startTestApi();
  manager = spawnControllerManager(api.url);
  for (const ns of ['limits', 'quota', 'race']) await api.ok(`mutation($n: String!) { createNamespace(input: { metadata: { name: $n } }) { metadata { name } } }`, { n: ns });
});
after(async () => {
  if (manager.exitCode === null) {
    const exited = new Promise((r) => manager.once('exit', r));
    manager.kill('SIGTERM');
    await exited;
  }
  await api?.close();
});

const createPod = (ns: string, name: string, resources?: Record<string, Record<string, string>>) =>
  api.gql<{ createPod: { spec: { containers: { resources: unknown }[] } } }>(
    `mutation($ns: String, $input: PodInput!) { createPod(namespace: $ns, input: $input) { spec { containers { resources { requests limits } } } } }`,
    { ns, input: { metadata: { name }, spec: { containers: [{ name: 'app', image: 'busybox:1.36', ...(resources ? { resources } : {}) }] } } },
  );
const quotaStatus = async (ns: string, name: string) =>
  (await api.ok(`query($ns: String, $n: String!) { resourceQuota(namespace: $ns, name: $n) { status { hard used } } }`, { ns, n: name })).resourceQuota?.status;
const createQuota = (ns: string, name: string, hard: Record<string, string>) =>
  api.ok(`mutation($ns: String, $input: ResourceQuotaInput!) { createResourceQuota(namespace: $ns, input: $input) { metadata { name } } }`, {
    ns,
    input: { metadata: { name }, spec: { hard } },
  });
const counted = (ns: string, name: string) =>
  eventually(async () => (await quotaStatus(ns, name))?.used ?? undefined, 20_000, `${ns}/${name} counted by the controller: ${manager.output()}`);

describe('LimitRange', () => {
  test('fills container defaults and refuses what is out of range, in Kubernetes words', async () => {
    await api.ok(`mutation($input: LimitRangeInput!) { createLimitRange(namespace: "limits", input: $input) { metadata { name } } }`, {
      input: {
        metadata: { name: 'limits' },
        spec: { limits: [{ type: 'Container', default: { cpu: '500m', memory: '128Mi' }, defaultRequest: { cpu: '100m' }, min: { cpu: '50m' }, max: { cpu: '1' } }] },
      },
    });
    const defaulted = await createPod('limits', 'plain');
    assert.deepEqual(defaulted.data?.createPod.spec.containers[0]?.resources, { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '128Mi' } });
    const tooBig = await createPod('limits', 'big', { limits: { cpu: '2' } });
    assert.equal(tooBig.errors?.[0]?.extensions?.code, 'FORBIDDEN');
    assert.equal(
      tooBig.errors?.[0]?.message,
      'pods "big" is forbidden: [maximum cpu usage per Container is 1, but limit is 2, maximum cpu usage per Container is 1, but request is 2]',
    );
    const tooSmall = await createPod('limits', 'small', { requests: { cpu: '10m' } });
    assert.equal(tooSmall.errors?.[0]?.message, 'pods "small" is forbidden: minimum cpu usage per Container is 50m, but request is 10m');
    const { pods } = await api.ok(`query { pods(namespace: "limits") { items { metadata { name } } } }`);
    assert.deepEqual(
      pods.items.map((p: { metadata: { name: string } }) => p.metadata.name),
      ['plain'],
      'refused pods are not written',
    );
  });
});

describe('ResourceQuota', () => {
  test('the controller counts what exists; admission refuses past the limit with Kubernetes’ message; a delete frees the quota', async () => {
    assert.equal((await createPod('quota', 'before', { requests: { cpu: '1' }, limits: { cpu: '1' } })).errors, undefined);
    await createQuota('quota', 'compute', { 'requests.cpu': '4', pods: '10', 'count/configmaps': '1' });
    assert.deepEqual(await counted('quota', 'compute'), { 'count/configmaps': '0', pods: '1', 'requests.cpu': '1' });
    assert.equal((await createPod('quota', 'p2', { requests: { cpu: '2' } })).errors, undefined);
    const over = await createPod('quota', 'p3', { requests: { cpu: '2' } });
    assert.equal(over.errors?.[0]?.extensions?.code, 'FORBIDDEN');
    assert.equal(over.errors?.[0]?.message, 'pods "p3" is forbidden: exceeded quota: compute, requested: requests.cpu=2, used: requests.cpu=3, limited: requests.cpu=4');
    const unstated = await createPod('quota', 'p4');
    assert.equal(unstated.errors?.[0]?.message, 'pods "p4" is forbidden: failed quota: compute: must specify requests.cpu for: app');
    assert.deepEqual((await quotaStatus('quota', 'compute')).used, { 'count/configmaps': '0', pods: '2', 'requests.cpu': '3' }, 'admission charged p2 as it was created');

    await api.ok(`mutation { createConfigMap(namespace: "quota", input: { metadata: { name: "one" } }) { metadata { name } } }`);
    const second = await api.gql(`mutation { createConfigMap(namespace: "quota", input: { metadata: { name: "two" } }) { metadata { name } } }`);
    assert.equal(
      second.errors?.[0]?.message,
      'configmaps "two" is forbidden: exceeded quota: compute, requested: count/configmaps=1, used: count/configmaps=1, limited: count/configmaps=1',
    );

    await api.ok(`mutation { deletePod(namespace: "quota", name: "p2", gracePeriodSeconds: 0) { metadata { name } } }`);
    await eventually(async () => (await quotaStatus('quota', 'compute')).used['requests.cpu'] === '1', 20_000, 'the controller to give back p2’s cpu');
    assert.equal((await createPod('quota', 'p3', { requests: { cpu: '2' } })).errors, undefined, 'room again after the delete');
  });

  test('Services count node ports: a NodePort Service past services.nodeports is refused', async () => {
    await api.ok(`mutation { createNamespace(input: { metadata: { name: "svc" } }) { metadata { name } } }`);
    await createQuota('svc', 'ports', { 'services.nodeports': '1' });
    await counted('svc', 'ports');
    const service = (name: string) =>
      api.gql(`mutation($input: ServiceInput!) { createService(namespace: "svc", input: $input) { metadata { name } } }`, {
        input: { metadata: { name }, spec: { type: 'NodePort', selector: { app: name }, ports: [{ port: 80 }] } },
      });
    assert.equal((await service('first')).errors, undefined);
    const second = await service('second');
    assert.equal(
      second.errors?.[0]?.message,
      'services "second" is forbidden: exceeded quota: ports, requested: services.nodeports=1, used: services.nodeports=1, limited: services.nodeports=1',
    );
  });

  test('50 concurrent creators never get more than the quota admits', async () => {
    await createQuota('race', 'pods', { pods: '10', 'requests.cpu': '10' });
    await counted('race', 'pods');
    const started = performance.now();
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => createPod('race', `racer-${i}`, { requests: { cpu: '500m' } })));
    const elapsed = performance.now() - started;
    const admitted = results.filter((r) => !r.errors);
    const refused = results.filter((r) => r.errors);
    assert.equal(admitted.length, 10);
    for (const r of refused) {
      assert.equal(r.errors![0]!.extensions?.code, 'FORBIDDEN', JSON.stringify(r.errors));
      assert.match(r.errors![0]!.message, /^pods "racer-\d+" is forbidden: exceeded quota: pods, requested: pods=1, used: pods=10, limited: pods=10$/);
    }
    const { pods } = await api.ok(`query { pods(namespace: "race") { items { metadata { name } } } }`);
    assert.equal(pods.items.length, 10);
    assert.deepEqual((await quotaStatus('race', 'pods')).used, { pods: '10', 'requests.cpu': '5' });
    // The controller's recount agrees with what admission charged.
    await new Promise((r) => setTimeout(r, 1500));
    assert.deepEqual((await quotaStatus('race', 'pods')).used, { pods: '10', 'requests.cpu': '5' });
    console.log(`# 50 concurrent creates against one quota: ${Math.round(elapsed)} ms in all`);
  });
});
