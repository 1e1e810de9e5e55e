'use client';
import { useMemo } from 'react';
import { Group, SimpleGrid, Stack, Title } from '@mantine/core';
import { useLiveList } from '@/hooks/useLiveList.ts';
import { useNow } from '@/hooks/useNow.ts';
import { useUrlState } from '@/hooks/useUrlState.ts';
import { NodeKind } from '@/lib/kinds/node.ts';
import { POD_LOAD_SELECTION, PodKind } from '@/lib/kinds/pod.ts';
import { EventKind } from '@/lib/kinds/other.ts';
import { DeploymentKind, ReplicaSetKind, ReplicationControllerKind } from '@/lib/kinds/workload.ts';
import type { KubeEvent, Node, Pod, Workload } from '@/lib/kinds/objects.ts';
import { requestedByNode } from '@/lib/kinds/resources.ts';
import { countByPhase, latestEvents } from '@/lib/overview/summary.ts';
import { clusterCapacity, nodeLoads } from '@/lib/overview/node-load.ts';
import { LivePhaseBadge } from '@/components/list/LivePhaseBadge.tsx';
import { Section } from '@/components/detail/Section.tsx';
import { ClusterStats } from './ClusterStats.tsx';
import { NodeHeatmap } from './NodeHeatmap.tsx';
import { PodPhaseChart } from './PodPhaseChart.tsx';
import { WorkloadHealth } from './WorkloadHealth.tsx';
import { WarningEvents } from './WarningEvents.tsx';

/**
 * The home page, made for hundreds of nodes: the aggregates first (nodes Ready, requests
 * against capacity, pods by phase, workload health, latest warnings), then every node as a
 * heatmap square, the unhealthy and busiest first; all live.
 */
export function Overview() {
  const { namespace } = useUrlState();
  const now = useNow();
  const nodes = useLiveList<Node>(NodeKind, {});
  // All pods: node load counts every namespace; the phase chart follows the namespace switcher.
  const pods = useLiveList<Pod>(PodKind, { selection: POD_LOAD_SELECTION });
  const deployments = useLiveList<Workload>(DeploymentKind, { namespace });
  const replicaSets = useLiveList<Workload>(ReplicaSetKind, { namespace });
  const controllers = useLiveList<Workload>(ReplicationControllerKind, { namespace });
  const warnings = useLiveList<KubeEvent>(EventKind, { namespace, fieldSelector: 'type=Warning' });

  const requested = useMemo(() => requestedByNode(pods.items), [pods.items]);
  const phases = useMemo(() => countByPhase(namespace ? pods.items.filter((p) => p.metadata.namespace === namespace) : pods.items), [pods.items, namespace]);
  const latest = useMemo(() => latestEvents(warnings.items, 5), [warnings.items]);
  const loads = useMemo(() => nodeLoads(nodes.items, requested), [nodes.items, requested]);
  const capacity = useMemo(() => clusterCapacity(nodes.items, requested), [nodes.items, requested]);
  const notReady = useMemo(() => loads.filter((n) => !n.ready), [loads]);

  return (
    <Stack gap="md">
      <Group gap="sm">
        <Title order={2}>Cluster overview</Title>
        <LivePhaseBadge phase={pods.phase} />
      </Group>
      <ClusterStats capacity={capacity} notReady={notReady} />
      <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }}>
        <Section title="Pods by phase" testId="overview-pods">
          <PodPhaseChart counts={phases} />
        </Section>
        <Section title="Workloads" testId="overview-workloads">
          <WorkloadHealth
            groups={[
              { kind: 'Deployment', title: 'Deployments', items: deployments.items },
              { kind: 'ReplicaSet', title: 'ReplicaSets', items: replicaSets.items },
              { kind: 'ReplicationController', title: 'ReplicationControllers', items: controllers.items },
            ]}
          />
        </Section>
        <Section title="Latest warnings" testId="overview-warnings">
          <WarningEvents events={latest} now={now} />
        </Section>
      </SimpleGrid>
      <Section title={`Nodes (${nodes.items.length}) · unhealthy and busiest first`} testId="overview-nodes">
        <NodeHeatmap loads={loads} />
      </Section>
    </Stack>
  );
}
