import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readyUpstreams } from './endpoints.js';

const service = {
  spec: {
    ports: [
      { name: 'http', port: 80, targetPort: 8080 },
      { name: 'admin', port: 9000 },
    ],
  },
};
const slices = [
  {
    ports: [
      { name: 'http', port: 8080 },
      { name: 'admin', port: 9001 },
    ],
    endpoints: [{ addresses: ['127.64.0.1'], conditions: { ready: true } }, { addresses: ['127.64.0.2'], conditions: { ready: false } }, { addresses: ['127.64.0.3'] }],
  },
  { ports: [{ name: 'http', port: 8080 }], endpoints: [{ addresses: ['127.64.0.4'], conditions: { ready: true } }] },
];

test('readyUpstreams: by Service port number, ready (or unknown) endpoints of every slice, at the target port', () => {
  assert.deepEqual(readyUpstreams(service, slices, { number: 80 }), [
    { host: '127.64.0.1', port: 8080 },
    { host: '127.64.0.3', port: 8080 },
    { host: '127.64.0.4', port: 8080 },
  ]);
});

test('readyUpstreams: by Service port name', () => {
  assert.deepEqual(readyUpstreams(service, slices, { name: 'admin' }), [
    { host: '127.64.0.1', port: 9001 },
    { host: '127.64.0.3', port: 9001 },
  ]);
});

test('readyUpstreams: no such Service or port means no upstreams', () => {
  assert.deepEqual(readyUpstreams(undefined, slices, { number: 80 }), []);
  assert.deepEqual(readyUpstreams(service, slices, { number: 81 }), []);
});
