'use client';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'next/navigation';
import { Alert, Button, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useLiveList } from '@/hooks/useLiveList.ts';
import { useUrlState } from '@/hooks/useUrlState.ts';
import { kindByName } from '@/lib/kinds/registry.ts';
import type { Node as KubeNode, Pod, Workload } from '@/lib/kinds/objects.ts';
import type { Ingress, Service } from '@wheelhouse/model';
import { buildTopology, type TopologyInput } from '@/lib/topology/build-graph.ts';
import { DETAIL_LIMIT, groupTopology, objectCount, type GroupBy, type TopologyGroup } from '@/lib/topology/groups.ts';
import { focusInput } from '@/lib/topology/focus.ts';
import { LivePhaseBadge } from '@/components/list/LivePhaseBadge.tsx';
import { TopologyGraph } from './TopologyGraph.tsx';
import { TopologyGroups } from './TopologyGroups.tsx';

const GROUP_BY: GroupBy[] = ['namespace', 'owner', 'node'];

/**
 * Ingresses → Services → Pods and Deployments → ReplicaSets → Pods → Nodes of the chosen
 * namespace, live from the same list+watch as the lists. Up to DETAIL_LIMIT objects it draws
 * every object; above, groups (by namespace, owner or node) with counts and health, opened
 * on demand; `?focus=Kind/namespace/name` draws one object and its neighbourhood. The
 * drawn graph is bounded either way, so the tab keeps answering on any cluster.
 */
export function TopologyMap() {
  const url = useUrlState();
  const { namespace } = url;
  const params = useSearchParams();
  const focus = params.get('focus') ?? undefined;
  const deployments = useLiveList<Workload>(kindByName('Deployment')!, { namespace });
  const replicaSets = useLiveList<Workload>(kindByName('ReplicaSet')!, { namespace });
  const pods = useLiveList<Pod>(kindByName('Pod')!, { namespace });
  const nodes = useLiveList<KubeNode>(kindByName('Node')!, {});
  const ingresses = useLiveList<Ingress>(kindByName('Ingress')!, { namespace });
  const services = useLiveList<Service>(kindByName('Service')!, { namespace });
  const lists = [deployments, replicaSets, pods, nodes, ingresses, services];
  const problem = lists.find((l) => l.problem)?.problem;
  const phase = lists.some((l) => l.phase === 'loading') ? 'loading' : lists.some((l) => l.phase === 'reconnecting') ? 'reconnecting' : 'live';
  const input: TopologyInput = useMemo(
    () => ({ deployments: deployments.items, replicaSets: replicaSets.items, pods: pods.items, nodes: nodes.items, ingresses: ingresses.items, services: services.items }),
    [deployments.items, replicaSets.items, pods.items, nodes.items, ingresses.items, services.items],
  );
  const grouped = !focus && objectCount(input) > DETAIL_LIMIT;
  const groupBy = (params.get('group') as GroupBy | null) ?? (namespace ? 'owner' : 'namespace');
  const graph = useMemo(() => (grouped ? undefined : buildTopology(focus ? focusInput(input, focus) : input)), [grouped, focus, input]);
  const groups = useMemo(() => (grouped ? groupTopology(input, groupBy) : []), [grouped, input, groupBy]);
  const setFocus = useCallback((key: string | undefined) => url.set({ focus: key }), [url]);
  const open = (g: TopologyGroup) => url.set('focus' in g.open ? { focus: g.open.focus } : { namespace: g.open.namespace || undefined, group: 'owner' });

  return (
    <Stack gap="md">
      <Group gap="sm">
        <Title order={2}>Topology</Title>
        <LivePhaseBadge phase={phase} />
        <Text size="sm" c="dimmed">
          {namespace ? `namespace ${namespace}` : 'all namespaces'}
          {grouped ? ` · ${objectCount(input)} objects, grouped: open a group to see its objects` : ' · solid: owns · dashed: runs on'}
        </Text>
      </Group>
      {grouped && (
        <Group gap="sm">
          <Text size="sm">Group by</Text>
          <SegmentedControl size="xs" value={groupBy} data={GROUP_BY} onChange={(group) => url.set({ group })} aria-label="Group by" />
        </Group>
      )}
      {focus && (
        <Group gap="sm" data-testid="topology-focus">
          <Text size="sm">
            Focused on <b>{focus.split('/').filter(Boolean).join(' ')}</b> and its neighbourhood
          </Text>
          <Button size="xs" variant="light" onClick={() => setFocus(undefined)}>
            Show all
          </Button>
        </Group>
      )}
      {problem && (
        <Alert color="red" role="alert">
          {problem.message}
        </Alert>
      )}
      {graph ? <TopologyGraph graph={graph} onFocus={setFocus} /> : <TopologyGroups key={`${namespace}/${groupBy}`} groups={groups} onOpen={open} />}
      {phase !== 'loading' && graph?.nodes.length === 0 && <Text c="dimmed">{focus ? `Nothing named ${focus} here.` : 'No Deployments, ReplicaSets or Pods here.'}</Text>}
    </Stack>
  );
}
