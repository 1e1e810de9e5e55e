import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildRouteTable, decide } from './routes.js';
import type { IngressObject } from './types.js';

const path = (p: string, pathType: string, service: string) => ({ path: p, pathType, backend: { service: { name: service, port: { number: 8080 } } } });
const ingress = (name: string, spec: IngressObject['spec'], creationTimestamp = '2026-01-01T00:00:00Z'): IngressObject => ({
  metadata: { name, namespace: 'ns', creationTimestamp },
  spec,
});

/** The Background Ingress of the upstream path_rules.feature. */
const pathRules = ingress('path-rules', {
  rules: [
    { host: 'exact-path-rules', http: { paths: [path('/foo', 'Exact', 'foo-exact')] } },
    {
      host: 'prefix-path-rules',
      http: { paths: [path('/foo', 'Prefix', 'foo-prefix'), path('/aaa/bbb', 'Prefix', 'aaa-slash-bbb-prefix'), path('/aaa', 'Prefix', 'aaa-prefix')] },
    },
    { host: 'mixed-path-rules', http: { paths: [path('/foo', 'Prefix', 'foo-prefix'), path('/foo', 'Exact', 'foo-exact')] } },
    { host: 'trailing-slash-path-rules', http: { paths: [path('/aaa/bbb/', 'Prefix', 'aaa-slash-bbb-slash-prefix'), path('/foo/', 'Exact', 'foo-slash-exact')] } },
  ],
});

const hostRules = ingress('host-rules', {
  defaultBackend: { service: { name: 'fallback', port: { number: 80 } } },
  rules: [
    { host: 'foo.bar.com', http: { paths: [path('/', 'Prefix', 'exact-host')] } },
    { host: '*.bar.com', http: { paths: [path('/', 'Prefix', 'wildcard-host')] } },
    { host: 'only-api.com', http: { paths: [path('/api', 'Prefix', 'api')] } },
    { http: { paths: [path('/any', 'Prefix', 'no-host'), path('/', 'ImplementationSpecific', 'no-host-root')] } },
  ],
});

/** [host, path, expected service or null for 404]. */
const cases: [IngressObject[], string, string, string | null][] = [
  [[pathRules], 'exact-path-rules', '/foo', 'foo-exact'],
  [[pathRules], 'exact-path-rules', '/foo/', null],
  [[pathRules], 'exact-path-rules', '/FOO', null],
  [[pathRules], 'exact-path-rules', '/bar', null],
  [[pathRules], 'prefix-path-rules', '/foo', 'foo-prefix'],
  [[pathRules], 'prefix-path-rules', '/foo/', 'foo-prefix'],
  [[pathRules], 'prefix-path-rules', '/FOO', null],
  [[pathRules], 'prefix-path-rules', '/aaa/bbb', 'aaa-slash-bbb-prefix'],
  [[pathRules], 'prefix-path-rules', '/aaa/bbb/ccc', 'aaa-slash-bbb-prefix'],
  [[pathRules], 'prefix-path-rules', '/aaa/ccc', 'aaa-prefix'],
  [[pathRules], 'prefix-path-rules', '/aaaccc', null],
  [[pathRules], 'mixed-path-rules', '/foo', 'foo-exact'],
  [[pathRules], 'mixed-path-rules', '/foo/bar', 'foo-prefix'],
  [[pathRules], 'trailing-slash-path-rules', '/aaa/bbb', 'aaa-slash-bbb-slash-prefix'],
  [[pathRules], 'trailing-slash-path-rules', '/aaa/bbb/', 'aaa-slash-bbb-slash-prefix'],
  [[pathRules], 'trailing-slash-path-rules', '/foo', null],
  [[pathRules], 'trailing-slash-path-rules', '/foo/', 'foo-slash-exact'],
  [[pathRules], 'PREFIX-path-rules:8080', '/foo?x=1', 'foo-prefix'],
  [[pathRules], 'unknown-host', '/foo', null],
  [[hostRules], 'foo.bar.com', '/x', 'exact-host'],
  [[hostRules], 'baz.bar.com', '/x', 'wildcard-host'],
  [[hostRules], 'a.baz.bar.com', '/any', 'no-host'],
  [[hostRules], 'bar.com', '/', 'no-host-root'],
  [[hostRules], 'only-api.com', '/api/v1', 'api'],
  [[hostRules], 'only-api.com', '/web', 'fallback'],
  [[hostRules], '127.0.0.1:8080', '/', 'no-host-root'],
  [
    [
      ingress('newer', { rules: [{ host: 'h', http: { paths: [path('/', 'Prefix', 'newer')] } }] }, '2026-02-01T00:00:00Z'),
      ingress('older', { rules: [{ host: 'h', http: { paths: [path('/', 'Prefix', 'older')] } }] }),
    ],
    'h',
    '/',
    'older',
  ],
  [
    [
      ingress('two', { rules: [{ host: 'h', http: { paths: [path('/a', 'Prefix', 'a')] } }] }),
      ingress('one', { rules: [{ host: 'h', http: { paths: [path('/a/b', 'Prefix', 'ab')] } }] }),
    ],
    'h',
    '/a/b/c',
    'ab',
  ],
];

for (const [ingresses, host, p, expected] of cases) {
  test(`decide: ${host}${p} → ${expected ?? '404'}`, () => {
    assert.equal(decide(buildRouteTable(ingresses), host, p)?.service ?? null, expected);
  });
}
