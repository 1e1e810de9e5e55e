import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expandCommandAndArgs, expandVars } from './expansion.js';

const vars: Record<string, string> = { VAR_A: 'A', VAR_B: 'B', VAR_C: 'C', VAR_REF: '$(VAR_A)', VAR_EMPTY: '' };
const lookup = (name: string) => (Object.hasOwn(vars, name) ? vars[name] : undefined);

// Cases from Kubernetes' third_party/forked/golang/expansion/expand_test.go.
const cases: [string, string][] = [
  ['$(VAR_A)', 'A'],
  ['___$(VAR_B)___', '___B___'],
  ['$(VAR_A)-$(VAR_A)', 'A-A'],
  ['f000-$$VAR_A', 'f000-$VAR_A'],
  ['foo\\$(VAR_C)bar', 'foo\\Cbar'],
  ['foo\\\\$(VAR_C)bar', 'foo\\\\Cbar'],
  ['$$(VAR_B)_$(VAR_A)', '$(VAR_B)_A'],
  ['$(VAR_DNE)', '$(VAR_DNE)'],
  ['$(VAR_A', '$(VAR_A'],
  ['$$$(VAR_B)', '$B'],
  ['$$$$(VAR_A)', '$$(VAR_A)'],
  ['$$$$$$(VAR_A)', '$$$(VAR_A)'],
  ['$()', '$()'],
  ['$', '$'],
  ['$$', '$'],
  ['$$$', '$$'],
  ['$(VAR_A)$', 'A$'],
  ['$(VAR_A)$$', 'A$'],
  ['$(VAR_EMPTY)', ''],
  ['$(VAR_REF)', '$(VAR_A)'],
  ['$(VAR_A)$(VAR_B$(VAR_C))', 'A$(VAR_B$(VAR_C))'],
  ['$?_boo_$!', '$?_boo_$!'],
  ['no refs', 'no refs'],
  ['', ''],
];

for (const [input, expected] of cases) {
  test(`expandVars ${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () => {
    assert.equal(expandVars(input, lookup), expected);
  });
}

test('command and args expand against the final environment; unknown names stay', () => {
  const result = expandCommandAndArgs({ command: ['node', '-e', 'listen($(PORT))'], args: ['--ip=$(POD_IP)', '$(MISSING)', '$$(PORT)'] }, { PORT: '8080', POD_IP: '127.1.0.5' });
  assert.deepEqual(result, { command: ['node', '-e', 'listen(8080)'], args: ['--ip=127.1.0.5', '$(MISSING)', '$(PORT)'] });
});

test('missing command and args are empty lists', () => {
  assert.deepEqual(expandCommandAndArgs({}, {}), { command: [], args: [] });
});
