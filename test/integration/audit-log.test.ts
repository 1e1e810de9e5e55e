import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApi, type TestApi } from '../support/api.js';

// The audit log (issue 14): who did what to which object, the verb and the response
// code, as Kubernetes' audit.k8s.io/v1 Event, one JSON object per line, rotated by size.

interface AuditEvent {
  apiVersion: string;
  kind: string;
  level: string;
  stage: string;
  auditID: string;
  verb: string;
  user: { username: string; groups: string[] };
  sourceIPs: string[];
  userAgent?: string;
  objectRef?: { resource: string; namespace?: string; name?: string; apiVersion?: string; subresource?: string };
  responseStatus: { code: number; reason?: string };
  requestReceivedTimestamp: string;
  stageTimestamp: string;
}

let api: TestApi;
let dir: string;
const read = (file = 'audit.log') =>
  readFileSync(join(dir, file), 'utf8')
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as AuditEvent);

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wh-audit-'));
  api = await startTestApi({ audit: { path: join(dir, 'audit.log'), maxSize: '8K', maxBackups: 2, everything: false } });
});
after(async () => {
  await api?.close();
});

test('writes are logged with who, verb, object and response code; reads are not (by default)', async () => {
  await api.ok('mutation { createNamespace(input: { metadata: { name: "audited" } }) { metadata { name } } }');
  await api.ok('mutation { patchNamespace(name: "audited", patch: { metadata: { labels: { a: "b" } } }) { metadata { name } } }');
  await api.gql('mutation { createNamespace(input: { metadata: { name: "audited" } }) { metadata { name } } }');
  await api.ok('{ namespaces { items { metadata { name } } } }');
  await api.ok('mutation($input: PodInput!) { createPod(namespace: "audited", input: $input) { metadata { name } } }', {
    input: { metadata: { name: 'p' }, spec: { containers: [{ name: 'a', image: 'busybox' }] } },
  });
  await api.ok('mutation { deletePod(namespace: "audited", name: "p", gracePeriodSeconds: 0) { metadata { name } } }');
  await api.gql('{ namespaces { items { metadata { name } } } }', {}, 'wrong-token');
  await new Promise((r) => setTimeout(r, 200));

  const events = read();
  for (const e of events) {
    assert.equal(e.apiVersion, 'audit.k8s.io/v1');
    assert.equal(e.kind, 'Event');
    assert.equal(e.level, 'Metadata');
    assert.equal(e.stage, 'ResponseComplete');
    assert.match(e.auditID, /^[0-9a-f-]{36}$/);
    assert.ok(Date.parse(e.stageTimestamp) >= Date.parse(e.requestReceivedTimestamp));
    assert.equal(e.sourceIPs[0], '127.0.0.1');
  }
  const summary = events.map(
    (e) => `${e.user.username} ${e.verb} ${e.objectRef?.resource ?? '-'}/${e.objectRef?.namespace ?? ''}/${e.objectRef?.name ?? ''} ${e.responseStatus.code}`,
  );
  assert.deepEqual(summary, [
    'admin create namespaces//audited 201',
    'admin patch namespaces//audited 200',
    'admin create namespaces//audited 409',
    'admin create pods/audited/p 201',
    'admin delete pods/audited/p 200',
    'system:anonymous post -// 401',
  ]);
  assert.deepEqual(events[0]!.user.groups, ['system:masters', 'system:authenticated']);
  assert.equal(events[2]!.responseStatus.reason, 'ALREADY_EXISTS');
  assert.equal(events[3]!.objectRef?.apiVersion, 'v1');
});

test('the log rotates by size and keeps the configured number of backups', async () => {
  for (let i = 0; i < 60; i++) {
    await api.gql('mutation($name: String!) { createNamespace(input: { metadata: { name: $name } }) { metadata { name } } }', { name: `rotate-${i}` });
  }
  // The stream writes asynchronously: wait for the last event to land.
  for (const deadline = Date.now() + 10_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
    if (read('audit.log').at(-1)?.objectRef?.name === 'rotate-59') break;
  }
  const files = readdirSync(dir).sort();
  assert.deepEqual(files, ['audit.log', 'audit.log.1', 'audit.log.2'], files.join(', '));
  const newest = read('audit.log');
  assert.ok(newest.length > 0);
  assert.equal(newest.at(-1)!.objectRef?.name, 'rotate-59', 'the newest event is in audit.log');
  assert.ok(existsSync(join(dir, 'audit.log.2')));
});
