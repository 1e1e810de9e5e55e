import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fieldErrorToString } from '../field-error.js';
import { validateEndpointSlice, validateEndpointSliceUpdate, validateEndpoints } from './endpoint-slice.js';

type Slice = Record<string, any>;

const good = (): Slice => ({
  addressType: 'IPv4',
  ports: [{ name: 'http', protocol: 'TCP', port: 80 }],
  endpoints: [{ addresses: ['127.64.1.5'], conditions: { ready: true }, hostname: 'valid-123', nodeName: 'node-1', zone: 'a' }],
});

/** TestValidateEndpointSlice (pkg/apis/discovery/validation): [name, tweak, error count, a message among them]. */
const cases: [string, (s: Slice) => void, number, string?][] = [
  ['good-slice', () => {}, 0],
  ['empty-port-name', (s) => (s.ports[0].name = ''), 0],
  ['long-port-name', (s) => (s.ports[0].name = 'a'.repeat(63)), 0],
  ['empty-ports-and-endpoints', (s) => Object.assign(s, { ports: [], endpoints: [] }), 0],
  ['max-endpoints', (s) => (s.endpoints = Array.from({ length: 1000 }, () => ({ addresses: ['127.64.0.1'] }))), 0],
  ['too-many-endpoints', (s) => (s.endpoints = Array.from({ length: 1001 }, () => ({ addresses: ['127.64.0.1'] }))), 1, 'endpoints: Too many: 1001: must have at most 1000 items'],
  ['max-addresses', (s) => (s.endpoints[0].addresses = Array.from({ length: 100 }, () => '127.64.0.1')), 0],
  [
    'too-many-addresses',
    (s) => (s.endpoints[0].addresses = Array.from({ length: 101 }, () => '127.64.0.1')),
    1,
    'endpoints[0].addresses: Too many: 101: must have at most 100 items',
  ],
  ['bad-port-name-caps', (s) => (s.ports[0].name = 'aCapital'), 1],
  ['bad-port-name-chars', (s) => (s.ports[0].name = 'almost_valid'), 1],
  ['bad-port-name-length', (s) => (s.ports[0].name = 'a'.repeat(64)), 1],
  ['duplicate-port-name', (s) => s.ports.push({ name: 'http', protocol: 'UDP', port: 81 }), 1, 'ports[1].name: Duplicate value: "http"'],
  ['bad-protocol', (s) => (s.ports[0].protocol = 'foo'), 1, 'ports[0].protocol: Unsupported value: "foo": supported values: "SCTP", "TCP", "UDP"'],
  ['missing-protocol', (s) => delete s.ports[0].protocol, 1, 'ports[0].protocol: Required value'],
  ['bad-port', (s) => (s.ports[0].port = 70000), 1],
  ['bad-appProtocol', (s) => (s.ports[0].appProtocol = 'lots-of[invalid]-{chars}'), 1],
  ['bad-hostname', (s) => (s.endpoints[0].hostname = 'object.name'), 1],
  ['bad-nodeName', (s) => (s.endpoints[0].nodeName = 'INVALID!'), 1],
  ['bad-zone', (s) => (s.endpoints[0].zone = 'bad zone!'), 1],
  ['empty-addresses', (s) => (s.endpoints[0].addresses = []), 1, 'endpoints[0].addresses: Required value: must contain at least 1 address'],
  ['bad-ipv4', (s) => (s.endpoints[0].addresses = ['::1']), 1, 'endpoints[0].addresses[0]: Invalid value: "::1": must be a valid IPv4 address'],
  ['bad-ipv6', (s) => Object.assign(s, { addressType: 'IPv6' }), 1],
  ['good-fqdn', (s) => Object.assign(s, { addressType: 'FQDN', endpoints: [{ addresses: ['foo.example.com'] }] }), 0],
  ['bad-fqdn', (s) => Object.assign(s, { addressType: 'FQDN', endpoints: [{ addresses: ['foo.*'] }] }), 1],
  ['missing-addressType', (s) => delete s.addressType, 1, 'addressType: Required value'],
  ['bad-addressType', (s) => (s.addressType = 'IP'), 1, 'addressType: Unsupported value: "IP": supported values: "FQDN", "IPv4", "IPv6"'],
  ['bad-condition-type', (s) => (s.endpoints[0].conditions.ready = 'yes'), 1],
];

for (const [name, tweak, count, message] of cases) {
  test(`ValidateEndpointSlice: ${name}`, () => {
    const slice = good();
    tweak(slice);
    const errors = validateEndpointSlice(slice).map(fieldErrorToString);
    assert.equal(errors.length, count, errors.join('\n'));
    if (message) assert.ok(errors.includes(message) || errors.some((e) => e.startsWith(message)), errors.join('\n'));
  });
}

test('ValidateEndpointSliceUpdate: addressType is immutable', () => {
  assert.deepEqual(validateEndpointSliceUpdate({ addressType: 'IPv4' }, { addressType: 'IPv4' }), []);
  assert.deepEqual(validateEndpointSliceUpdate({ addressType: 'FQDN' }, { addressType: 'IPv4' }).map(fieldErrorToString), [
    'addressType: Invalid value: "FQDN": field is immutable',
  ]);
});

test('ValidateEndpoints: subsets need an address; several ports need names', () => {
  const ok = {
    subsets: [
      {
        addresses: [{ ip: '127.64.1.2' }],
        notReadyAddresses: [{ ip: '127.64.1.3', hostname: 'h' }],
        ports: [
          { name: 'a', port: 80, protocol: 'TCP' },
          { name: 'b', port: 81, protocol: 'UDP' },
        ],
      },
    ],
  };
  assert.deepEqual(validateEndpoints(ok), []);
  assert.deepEqual(validateEndpoints({ subsets: [{ ports: [{ port: 80, protocol: 'TCP' }] }] }).map(fieldErrorToString), [
    'subsets[0]: Required value: must specify `addresses` or `notReadyAddresses`',
  ]);
  const unnamed = {
    subsets: [
      {
        addresses: [{ ip: '127.64.1.2' }],
        ports: [
          { port: 80, protocol: 'TCP' },
          { port: 81, protocol: 'TCP' },
        ],
      },
    ],
  };
  assert.equal(validateEndpoints(unnamed).length, 2);
  assert.deepEqual(validateEndpoints({ subsets: [{ addresses: [{ ip: 'x' }], ports: [{ port: 80, protocol: 'TCP' }] }] }).map(fieldErrorToString), [
    'subsets[0].addresses[0].ip: Invalid value: "x": must be a valid IP address',
  ]);
});
