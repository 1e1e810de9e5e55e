// The real stack the dashboard e2e test drives: API, controller-manager, scheduler, a
// simulated-runtime node agent, and the dashboard server over the `next build` output.
import { once } from 'node:events';
import { createServer } from 'node:net';
import { startTestApi, type TestApi } from '../support/api.js';
import { spawnComponent, type ComponentProcess } from '../support/component.js';
import { spawnControllerManager, eventually } from '../support/controller-manager.js';
import { spawnScheduler } from '../support/scheduler.js';
import { spawnNodeAgent, type NodeAgentProcess } from '../support/node-agent.js';

export interface DashboardStack {
  api: TestApi;
  dashboardUrl: string;
  /** Stops the dashboard server (the browser's socket drops) and starts it again on the same port. */
  restartDashboard(during?: () => Promise<void>): Promise<void>;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

async function stopProcess(child: ComponentProcess | NodeAgentProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await exited;
}

/** `agentArgs`/`agentEnv` tune the node agent (e.g. `--manage-annotated` to also run seeded simulated nodes). */
export async function startDashboardStack(options: { agentArgs?: string[]; agentEnv?: Record<string, string> } = {}): Promise<DashboardStack> {
  const api = await startTestApi();
  const manager = spawnControllerManager(api.url);
  const scheduler = spawnScheduler(api.url);
  const agent = spawnNodeAgent(api.url, { nodeName: 'e2e-node', args: options.agentArgs, env: options.agentEnv });
  const port = await freePort();
  const dashboardUrl = `http://127.0.0.1:${port}`;
  const startDashboard = async () => {
    const dashboard = spawnComponent('apps/dashboard/server.mjs', api.url, { WHEELHOUSE_DASHBOARD_PORT: String(port), NEXT_TELEMETRY_DISABLED: '1' });
    await eventually(async () => (await fetch(`${dashboardUrl}/sign-in`)).ok, 60_000, `dashboard on ${dashboardUrl}: ${dashboard.output()}`);
    return dashboard;
  };
  let dashboard = await startDashboard();
  await eventually(
    async () => {
      const { nodes } = await api.ok(`{ nodes { items { status { conditions { type status } } } } }`);
      return nodes.items.some((n: { status: { conditions: { type: string; status: string }[] } }) => n.status.conditions.some((c) => c.type === 'Ready' && c.status === 'True'));
    },
    60_000,
    'the node agent to register a Ready node',
  );
  return {
    api,
    dashboardUrl,
    async restartDashboard(during) {
      await stopProcess(dashboard);
      await during?.();
      dashboard = await startDashboard();
    },
    async close() {
      await Promise.all([dashboard, manager, scheduler].map(stopProcess));
      await agent.stop();
      await api.close();
    },
  };
}
