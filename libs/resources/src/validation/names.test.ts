import { test } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { isCIdentifier, isConfigMapKey, isDns1123Label, isDns1123Subdomain, isEnvVarName, isHttpHeaderName, isQualifiedName, isValidLabelValue } from './names.js';

// Vectors from k8s.io/apimachinery/pkg/util/validation/validation_test.go.
const a = (n: number) => 'a'.repeat(n);

function check(rule: (v: string) => string[], good: string[], bad: string[]) {
  for (const value of good) assert.deepEqual(rule(value), [], `expected ${JSON.stringify(value)} to be valid`);
  for (const value of bad) assert.notDeepEqual(rule(value), [], `expected ${JSON.stringify(value)} to be invalid`);
}

test('isDns1123Label', () => {
  check(
    isDns1123Label,
    ['a', 'ab', 'abc', 'a1', 'a-1', 'a--1--2--b', '0', '01', '012', '1a', '1-a', '1--a--b--2', a(63)],
    [
      '',
      'A',
      'ABC',
      'aBc',
      'A1',
      'A-1',
      '1-A',
      '-',
      'a-',
      '-a',
      '1-',
      '-1',
      '_',
      'a_',
      '_a',
      'a_b',
      '1_',
      '_1',
      '1_2',
      '.',
      'a.',
      '.a',
      'a.b',
      '1.',
      '.1',
      '1.2',
      ' ',
      'a ',
      ' a',
      'a b',
      '1 ',
      ' 1',
      '1 2',
      a(64),
    ],
  );
});

test('isDns1123Label explains dots and length', () => {
  assert.deepEqual(isDns1123Label('a.b'), ['must not contain dots']);
  assert.deepEqual(isDns1123Label(a(64)), ['must be no more than 63 characters']);
  assert.deepEqual(isDns1123Label('Foo'), [
    "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name' or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
  ]);
});

test('isDns1123Subdomain', () => {
  check(
    isDns1123Subdomain,
    [
      'a',
      'ab',
      'abc',
      'a1',
      'a-1',
      'a--1--2--b',
      '0',
      '01',
      '012',
      '1a',
      '1-a',
      '1--a--b--2',
      'a.a',
      'ab.a',
      'abc.a',
      'a1.a',
      'a-1.a',
      'a--1--2--b.a',
      'a.1',
      'ab.1',
      'abc.1',
      'a1.1',
      'a-1.1',
      'a--1--2--b.1',
      '0.a',
      '01.a',
      '012.a',
      '1a.a',
      '1-a.a',
      '1--a--b--2',
      '0.1',
      '01.1',
      '012.1',
      '1a.1',
      '1-a.1',
      '1--a--b--2.1',
      'a.b.c.d.e',
      'aa.bb.cc.dd.ee',
      '1.2.3.4.5',
      '11.22.33.44.55',
      a(253),
    ],
    [
      '',
      'A',
      'ABC',
      'aBc',
      'A1',
      'A-1',
      '1-A',
      '-',
      'a-',
      '-a',
      '1-',
      '-1',
      '_',
      'a_',
      '_a',
      'a_b',
      '1_',
      '_1',
      '1_2',
      '.',
      'a.',
      '.a',
      'a..b',
      '1.',
      '.1',
      '1..2',
      ' ',
      'a ',
      ' a',
      'a b',
      '1 ',
      ' 1',
      '1 2',
      'A.a',
      'aB.a',
      'ab.A',
      'A1.a',
      'a1.A',
      'A.1',
      'aB.1',
      'A1.1',
      '1A.1',
      '0.A',
      '01.A',
      '012.A',
      '1A.a',
      '1a.A',
      'A.B.C.D.E',
      'AA.BB.CC.DD.EE',
      'a.B.c.d.e',
      'aa.bB.cc.dd.ee',
      'a@b',
      'a,b',
      'a_b',
      'a;b',
      'a:b',
      'a%b',
      'a?b',
      'a$b',
      a(254),
    ],
  );
  assert.deepEqual(isDns1123Subdomain(a(254)), ['must be no more than 253 characters']);
});

test('isQualifiedName', () => {
  check(
    isQualifiedName,
    [
      'simple',
      'now-with-dashes',
      '1-starts-with-num',
      '1234',
      'simple/simple',
      'now-with-dashes/simple',
      'now-with-dashes/now-with-dashes',
      'now.with.dots/simple',
      'now-with.dashes-and.dots/simple',
      '1-num.2-num/3-num',
      '1234/5678',
      '1.2.3.4/5678',
      'Uppercase_Is_OK_123',
      'example.com/Uppercase_Is_OK_123',
      'requests.storage-foo',
      a(63),
      `${a(253)}/${'b'.repeat(63)}`,
    ],
    ['nospecialchars%^=@', 'cantendwithadash-', '-cantstartwithadash-', 'only/one/slash', 'Example.com/abc', 'example_com/abc', 'example.com/', '/simple', a(64), `${a(254)}/abc`],
  );
});

test('isQualifiedName names the part at fault', () => {
  assert.deepEqual(isQualifiedName('/simple'), ['prefix part must be non-empty']);
  assert.deepEqual(isQualifiedName('example.com/')[0], 'name part must be non-empty');
  assert.deepEqual(isQualifiedName(a(64)), ['name part must be no more than 63 characters']);
  assert.match(isQualifiedName('Example.com/abc')[0]!, /^prefix part a lowercase RFC 1123 subdomain/);
  assert.match(isQualifiedName('a/b/c')[0]!, /^a qualified name must consist of .* with an optional DNS subdomain prefix and '\/' \(e\.g\. 'example\.com\/MyName'\)$/);
  assert.deepEqual(isQualifiedName(`${a(254)}/abc`), ['prefix part must be no more than 253 characters']);
});

test('isValidLabelValue', () => {
  check(
    isValidLabelValue,
    ['simple', 'now-with-dashes', '1-starts-with-num', 'end-with-num-1', '1234', a(63), '', 'under_score', 'Mixed.Case'],
    [
      'nospecialchars%^=@',
      'Tama-nui-te-rā.is.Māori.sun',
      '\\backslashes\\are\\bad',
      '-starts-with-dash',
      'ends-with-dash-',
      '.starts.with.dot',
      'ends.with.dot.',
      a(64),
      'has/slash',
      'has space',
    ],
  );
});

test('isCIdentifier', () => {
  check(
    isCIdentifier,
    ['a', 'ab', 'abc', 'a1', '_a', 'a_', 'a_b', 'a_1', 'a__1__2__b', '__abc_123', 'A', 'AB', 'AbC', 'A1', '_A', 'A_', 'A_B', 'A_1', 'A__1__2__B', '__123_ABC'],
    ['', '1', '123', '1a', '-', 'a-', '-a', '1-', '-1', '1_', '1_2', '.', 'a.', '.a', 'a.b', '1.', '.1', '1.2', ' ', 'a ', ' a', 'a b', '1 ', ' 1', '1 2', '#a#'],
  );
});

test('isEnvVarName is looser than a C identifier', () => {
  check(
    isEnvVarName,
    ['A', 'abc', 'ABC', 'A1', 'a_1', '_', 'a-b', 'my.env-name', 'MY_ENV.NAME', 'MyEnvName1', '-', '.a', 'a..b'],
    ['', '1', '1a', '123', '.', '..', '..a', 'a b', 'a=b', 'a$b', 'ā'],
  );
  assert.deepEqual(isEnvVarName('..'), ["must not be '..'"]);
});

test('isConfigMapKey and isHttpHeaderName', () => {
  check(isConfigMapKey, ['key.name', 'KEY_NAME', 'key-name', 'a', '.a', a(253)], ['', '.', '..', '..a', 'a/b', 'a b', a(254)]);
  check(isHttpHeaderName, ['X-Header-Name', 'Accept', 'a1'], ['', 'X_Header', 'X Header', 'X:Header']);
});

test('100 kB inputs are rejected (no catastrophic backtracking: a hang guard ends the check after 30 s)', async () => {
  // A backtracking regex would block the thread, which no test timeout can interrupt: run
  // the rules in a worker that can be terminated. The rules' speed is no assertion here.
  const worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
     import(workerData.module).then((rules) => {
       const long = 'a-'.repeat(50000) + '!';
       const names = ['isDns1123Label', 'isDns1123Subdomain', 'isQualifiedName', 'isValidLabelValue', 'isEnvVarName'];
       parentPort.postMessage(names.filter((name) => rules[name](long).length === 0));
     });`,
    { eval: true, workerData: { module: new URL('./names.js', import.meta.url).href } },
  );
  let guard: NodeJS.Timeout | undefined;
  const accepted = await Promise.race([
    once(worker, 'message').then(([names]) => names as string[]),
    new Promise<never>((_, reject) => {
      guard = setTimeout(() => reject(new Error('a rule was still matching after 30 s: catastrophic backtracking')), 30_000);
    }),
  ]).finally(() => {
    clearTimeout(guard);
    void worker.terminate();
  });
  assert.deepEqual(accepted, [], 'every rule rejects the long input');
});
