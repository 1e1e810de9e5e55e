// Wires one agent process: node registration and heartbeats, the pod workers of every
// node it runs, status batching, and the kubelet HTTP server. All I/O goes through the API.
import { readFileSync } from 'node:fs';
import { arch, hostname, release, type as osType, version as osVersion } from 'node:os';
import { WheelhouseClient, createClientset, hasCode } from '@wheelhouse/client';
import { EventRecorder, InformerFactory } from '@wheelhouse/controller-runtime';
import type { AgentConfig } from './config.js';
import { BoundedEvents } from './events.js';
import { NodeReporter, type ManagedNode } from './node/node-reporter.js';
import { systemInfo, type NodeIdentity } from './node/node-object.js';
import type { ContainerRuntime } from './runtime/runtime.js';
import { runtimeMode } from './runtime/mode.js';
import { startKubeletServer, type KubeletServer, type NodeStats, type StatsSummary } from './server/kubelet-server.js';
import { apiTokenReviewer } from './server/token-review.js';
import { nodeToken } from './credential/node-credential.js';
import { PodManager } from './sync/pod-manager.js';
import { ConfigCache } from './config-objects/config-cache.js';
import { LOCAL_PATH_DIR_ANNOTATION, localPathDir, startLocalPathDeleter } from './volumes/local-path.js';
import { parseResolvConf, type ClusterDnsSettings, type ResolvConf } from './volumes/pod-etc.js';
import { PodWorker } from './sync/pod-worker.js';
import { StatusWriter } from './sync/status-writer.js';
import type { Pod } from '@wheelhouse/model';
import { Registry } from 'prom-client';
import { ServiceProxy } from './proxy/service-proxy.js';

export const HOST_IP = '127.0.0.1';

export type Log = (message: string, error?: unknown) => void;

export interface Agent {
  port: number;
  nodes(): ManagedNode[];
  /** Stops watching and heartbeats; stops the pods' containers unless config.leavePodsRunning. */
  stop(): Promise<void>;
}

interface NodeRuntime {
  node: ManagedNode;
  runtime: ContainerRuntime;
}

export async function startAgent(config: AgentConfig, log: Log): Promise<Agent> {
  const single = config.nodeNames.length === 1 && !config.manageAnnotated;
  // One node: its own credential (system:node:NAME). A simulated fleet (kwok) keeps the token it was given.
  const token = single ? await nodeToken({ server: config.server, token: config.token, nodeName: config.nodeNames[0]!, log }) : config.token;
  const client = new WheelhouseClient({ server: config.server, token });
  const clientset = createClientset(client);
  // Chosen once: everything that differs between real processes and a simulated fleet.
  const mode = runtimeMode(config);
  const runtimes = new Map<string, NodeRuntime>();
  const writer = new StatusWriter({
    send: async (items) => {
      await clientset.pods.patchManyStatus(items, { select: 'metadata { name namespace }' });
    },
    batchMs: config.statusBatchMs,
    batchMax: config.statusBatchMax,
    firstPendingDelayMs: config.statusFirstPendingDelayMs,
    // Each batch is one commit; more at once only queue for the API's database connections.
    maxInFlight: 2,
    log,
  });
  const events = new BoundedEvents(
    new EventRecorder(
      client,
      'kubelet',
      () => new Date(),
      (e) => log('event', e),
    ),
  );
  const nodeInfo = systemInfo(config.runtime, hostFacts());

  const metrics = new Registry();
  // Shared informers: Services (pods' Service env, the proxy) and EndpointSlices (the proxy).
  const informers = new InformerFactory(clientset, { onError: (kind, e, willRetry) => log(`${kind} watch${willRetry ? ' (retrying)' : ''}`, e) });
  const services = informers.informerFor('Service');
  // Claims and volumes: a pod's persistentVolumeClaim volumes, and local-path volumes to delete.
  const claims = informers.informerFor('PersistentVolumeClaim');
  const volumes = informers.informerFor('PersistentVolume');
  const kickOnChange = { onAdd: () => pods?.kickWaitingForConfig(), onUpdate: () => pods?.kickWaitingForConfig() };
  claims.addEventHandler(kickOnChange);
  volumes.addEventHandler(kickOnChange);
  const proxy = new ServiceProxy(informers, { nodeIP: HOST_IP, nodeName: config.nodeNames[0] ?? '', listen: config.serviceProxy, registry: metrics, log });

  let pods: PodManager | undefined;
  const dns: ClusterDnsSettings = { clusterDNS: config.clusterDNS, clusterDomain: config.clusterDomain, host: hostResolvConf(config.resolvConf, log) };
  const configObjects = new ConfigCache(client, { onChange: () => pods?.kickWaitingForConfig(), log });
  const server: KubeletServer = await startKubeletServer({
    port: config.port,
    review: apiTokenReviewer(config.server),
    findPod: (namespace, name) => {
      const worker = pods?.worker(`${namespace}/${name}`);
      return worker ? { pod: worker.current, runtime: worker.runtime } : undefined;
    },
    summary: (node) => statsSummary(node),
    metrics: async () => ({ contentType: metrics.contentType, body: await metrics.metrics() }),
    log,
  });

  const identity = (name: string, podCIDR: string): NodeIdentity => ({
    name,
    runtime: config.runtime,
    labels: config.labels,
    annotations: { [LOCAL_PATH_DIR_ANNOTATION]: localPathDir(config, name) },
    taints: config.taints,
    capacity: config.capacity,
    podCIDR,
    kubeletPort: server.port,
    nodeInfo,
  });

  const newWorker = (pod: Pod, onDone: (w: PodWorker) => void): PodWorker | undefined => {
    const entry = runtimes.get(pod.spec?.nodeName ?? '');
    if (!entry) return undefined;
    return new PodWorker(
      {
        runtime: entry.runtime,
        node: { nodeName: entry.node.name, hostIP: HOST_IP, allocatable: config.capacity },
        writer,
        confirmDeletion: async (p) => {
          await clientset.pods.delete(p.metadata, { gracePeriodSeconds: 0, select: 'metadata { name }' }).catch((e) => {
            if (!hasCode(e, 'NOT_FOUND')) throw e;
          });
        },
        startProbe: mode.startProbe,
        runHandler: mode.runHandler,
        backoff: { initialMs: config.backoffInitialMs, maxMs: config.backoffMaxMs },
        event: (p, type, reason, message) =>
          events.record({ apiVersion: 'v1', kind: 'Pod', namespace: p.metadata.namespace, name: p.metadata.name ?? '', uid: p.metadata.uid ?? '' }, type, reason, message),
        log,
        onDone,
        leaveRunning: config.leavePodsRunning,
        configObjects,
        services: { list: (namespace) => services.list(namespace) },
        claims: { claim: (namespace, name) => claims.get(`${namespace}/${name}`), volume: (name) => volumes.get(name) },
        dns,
        startEvents: mode.startEvents,
      },
      `${pod.metadata.namespace}/${pod.metadata.name}`,
      pod,
    );
  };

  pods = new PodManager(client, {
    fields: clientset.pods.selection,
    fieldSelector: single ? `spec.nodeName=${config.nodeNames[0]}` : 'spec.nodeName!=',
    manages: (nodeName) => runtimes.has(nodeName),
    newWorker,
    log,
  });

  const reporter = new NodeReporter(clientset, {
    ownNames: config.nodeNames,
    manageAnnotated: config.manageAnnotated,
    identity,
    podCIDR: config.podCIDR,
    leaseDurationSeconds: config.leaseDurationSeconds,
    leaseRenewIntervalMs: config.leaseRenewIntervalMs,
    nodeStatusUpdateMs: config.nodeStatusUpdateMs,
    nodeStatusReportMs: config.nodeStatusReportMs,
    health: mode.health,
    onManaged: (node) => {
      runtimes.set(node.name, { node, runtime: mode.newRuntime(node) });
      pods!.nodeAdded(node.name);
    },
    onReleased: (name) => {
      void pods!.nodeRemoved(name).finally(() => runtimes.delete(name));
    },
    log,
  });

  async function statsSummary(only?: string): Promise<StatsSummary> {
    const nodes: NodeStats[] = [];
    for (const { node, runtime } of runtimes.values()) {
      if (only && node.name !== only) continue;
      const stats: NodeStats = { nodeName: node.name, cpu: { usageNanoCores: 0 }, memory: { workingSetBytes: 0 }, pods: [] };
      for (const pod of pods!.informer.list()) {
        if (pod.spec?.nodeName !== node.name || !pod.metadata.uid) continue;
        const usage = await runtime.usage(pod.metadata.uid, pod.metadata.annotations ?? {});
        if (!usage) continue;
        stats.pods.push({
          podRef: { name: pod.metadata.name, namespace: pod.metadata.namespace!, uid: pod.metadata.uid },
          cpu: { usageNanoCores: usage.cpuNanoCores },
          memory: { workingSetBytes: usage.memoryBytes },
        });
        stats.cpu.usageNanoCores += usage.cpuNanoCores;
        stats.memory.workingSetBytes += usage.memoryBytes;
      }
      nodes.push(stats);
    }
    return { nodes };
  }

  configObjects.start();
  informers.start();
  // Pods start from the caches: list ConfigMaps, Secrets and Services first so none reads as missing at startup.
  await Promise.all([configObjects.waitForSync(AbortSignal.timeout(30_000)), informers.waitForSync(AbortSignal.timeout(30_000))]);
  pods.start();
  await reporter.start();
  const localPath = startLocalPathDeleter({
    volumes,
    ownNode: (name) => runtimes.has(name),
    dirOf: (node) => localPathDir(config, node),
    removeFiles: config.runtime === 'process',
    deleteVolume: (name) => clientset.persistentVolumes.delete({ name }, { select: 'metadata { name }' }).then(() => undefined),
    log,
  });
  // After the node is registered: a Service's rules are not needed for the node to come up.
  await proxy.start(AbortSignal.timeout(30_000));
  log(`service proxy: ${proxy.current().length} rules${config.serviceProxy ? ' (carrying traffic)' : ' (computed only)'}`);
  log(`node agent (${config.runtime}) running ${runtimes.size} node(s); kubelet port ${server.port}`);

  return {
    port: server.port,
    nodes: () => reporter.managed(),
    async stop() {
      reporter.stop();
      localPath.stop();
      await proxy.stop();
      informers.stop();
      await pods!.stop();
      // Containers are stopped: their memory-backed volumes go too (a next agent makes them again).
      if (!config.leavePodsRunning) for (const { runtime } of runtimes.values()) runtime.releaseMounts?.();
      configObjects.stop();
      await writer.drain(2000);
      log(`pod status: ${writer.stats.pods} reports in ${writer.stats.calls} calls (${writer.stats.failures} failed batches)`);
      writer.stop();
      await server.close();
      client.close();
    },
  };
}

function hostFacts() {
  const read = (path: string) => {
    try {
      return readFileSync(path, 'utf8').trim();
    } catch {
      return '';
    }
  };
  const osRelease = read('/etc/os-release');
  const pretty = /^PRETTY_NAME="?([^"\n]*)"?/m.exec(osRelease)?.[1];
  return {
    kernel: release(),
    osImage: pretty ?? `${osType()} ${osVersion()}`,
    arch: arch(),
    machineID: read('/etc/machine-id') || hostname(),
    bootID: read('/proc/sys/kernel/random/boot_id'),
  };
}

/** The host's resolv.conf (dnsPolicy Default); unreadable means none, said once. */
function hostResolvConf(path: string, log: (message: string, error?: unknown) => void): ResolvConf {
  try {
    return parseResolvConf(readFileSync(path, 'utf8'));
  } catch (error) {
    log(`cannot read ${path}: pods with dnsPolicy Default get no nameserver`, error);
    return { nameservers: [], searches: [], options: [] };
  }
}
