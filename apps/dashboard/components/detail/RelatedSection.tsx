'use client';
import { useMemo } from 'react';
import { Stack, Title } from '@mantine/core';
import { useLiveList } from '@/hooks/useLiveList.ts';
import type { ColumnContext } from '@/lib/kinds/kind.ts';
import type { AnyObject, Node, Pod, Workload } from '@/lib/kinds/objects.ts';
import { PodKind } from '@/lib/kinds/pod.ts';
import { ReplicaSetKind } from '@/lib/kinds/workload.ts';
import { ownedBy, selectorQuery } from '@/lib/kinds/relations.ts';
import { Section } from './Section.tsx';
import { RelatedTable } from './RelatedTable.tsx';
import { ContainersSection } from './ContainersSection.tsx';
import { SecretData } from './SecretData.tsx';
import { IngressRules } from './IngressRules.tsx';
import { NodeCapacity } from '@/components/overview/NodeCapacity.tsx';
import { requestedByNode } from '@/lib/kinds/resources.ts';
import type { CronJob, EndpointSlice, Ingress, Job, Service } from '@wheelhouse/model';
import { DASHBOARD_KINDS } from '@/lib/kinds/registry.ts';
import { EndpointSliceKind } from '@/lib/kinds/network.ts';

/** Children, live: Deployment → ReplicaSets → Pods; ReplicaSet/RC → Pods; Node → its Pods; Service → EndpointSlices and Pods; CronJob → Jobs. */
export function RelatedSection({ kind, object, ctx }: { kind: string; object: AnyObject; ctx: ColumnContext }) {
  if (kind === 'Deployment') return <DeploymentChildren deployment={object as Workload} ctx={ctx} />;
  if (kind === 'ReplicaSet' || kind === 'ReplicationController') return <OwnedPods owner={object as Workload} ctx={ctx} />;
  if (kind === 'Node') return <NodePods node={object as Node} ctx={ctx} />;
  if (kind === 'Pod') return <ContainersSection pod={object as Pod} now={ctx.now} />;
  if (kind === 'Service') return <ServiceChildren service={object as Service} ctx={ctx} />;
  if (kind === 'Secret') return <SecretData namespace={object.metadata.namespace ?? 'default'} name={object.metadata.name ?? ''} />;
  if (kind === 'Ingress') return <IngressRules ingress={object as Ingress} />;
  if (kind === 'CronJob') return <CronJobJobs cronJob={object as CronJob} ctx={ctx} />;
  return null;
}

/** The Jobs a CronJob made (scheduled or triggered), by owner reference. */
function CronJobJobs({ cronJob, ctx }: { cronJob: CronJob; ctx: ColumnContext }) {
  const jobKind = DASHBOARD_KINDS.Job!;
  const jobs = useLiveList<Job>(jobKind, { namespace: cronJob.metadata.namespace ?? undefined });
  const owned = useMemo(() => ownedBy(jobs.items, new Set([cronJob.metadata.uid ?? ''])), [jobs.items, cronJob.metadata.uid]);
  return (
    <Section title={`Jobs (${owned.length})`} testId="related">
      <RelatedTable kind={jobKind} rows={owned} ctx={ctx} testId="child-jobs" />
    </Section>
  );
}

function DeploymentChildren({ deployment, ctx }: { deployment: Workload; ctx: ColumnContext }) {
  const namespace = deployment.metadata.namespace ?? undefined;
  const labelSelector = selectorQuery(deployment.spec?.selector);
  const replicaSets = useLiveList<Workload>(ReplicaSetKind, { namespace, labelSelector });
  const pods = useLiveList<Pod>(PodKind, { namespace, labelSelector });
  const owned = useMemo(() => ownedBy(replicaSets.items, new Set([deployment.metadata.uid ?? ''])), [replicaSets.items, deployment.metadata.uid]);
  const ownedPods = useMemo(() => ownedBy(pods.items, new Set(owned.map((rs) => rs.metadata.uid ?? ''))), [pods.items, owned]);
  return (
    <Section title="Related" testId="related">
      <Stack gap="xs">
        <Title order={4} size="h5">
          ReplicaSets
        </Title>
        <RelatedTable kind={ReplicaSetKind} rows={owned} ctx={ctx} testId="child-replicasets" />
        <Title order={4} size="h5">
          Pods ({ownedPods.length})
        </Title>
        <RelatedTable kind={PodKind} rows={ownedPods} ctx={ctx} testId="child-pods" />
      </Stack>
    </Section>
  );
}

function OwnedPods({ owner, ctx }: { owner: Workload; ctx: ColumnContext }) {
  const pods = useLiveList<Pod>(PodKind, { namespace: owner.metadata.namespace ?? undefined, labelSelector: selectorQuery(owner.spec?.selector) });
  const owned = useMemo(() => ownedBy(pods.items, new Set([owner.metadata.uid ?? ''])), [pods.items, owner.metadata.uid]);
  return (
    <Section title={`Pods (${owned.length})`} testId="related">
      <RelatedTable kind={PodKind} rows={owned} ctx={ctx} testId="child-pods" />
    </Section>
  );
}

function NodePods({ node, ctx }: { node: Node; ctx: ColumnContext }) {
  const pods = useLiveList<Pod>(PodKind, { fieldSelector: `spec.nodeName=${node.metadata.name}` });
  const requested = useMemo(() => requestedByNode(pods.items), [pods.items]);
  return (
    <>
      <Section title="Capacity" testId="capacity">
        <NodeCapacity nodes={[node]} requested={requested} />
      </Section>
      <Section title={`Pods on this node (${pods.items.length})`} testId="related">
        <RelatedTable kind={PodKind} rows={pods.items} ctx={ctx} testId="child-pods" />
      </Section>
    </>
  );
}

/** A Service's EndpointSlices and the pods its selector picks (a selector-less Service has only slices someone else keeps). */
function ServiceChildren({ service, ctx }: { service: Service; ctx: ColumnContext }) {
  const namespace = service.metadata.namespace ?? undefined;
  const slices = useLiveList<EndpointSlice>(EndpointSliceKind, { namespace, labelSelector: `kubernetes.io/service-name=${service.metadata.name}` });
  const selector = Object.entries(service.spec?.selector ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
  return (
    <Section title="Related" testId="related">
      <Stack gap="xs">
        <Title order={4} size="h5">
          EndpointSlices ({slices.items.length})
        </Title>
        <RelatedTable kind={EndpointSliceKind} rows={slices.items} ctx={ctx} testId="child-endpointslices" />
        {selector ? <SelectedPods namespace={namespace} selector={selector} ctx={ctx} /> : null}
      </Stack>
    </Section>
  );
}

function SelectedPods({ namespace, selector, ctx }: { namespace?: string; selector: string; ctx: ColumnContext }) {
  const pods = useLiveList<Pod>(PodKind, { namespace, labelSelector: selector });
  return (
    <>
      <Title order={4} size="h5">
        Pods ({pods.items.length})
      </Title>
      <RelatedTable kind={PodKind} rows={pods.items} ctx={ctx} testId="child-pods" />
    </>
  );
}
