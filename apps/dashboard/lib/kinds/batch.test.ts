import { test } from 'node:test';
import assert from 'node:assert/strict';
import { JobKind, jobCompletions, jobStatus, type Job } from './batch.ts';

const job = (over: Partial<Job> = {}): Job => ({ metadata: { name: 'pi', creationTimestamp: '2026-01-01T00:00:00Z', ...over.metadata }, spec: over.spec, status: over.status });

test('Job list columns read like kubectl get jobs', () => {
  assert.deepEqual(
    JobKind.columns.filter((c) => !c.wide).map((c) => c.header),
    ['Status', 'Completions', 'Duration', 'Age'],
  );
  assert.equal(
    jobStatus(
      job({
        status: {
          conditions: [
            { type: 'SuccessCriteriaMet', status: 'True' },
            { type: 'Complete', status: 'True' },
          ],
        },
      }),
    ),
    'Complete',
  );
  assert.equal(jobStatus(job({ status: { conditions: [{ type: 'FailureTarget', status: 'True' }] } })), 'FailureTarget');
  assert.equal(jobStatus(job({ metadata: { deletionTimestamp: '2026-01-01T00:01:00Z' } })), 'Terminating');
  assert.equal(jobStatus(job()), 'Running');
  assert.equal(jobCompletions(job({ spec: { completions: 3 }, status: { succeeded: 1 } })), '1/3');
  assert.equal(jobCompletions(job({ spec: { parallelism: 4 } })), '0/1 of 4');
  const duration = JobKind.columns.find((c) => c.id === 'duration')!;
  const done = job({ status: { startTime: '2026-01-01T00:00:00Z', completionTime: '2026-01-01T00:00:42Z' } });
  assert.equal(duration.value(done, { now: Date.parse('2026-01-02T00:00:00Z') }), '42s');
});
