// The cells themselves (pod STATUS, node ROLES, …) are kubectl's, tested in libs/printers;
// here: how `wh get` lays them out.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CASES_NOW, POD_CASES } from '@wheelhouse/printers';
import { columnsFor } from './columns.js';
import type { KubeObj } from './object.js';

const now = Date.parse('2026-01-01T01:00:00Z');
const created = '2026-01-01T00:00:00Z';

test('pods: NAME READY STATUS RESTARTS AGE; wide adds kubectl priority-1 columns; -A adds NAMESPACE', () => {
  const p: KubeObj = {
    metadata: { name: 'web-1', namespace: 'shop', creationTimestamp: created },
    spec: { containers: [{ name: 'a' }, { name: 'b' }], nodeName: 'node-1' },
    status: {
      phase: 'Running',
      podIP: '10.0.0.5',
      containerStatuses: [
        { name: 'a', ready: true, restartCount: 2, state: { running: {} } },
        { name: 'b', ready: false, restartCount: 1, state: { running: {} } },
      ],
    },
  };
  assert.deepEqual(columnsFor('Pod').headers, ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE']);
  assert.deepEqual(columnsFor('Pod').row(p, now), ['web-1', '1/2', 'Running', '3', '60m']);
  const wide = columnsFor('Pod', { wide: true, allNamespaces: true });
  assert.deepEqual(wide.headers, ['NAMESPACE', 'NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES']);
  assert.deepEqual(wide.row(p, now), ['shop', 'web-1', '1/2', 'Running', '3', '60m', '10.0.0.5', 'node-1', '<none>', '<none>']);
});

test('column names are printed upper-cased, as kubectl does', () => {
  assert.deepEqual(columnsFor('Deployment').headers, ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE']);
  assert.deepEqual(columnsFor('Event').headers, ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE']);
  assert.deepEqual(columnsFor('NoSuchKind').headers, ['NAME', 'AGE']);
});

test('with several kinds in one get, names carry their kind (kubectl get all)', () => {
  const d: KubeObj = { metadata: { name: 'web', namespace: 'shop', creationTimestamp: created }, spec: { replicas: 1 }, status: {} };
  assert.equal(columnsFor('Deployment', { kindPrefix: 'deployment.apps' }).row(d, now)[0], 'deployment.apps/web');
  assert.deepEqual(columnsFor('Deployment', { kindPrefix: 'deployment.apps', allNamespaces: true }).row(d, now).slice(0, 2), ['shop', 'deployment.apps/web']);
  // Events have no NAME column (but in -o wide): nothing to prefix.
  const e: KubeObj = { metadata: { name: 'x' }, type: 'Normal', reason: 'Pulled', involvedObject: { kind: 'Pod', name: 'web-1' }, message: 'm' };
  assert.deepEqual(columnsFor('Event', { kindPrefix: 'event' }).row(e, now), columnsFor('Event').row(e, now));
});

test("wh get pods prints kubectl's cells for every ported printer case (the same cases the dashboard is tested with)", () => {
  assert.ok(POD_CASES.length > 30);
  for (const c of POD_CASES) assert.deepEqual(columnsFor('Pod', { wide: c.wide }).row(c.pod, CASES_NOW), c.cells, `${c.test}: ${c.comment}`);
});
