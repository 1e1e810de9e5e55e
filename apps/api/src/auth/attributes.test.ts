import 'reflect-metadata';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse, getOperationAST } from 'graphql';
import { buildApiSchema } from '../schema.js';
import { isMapped, requestTargets } from './attributes.js';
import { rootFields } from './root-fields.js';

test('every root field of the schema maps to Kubernetes request attributes', async () => {
  const schema = await buildApiSchema();
  const fields = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].flatMap((t) => Object.keys(t?.getFields() ?? {}));
  assert.ok(fields.length > 100);
  const unmapped = fields.filter((f) => !isMapped(f));
  assert.deepEqual(unmapped, [], `root fields without an authorization mapping (add them to SPECIAL in auth/attributes.ts): ${unmapped.join(', ')}`);
});

test('a field without a mapping is refused (fail closed)', () => {
  assert.throws(() => requestTargets('dropDatabase', {}), { code: 'FORBIDDEN' });
});

test('kind operations map to verbs, resources, subresources, namespaces and names', () => {
  const cases: [string, Record<string, unknown>, unknown[]][] = [
    ['pods', { namespace: 'default' }, [{ verb: 'list', apiGroup: '', resource: 'pods', namespace: 'default' }]],
    ['pods', {}, [{ verb: 'list', apiGroup: '', resource: 'pods', namespace: undefined }]],
    ['watchDeployments', { namespace: 'web' }, [{ verb: 'watch', apiGroup: 'apps', resource: 'deployments', namespace: 'web' }]],
    ['pod', { name: 'p' }, [{ verb: 'get', apiGroup: '', resource: 'pods', namespace: 'default', name: 'p' }]],
    ['node', { name: 'n1' }, [{ verb: 'get', apiGroup: '', resource: 'nodes', namespace: undefined, name: 'n1' }]],
    ['createConfigMap', { input: { metadata: { namespace: 'a', name: 'x' } } }, [{ verb: 'create', apiGroup: '', resource: 'configmaps', namespace: 'a', objectName: 'x' }]],
    ['patchPodStatus', { namespace: 'a', name: 'p' }, [{ verb: 'patch', apiGroup: '', resource: 'pods', namespace: 'a', name: 'p', subresource: 'status' }]],
    ['scaleDeployment', { namespace: 'a', name: 'd' }, [{ verb: 'patch', apiGroup: 'apps', resource: 'deployments', namespace: 'a', name: 'd', subresource: 'scale' }]],
    ['deleteClusterRoleBinding', { name: 'b' }, [{ verb: 'delete', apiGroup: 'rbac.authorization.k8s.io', resource: 'clusterrolebindings', namespace: undefined, name: 'b' }]],
    ['podLogs', { namespace: 'a', name: 'p' }, [{ verb: 'get', apiGroup: '', resource: 'pods', subresource: 'log', namespace: 'a', name: 'p' }]],
    ['followPodLogs', { name: 'p' }, [{ verb: 'get', apiGroup: '', resource: 'pods', subresource: 'log', namespace: 'default', name: 'p' }]],
    ['execPod', { namespace: 'a', name: 'p' }, [{ verb: 'create', apiGroup: '', resource: 'pods', subresource: 'exec', namespace: 'a', name: 'p' }]],
    ['evictPod', { namespace: 'a', name: 'p' }, [{ verb: 'create', apiGroup: '', resource: 'pods', subresource: 'eviction', namespace: 'a', name: 'p' }]],
    ['nodeMetrics', {}, [{ verb: 'list', apiGroup: 'metrics.k8s.io', resource: 'nodes', name: undefined }]],
    ['history', { kind: 'deploy', namespace: 'a', name: 'd' }, [{ verb: 'get', apiGroup: 'apps', resource: 'deployments', namespace: 'a', name: 'd' }]],
    [
      'patchLeases',
      { items: [{ namespace: 'kube-node-lease', name: 'n1' }] },
      [{ verb: 'patch', apiGroup: 'coordination.k8s.io', resource: 'leases', namespace: 'kube-node-lease', name: 'n1' }],
    ],
    [
      'apply',
      { manifest: 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n  namespace: prod\n' },
      [
        { verb: 'create', apiGroup: '', resource: 'secrets', namespace: 'prod', objectName: 's' },
        { verb: 'patch', apiGroup: '', resource: 'secrets', namespace: 'prod', name: 's' },
      ],
    ],
  ];
  for (const [field, args, expected] of cases) assert.deepEqual(requestTargets(field, args), expected, field);
});

test('root fields are found through fragments and aliases, with variables', () => {
  const document = parse(`query Q($ns: String) { ...F  mine: pods(namespace: $ns) { items { metadata { name } } } ... on Query { secrets { items { metadata { name } } } } }
    fragment F on Query { nodes { items { metadata { name } } } }`);
  const fields = rootFields(document, getOperationAST(document)!, { ns: 'team' });
  assert.deepEqual(
    fields.map((f) => [f.name, f.args]),
    [
      ['nodes', {}],
      ['pods', { namespace: 'team' }],
      ['secrets', {}],
    ],
  );
});
