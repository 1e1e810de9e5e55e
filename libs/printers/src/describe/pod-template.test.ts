import { test } from 'node:test';
import assert from 'node:assert/strict';
import { podTemplateText, tolerationsText } from './pod-template.js';

test('the Pod Template block: labels, annotations, containers with mounts, volumes, node selectors, tolerations', () => {
  const text = podTemplateText({
    metadata: { labels: { app: 'nginx', 'pod-template-hash': 'c5b5cbf5f' }, annotations: { 'kubernetes.io/change-cause': 'wh set image deployment/nginx nginx=nginx:1.16.1' } },
    spec: {
      containers: [
        {
          name: 'nginx',
          image: 'nginx:1.16.1',
          ports: [{ containerPort: 80 }],
          volumeMounts: [
            { name: 'cache', mountPath: '/cache' },
            { name: 'cfg', mountPath: '/etc/app', readOnly: true, subPath: 'app' },
          ],
        },
      ],
      volumes: [{ name: 'cache', emptyDir: {} }],
      nodeSelector: { disktype: 'ssd' },
    },
  });
  assert.equal(
    text,
    [
      'Pod Template:',
      '  Labels:          app=nginx',
      '                   pod-template-hash=c5b5cbf5f',
      '  Annotations:     kubernetes.io/change-cause: wh set image deployment/nginx nginx=nginx:1.16.1',
      '  Containers:',
      '    nginx:',
      '      Image:        nginx:1.16.1',
      '      Port:         80/TCP',
      '      Environment:  <none>',
      '      Mounts:       /cache from cache (rw)',
      '                    /etc/app from cfg (ro,path="app")',
      '  Volumes:',
      '    cache:',
      "      Type:       EmptyDir (a temporary directory that shares a pod's lifetime)",
      '      Medium:',
      '      SizeLimit:  <unset>',
      '  Node-Selectors:  disktype=ssd',
      '  Tolerations:     <none>',
    ].join('\n'),
  );
});

test('tolerations as kubectl prints them (printTolerationsMultiline cases)', () => {
  const cases: [Parameters<typeof tolerationsText>[0], string][] = [
    [[{ key: 'key1', value: 'value1', effect: 'NoSchedule' }], 'key1=value1:NoSchedule'],
    [[{ key: 'key2', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }], 'key2:NoExecute op=Exists for 300s'],
    [[{ operator: 'Exists' }], 'op=Exists'],
    [[{ key: 'node.kubernetes.io/not-ready', operator: 'Exists' }], 'node.kubernetes.io/not-ready op=Exists'],
    [[], '<none>'],
  ];
  for (const [tolerations, want] of cases) assert.equal(tolerationsText(tolerations), want);
});
