import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validatePodSpec } from './pod.js';
import { fullText, specWithContainer, summarise } from './fixtures.js';

const resources = (r: unknown) => specWithContainer({ resources: r });
const at = (suffix: string) => `spec.containers[0].resources.${suffix}`;

test('resource requirements', () => {
  const cases: [string, unknown, string[]][] = [
    ['empty', {}, []],
    ['requests only', { requests: { cpu: '250m', memory: '64Mi', 'ephemeral-storage': '1Gi' } }, []],
    ['limits only', { limits: { cpu: '1', memory: '1Gi' } }, []],
    ['numbers are quantities', { requests: { cpu: 0.5 }, limits: { cpu: 1 } }, []],
    ['requests equal to limits', { requests: { cpu: '1000m' }, limits: { cpu: '1' } }, []],
    ['request above limit', { requests: { cpu: '2' }, limits: { cpu: '1' } }, [`${at('requests[cpu]')} Invalid`]],
    ['request above limit, mixed units', { requests: { memory: '1.5Gi' }, limits: { memory: '1536Mi' } }, []],
    ['request a byte above limit', { requests: { memory: '1073741825' }, limits: { memory: '1Gi' } }, [`${at('requests[memory]')} Invalid`]],
    ['bad quantity', { requests: { cpu: '1.5.5' } }, [`${at('requests[cpu]')} Invalid`]],
    ['bad quantity type', { limits: { memory: true } }, [`${at('limits[memory]')} Invalid`]],
    ['negative quantity', { requests: { cpu: '-1' } }, [`${at('requests[cpu]')} Invalid`]],
    ['unknown standard resource', { requests: { gpu: '1' } }, [`${at('requests[gpu]')} Invalid`]],
    ['pods is not a container resource', { requests: { pods: '1' } }, [`${at('requests[pods]')} Invalid`]],
    ['bad resource name', { requests: { 'bad name': '1' } }, [`${at('requests[bad name]')} Invalid`]],
    ['extended resource', { requests: { 'example.com/gpu': '1' }, limits: { 'example.com/gpu': '1' } }, []],
    ['extended resource needs a limit', { requests: { 'example.com/gpu': '1' } }, [`${at('limits')} Required`]],
    ['extended resource limit only', { limits: { 'example.com/gpu': '2' } }, []],
    ['extended resource must not overcommit', { requests: { 'example.com/gpu': '1' }, limits: { 'example.com/gpu': '2' } }, [`${at('requests[example.com/gpu]')} Invalid`]],
    ['extended resource must be whole', { limits: { 'example.com/gpu': '500m' } }, [`${at('limits[example.com/gpu]')} Invalid`]],
    ['hugepages need cpu or memory', { limits: { 'hugepages-2Mi': '4Mi' } }, [`spec.containers[0].resources Forbidden`]],
    ['hugepages with memory', { limits: { 'hugepages-2Mi': '4Mi', memory: '1Gi' } }, []],
    ['resources not an object', 'lots', ['spec.containers[0].resources Invalid']],
  ];
  for (const [name, r, expected] of cases) assert.deepEqual(summarise(validatePodSpec(resources(r))), expected, name);
});

test('resource messages read like Kubernetes', () => {
  assert.deepEqual(fullText(validatePodSpec(resources({ requests: { cpu: '2' }, limits: { cpu: '1500m' } }))), [
    `${at('requests[cpu]')}: Invalid value: "2": must be less than or equal to cpu limit of 1500m`,
  ]);
  assert.deepEqual(fullText(validatePodSpec(resources({ requests: { cpu: '--1' } }))), [
    `${at('requests[cpu]')}: Invalid value: "--1": quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`,
  ]);
  assert.deepEqual(fullText(validatePodSpec(resources({ requests: { memory: '-1Gi' } }))), [
    `${at('requests[memory]')}: Invalid value: "-1Gi": must be greater than or equal to 0`,
  ]);
});
