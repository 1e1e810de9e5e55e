import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CronJob } from '@wheelhouse/model';
import { PRINTERS, printHeaders, printRow } from './columns.js';

const NOW = Date.parse('2026-01-01T01:00:00Z');
const at = (offsetMs: number) => new Date(NOW + offsetMs).toISOString();
const template = {
  spec: {
    completions: 2,
    selector: { matchLabels: { a: 'b' } },
    template: {
      spec: {
        containers: [
          { name: 'fake-job-container1', image: 'fake-job-image1' },
          { name: 'fake-job-container2', image: 'fake-job-image2' },
        ],
      },
    },
  },
};

/** kubectl printCronJob cases (pkg/printers/internalversion/printers_test.go TestPrintCronJob). */
test('CronJob columns: NAME SCHEDULE TIMEZONE SUSPEND ACTIVE LAST SCHEDULE AGE; wide: CONTAINERS IMAGES SELECTOR', () => {
  const printer = PRINTERS.CronJob!;
  assert.deepEqual(printHeaders(printer), ['Name', 'Schedule', 'Timezone', 'Suspend', 'Active', 'Last Schedule', 'Age']);
  assert.deepEqual(printHeaders(printer, { wide: true }).slice(-3), ['Containers', 'Images', 'Selector']);
  const basic: CronJob = {
    metadata: { name: 'cronjob1', creationTimestamp: at(1900) },
    spec: { schedule: '0/5 * * * ?', suspend: false, jobTemplate: template },
    status: { lastScheduleTime: at(1900) },
  };
  const cases: [CronJob, boolean, string[]][] = [
    [basic, false, ['cronjob1', '0/5 * * * ?', '<none>', 'False', '0', '0s', '0s']],
    [basic, true, ['cronjob1', '0/5 * * * ?', '<none>', 'False', '0', '0s', '0s', 'fake-job-container1,fake-job-container2', 'fake-job-image1,fake-job-image2', 'a=b']],
    [
      { metadata: { name: 'cronjob2', creationTimestamp: at(-300_000) }, spec: { schedule: '0/5 * * * ?', suspend: false }, status: { lastScheduleTime: at(-30_000) } },
      false,
      ['cronjob2', '0/5 * * * ?', '<none>', 'False', '0', '30s', '5m'],
    ],
    [
      { metadata: { name: 'cronjob3', creationTimestamp: at(-300_000) }, spec: { schedule: '0/5 * * * ?', suspend: false }, status: {} },
      false,
      ['cronjob3', '0/5 * * * ?', '<none>', 'False', '0', '<none>', '5m'],
    ],
    [
      {
        metadata: { name: 'cronjob4', creationTimestamp: at(-300_000) },
        spec: { schedule: '0/5 * * * ?', suspend: false, timeZone: 'LOCAL' },
        status: { lastScheduleTime: at(-30_000) },
      },
      false,
      ['cronjob4', '0/5 * * * ?', 'LOCAL', 'False', '0', '30s', '5m'],
    ],
  ];
  for (const [o, wide, expected] of cases) assert.deepEqual(printRow(printer, o, NOW, { wide }), expected, `${o.metadata.name}${wide ? ' wide' : ''}`);
  // Beyond upstream's table: active Jobs are counted, an absent suspend reads <unset>, no template selector reads <none>.
  const hello: CronJob = {
    metadata: { name: 'hello', creationTimestamp: at(-60_000) },
    spec: { schedule: '* * * * *', jobTemplate: { spec: { template: { spec: { containers: [{ name: 'hello', image: 'busybox:1.28' }] } } } } },
    status: {
      active: [
        { name: 'hello-1', uid: 'u1' },
        { name: 'hello-2', uid: 'u2' },
      ],
    },
  };
  assert.deepEqual(printRow(printer, hello, NOW, { wide: true }), ['hello', '* * * * *', '<none>', '<unset>', '2', '<none>', '60s', 'hello', 'busybox:1.28', '<none>']);
});
