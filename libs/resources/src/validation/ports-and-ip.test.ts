import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cidrFamily, ipFamily, isValidCidr, isValidIp } from './ip.js';
import { isValidPortName, isValidPortNum, validatePortNumOrName } from './ports.js';

test('isValidPortNum accepts 1..65535', () => {
  for (const port of [1, 80, 65535]) assert.deepEqual(isValidPortNum(port), []);
  for (const port of [0, -1, 65536, 1.5]) assert.deepEqual(isValidPortNum(port), ['must be between 1 and 65535, inclusive']);
});

test('isValidPortName follows IANA_SVC_NAME (apimachinery vectors)', () => {
  for (const name of ['telnet', 're-mail-ck', 'pop3', 'a', 'a-1', '1-a', 'a-1-b-2-c', '1-a-2-b-3']) assert.deepEqual(isValidPortName(name), [], name);
  const bad: [string, string][] = [
    ['longerthan15characters', 'must be no more than 15 characters'],
    ['', 'must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)'],
    ['a'.repeat(16), 'must be no more than 15 characters'],
    ['12345', 'must contain at least one letter (a-z)'],
    ['1-2-3-4', 'must contain at least one letter (a-z)'],
    ['-begin', 'must not begin or end with a hyphen'],
    ['end-', 'must not begin or end with a hyphen'],
    ['two--hyphens', 'must not contain consecutive hyphens'],
    ['whois++', 'must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)'],
    ['HTTP', 'must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)'],
  ];
  for (const [name, message] of bad) assert.ok(isValidPortName(name).includes(message), `${name}: ${isValidPortName(name).join('; ')}`);
});

test('validatePortNumOrName takes a number or a name', () => {
  assert.deepEqual(validatePortNumOrName(8080, 'p'), []);
  assert.deepEqual(validatePortNumOrName('http', 'p'), []);
  assert.equal(validatePortNumOrName(0, 'p')[0]?.type, 'Invalid');
  assert.equal(validatePortNumOrName('8080', 'p')[0]?.message, 'Invalid value: "8080": must contain at least one letter (a-z)');
  assert.equal(validatePortNumOrName(undefined, 'p')[0]?.type, 'Required');
  assert.equal(validatePortNumOrName({}, 'p')[0]?.type, 'Invalid');
});

test('IP addresses', () => {
  const good: [string, 4 | 6][] = [
    ['10.9.8.7', 4],
    ['0.0.0.0', 4],
    ['255.255.255.255', 4],
    ['010.001.002.003', 4],
    ['2001:db8::ffff', 6],
    ['::', 6],
    ['::1', 6],
    ['fe80::1:2:3:4', 6],
    ['1:2:3:4:5:6:7:8', 6],
    ['::ffff:1.2.3.4', 6],
  ];
  for (const [ip, family] of good) assert.equal(ipFamily(ip), family, ip);
  for (const ip of [
    '',
    '1.2.3',
    '1.2.3.4.5',
    '256.1.1.1',
    '1.2.3.-4',
    'a.b.c.d',
    '1:2:3:4:5:6:7:8:9',
    '1::2::3',
    ':1',
    '1:',
    '12345::',
    'fe80::1%eth0',
    '1.2.3.4/32',
    ' 1.2.3.4',
  ]) {
    assert.equal(isValidIp(ip), false, ip);
  }
});

test('CIDRs', () => {
  assert.equal(cidrFamily('10.244.0.0/16'), 4);
  assert.equal(cidrFamily('2001:db8::/64'), 6);
  assert.equal(isValidCidr('0.0.0.0/0'), true);
  for (const cidr of ['10.0.0.0', '10.0.0.0/33', '10.0.0.0/', '10.0.0.0/a', '2001:db8::/129', '/24', '10.0.0.0/24/1']) assert.equal(isValidCidr(cidr), false, cidr);
});
