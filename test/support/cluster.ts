import { startTestApi, type TestApi } from './api.js';
import { startTestKubelet } from './test-kubelet.js';
import { spawnControllerManager } from './controller-manager.js';

export interface TestCluster {
  api: TestApi;
  manager: ReturnType<typeof spawnControllerManager>;
  close(): Promise<void>;
}

/**
 * A real API, a real controller-manager process and the test kubelet stand-in (no
 * scheduler, no node agent, pods Ready at once): the stack controllers are tested on in
 * isolation. Tests about the cluster use startSimulatedCluster (simulated-cluster.ts);
 * tests on this one say so in their titles.
 */
export async function startTestCluster(ready?: (pod: { name: string; namespace: string }) => boolean): Promise<TestCluster> {
  const api = await startTestApi();
  const kubelet = startTestKubelet(api.ws(), (q, v) => api.gql(q, v), ready);
  const manager = spawnControllerManager(api.url);
  return {
    api,
    manager,
    async close() {
      kubelet.stop();
      if (manager.exitCode === null && manager.signalCode === null) {
        const exited = new Promise((r) => manager.once('exit', r));
        manager.kill('SIGTERM');
        await exited;
      }
      await api.close();
    },
  };
}
