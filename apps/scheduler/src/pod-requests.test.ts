import { test } from 'node:test';
import assert from 'node:assert/strict';
import { podRequests } from './pod-requests.js';
import { makePod } from './test-fixtures.js';

const Mi = 1024 * 1024;
const cases: { name: string; pod: ReturnType<typeof makePod>; want: { milliCPU: number; memory: number }; nonZero?: { milliCPU: number; memory: number } }[] = [
  { name: 'no requests', pod: makePod('p'), want: { milliCPU: 0, memory: 0 }, nonZero: { milliCPU: 100, memory: 200 * Mi } },
  {
    name: 'sum of app containers',
    pod: makePod('p', {
      requests: [
        { cpu: '100m', memory: '1Mi' },
        { cpu: '1', memory: '2Mi' },
      ],
    }),
    want: { milliCPU: 1100, memory: 3 * Mi },
  },
  {
    name: 'largest init container wins when bigger (per resource)',
    pod: makePod('p', {
      requests: [{ cpu: '500m', memory: '1Gi' }],
      init: [{ resources: { requests: { cpu: '2', memory: '10Mi' } } }, { resources: { requests: { cpu: '1' } } }],
    }),
    want: { milliCPU: 2000, memory: 1024 * Mi },
  },
  { name: 'overhead is added', pod: makePod('p', { requests: [{ cpu: '1' }], overhead: { cpu: '250m', memory: '64Mi' } }), want: { milliCPU: 1250, memory: 64 * Mi } },
  {
    name: 'restartable init containers (sidecars) add to the app containers and to later init containers',
    pod: makePod('p', {
      requests: [{ cpu: '1' }],
      init: [{ restartPolicy: 'Always', resources: { requests: { cpu: '500m' } } }, { resources: { requests: { cpu: '2' } } }],
    }),
    want: { milliCPU: 2500, memory: 0 },
  },
  {
    name: 'non-zero defaults apply per missing resource only',
    pod: makePod('p', { requests: [{ cpu: '0' }, { memory: '1Mi' }] }),
    want: { milliCPU: 0, memory: Mi },
    nonZero: { milliCPU: 100, memory: 201 * Mi },
  },
];

for (const c of cases) {
  test(`podRequests: ${c.name}`, () => {
    assert.deepEqual(podRequests(c.pod), c.want);
    if (c.nonZero) assert.deepEqual(podRequests(c.pod, true), c.nonZero);
  });
}
