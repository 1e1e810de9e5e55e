// Every scenario of the upstream ingress conformance feature path_rules.feature
// (/work/shared/conformance/ingress/path_rules.feature, copied to test/fixtures), run through
// the real ingress controller process against echo servers started by the test as real
// processes behind Services and EndpointSlices (not pods of a node agent).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { startTestApi, type TestApi } from '../support/api.js';
import type { ComponentProcess } from '../support/component.js';
import { eventually } from '../support/controller-manager.js';
import { parseFeature } from '../support/gherkin.js';
import { spawnIngressController, startEchoBackend, stopEcho, viaIngress, type EchoBackend } from '../support/ingress.js';

const feature = parseFeature(readFileSync(fileURLToPath(new URL('../../../test/fixtures/ingress/path_rules.feature', import.meta.url)), 'utf8'));
const ingress = parse(feature.background.docString) as { metadata: { name: string }; spec: { rules: { http: { paths: { backend: { service: { name: string } } }[] } }[] } };
const services = [...new Set(ingress.spec.rules.flatMap((r) => r.http.paths.map((p) => p.backend.service.name)))];
const namespace = `path-rules-${Math.random().toString(36).slice(2, 8)}`;

let api: TestApi;
let controller: { child: ComponentProcess; httpPort: number };
const backends: EchoBackend[] = [];

before(async () => {
  api = await startTestApi();
  controller = await spawnIngressController(api.url);
  await api.ok(`mutation($input: NamespaceInput!) { createNamespace(input: $input) { metadata { name } } }`, { input: { metadata: { name: namespace } } });
  for (const service of services) backends.push(await startEchoBackend(api, namespace, service));
  // Given an Ingress resource in a new random namespace
  await api.ok(`mutation($ns: String, $input: IngressInput!) { createIngress(namespace: $ns, input: $input) { metadata { name } } }`, { ns: namespace, input: ingress });
});
after(async () => {
  stopEcho(backends);
  controller?.child.kill('SIGTERM');
  await api?.close();
});

test('path_rules.feature Background: the Ingress status shows the IP address where it is exposed', async () => {
  const ip = await eventually(
    async () => {
      const r = await api.ok<{ ingress: { status: { loadBalancer: { ingress: { ip: string }[] | null } | null } | null } }>(
        `query($ns: String, $name: String!) { ingress(namespace: $ns, name: $name) { status { loadBalancer { ingress { ip } } } } }`,
        { ns: namespace, name: ingress.metadata.name },
      );
      return r.ingress.status?.loadBalancer?.ingress?.[0]?.ip;
    },
    20_000,
    `status.loadBalancer (controller log: ${controller.child.output()})`,
  );
  assert.equal(ip, '127.0.0.1');
});

for (const scenario of feature.scenarios) {
  test(`path_rules.feature: ${scenario.name}`, async () => {
    let reply: Awaited<ReturnType<typeof viaIngress>> | undefined;
    for (const step of scenario.steps) {
      const send = /^When I send a "(\w+)" request to "(.+)"$/.exec(step);
      const status = /^Then the response status-code must be (\d+)$/.exec(step);
      const servedBy = /^And the response must be served by the "(.+)" service$/.exec(step);
      if (send) reply = await viaIngress(controller.httpPort, send[2]!, send[1]);
      else if (status) assert.equal(reply?.status, Number(status[1]), reply?.body);
      else if (servedBy) {
        assert.equal(reply?.json?.service, servedBy[1], reply?.body);
        assert.equal(reply?.json?.namespace, namespace);
      } else assert.fail(`unsupported step: ${step}`);
    }
    assert.ok(reply, 'the scenario sent a request');
  });
}

test('path_rules.feature has every scenario run (none silently dropped)', () => {
  assert.equal(
    feature.scenarios.length,
    (readFileSync(fileURLToPath(new URL('../../../test/fixtures/ingress/path_rules.feature', import.meta.url)), 'utf8').match(/^\s*Scenario:/gm) ?? []).length,
  );
  assert.ok(feature.scenarios.length >= 15);
});
