// Each process pod's own /etc/resolv.conf and /etc/hosts (issue 11): plain getaddrinfo in
// the pod (glibc's `getent hosts`, Node's dns.lookup) resolves a Service's short name
// through the cluster DNS (the real apps/dns, on a loopback address of this test's own,
// port 53), the pod's hostname and hostAliases come from its hosts file, and dnsPolicy
// None takes dnsConfig alone.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startTestApi, type TestApi } from '../support/api.js';
import type { ComponentProcess } from '../support/component.js';
import { eventually } from '../support/controller-manager.js';
import { fakeUpstream, spawnDns } from '../support/dns.js';
import { spawnNodeAgent, type NodeAgentProcess } from '../support/node-agent.js';

const NODE = 'dns-node';
const POD_CIDR = `127.${140 + (process.pid % 20)}.${(process.pid >> 5) % 256}.0/24`;
// resolv.conf has no port: the DNS answers on port 53 of an address no other test uses.
const DNS = { address: `127.53.${1 + (process.pid % 250)}.${1 + Math.floor(Math.random() * 250)}`, port: 53 };
let api: TestApi;
let agent: NodeAgentProcess;
let dns: ComponentProcess;
let upstream: Awaited<ReturnType<typeof fakeUpstream>>;

before(async () => {
  api = await startTestApi();
  upstream = await fakeUpstream({});
  dns = await spawnDns(api.url, DNS, { WHEELHOUSE_DNS_UPSTREAMS: `127.0.0.1:${upstream.port}` });
  agent = spawnNodeAgent(api.url, { nodeName: NODE, runtime: 'process', args: ['--pod-cidr', POD_CIDR, '--cluster-dns', DNS.address] });
  await eventually(async () => (await api.ok(`{ node(name: "${NODE}") { status { conditions { type } } } }`)).node?.status?.conditions?.length > 0, 30_000, 'node registered');
});
after(async () => {
  assert.equal(await agent.stop(), 0, agent.output());
  if (dns.exitCode === null) {
    const exited = new Promise((r) => dns.once('exit', r));
    dns.kill('SIGTERM');
    await exited;
  }
  upstream.socket.close();
  await api.close();
});

const runPod = async (name: string, script: string, spec: object = {}) => {
  await api.ok(`mutation($input: PodInput!) { createPod(namespace: "default", input: $input) { metadata { name } } }`, {
    input: { metadata: { name }, spec: { nodeName: NODE, restartPolicy: 'Never', containers: [{ name: 'app', image: 'debian:12', command: ['sh', '-c', script] }], ...spec } },
  });
  const pod = await eventually(
    async () => {
      const got = (await api.ok(`query($n: String!) { pod(namespace: "default", name: $n) { status { phase podIP } } }`, { n: name })).pod;
      return ['Succeeded', 'Failed'].includes(got.status.phase) ? got : undefined;
    },
    60_000,
    `${name} finished (${agent.output().slice(-1500)})`,
  );
  const logs = (await api.ok(`query($n: String!) { podLogs(namespace: "default", name: $n) }`, { n: name })).podLogs as string;
  return { phase: pod.status.phase as string, podIP: pod.status.podIP as string, logs };
};

test('a pod resolves a Service by its short and full names with getaddrinfo through the cluster DNS', async () => {
  const { createService } = await api.ok(
    `mutation { createService(input: { metadata: { name: "redis" }, spec: { selector: { app: "redis" }, ports: [{ port: 6379 }] } }) { spec { clusterIP } } }`,
  );
  const ip = createService.spec.clusterIP as string;
  const lookup = `${process.execPath} -e "require('dns').lookup('redis', (e, a) => console.log('node-lookup', e ? e.code : a))"`;
  const { phase, podIP, logs } = await runPod(
    'resolver',
    `cat /etc/resolv.conf; getent hosts redis; getent hosts redis.default.svc.cluster.local; ${lookup}; getent hosts resolver`,
    {
      hostAliases: [{ ip: '127.9.9.9', hostnames: ['legacy.example'] }],
    },
  );
  assert.equal(phase, 'Succeeded', logs);
  assert.ok(logs.startsWith(`nameserver ${DNS.address}\nsearch default.svc.cluster.local svc.cluster.local cluster.local`), logs);
  assert.match(logs, /options ndots:5/);
  assert.match(logs, new RegExp(`^${ip.replace(/\./g, '\\.')}\\s+redis\\.default\\.svc\\.cluster\\.local$`, 'm'), 'the short name, through the search list');
  assert.match(logs, new RegExp(`^node-lookup ${ip.replace(/\./g, '\\.')}$`, 'm'));
  assert.match(logs, new RegExp(`^${podIP.replace(/\./g, '\\.')}\\s+resolver$`, 'm'), 'the pod finds itself in its hosts file');
  assert.notEqual(readFileSync('/etc/resolv.conf', 'utf8').split('\n')[0], `nameserver ${DNS.address}`, "the host's resolv.conf is untouched");
});

test("hostAliases land in the pod's /etc/hosts; dnsPolicy None takes dnsConfig alone", async () => {
  const { phase, logs } = await runPod('custom', 'cat /etc/resolv.conf; getent hosts legacy.example; cat /etc/hostname', {
    hostname: 'db-0',
    subdomain: 'db',
    dnsPolicy: 'None',
    dnsConfig: { nameservers: [DNS.address], searches: ['example.test'], options: [{ name: 'ndots', value: '1' }] },
    hostAliases: [{ ip: '127.9.9.9', hostnames: ['legacy.example', 'old.example'] }],
  });
  assert.equal(phase, 'Succeeded', logs);
  assert.equal(logs, `nameserver ${DNS.address}\nsearch example.test\noptions ndots:1\n127.9.9.9       legacy.example old.example\ndb-0\n`);
});
