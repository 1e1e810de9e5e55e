// The whole cluster path with real processes: an API, the controller-manager, the
// scheduler and one node agent (simulated runtime) serving `nodes` nodes. Pods are bound
// by the scheduler and reported Running and Ready by the agent, as on a real cluster.
import { once } from 'node:events';
import { startTestApi, type TestApi } from './api.js';
import type { ComponentProcess } from './component.js';
import { spawnControllerManager } from './controller-manager.js';
import { spawnNodeAgent, type NodeAgentProcess } from './node-agent.js';
import { spawnScheduler } from './scheduler.js';

export interface SimulatedCluster {
  api: TestApi;
  manager: ComponentProcess;
  scheduler: ComponentProcess;
  agent: NodeAgentProcess;
  close(): Promise<void>;
}

export async function startSimulatedCluster(options: { nodes?: number; nodePrefix?: string; managerEnv?: Record<string, string> } = {}): Promise<SimulatedCluster> {
  const api = await startTestApi();
  const agent = spawnNodeAgent(api.url, { runtime: 'simulated', args: ['--nodes', String(options.nodes ?? 1), '--node-prefix', options.nodePrefix ?? 'sim-'] });
  const manager = spawnControllerManager(api.url, options.managerEnv);
  const scheduler = spawnScheduler(api.url);
  return {
    api,
    manager,
    scheduler,
    agent,
    async close() {
      await agent.stop();
      for (const child of [manager, scheduler]) {
        if (child.exitCode === null && child.signalCode === null) {
          child.kill('SIGTERM');
          await once(child, 'exit');
        }
      }
      await api.close();
    },
  };
}
