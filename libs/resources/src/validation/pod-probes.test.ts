import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validatePodSpec } from './pod.js';
import { specWithContainer, summarise, validSpec } from './fixtures.js';

const probe = (kind: string, p: unknown) => specWithContainer({ [kind]: p });

test('probe handlers', () => {
  const at = (suffix: string) => `spec.containers[0].livenessProbe${suffix}`;
  const cases: [string, unknown, string[]][] = [
    ['exec', { exec: { command: ['cat', '/tmp/healthy'] } }, []],
    ['httpGet by number', { httpGet: { path: '/healthz', port: 8080, scheme: 'HTTPS', httpHeaders: [{ name: 'X-Probe', value: '1' }] } }, []],
    ['httpGet by name', { httpGet: { port: 'http' } }, []],
    ['tcpSocket', { tcpSocket: { port: 5432 } }, []],
    ['grpc', { grpc: { port: 9090, service: 'health' } }, []],
    ['no handler', { periodSeconds: 5 }, [`${at('')} Required`]],
    ['two handlers', { exec: { command: ['true'] }, tcpSocket: { port: 80 } }, [`${at('.tcpSocket')} Forbidden`]],
    ['three handlers', { exec: { command: ['true'] }, httpGet: { port: 80 }, grpc: { port: 80 } }, [`${at('.httpGet')} Forbidden`, `${at('.grpc')} Forbidden`]],
    ['sleep is only for hooks', { sleep: { seconds: 1 } }, [`${at('.sleep')} Forbidden`]],
    ['exec needs a command', { exec: {} }, [`${at('.exec.command')} Required`]],
    ['exec with empty command', { exec: { command: [] } }, [`${at('.exec.command')} Required`]],
    ['httpGet port 0', { httpGet: { port: 0 } }, [`${at('.httpGet.port')} Invalid`]],
    ['httpGet port 65536', { httpGet: { port: 65536 } }, [`${at('.httpGet.port')} Invalid`]],
    ['httpGet port required', { httpGet: { path: '/' } }, [`${at('.httpGet.port')} Required`]],
    ['httpGet bad port name', { httpGet: { port: 'HTTP' } }, [`${at('.httpGet.port')} Invalid`, `${at('.httpGet.port')} Invalid`]],
    ['httpGet scheme', { httpGet: { port: 80, scheme: 'FTP' } }, [`${at('.httpGet.scheme')} NotSupported`]],
    ['httpGet header name', { httpGet: { port: 80, httpHeaders: [{ name: 'X Probe', value: '1' }] } }, [`${at('.httpGet.httpHeaders')} Invalid`]],
    ['tcpSocket port 0', { tcpSocket: { port: 0 } }, [`${at('.tcpSocket.port')} Invalid`]],
    ['grpc port must be a number', { grpc: { port: 'grpc' } }, [`${at('.grpc.port')} Invalid`]],
  ];
  for (const [name, p, expected] of cases) assert.deepEqual(summarise(validatePodSpec(probe('livenessProbe', p))), expected, name);
});

test('probe timings and thresholds', () => {
  const exec = { exec: { command: ['true'] } };
  const cases: [string, string, Record<string, unknown>, string[]][] = [
    ['defaults left unset', 'livenessProbe', {}, []],
    ['all set', 'livenessProbe', { initialDelaySeconds: 0, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 }, []],
    ['zero means default', 'readinessProbe', { timeoutSeconds: 0, periodSeconds: 0, successThreshold: 0, failureThreshold: 0 }, []],
    ['negative delay', 'livenessProbe', { initialDelaySeconds: -1 }, ['spec.containers[0].livenessProbe.initialDelaySeconds Invalid']],
    ['negative timeout', 'readinessProbe', { timeoutSeconds: -1 }, ['spec.containers[0].readinessProbe.timeoutSeconds Invalid']],
    ['negative period', 'startupProbe', { periodSeconds: -5 }, ['spec.containers[0].startupProbe.periodSeconds Invalid']],
    ['negative failureThreshold', 'livenessProbe', { failureThreshold: -1 }, ['spec.containers[0].livenessProbe.failureThreshold Invalid']],
    ['non-integer period', 'livenessProbe', { periodSeconds: 1.5 }, ['spec.containers[0].livenessProbe.periodSeconds Invalid']],
    ['liveness successThreshold must be 1', 'livenessProbe', { successThreshold: 2 }, ['spec.containers[0].livenessProbe.successThreshold Invalid']],
    ['startup successThreshold must be 1', 'startupProbe', { successThreshold: 3 }, ['spec.containers[0].startupProbe.successThreshold Invalid']],
    ['readiness successThreshold may be more', 'readinessProbe', { successThreshold: 3 }, []],
    ['probe grace period', 'livenessProbe', { terminationGracePeriodSeconds: 10 }, []],
    ['probe grace period positive', 'livenessProbe', { terminationGracePeriodSeconds: 0 }, ['spec.containers[0].livenessProbe.terminationGracePeriodSeconds Invalid']],
    ['no grace period on readiness', 'readinessProbe', { terminationGracePeriodSeconds: 10 }, ['spec.containers[0].readinessProbe.terminationGracePeriodSeconds Invalid']],
  ];
  for (const [name, kind, fields, expected] of cases) {
    assert.deepEqual(summarise(validatePodSpec(probe(kind, { ...exec, ...fields }))), expected, name);
  }
  const [message] = validatePodSpec(probe('livenessProbe', { ...exec, successThreshold: 2 })).map((e) => e.message);
  assert.equal(message, 'Invalid value: 2: must be 1');
});

test('lifecycle hooks', () => {
  const hooks = (lifecycle: unknown, spec: Record<string, unknown> = {}) => specWithContainer({ lifecycle }, spec);
  const at = (suffix: string) => `spec.containers[0].lifecycle.${suffix}`;
  const cases: [string, unknown, string[]][] = [
    ['postStart exec', hooks({ postStart: { exec: { command: ['sh', '-c', 'echo hi'] } } }), []],
    ['preStop httpGet', hooks({ preStop: { httpGet: { path: '/quit', port: 8080 } } }), []],
    ['preStop sleep', hooks({ preStop: { sleep: { seconds: 30 } } }), []],
    ['preStop with no action', hooks({ preStop: {} }), [`${at('preStop')} Required`]],
    ['postStart with two actions', hooks({ postStart: { exec: { command: ['x'] }, httpGet: { port: 80 } } }), [`${at('postStart.httpGet')} Forbidden`]],
    ['grpc is only for probes', hooks({ preStop: { grpc: { port: 80 } } }), [`${at('preStop.grpc')} Forbidden`]],
    ['sleep beyond the grace period', hooks({ preStop: { sleep: { seconds: 31 } } }), [`${at('preStop.sleep')} Invalid`]],
    ['sleep within a longer grace period', hooks({ preStop: { sleep: { seconds: 60 } } }, { terminationGracePeriodSeconds: 60 }), []],
    ['negative sleep', hooks({ preStop: { sleep: { seconds: -1 } } }), [`${at('preStop.sleep')} Invalid`]],
  ];
  for (const [name, spec, expected] of cases) assert.deepEqual(summarise(validatePodSpec(spec)), expected, name);
});

test('init containers take probes and hooks only as sidecars', () => {
  const init = (container: Record<string, unknown>) => validSpec({ initContainers: [{ name: 'init', image: 'x', ...container }] });
  const liveness = { livenessProbe: { exec: { command: ['true'] } } };
  assert.deepEqual(summarise(validatePodSpec(init(liveness))), ['spec.initContainers[0].livenessProbe Forbidden']);
  assert.deepEqual(summarise(validatePodSpec(init({ readinessProbe: {} }))), ['spec.initContainers[0].readinessProbe Forbidden']);
  assert.deepEqual(summarise(validatePodSpec(init({ lifecycle: {} }))), ['spec.initContainers[0].lifecycle Forbidden']);
  assert.deepEqual(summarise(validatePodSpec(init({ ...liveness, restartPolicy: 'Always' }))), []);
  assert.deepEqual(summarise(validatePodSpec(init({ livenessProbe: {}, restartPolicy: 'Always' }))), ['spec.initContainers[0].livenessProbe Required']);
});
