import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { runProbe } from './run-probe.js';
import { closedPort, containerTarget, serve } from './probe-fixture.test-support.js';

test('exec probe: exit 0 succeeds, otherwise fails with the output; it runs in the container env', async (t) => {
  const target = await containerTarget(t);
  assert.deepEqual(await runProbe({ exec: { command: ['sh', '-c', 'test "$MARK" = m'] } }, target), { result: 'success', output: '' });
  assert.deepEqual(await runProbe({ exec: { command: ['sh', '-c', 'echo not healthy; exit 1'] } }, target), { result: 'failure', output: 'not healthy\n' });
  assert.deepEqual(await runProbe({ exec: { command: ['sleep', '5'] }, timeoutSeconds: 1 }, target), { result: 'failure', output: 'command "sleep 5" timed out' });
});

test('httpGet probe: 200–399 succeed, others fail with the status code; headers and path are sent', async (t) => {
  const target = await containerTarget(t);
  const seen: { path?: string; headers?: Record<string, unknown> }[] = [];
  let status = 200;
  const port = await serve(t, target.sandbox.podIP, (req, res) => {
    seen.push({ path: req.url, headers: req.headers });
    res.statusCode = status;
    res.end('body');
  });
  target.ports = [{ name: 'http', containerPort: port }];
  const probe = { httpGet: { path: '/healthz', port: 'http', httpHeaders: [{ name: 'X-Probe', value: 'yes' }] } };
  assert.deepEqual(await runProbe(probe, target), { result: 'success', output: 'body' });
  assert.equal(seen[0]?.path, '/healthz');
  assert.equal(seen[0]?.headers?.['x-probe'], 'yes');
  assert.match(String(seen[0]?.headers?.['user-agent']), /^kube-probe\//);
  status = 399;
  assert.equal((await runProbe(probe, target)).result, 'success');
  status = 503;
  assert.deepEqual(await runProbe(probe, target), { result: 'failure', output: 'HTTP probe failed with statuscode: 503' });
});

test('httpGet probe: same-host redirects are followed; one to another host ends the probe as success', async (t) => {
  const target = await containerTarget(t);
  const ip = target.sandbox.podIP;
  const port = await serve(t, ip, (req, res) => {
    if (req.url === '/start') res.writeHead(302, { location: '/broken' }).end();
    else if (req.url === '/away') res.writeHead(301, { location: 'http://127.0.0.1:9/' }).end();
    else res.writeHead(req.url === '/broken' ? 500 : 200).end();
  });
  assert.deepEqual(await runProbe({ httpGet: { path: '/start', port } }, target), { result: 'failure', output: 'HTTP probe failed with statuscode: 500' });
  assert.equal((await runProbe({ httpGet: { path: '/away', port } }, target)).result, 'success');
});

test('httpGet probe: refused and timed-out connections fail with the kubelet wording', async (t) => {
  const target = await containerTarget(t);
  const ip = target.sandbox.podIP;
  const refused = await closedPort(ip);
  assert.deepEqual(await runProbe({ httpGet: { path: '/healthz', port: refused } }, target), {
    result: 'failure',
    output: `Get "http://${ip}:${refused}/healthz": dial tcp ${ip}:${refused}: connect: connection refused`,
  });
  const silent = await serve(t, ip, () => {}); // never answers
  assert.deepEqual(await runProbe({ httpGet: { path: '/', port: silent }, timeoutSeconds: 1 }, target), {
    result: 'failure',
    output: `Get "http://${ip}:${silent}/": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`,
  });
});

test('a named port the container does not have is a probe error, not a failure', async (t) => {
  const target = await containerTarget(t);
  const outcome = await runProbe({ httpGet: { path: '/', port: 'metrics' } }, target);
  assert.equal(outcome.result, 'error');
  assert.match(outcome.output, /couldn't find port: metrics/);
});

test('tcpSocket probe: open port succeeds, closed port fails', async (t) => {
  const target = await containerTarget(t);
  const ip = target.sandbox.podIP;
  const server = createServer((s) => s.end());
  await new Promise<void>((resolve) => server.listen(0, ip, resolve));
  t.after(() => server.close());
  const open = (server.address() as { port: number }).port;
  assert.deepEqual(await runProbe({ tcpSocket: { port: open } }, target), { result: 'success', output: '' });
  const closed = await closedPort(ip);
  assert.deepEqual(await runProbe({ tcpSocket: { port: closed } }, target), { result: 'failure', output: `dial tcp ${ip}:${closed}: connect: connection refused` });
});
