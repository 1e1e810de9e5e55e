// An agent that dies (SIGKILL) leaves its pods' processes behind; the next agent on
// the same data directory kills them, starts the containers again and keeps the
// pods' IPs, so the server answers on the same address.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApi, type TestApi } from '../support/api.js';
import { eventually } from '../support/controller-manager.js';
import { spawnNodeAgent, type NodeAgentProcess } from '../support/node-agent.js';

const NODE = 'restart-node';
const POD_CIDR = `127.${120 + (process.pid % 7)}.${(process.pid >> 3) % 256}.0/24`;

let api: TestApi;
let marks: string;
const agents: NodeAgentProcess[] = [];

before(async () => {
  api = await startTestApi();
  marks = mkdtempSync(join(tmpdir(), 'wh-restart-marks-'));
});
after(async () => {
  for (const agent of agents) await agent.stop();
  await api.close();
  rmSync(marks, { recursive: true, force: true });
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return !/\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

const GET = `{ pod(namespace: "default", name: "survivor") { status { phase podIP containerStatuses { ready restartCount state { running { startedAt } } } } } }`;

test('a restarted agent kills the old processes, restarts the containers and keeps the pod IP', async () => {
  const startAgent = (dataDir?: string) => {
    const agent = spawnNodeAgent(api.url, { nodeName: NODE, runtime: 'process', args: ['--pod-cidr', POD_CIDR], dataDir });
    agents.push(agent);
    return agent;
  };
  const first = startAgent();
  const server = `require('fs').appendFileSync(process.env.MARKS + '/pids', process.pid + '\\n');
    require('http').createServer((q, s) => s.end(String(process.pid))).listen(8080, process.env.POD_IP)`;
  await eventually(async () => (await api.ok(`{ node(name: "${NODE}") { status { conditions { type } } } }`)).node?.status?.conditions?.length > 0, 30_000, 'node');
  await api.ok(`mutation($input: PodInput!) { createPod(namespace: "default", input: $input) { metadata { name } } }`, {
    input: {
      metadata: { name: 'survivor' },
      spec: {
        nodeName: NODE,
        containers: [
          {
            name: 'web',
            image: 'node:20',
            command: [process.execPath, '-e', server],
            env: [
              { name: 'POD_IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
              { name: 'MARKS', value: marks },
            ],
            readinessProbe: { httpGet: { port: 8080 }, periodSeconds: 1 },
          },
        ],
      },
    },
  });
  const before = await eventually(
    async () => {
      const { pod } = await api.ok(GET);
      return pod?.status?.containerStatuses?.[0]?.ready ? pod : undefined;
    },
    30_000,
    'Ready under the first agent',
  );
  const ip = before.status.podIP;
  const oldPid = Number(readFileSync(join(marks, 'pids'), 'utf8').trim());
  assert.equal(await (await fetch(`http://${ip}:8080/`)).text(), String(oldPid));

  first.kill('SIGKILL');
  await first.stop();
  assert.ok(alive(oldPid), 'the dead agent left its container process running');

  startAgent(first.dataDir);
  await eventually(async () => !alive(oldPid), 30_000, 'the old process to be killed');
  const newPid = await eventually(
    async () => {
      const pids = existsSync(join(marks, 'pids')) ? readFileSync(join(marks, 'pids'), 'utf8').trim().split('\n').map(Number) : [];
      return pids.length > 1 ? pids.at(-1) : undefined;
    },
    30_000,
    'the container to start again',
  );
  const after = await eventually(
    async () => {
      const { pod } = await api.ok(GET);
      const c = pod?.status?.containerStatuses?.[0];
      return c?.ready && c.state.running ? pod : undefined;
    },
    30_000,
    'Ready under the second agent',
  );
  assert.equal(after.status.podIP, ip, 'the pod kept its IP');
  assert.equal(await (await fetch(`http://${ip}:8080/`)).text(), String(newPid), 'the new process answers on the same address');
});
