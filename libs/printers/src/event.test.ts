import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Event } from '@wheelhouse/model';
import { PRINTERS, printRow } from './columns.js';
import { sortEvents } from './event.js';

const now = Date.parse('2026-03-01T12:00:00Z');

test('printEvent: LAST SEEN falls back to the first sighting, COUNT to 1, OBJECT to the kind alone', () => {
  const e: Event = {
    metadata: { name: 'web-1.17f' },
    type: 'Normal',
    reason: 'Scheduled',
    involvedObject: { kind: 'Pod', name: 'web-1', fieldPath: 'spec.containers{app}' },
    message: ' assigned \n',
    firstTimestamp: '2026-03-01T11:59:00Z',
    source: { component: 'default-scheduler' },
    reportingInstance: 'node-1',
  };
  assert.deepEqual(printRow(PRINTERS.Event!, e, now), ['60s', 'Normal', 'Scheduled', 'pod/web-1', 'assigned']);
  assert.deepEqual(printRow(PRINTERS.Event!, e, now, { wide: true }), [
    '60s',
    'Normal',
    'Scheduled',
    'pod/web-1',
    'spec.containers{app}',
    'default-scheduler, node-1',
    'assigned',
    '60s',
    '1',
    'web-1.17f',
  ]);
  assert.equal(printRow(PRINTERS.Event!, { metadata: {}, involvedObject: { kind: 'Node' }, eventTime: '2026-03-01T11:58:00.000001Z' }, now)[0], '2m');
  assert.equal(printRow(PRINTERS.Event!, { metadata: {}, involvedObject: { kind: 'Node' } }, now)[3], 'node');
});

test('events of the same second keep the order they were written in (issue 16, bug 3)', () => {
  const at = (reason: string, rv: string, lastTimestamp: string): Event => ({ metadata: { name: reason, resourceVersion: rv }, reason, lastTimestamp });
  const second = '2026-03-01T11:00:00Z';
  const events = [at('Started', '12', second), at('Created', '11', second), at('Scheduled', '9', second), at('Pulled', '10', second)];
  assert.deepEqual(
    sortEvents(events).map((e) => e.reason),
    ['Scheduled', 'Pulled', 'Created', 'Started'],
  );
  // Sub-second precision where stored wins over resourceVersion; then time across seconds.
  const precise = [at('b', '1', '2026-03-01T11:00:00.500000Z'), at('a', '2', '2026-03-01T11:00:00.000200Z'), at('c', '3', '2026-03-01T10:59:59Z')];
  assert.deepEqual(
    sortEvents(precise).map((e) => e.reason),
    ['c', 'a', 'b'],
  );
  // resourceVersions compare as numbers, not text.
  assert.deepEqual(
    sortEvents([at('later', '100', second), at('earlier', '99', second)]).map((e) => e.reason),
    ['earlier', 'later'],
  );
});
