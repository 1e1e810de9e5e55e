import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ingressObject } from './ingress.js';

const svc = (name: string, port: object) => ({ service: { name, port } });

/** TestCreateIngress (kubectl create_ingress_test.go): rule → spec. */
test('create ingress: exact path, host, port number', () => {
  assert.deepEqual(ingressObject('web', { rules: ['foo.com/bar=svc1:8080'] }).spec, {
    rules: [{ host: 'foo.com', http: { paths: [{ path: '/bar', pathType: 'Exact', backend: svc('svc1', { number: 8080 }) }] } }],
  });
});

test('create ingress: a trailing * is a Prefix; paths of one host share its rule; named ports', () => {
  assert.deepEqual(ingressObject('web', { rules: ['foo.com/*=svc1:http', 'foo.com/admin/*=svc2:8081'], className: 'wheelhouse' }).spec, {
    ingressClassName: 'wheelhouse',
    rules: [
      {
        host: 'foo.com',
        http: {
          paths: [
            { path: '/', pathType: 'Prefix', backend: svc('svc1', { name: 'http' }) },
            { path: '/admin/', pathType: 'Prefix', backend: svc('svc2', { number: 8081 }) },
          ],
        },
      },
    ],
  });
});

test('create ingress: tls with and without a secret; hostless rule; default backend', () => {
  assert.deepEqual(ingressObject('web', { rules: ['a.com/=s:80,tls=a-tls', 'b.com/=s:80,tls', '/x=s:80'], defaultBackend: 'fallback:80' }).spec, {
    defaultBackend: svc('fallback', { number: 80 }),
    rules: [
      { host: 'a.com', http: { paths: [{ path: '/', pathType: 'Exact', backend: svc('s', { number: 80 }) }] } },
      { host: 'b.com', http: { paths: [{ path: '/', pathType: 'Exact', backend: svc('s', { number: 80 }) }] } },
      { http: { paths: [{ path: '/x', pathType: 'Exact', backend: svc('s', { number: 80 }) }] } },
    ],
    tls: [{ hosts: ['a.com'], secretName: 'a-tls' }, { hosts: ['b.com'] }],
  });
});

test('create ingress: bad rules and no rules are refused as kubectl does', () => {
  assert.throws(() => ingressObject('web', { rules: ['foo.com=svc:80'] }), /should be in format host\/path=svcname:svcport/);
  assert.throws(() => ingressObject('web', { rules: [] }), /either specify a default-backend/);
  assert.throws(() => ingressObject('web', { rules: [], defaultBackend: 'svc' }), /servicename:serviceport/);
});
