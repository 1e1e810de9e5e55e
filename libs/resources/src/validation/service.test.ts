import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fieldErrorToString } from '../field-error.js';
import { validateObjectMeta } from './object-meta.js';
import { validateService, validateServiceUpdate } from './service.js';

type Svc = { metadata: Record<string, any>; spec: Record<string, any> };

/** makeValidService of pkg/apis/core/validation/validation_test.go. */
function makeValidService(): Svc {
  return {
    metadata: { name: 'valid', namespace: 'valid', labels: {}, annotations: {} },
    spec: {
      selector: { key: 'val' },
      sessionAffinity: 'None',
      type: 'ClusterIP',
      ports: [{ name: 'p', protocol: 'TCP', port: 8675, targetPort: 8675 }],
      internalTrafficPolicy: 'Cluster',
    },
  };
}

const validate = (svc: Svc) => [...validateObjectMeta(svc.metadata, { namespaced: true, nameRule: 'dns1035' }), ...validateService(svc)];

/** TestValidateServiceCreate: [name, tweak, number of errors, a message that must be among them]. */
const cases: [string, (s: Svc) => void, number, string?][] = [
  ['missing namespace', (s) => delete s.metadata.namespace, 1, 'metadata.namespace: Required value'],
  ['invalid namespace', (s) => (s.metadata.namespace = '-123'), 1],
  ['missing name', (s) => delete s.metadata.name, 1, 'metadata.name: Required value: name or generateName is required'],
  [
    'invalid name (DNS-1035: starts with a digit)',
    (s) => (s.metadata.name = '1234'),
    1,
    `metadata.name: Invalid value: "1234": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name' or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')`,
  ],
  ['invalid generateName', (s) => (s.metadata.generateName = '-123'), 1],
  [
    'too long name',
    (s) => (s.metadata.name = 'a'.repeat(64)),
    1,
    'metadata.name: Invalid value: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa": must be no more than 63 characters',
  ],
  ['invalid label', (s) => (s.metadata.labels = { 'NoUppercaseOrSpecialCharsLike=Equals': 'bar' }), 1],
  ['invalid annotation', (s) => (s.metadata.annotations = { 'NoSpecialCharsLike=Equals': 'bar' }), 1],
  ['nil selector', (s) => delete s.spec.selector, 0],
  ['invalid selector', (s) => (s.spec.selector = { 'NoSpecialCharsLike=Equals': 'bar' }), 1],
  ['missing session affinity', (s) => delete s.spec.sessionAffinity, 1, 'spec.sessionAffinity: Required value'],
  ['missing type', (s) => delete s.spec.type, 1, 'spec.type: Required value'],
  ['missing ports', (s) => (s.spec.ports = []), 1, 'spec.ports: Required value'],
  ['missing ports but headless', (s) => Object.assign(s.spec, { ports: [], clusterIP: 'None', clusterIPs: ['None'] }), 0],
  ['empty port[0] name', (s) => (s.spec.ports[0].name = ''), 0],
  ['empty port[1] name', (s) => s.spec.ports.push({ name: '', protocol: 'TCP', port: 12345, targetPort: 12345 }), 1, 'spec.ports[1].name: Required value'],
  [
    'empty multi-port port[0] name',
    (s) =>
      (s.spec.ports = [
        { name: '', protocol: 'TCP', port: 12345, targetPort: 12345 },
        { name: 'p', protocol: 'TCP', port: 12346, targetPort: 12346 },
      ]),
    1,
  ],
  ['invalid port name', (s) => (s.spec.ports[0].name = 'INVALID'), 1],
  ['missing protocol', (s) => delete s.spec.ports[0].protocol, 1, 'spec.ports[0].protocol: Required value'],
  ['invalid protocol', (s) => (s.spec.ports[0].protocol = 'INVALID'), 1, 'spec.ports[0].protocol: Unsupported value: "INVALID": supported values: "SCTP", "TCP", "UDP"'],
  [
    'invalid cluster ip',
    (s) => Object.assign(s.spec, { clusterIP: 'invalid', clusterIPs: ['invalid'] }),
    1,
    'spec.clusterIPs[0]: Invalid value: "invalid": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
  ],
  ['missing port', (s) => (s.spec.ports[0].port = 0), 1, 'spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive'],
  ['invalid port', (s) => (s.spec.ports[0].port = 65536), 1],
  ['invalid target port number', (s) => (s.spec.ports[0].targetPort = 65536), 1],
  ['invalid target port name', (s) => (s.spec.ports[0].targetPort = 'invalid-'), 1, 'spec.ports[0].targetPort: Invalid value: "invalid-": must not begin or end with a hyphen'],
  ['valid port headless', (s) => Object.assign(s.spec, { clusterIP: 'None', clusterIPs: ['None'] }), 0],
  [
    'valid port headless 1 (targetPort tolerated)',
    (s) => Object.assign(s.spec, { clusterIP: 'None', clusterIPs: ['None'], ports: [{ name: 'p', protocol: 'TCP', port: 11722, targetPort: 11721 }] }),
    0,
  ],
  [
    'valid port headless 2 (named targetPort tolerated)',
    (s) => Object.assign(s.spec, { clusterIP: 'None', clusterIPs: ['None'], ports: [{ name: 'p', protocol: 'TCP', port: 11722, targetPort: 'target' }] }),
    0,
  ],
  [
    'dup port name',
    (s) =>
      (s.spec.ports = [
        { name: 'p', protocol: 'TCP', port: 1, targetPort: 1 },
        { name: 'p', protocol: 'TCP', port: 2, targetPort: 2 },
      ]),
    1,
    'spec.ports[1].name: Duplicate value: "p"',
  ],
  [
    'valid load balancer protocol UDP 1',
    (s) => Object.assign(s.spec, { type: 'LoadBalancer', externalTrafficPolicy: 'Cluster', ports: [{ name: 'p', protocol: 'UDP', port: 12345, targetPort: 12345 }] }),
    0,
  ],
  [
    'valid load balancer protocol SCTP',
    (s) => Object.assign(s.spec, { type: 'LoadBalancer', externalTrafficPolicy: 'Cluster', ports: [{ name: 'p', protocol: 'SCTP', port: 12345, targetPort: 12345 }] }),
    0,
  ],
  ['valid 1 (two ports, one named target)', (s) => s.spec.ports.push({ name: 'q', protocol: 'TCP', port: 1, targetPort: 'http' }), 0],
  ['valid type - nodeport', (s) => Object.assign(s.spec, { type: 'NodePort', externalTrafficPolicy: 'Cluster' }), 0],
  ['valid type - loadbalancer', (s) => Object.assign(s.spec, { type: 'LoadBalancer', externalTrafficPolicy: 'Cluster' }), 0],
  ['invalid type', (s) => (s.spec.type = 'Foo'), 1, 'spec.type: Unsupported value: "Foo": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"'],
  [
    'valid type loadbalancer with nodePort',
    (s) => Object.assign(s.spec, { type: 'LoadBalancer', externalTrafficPolicy: 'Cluster', ports: [{ name: 'p', protocol: 'TCP', port: 1, targetPort: 1, nodePort: 30123 }] }),
    0,
  ],
  ['invalid nodePort with type ClusterIP', (s) => (s.spec.ports[0].nodePort = 30123), 1, "spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"],
  [
    'duplicate nodeports',
    (s) =>
      Object.assign(s.spec, {
        type: 'NodePort',
        externalTrafficPolicy: 'Cluster',
        ports: [
          { name: 'r', protocol: 'TCP', port: 1, targetPort: 1, nodePort: 30001 },
          { name: 's', protocol: 'TCP', port: 2, targetPort: 2, nodePort: 30001 },
        ],
      }),
    1,
    'spec.ports[1].nodePort: Duplicate value: 30001',
  ],
  [
    'duplicate nodeports (different protocols)',
    (s) =>
      Object.assign(s.spec, {
        type: 'NodePort',
        externalTrafficPolicy: 'Cluster',
        ports: [
          { name: 'r', protocol: 'TCP', port: 1, targetPort: 1, nodePort: 30001 },
          { name: 's', protocol: 'UDP', port: 2, targetPort: 2, nodePort: 30001 },
        ],
      }),
    0,
  ],
  [
    'invalid duplicate ports (with same protocol)',
    (s) =>
      (s.spec.ports = [
        { name: 'a', protocol: 'TCP', port: 8080, targetPort: 80 },
        { name: 'b', protocol: 'TCP', port: 8080, targetPort: 8080 },
      ]),
    1,
    'spec.ports[1]: Duplicate value: {"protocol":"TCP","port":8080}',
  ],
  [
    'valid duplicate ports (with different protocols)',
    (s) =>
      (s.spec.ports = [
        { name: 'a', protocol: 'TCP', port: 53, targetPort: 53 },
        { name: 'b', protocol: 'UDP', port: 53, targetPort: 53 },
      ]),
    0,
  ],
  ['valid cluster ip - none', (s) => Object.assign(s.spec, { clusterIP: 'None', clusterIPs: ['None'] }), 0],
  ['valid cluster ip - empty', (s) => Object.assign(s.spec, { clusterIP: '', clusterIPs: [] }), 0],
  [
    'clusterIPs without clusterIP',
    (s) => (s.spec.clusterIPs = ['127.16.0.1']),
    1,
    'spec.clusterIPs: Invalid value: ["127.16.0.1"]: must be empty when `clusterIP` is not specified',
  ],
  ['clusterIPs[0] not matching clusterIP', (s) => Object.assign(s.spec, { clusterIP: '127.16.0.1', clusterIPs: ['127.16.0.2'] }), 1, 'first value must match `clusterIP`'],
  ["'None' not alone", (s) => Object.assign(s.spec, { clusterIP: 'None', clusterIPs: ['None', '127.16.0.1'] }), 1, "'None' must be the first and only value"],
  [
    'two IPv4 clusterIPs',
    (s) => Object.assign(s.spec, { clusterIP: '127.16.0.1', clusterIPs: ['127.16.0.1', '127.16.0.2'] }),
    1,
    'may specify no more than one IP for each IP family',
  ],
  ['three clusterIPs', (s) => Object.assign(s.spec, { clusterIP: '127.16.0.1', clusterIPs: ['127.16.0.1', '2001:db8::1', '127.16.0.3'] }), 1, 'may only hold up to 2 values'],
  [
    'ipFamilies not matching clusterIPs',
    (s) => Object.assign(s.spec, { clusterIP: '127.16.0.1', clusterIPs: ['127.16.0.1'], ipFamilies: ['IPv6'] }),
    1,
    'spec.clusterIPs[0]: Invalid value: "127.16.0.1": expected an IPv6 value as indicated by `ipFamilies[0]`',
  ],
  ['unknown ipFamily', (s) => (s.spec.ipFamilies = ['IPv5']), 1, 'spec.ipFamilies[0]: Unsupported value: "IPv5": supported values: "IPv4", "IPv6"'],
  ['duplicate ipFamily', (s) => (s.spec.ipFamilies = ['IPv4', 'IPv4']), 1, 'spec.ipFamilies[1]: Duplicate value: "IPv4"'],
  ['unknown ipFamilyPolicy', (s) => (s.spec.ipFamilyPolicy = 'Maybe'), 1],
  ['valid ExternalName', (s) => Object.assign(s.spec, { type: 'ExternalName', externalName: 'foo.bar.example.com', internalTrafficPolicy: undefined }), 0],
  ['valid ExternalName (trailing dot)', (s) => Object.assign(s.spec, { type: 'ExternalName', externalName: 'foo.bar.example.com.' }), 0],
  [
    'invalid ExternalName clusterIP (valid IP)',
    (s) => Object.assign(s.spec, { type: 'ExternalName', externalName: 'foo.bar.example.com', clusterIP: '1.2.3.4', clusterIPs: ['1.2.3.4'] }),
    1,
    'spec.clusterIPs: Forbidden: may not be set for ExternalName services',
  ],
  [
    'invalid ExternalName clusterIP (None)',
    (s) => Object.assign(s.spec, { type: 'ExternalName', externalName: 'foo.bar.example.com', clusterIP: 'None', clusterIPs: ['None'] }),
    1,
  ],
  ['invalid ExternalName (not a DNS name)', (s) => Object.assign(s.spec, { type: 'ExternalName', externalName: '-123' }), 1],
  ['missing ExternalName', (s) => Object.assign(s.spec, { type: 'ExternalName' }), 1, 'spec.externalName: Required value'],
  ['ExternalName with ipFamilies', (s) => Object.assign(s.spec, { type: 'ExternalName', externalName: 'a.b', ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack' }), 2],
  [
    'LoadBalancer type cannot have None ClusterIP',
    (s) => Object.assign(s.spec, { type: 'LoadBalancer', externalTrafficPolicy: 'Cluster', clusterIP: 'None', clusterIPs: ['None'] }),
    1,
    'spec.clusterIPs[0]: Invalid value: "None": may not be set to \'None\' for LoadBalancer services',
  ],
  ['invalid node port with clusterIP None', (s) => Object.assign(s.spec, { type: 'NodePort', externalTrafficPolicy: 'Cluster', clusterIP: 'None', clusterIPs: ['None'] }), 1],
  ['valid ClientIP affinity', (s) => Object.assign(s.spec, { sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 10800 } } }), 0],
  [
    'ClientIP affinity without config',
    (s) => Object.assign(s.spec, { sessionAffinity: 'ClientIP' }),
    1,
    'spec.sessionAffinityConfig: Required value: when session affinity type is ClientIP',
  ],
  [
    'ClientIP affinity timeout 0',
    (s) => Object.assign(s.spec, { sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 0 } } }),
    1,
    'spec.sessionAffinityConfig.clientIP.timeoutSeconds: Invalid value: 0: must be greater than 0 and less than 86400',
  ],
  ['ClientIP affinity timeout above a day', (s) => Object.assign(s.spec, { sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 86401 } } }), 1],
  ['ClientIP affinity timeout of a day', (s) => Object.assign(s.spec, { sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 86400 } } }), 0],
  [
    'sessionAffinityConfig with affinity None',
    (s) => (s.spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: 90 } }),
    1,
    'spec.sessionAffinityConfig: Forbidden: must not be set when session affinity is None',
  ],
  ['invalid session affinity', (s) => (s.spec.sessionAffinity = 'Sticky'), 1, 'spec.sessionAffinity: Unsupported value: "Sticky": supported values: "ClientIP", "None"'],
  [
    'externalTrafficPolicy on a ClusterIP Service',
    (s) => (s.spec.externalTrafficPolicy = 'Local'),
    1,
    'spec.externalTrafficPolicy: Invalid value: "Local": may only be set for externally-accessible services',
  ],
  ['missing externalTrafficPolicy on NodePort', (s) => (s.spec.type = 'NodePort'), 1, 'spec.externalTrafficPolicy: Required value'],
  ['invalid externalTrafficPolicy', (s) => Object.assign(s.spec, { type: 'NodePort', externalTrafficPolicy: 'Nowhere' }), 1],
  ['healthCheckNodePort on a NodePort Service', (s) => Object.assign(s.spec, { type: 'NodePort', externalTrafficPolicy: 'Local', healthCheckNodePort: 31000 }), 1],
  ['healthCheckNodePort on LoadBalancer Local', (s) => Object.assign(s.spec, { type: 'LoadBalancer', externalTrafficPolicy: 'Local', healthCheckNodePort: 31000 }), 0],
  ['nil internalTrafficPolicy', (s) => delete s.spec.internalTrafficPolicy, 1, 'spec.internalTrafficPolicy: Required value'],
  ['internalTrafficPolicy Local', (s) => (s.spec.internalTrafficPolicy = 'Local'), 0],
  [
    'invalid internalTrafficPolicy',
    (s) => (s.spec.internalTrafficPolicy = 'invalid'),
    1,
    'spec.internalTrafficPolicy: Unsupported value: "invalid": supported values: "Cluster", "Local"',
  ],
  ['invalid externalIP', (s) => Object.assign(s.spec, { externalIPs: ['not-an-ip'], externalTrafficPolicy: 'Cluster' }), 1],
  ['invalid appProtocol', (s) => (s.spec.ports[0].appProtocol = 'not/valid/x'), 1],
  ['valid appProtocol', (s) => (s.spec.ports[0].appProtocol = 'kubernetes.io/h2c'), 0],
  ['allocateLoadBalancerNodePorts on ClusterIP', (s) => (s.spec.allocateLoadBalancerNodePorts = true), 1],
];

for (const [name, tweak, numErrs, message] of cases) {
  test(`ValidateService: ${name}`, () => {
    const svc = makeValidService();
    tweak(svc);
    const errors = validate(svc).map(fieldErrorToString);
    assert.equal(errors.length, numErrs, errors.join('\n'));
    if (message)
      assert.ok(
        errors.some((e) => e.includes(message)),
        `expected "${message}" among:\n${errors.join('\n')}`,
      );
  });
}

test('ValidateServiceUpdate: clusterIP is immutable except from or to ExternalName', () => {
  const old = makeValidService();
  Object.assign(old.spec, { clusterIP: '127.16.0.5', clusterIPs: ['127.16.0.5'] });
  const changed = structuredClone(old);
  Object.assign(changed.spec, { clusterIP: '127.16.0.6', clusterIPs: ['127.16.0.6'] });
  assert.deepEqual(validateServiceUpdate(changed, old).map(fieldErrorToString), ['spec.clusterIP: Invalid value: "127.16.0.6": field is immutable']);
  const toHeadless = structuredClone(old);
  Object.assign(toHeadless.spec, { clusterIP: 'None', clusterIPs: ['None'] });
  assert.equal(validateServiceUpdate(toHeadless, old).length, 1);
  const external = structuredClone(old);
  Object.assign(external.spec, { type: 'ExternalName', externalName: 'a.example.com', clusterIP: undefined, clusterIPs: undefined });
  assert.deepEqual(validateServiceUpdate(external, old), []);
  assert.deepEqual(validateServiceUpdate(old, external), []);
  assert.deepEqual(validateServiceUpdate(old, structuredClone(old)), []);
});
