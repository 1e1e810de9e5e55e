import { test } from 'node:test';
import assert from 'node:assert/strict';
import { conditionMet, parseWaitFor } from './wait-condition.js';

const pod = (phase: string, ready: string) => ({ metadata: { name: 'p' }, status: { phase, conditions: [{ type: 'Ready', status: ready }] } });

test('condition=TYPE[=STATUS], without regard to case; True by default', () => {
  assert.equal(conditionMet(pod('Running', 'True'), parseWaitFor('condition=Ready')), true);
  assert.equal(conditionMet(pod('Running', 'False'), parseWaitFor('condition=Ready')), false);
  assert.equal(conditionMet(pod('Running', 'False'), parseWaitFor('condition=ready=false')), true);
  assert.equal(conditionMet(null, parseWaitFor('condition=Ready')), false);
});

test('jsonpath with a value compares the printed value; without one, the field must exist', () => {
  assert.equal(conditionMet(pod('Running', 'True'), parseWaitFor('jsonpath={.status.phase}=Running')), true);
  assert.equal(conditionMet(pod('Pending', 'True'), parseWaitFor('jsonpath={.status.phase}=Running')), false);
  assert.equal(conditionMet(pod('Pending', 'True'), parseWaitFor('jsonpath={.status.conditions[?(@.type=="Ready")].status}=True')), true);
  assert.equal(conditionMet(pod('Pending', 'True'), parseWaitFor('jsonpath={.status.podIP}')), false);
  assert.equal(conditionMet({ metadata: {}, status: { podIP: '1.2.3.4' } }, parseWaitFor('jsonpath={.status.podIP}')), true);
});

test('delete waits for absence, create for presence; bad specs are usage errors', () => {
  assert.equal(conditionMet(null, parseWaitFor('delete')), true);
  assert.equal(conditionMet(pod('Running', 'True'), parseWaitFor('delete')), false);
  assert.equal(conditionMet(pod('Running', 'True'), parseWaitFor('create')), true);
  assert.throws(() => parseWaitFor(undefined), /--for must be given/);
  assert.throws(() => parseWaitFor('ready'), /unrecognized condition: "ready"/);
  assert.throws(() => parseWaitFor('jsonpath={.a}Running'), /invalid --for/);
});
