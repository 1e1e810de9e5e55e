import { test } from 'node:test';
import assert from 'node:assert/strict';
import { durationSeconds, int, list, parseArgs } from './args.js';
import { UsageError } from './errors.js';

const specs = [
  { name: 'output', short: 'o', value: true },
  { name: 'filename', short: 'f', value: true, multiple: true },
  { name: 'dry-run', optionalValue: true },
  { name: 'force' },
  { name: 'replicas', value: true },
  { name: 'timeout', value: true },
];

test('flags in every spelling, positionals kept in order', () => {
  const a = parseArgs(['pods', '-n', 'shop', 'web', '--output=yaml', '-A', '--context', 'prod'], specs);
  assert.deepEqual(a.positionals, ['pods', 'web']);
  assert.deepEqual(a.flags, { namespace: 'shop', output: 'yaml', 'all-namespaces': true, context: 'prod' });
  assert.equal(parseArgs(['-owide'], specs).flags.output, 'wide');
  assert.equal(parseArgs(['-o=json'], specs).flags.output, 'json');
});

test('repeated flags collect; - is stdin; -- ends flags', () => {
  const a = parseArgs(['-f', 'a.yaml', '-f', '-', '--', '-x'], specs);
  assert.deepEqual(list(a, 'filename'), ['a.yaml', '-']);
  assert.deepEqual(a.positionals, ['-x']);
});

test('booleans take =true/false, optional values take any', () => {
  assert.equal(parseArgs(['--force=false'], specs).flags.force, false);
  assert.equal(parseArgs(['--dry-run'], specs).flags['dry-run'], true);
  assert.equal(parseArgs(['--dry-run=server'], specs).flags['dry-run'], 'server');
});

test('mistakes are usage errors', () => {
  assert.throws(() => parseArgs(['--nope'], specs), UsageError);
  assert.throws(() => parseArgs(['-o'], specs), /needs an argument/);
  assert.throws(() => parseArgs(['--force=maybe'], specs), UsageError);
  assert.throws(() => int(parseArgs(['--replicas', 'x'], specs), 'replicas'), /not an integer/);
  assert.equal(int(parseArgs(['--replicas', '3'], specs), 'replicas'), 3);
});

test('durations: bare seconds or s/m/h', () => {
  assert.equal(durationSeconds(parseArgs(['--timeout', '90'], specs), 'timeout'), 90);
  assert.equal(durationSeconds(parseArgs(['--timeout=2m'], specs), 'timeout'), 120);
  assert.equal(durationSeconds(parseArgs([], specs), 'timeout'), undefined);
  assert.throws(() => durationSeconds(parseArgs(['--timeout', '1d'], specs), 'timeout'), UsageError);
});

test('combined boolean shorthands: -it is -i -t; an unknown one in the group is refused', () => {
  const specs = [
    { name: 'stdin', short: 'i' },
    { name: 'tty', short: 't' },
    { name: 'container', short: 'c', value: true },
  ];
  assert.deepEqual(parseArgs(['-it', 'pod', '--', 'sh'], specs), { positionals: ['pod', 'sh'], flags: { stdin: true, tty: true } });
  assert.throws(() => parseArgs(['-ix'], specs), /unknown shorthand flag: 'x' in -ix/);
});
