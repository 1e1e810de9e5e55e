// The ingress controller end to end: the real controller process, echo servers started by
// the test as real processes behind Services/EndpointSlices (not node-agent pods), real
// HTTP, TLS and WebSocket clients.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:tls';
import { request as httpsRequest } from 'node:https';
import { WebSocket } from 'ws';
import { startTestApi, type TestApi } from '../support/api.js';
import type { ComponentProcess } from '../support/component.js';
import { eventually } from '../support/controller-manager.js';
import { spawnIngressController, startEchoBackend, stopEcho, viaIngress, type EchoBackend } from '../support/ingress.js';

const ns = `ing-${Math.random().toString(36).slice(2, 8)}`;
const metricsPort = 20_000 + Math.floor(Math.random() * 30_000);
let api: TestApi;
let controller: { child: ComponentProcess; httpPort: number; httpsPort: number };
const backends: EchoBackend[] = [];

const backend = (name: string, port = 8080) => ({ service: { name, port: { number: port } } });
const prefix = (path: string, service: string) => ({ path, pathType: 'Prefix', backend: backend(service) });
const createIngress = (input: object) =>
  api.ok(`mutation($ns: String, $input: IngressInput!) { createIngress(namespace: $ns, input: $input) { metadata { name } } }`, { ns, input });

function selfSigned(cn: string, sans: string): { cert: string; key: string } {
  const dir = mkdtempSync(join(tmpdir(), 'ing-test-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:P-256',
        '-nodes',
        '-days',
        '1',
        '-subj',
        `/CN=${cn}`,
        '-addext',
        `subjectAltName=${sans}`,
        '-keyout',
        join(dir, 'k'),
        '-out',
        join(dir, 'c'),
      ],
      { stdio: 'ignore' },
    );
    return { cert: readFileSync(join(dir, 'c'), 'utf8'), key: readFileSync(join(dir, 'k'), 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const tlsData = (c: { cert: string; key: string }) => ({ 'tls.crt': Buffer.from(c.cert).toString('base64'), 'tls.key': Buffer.from(c.key).toString('base64') });

/** The certificate the ingress presents for a server name (a real TLS handshake with SNI). */
function presentedCertificate(port: number, servername: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port, servername, rejectUnauthorized: false }, () => {
      const subject = socket.getPeerCertificate().subject?.CN ?? '';
      socket.end();
      resolve(String(subject));
    });
    socket.on('error', reject);
  });
}

let siteCert: { cert: string; key: string };

before(async () => {
  api = await startTestApi();
  controller = await spawnIngressController(api.url, { WHEELHOUSE_INGRESS_METRICS_PORT: String(metricsPort) });
  await api.ok(`mutation($input: NamespaceInput!) { createNamespace(input: $input) { metadata { name } } }`, { input: { metadata: { name: ns } } });
  backends.push(await startEchoBackend(api, ns, 'exact-host'));
  backends.push(await startEchoBackend(api, ns, 'wildcard-host'));
  backends.push(await startEchoBackend(api, ns, 'fallback'));
  backends.push(await startEchoBackend(api, ns, 'balanced', 3));
  backends.push(await startEchoBackend(api, ns, 'other-class'));
  siteCert = selfSigned('secure.example.test', 'DNS:secure.example.test');
  await api.ok(`mutation($ns: String, $input: SecretInput!) { createSecret(namespace: $ns, input: $input) { metadata { name } } }`, {
    ns,
    input: { metadata: { name: 'secure-tls' }, type: 'kubernetes.io/tls', data: tlsData(siteCert) },
  });
  await createIngress({
    metadata: { name: 'hosts' },
    spec: {
      tls: [{ hosts: ['secure.example.test'], secretName: 'secure-tls' }],
      rules: [
        { host: 'foo.example.test', http: { paths: [prefix('/', 'exact-host')] } },
        { host: '*.example.test', http: { paths: [prefix('/', 'wildcard-host')] } },
        { host: 'secure.example.test', http: { paths: [prefix('/', 'exact-host')] } },
        { host: 'lb.example.test', http: { paths: [prefix('/', 'balanced')] } },
      ],
    },
  });
  await createIngress({ metadata: { name: 'fallback' }, spec: { ingressClassName: 'wheelhouse', defaultBackend: backend('fallback') } });
  await api.ok(`mutation($input: IngressClassInput!) { createIngressClass(input: $input) { metadata { name } } }`, {
    input: { metadata: { name: 'nginx' }, spec: { controller: 'k8s.io/ingress-nginx' } },
  });
  await createIngress({
    metadata: { name: 'not-ours' },
    spec: { ingressClassName: 'nginx', rules: [{ host: 'nginx.other.test', http: { paths: [prefix('/', 'other-class')] } }] },
  });
  await eventually(async () => (await viaIngress(controller.httpPort, 'http://foo.example.test/')).json?.service === 'exact-host', 20_000, 'routes applied');
});
after(async () => {
  stopEcho(backends);
  controller?.child.kill('SIGTERM');
  await api?.close();
});

test('host rules: an exact host beats the one-label wildcard; the wildcard covers one label only', async () => {
  assert.equal((await viaIngress(controller.httpPort, 'http://foo.example.test/x')).json?.service, 'exact-host');
  assert.equal((await viaIngress(controller.httpPort, 'http://bar.example.test/x')).json?.service, 'wildcard-host');
  assert.equal((await viaIngress(controller.httpPort, 'http://BAR.example.test:8080/x')).json?.service, 'wildcard-host');
  // Two labels under the wildcard and the bare domain fall to the default backend.
  assert.equal((await viaIngress(controller.httpPort, 'http://a.b.example.test/')).json?.service, 'fallback');
  assert.equal((await viaIngress(controller.httpPort, 'http://example.test/')).json?.service, 'fallback');
});

test('default backend: a request no rule matches goes to spec.defaultBackend', async () => {
  const r = await viaIngress(controller.httpPort, 'http://nothing.test/anything');
  assert.equal(r.status, 200);
  assert.equal(r.json?.service, 'fallback');
  assert.equal(r.json?.path, '/anything');
});

test('class selection: an Ingress of another controller is not served', async () => {
  assert.equal((await viaIngress(controller.httpPort, 'http://nginx.other.test/')).json?.service, 'fallback');
  const status = await api.ok<{ ingress: { status: { loadBalancer: { ingress: unknown[] | null } | null } | null } }>(
    `query($ns: String) { ingress(namespace: $ns, name: "not-ours") { status { loadBalancer { ingress { ip } } } } }`,
    { ns },
  );
  assert.ok(!status.ingress.status?.loadBalancer?.ingress?.length, 'no status written on an Ingress of another class');
});

test('X-Forwarded-For, -Proto and -Host reach the backend; the Host header is kept', async () => {
  const r = await viaIngress(controller.httpPort, 'http://foo.example.test/headers');
  assert.equal(r.json?.host, 'foo.example.test');
  assert.equal(r.json?.headers['x-forwarded-for'], '127.0.0.1');
  assert.equal(r.json?.headers['x-forwarded-proto'], 'http');
  assert.equal(r.json?.headers['x-forwarded-host'], 'foo.example.test');
});

test('balancing: requests spread over the 3 ready endpoints of a Service', async () => {
  const pods = new Map<string, number>();
  for (let i = 0; i < 30; i++) {
    const pod = (await viaIngress(controller.httpPort, 'http://lb.example.test/')).json?.pod ?? 'none';
    pods.set(pod, (pods.get(pod) ?? 0) + 1);
  }
  assert.deepEqual([...pods.keys()].sort(), ['balanced-0', 'balanced-1', 'balanced-2']);
  for (const count of pods.values()) assert.equal(count, 10);
});

test('retries: a GET to an endpoint that refuses connections is retried on another; a POST is not', async () => {
  const lb = backends.find((b) => b.service === 'balanced')!;
  const dead = lb.children[0]!;
  const exited = new Promise((r) => dead.once('exit', r));
  dead.kill('SIGTERM');
  await exited;
  for (let i = 0; i < 6; i++) {
    const r = await viaIngress(controller.httpPort, 'http://lb.example.test/');
    assert.equal(r.status, 200, r.body);
    assert.notEqual(r.json?.pod, 'balanced-0');
  }
  const statuses = new Set<number>();
  for (let i = 0; i < 6; i++) statuses.add((await viaIngress(controller.httpPort, 'http://lb.example.test/', 'POST')).status);
  assert.ok(statuses.has(502), `a POST to the dead endpoint fails with 502 rather than being resent (saw ${[...statuses]})`);
});

test('TLS: the certificate of the kubernetes.io/tls Secret is chosen by SNI and verifies; other names get the default certificate', async () => {
  assert.equal(await presentedCertificate(controller.httpsPort, 'secure.example.test'), 'secure.example.test');
  assert.equal(await presentedCertificate(controller.httpsPort, 'foo.example.test'), 'Wheelhouse Ingress Default Certificate');
  const body = await new Promise<string>((resolve, reject) => {
    const req = httpsRequest(
      { host: '127.0.0.1', port: controller.httpsPort, servername: 'secure.example.test', headers: { host: 'secure.example.test' }, ca: siteCert.cert, path: '/tls', agent: false },
      (res) => {
        let data = '';
        res.on('data', (c: Buffer) => (data += c.toString()));
        res.on('end', () => resolve(data));
      },
    );
    req.on('error', reject);
    req.end();
  });
  const json = JSON.parse(body) as { service: string; headers: Record<string, string> };
  assert.equal(json.service, 'exact-host');
  assert.equal(json.headers['x-forwarded-proto'], 'https');
});

test('TLS: a changed Secret is served on the next handshake without a restart', async () => {
  const renewed = selfSigned('secure.example.test-renewed', 'DNS:secure.example.test');
  await api.ok(`mutation($ns: String, $patch: JSONObject!) { patchSecret(namespace: $ns, name: "secure-tls", patch: $patch) { metadata { name } } }`, {
    ns,
    patch: { data: tlsData(renewed) },
  });
  await eventually(async () => (await presentedCertificate(controller.httpsPort, 'secure.example.test')) === 'secure.example.test-renewed', 20_000, 'renewed certificate served');
});

test('WebSocket upgrades are passed through to the backend', async () => {
  const ws = new WebSocket(`ws://127.0.0.1:${controller.httpPort}/socket`, { headers: { host: 'foo.example.test' } });
  const reply = await new Promise<string>((resolve, reject) => {
    ws.on('open', () => ws.send('hello'));
    ws.on('message', (data) => resolve(data.toString()));
    ws.on('error', reject);
  });
  ws.close();
  assert.equal(reply, 'exact-host-0:hello');
});

test('an Ingress whose Service or Secret is missing gets Warning events (SecretNotFound, ServiceNotFound); its route answers 503 (no endpoints)', async () => {
  await createIngress({
    metadata: { name: 'broken' },
    spec: { tls: [{ hosts: ['broken.test'], secretName: 'no-such-secret' }], rules: [{ host: 'broken.test', http: { paths: [prefix('/', 'no-such-service')] } }] },
  });
  const reasons = await eventually(
    async () => {
      const r = await api.ok<{ events: { items: { reason: string; type: string; involvedObject: { name: string } }[] } }>(
        `query($ns: String) { events(namespace: $ns) { items { reason type involvedObject { name } } } }`,
        { ns },
      );
      const mine = r.events.items.filter((e) => e.involvedObject.name === 'broken' && e.type === 'Warning').map((e) => e.reason);
      return mine.length >= 2 ? mine.sort() : undefined;
    },
    20_000,
    'warning events',
  );
  assert.deepEqual(reasons, ['SecretNotFound', 'ServiceNotFound']);
  assert.equal((await viaIngress(controller.httpPort, 'http://broken.test/')).status, 503);
});

test('Prometheus metrics: requests by code per Ingress and Service, a latency histogram, upstream errors', async () => {
  await viaIngress(controller.httpPort, 'http://foo.example.test/metrics-probe');
  const text = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
  assert.match(text, new RegExp(`wheelhouse_ingress_requests_total\\{namespace="${ns}",ingress="hosts",service="exact-host",status="200"\\} [1-9]`));
  assert.match(text, new RegExp(`wheelhouse_ingress_request_duration_seconds_bucket\\{le="\\+Inf",namespace="${ns}",ingress="hosts",service="exact-host"\\} [1-9]`));
  assert.match(text, new RegExp(`wheelhouse_ingress_upstream_errors_total\\{namespace="${ns}",ingress="hosts",service="balanced",code="ECONNREFUSED"\\} [1-9]`));
  assert.match(text, new RegExp(`wheelhouse_ingress_requests_total\\{namespace="${ns}",ingress="broken",service="no-such-service",status="503"\\} [1-9]`));
});
