// After plugin/pkg/admission/resourcequota/admission_test.go and limitranger/admission_test.go:
// the decisions and messages of quota and limit-range admission.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../object.js';
import { decideQuota, type QuotaView } from './quota.js';
import { applyLimitRangeDefaults, limitRangeViolations } from './limit-ranger.js';

const pod = (resources: Record<string, Record<string, string>>[] = [{}], extra: Record<string, unknown> = {}): KubeObject => ({
  metadata: { name: 'p', namespace: 'ns' },
  spec: { containers: resources.map((r, i) => ({ name: `c${i}`, image: 'x', resources: r })), ...extra },
});
const quota = (hard: Record<string, string>, used: Record<string, string>, scopes: string[] = []): QuotaView => ({ name: 'quota', hard, scopes, statusHard: hard, used });

test('quota: a pod fits and the quota’s used grows by what it requests', () => {
  const d = decideQuota(
    [quota({ 'requests.cpu': '4', pods: '5' }, { 'requests.cpu': '1', pods: '1' })],
    'pods',
    '',
    pod([{ requests: { cpu: '500m' } }, { requests: { cpu: '1' } }]),
  );
  assert.deepEqual(d, { allowed: true, used: [{ name: 'quota', used: { 'requests.cpu': '2500m', pods: '2' } }] });
});

test('quota: Kubernetes’ exceeded message names requested, used and limited of the failing resources only', () => {
  const d = decideQuota([quota({ 'requests.cpu': '4', pods: '10' }, { 'requests.cpu': '3', pods: '1' })], 'pods', '', pod([{ requests: { cpu: '2' } }]));
  assert.deepEqual(d, { allowed: false, message: 'exceeded quota: quota, requested: requests.cpu=2, used: requests.cpu=3, limited: requests.cpu=4' });
  const count = decideQuota([quota({ 'count/configmaps': '2' }, { 'count/configmaps': '2' })], 'configmaps', '', { metadata: { name: 'c' } });
  assert.deepEqual(count, { allowed: false, message: 'exceeded quota: quota, requested: count/configmaps=1, used: count/configmaps=2, limited: count/configmaps=2' });
});

test('quota: a quota on cpu or memory requires every container to state it', () => {
  const d = decideQuota(
    [quota({ 'limits.cpu': '4', 'requests.memory': '1Gi' }, { 'limits.cpu': '0', 'requests.memory': '0' })],
    'pods',
    '',
    pod([{ requests: { memory: '1Mi' } }, {}]),
  );
  assert.deepEqual(d, { allowed: false, message: 'failed quota: quota: must specify limits.cpu for: c0,c1; requests.memory for: c1' });
});

test('quota: before the controller has counted, the quota refuses what it limits', () => {
  const fresh: QuotaView = { name: 'fresh', hard: { pods: '3' }, scopes: [], used: {} };
  assert.deepEqual(decideQuota([fresh], 'pods', '', pod()), { allowed: false, message: 'status unknown for quota: fresh, resource: pods' });
  assert.deepEqual(decideQuota([fresh], 'secrets', '', { metadata: { name: 's' } }), { allowed: true, used: [] }, 'what it does not limit passes');
});

test('quota: scopes choose the pods a quota counts', () => {
  const terminating = quota({ pods: '0' }, { pods: '0' }, ['Terminating']);
  assert.equal(decideQuota([terminating], 'pods', '', pod()).allowed, true, 'no activeDeadlineSeconds: not terminating');
  assert.equal(decideQuota([terminating], 'pods', '', pod([{}], { activeDeadlineSeconds: 60 })).allowed, false);
  const bestEffort = quota({ pods: '0' }, { pods: '0' }, ['BestEffort']);
  assert.equal(decideQuota([bestEffort], 'pods', '', pod([{ requests: { cpu: '1' } }])).allowed, true);
  assert.equal(decideQuota([bestEffort], 'pods', '', pod()).allowed, false);
  assert.equal(decideQuota([bestEffort], 'configmaps', '', { metadata: { name: 'c' } }).allowed, true, 'scoped quotas count only pods');
});

test('quota: the largest init container counts when it asks more than the sum', () => {
  const p = pod([{ requests: { cpu: '1' } }], { initContainers: [{ name: 'init', resources: { requests: { cpu: '3' } } }] });
  const d = decideQuota([quota({ 'requests.cpu': '10' }, { 'requests.cpu': '0' })], 'pods', '', p);
  assert.deepEqual(d, { allowed: true, used: [{ name: 'quota', used: { 'requests.cpu': '3' } }] });
});

test('limit ranger: defaults fill what a container does not state; a limit without a request becomes the request', () => {
  const items = [{ type: 'Container', default: { cpu: '500m', memory: '256Mi' }, defaultRequest: { cpu: '100m' } }];
  const out = applyLimitRangeDefaults(pod([{}, { limits: { cpu: '2' } }]), items);
  const resources = (out.spec!.containers as { resources: unknown }[]).map((c) => c.resources);
  assert.deepEqual(resources, [
    { limits: { cpu: '500m', memory: '256Mi' }, requests: { cpu: '100m', memory: '256Mi' } },
    { limits: { cpu: '2', memory: '256Mi' }, requests: { cpu: '100m', memory: '256Mi' } },
  ]);
});

test('limit ranger: min, max and ratio with Kubernetes’ messages, per Container and per Pod', () => {
  const container = [{ type: 'Container', min: { cpu: '100m' }, max: { cpu: '1' }, maxLimitRequestRatio: { cpu: '2' } }];
  assert.deepEqual(limitRangeViolations(pod([{ requests: { cpu: '200m' }, limits: { cpu: '300m' } }]), container), []);
  assert.deepEqual(limitRangeViolations(pod([{ requests: { cpu: '50m' }, limits: { cpu: '2' } }]), container), [
    'minimum cpu usage per Container is 100m, but request is 50m',
    'maximum cpu usage per Container is 1, but limit is 2',
    'cpu max limit to request ratio per Container is 2, but provided ratio is 40.000000',
  ]);
  assert.deepEqual(limitRangeViolations(pod([{ requests: { cpu: '200m' } }]), container), [
    'maximum cpu usage per Container is 1.  No limit is specified',
    'cpu max limit to request ratio per Container is 2, but no limit is specified',
  ]);
  const perPod = [{ type: 'Pod', max: { memory: '1Gi' } }];
  assert.deepEqual(limitRangeViolations(pod([{ limits: { memory: '768Mi' } }, { limits: { memory: '512Mi' } }]), perPod), [
    'maximum memory usage per Pod is 1Gi, but limit is 1280Mi',
  ]);
});

test('quota: Services count node ports and load balancers; the recount agrees', async () => {
  const { recountQuota } = await import('./recount.js');
  const svc = (type: string, ports: number): KubeObject => ({ metadata: { name: type }, spec: { type, ports: Array.from({ length: ports }, (_, i) => ({ port: 80 + i })) } });
  const q = quota({ 'services.nodeports': '2', 'services.loadbalancers': '1', services: '5' }, { 'services.nodeports': '1', 'services.loadbalancers': '0', services: '1' });
  assert.deepEqual(decideQuota([q], 'services', '', svc('NodePort', 1)), {
    allowed: true,
    used: [{ name: 'quota', used: { 'services.nodeports': '2', 'services.loadbalancers': '0', services: '2' } }],
  });
  assert.deepEqual(decideQuota([q], 'services', '', svc('LoadBalancer', 2)), {
    allowed: false,
    message: 'exceeded quota: quota, requested: services.nodeports=2, used: services.nodeports=1, limited: services.nodeports=2',
  });
  assert.equal(decideQuota([q], 'services', '', svc('ClusterIP', 3)).allowed, true);
  assert.deepEqual(recountQuota({ hard: q.hard }, [{ resource: 'services', group: '', objects: [svc('NodePort', 1), svc('LoadBalancer', 2), svc('ClusterIP', 1)] }]).used, {
    services: '3',
    'services.loadbalancers': '1',
    'services.nodeports': '3',
  });
});

test('quota on update: only what grew is charged; an update that grows nothing passes untouched', () => {
  const svc = (type: string, ports: number): KubeObject => ({ metadata: { name: 's' }, spec: { type, ports: Array.from({ length: ports }, (_, i) => ({ port: 80 + i })) } });
  const q = quota({ 'services.nodeports': '2', services: '1' }, { 'services.nodeports': '1', services: '1' });
  assert.deepEqual(decideQuota([q], 'services', '', svc('NodePort', 1), svc('ClusterIP', 1)), {
    allowed: true,
    used: [{ name: 'quota', used: { 'services.nodeports': '2', services: '1' } }],
  });
  assert.deepEqual(decideQuota([q], 'services', '', svc('NodePort', 2), svc('ClusterIP', 2)), {
    allowed: false,
    message: 'exceeded quota: quota, requested: services.nodeports=2, used: services.nodeports=1, limited: services.nodeports=2',
  });
  assert.deepEqual(decideQuota([q], 'services', '', svc('ClusterIP', 1), svc('NodePort', 1)), { allowed: true, used: [] }, 'a shrink is the controller’s to give back');
});
