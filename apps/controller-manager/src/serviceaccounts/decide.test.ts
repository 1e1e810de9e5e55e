// After Kubernetes' TestServiceAccountCreation (pkg/controller/serviceaccount/serviceaccounts_controller_test.go):
// the controller reacts to namespace adds/updates and service account deletes by syncing the
// namespace, so each case is the namespace's state and the accounts left in it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serviceAccountsToCreate, type NamespaceView } from './decide.js';

const activeNS: NamespaceView = { phase: 'Active' };
const terminatingNS: NamespaceView = { phase: 'Terminating', deletionTimestamp: '2026-01-01T00:00:00Z' };

test('TestServiceAccountCreation', () => {
  const cases: [string, NamespaceView | undefined, string[], string[]][] = [
    ['new active namespace missing serviceaccounts', activeNS, [], ['default']],
    ['new active namespace missing serviceaccount', activeNS, ['managed'], ['default']],
    ['new active namespace with serviceaccounts', activeNS, ['default', 'managed'], []],
    ['new terminating namespace', terminatingNS, [], []],
    ['updated active namespace missing serviceaccounts', activeNS, [], ['default']],
    ['updated active namespace with serviceaccounts', activeNS, ['default'], []],
    ['updated terminating namespace', terminatingNS, [], []],
    ['deleted serviceaccount without namespace', undefined, [], []],
    ['deleted serviceaccount with active namespace', activeNS, [], ['default']],
    ['deleted serviceaccount with terminating namespace', terminatingNS, [], []],
    ['deleted unmanaged serviceaccount with active namespace', activeNS, ['default'], []],
    ['added unmanaged serviceaccount with active namespace', activeNS, ['default', 'unmanaged'], []],
    ['a namespace being deleted before its phase changes', { phase: 'Active', deletionTimestamp: '2026-01-01T00:00:00Z' }, [], []],
  ];
  for (const [name, namespace, existing, expected] of cases) assert.deepEqual(serviceAccountsToCreate(namespace, new Set(existing)), expected, name);
});
