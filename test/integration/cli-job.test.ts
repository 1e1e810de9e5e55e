// `wh create job` and `wh get jobs` through the real CLI and API (no controller: the Job stays unstarted).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApi, type TestApi } from '../support/api.js';
import { whRunner } from '../support/wh.js';

let api: TestApi;
let wh: ReturnType<typeof whRunner>;
before(async () => {
  api = await startTestApi();
  wh = whRunner(api.url);
});
after(async () => {
  await wh?.stopAll();
  await api?.close();
});

test('wh create job NAME --image -- COMMAND makes the kubectl Job; wh get jobs prints its columns', async () => {
  const created = await wh.run(['create', 'job', 'pi', '--image=perl:5.34.0', '--', 'perl', '-Mbignum=bpi', '-wle', 'print bpi(20)']);
  assert.equal(created.code, 0, created.stderr);
  assert.equal(created.stdout, 'job.batch/pi created\n');
  const { job } = await api.ok(`query { job(name: "pi") { spec { completions backoffLimit template { spec { restartPolicy containers { name image command } } } } } }`);
  assert.deepEqual(job.spec.template.spec.containers, [{ name: 'pi', image: 'perl:5.34.0', command: ['perl', '-Mbignum=bpi', '-wle', 'print bpi(20)'] }]);
  assert.equal(job.spec.template.spec.restartPolicy, 'Never');
  assert.deepEqual([job.spec.completions, job.spec.backoffLimit], [1, 6]);
  const listed = await wh.run(['get', 'jobs']);
  assert.equal(listed.code, 0, listed.stderr);
  const [header, row] = listed.stdout.trimEnd().split('\n');
  assert.deepEqual(header!.split(/\s{2,}/), ['NAME', 'STATUS', 'COMPLETIONS', 'DURATION', 'AGE']);
  assert.match(row!, /^pi\s+Running\s+0\/1\s+\d+s$/);
  const missing = await wh.run(['create', 'job', 'noimage']);
  assert.notEqual(missing.code, 0);
  assert.match(missing.stderr, /either --image or --from must be specified/);
});
