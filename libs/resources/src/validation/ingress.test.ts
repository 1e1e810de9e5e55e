import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fieldErrorToString } from '../field-error.js';
import { validateIngress, validateIngressClass, validateIngressClassUpdate } from './ingress.js';

type Obj = Record<string, any>;

const backend = () => ({ service: { name: 'default-backend', port: { number: 80 } } });
const good = (): Obj => ({
  metadata: { name: 'foo', namespace: 'default' },
  spec: {
    defaultBackend: backend(),
    rules: [{ host: 'foo.bar.com', http: { paths: [{ path: '/foo', pathType: 'ImplementationSpecific', backend: backend() }] } }],
  },
});
const path0 = (i: Obj) => i.spec.rules[0].http.paths[0];

/** TestValidateIngress / TestValidateIngressCreate (pkg/apis/networking/validation): [name, tweak, expected error strings]. */
const cases: [string, (i: Obj) => void, string[]][] = [
  ['valid', () => {}, []],
  ['missing pathType', (i) => delete path0(i).pathType, ['spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified']],
  [
    'invalid pathType',
    (i) => (path0(i).pathType = 'foo'),
    ['spec.rules[0].http.paths[0].pathType: Unsupported value: "foo": supported values: "Exact", "ImplementationSpecific", "Prefix"'],
  ],
  [
    'Prefix relative path',
    (i) => Object.assign(path0(i), { pathType: 'Prefix', path: 'foo' }),
    ['spec.rules[0].http.paths[0].path: Invalid value: "foo": must be an absolute path'],
  ],
  ['Exact empty path', (i) => Object.assign(path0(i), { pathType: 'Exact', path: '' }), ['spec.rules[0].http.paths[0].path: Invalid value: "": must be an absolute path']],
  ['ImplementationSpecific empty path', (i) => (path0(i).path = ''), []],
  ['ImplementationSpecific relative path', (i) => (path0(i).path = 'foo'), ['spec.rules[0].http.paths[0].path: Invalid value: "foo": must be an absolute path']],
  [
    'Prefix with //',
    (i) => Object.assign(path0(i), { pathType: 'Prefix', path: '/foo//bar' }),
    ['spec.rules[0].http.paths[0].path: Invalid value: "/foo//bar": must not contain \'//\''],
  ],
  [
    'Exact with /../',
    (i) => Object.assign(path0(i), { pathType: 'Exact', path: '/a/../b' }),
    ['spec.rules[0].http.paths[0].path: Invalid value: "/a/../b": must not contain \'/../\''],
  ],
  [
    'Prefix with %2f',
    (i) => Object.assign(path0(i), { pathType: 'Prefix', path: '/a%2fb' }),
    ['spec.rules[0].http.paths[0].path: Invalid value: "/a%2fb": must not contain \'%2f\''],
  ],
  ['Prefix ending /.', (i) => Object.assign(path0(i), { pathType: 'Prefix', path: '/a/.' }), ['spec.rules[0].http.paths[0].path: Invalid value: "/a/.": cannot end with \'/.\'']],
  ['Exact ending /..', (i) => Object.assign(path0(i), { pathType: 'Exact', path: '/a/..' }), ['spec.rules[0].http.paths[0].path: Invalid value: "/a/..": cannot end with \'/..\'']],
  ['host is an IP', (i) => (i.spec.rules[0].host = '127.0.0.1'), ['spec.rules[0].host: Invalid value: "127.0.0.1": must be a DNS name, not an IP address']],
  ['valid wildcard host', (i) => (i.spec.rules[0].host = '*.bar.com'), []],
  ['wildcard not leading', (i) => (i.spec.rules[0].host = 'foo.*.bar.com'), ['spec.rules[0].host: Invalid value: "foo.*.bar.com": a wildcard DNS-1123 subdomain']],
  ['double wildcard', (i) => (i.spec.rules[0].host = '*.*.bar.com'), ['spec.rules[0].host: Invalid value: "*.*.bar.com": a wildcard DNS-1123 subdomain']],
  ['bad host', (i) => (i.spec.rules[0].host = 'foo_bar.com'), ['spec.rules[0].host: Invalid value: "foo_bar.com": a lowercase RFC 1123 subdomain']],
  ['no rules and no default backend', (i) => (i.spec = {}), ['spec: Invalid value: null: either `defaultBackend` or `rules` must be specified']],
  ['default backend only', (i) => delete i.spec.rules, []],
  ['rule with no paths', (i) => (i.spec.rules[0].http.paths = []), ['spec.rules[0].http.paths: Required value']],
  ['rule without http', (i) => delete i.spec.rules[0].http, []],
  ['backend without service or resource', (i) => (i.spec.defaultBackend = {}), ['spec.defaultBackend: Invalid value: "": resource or service backend is required']],
  [
    'both resource and service',
    (i) => (i.spec.defaultBackend.resource = { apiGroup: 'example.com', kind: 'foo', name: 'bar' }),
    ['spec.defaultBackend: Invalid value: "": cannot set both resource and service backends'],
  ],
  [
    'resource backend refused',
    (i) => (i.spec.defaultBackend = { resource: { apiGroup: 'example.com', kind: 'foo', name: 'bar' } }),
    ['spec.defaultBackend.resource: Forbidden: resource backends are not supported; use a service backend'],
  ],
  ['service name missing', (i) => (i.spec.defaultBackend.service.name = ''), ['spec.defaultBackend.service.name: Required value']],
  ['service name not a DNS-1035 label', (i) => (i.spec.defaultBackend.service.name = '1abc'), ['spec.defaultBackend.service.name: Invalid value: "1abc": a DNS-1035 label']],
  [
    'port name and number',
    (i) => (i.spec.defaultBackend.service.port = { name: 'http', number: 80 }),
    ['spec.defaultBackend: Invalid value: "": cannot set both port name & port number'],
  ],
  ['port missing', (i) => (i.spec.defaultBackend.service.port = {}), ['spec.defaultBackend: Required value: port name or number is required']],
  [
    'port number too big',
    (i) => (i.spec.defaultBackend.service.port = { number: 70000 }),
    ['spec.defaultBackend.service.port.number: Invalid value: 70000: must be between 1 and 65535, inclusive'],
  ],
  ['bad port name', (i) => (i.spec.defaultBackend.service.port = { name: 'Http_' }), ['spec.defaultBackend.service.port.name: Invalid value: "Http_"']],
  ['valid TLS', (i) => (i.spec.tls = [{ hosts: ['foo.bar.com', '*.bar.com'], secretName: 'foo-tls' }]), []],
  ['TLS wildcard not leading', (i) => (i.spec.tls = [{ hosts: ['foo.*.bar.com'] }]), ['spec.tls[0].hosts[0]: Invalid value: "foo.*.bar.com": a wildcard DNS-1123 subdomain']],
  ['TLS bad secret name', (i) => (i.spec.tls = [{ secretName: 'Bad_Name' }]), ['spec.tls[0].secretName: Invalid value: "Bad_Name"']],
  ['bad class name', (i) => (i.spec.ingressClassName = 'Bad'), ['spec.ingressClassName: Invalid value: "Bad"']],
  [
    'class annotation disagrees',
    (i) => Object.assign(i, { metadata: { ...i.metadata, annotations: { 'kubernetes.io/ingress.class': 'foo' } }, spec: { ...i.spec, ingressClassName: 'bar' } }),
    ['annotations.kubernetes.io/ingress.class: Invalid value: "foo": must match `ingressClassName` when both are specified'],
  ],
  [
    'class annotation agrees',
    (i) => Object.assign(i, { metadata: { ...i.metadata, annotations: { 'kubernetes.io/ingress.class': 'foo' } }, spec: { ...i.spec, ingressClassName: 'foo' } }),
    [],
  ],
];

for (const [name, tweak, expected] of cases) {
  test(`ValidateIngress: ${name}`, () => {
    const ingress = good();
    tweak(ingress);
    const errors = validateIngress(ingress).map(fieldErrorToString);
    assert.equal(errors.length, expected.length, errors.join('\n'));
    for (const [i, msg] of expected.entries()) assert.ok(errors[i]!.startsWith(msg), `${errors[i]} should start with ${msg}`);
  });
}

/** TestValidateIngressClass: [name, spec, expected error strings]. */
const classCases: [string, Obj, string[]][] = [
  ['valid', { controller: 'foo.co/bar' }, []],
  ['valid with parameters', { controller: 'foo.co/bar', parameters: { apiGroup: 'example.com', kind: 'foo', name: 'bar', scope: 'Cluster' } }, []],
  ['missing controller', {}, ['spec.controller: Required value']],
  ['controller not domain-prefixed', { controller: 'foo' }, ['spec.controller: Invalid value: "foo": must be a domain-prefixed path (such as "acme.io/foo")']],
  ['controller too long', { controller: `foo.co/${'a'.repeat(250)}` }, ['spec.controller: Too long: may not be more than 250']],
  ['parameters without kind', { controller: 'foo.co/bar', parameters: { name: 'bar' } }, ['spec.parameters.kind: Required value']],
  ['Namespace scope without namespace', { controller: 'foo.co/bar', parameters: { kind: 'k', name: 'n', scope: 'Namespace' } }, ['spec.parameters.namespace: Required value']],
  ['Cluster scope with namespace', { controller: 'foo.co/bar', parameters: { kind: 'k', name: 'n', scope: 'Cluster', namespace: 'x' } }, ['spec.parameters.namespace: Forbidden']],
  ['bad scope', { controller: 'foo.co/bar', parameters: { kind: 'k', name: 'n', scope: 'Global' } }, ['spec.parameters.scope: Unsupported value: "Global"']],
];

for (const [name, spec, expected] of classCases) {
  test(`ValidateIngressClass: ${name}`, () => {
    const errors = validateIngressClass({ metadata: { name: 'test' }, spec }).map(fieldErrorToString);
    assert.equal(errors.length, expected.length, errors.join('\n'));
    for (const [i, msg] of expected.entries()) assert.ok(errors[i]!.startsWith(msg), `${errors[i]} should start with ${msg}`);
  });
}

test('ValidateIngressClassUpdate: the controller is immutable', () => {
  assert.deepEqual(validateIngressClassUpdate({ spec: { controller: 'foo.co/bar' } }, { spec: { controller: 'foo.co/bar' } }), []);
  assert.equal(
    fieldErrorToString(validateIngressClassUpdate({ spec: { controller: 'foo.co/baz' } }, { spec: { controller: 'foo.co/bar' } })[0]!),
    'spec.controller: Invalid value: "foo.co/baz": field is immutable',
  );
});
