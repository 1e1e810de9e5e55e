'use client';
import { Alert, Group, Loader, Stack, Title } from '@mantine/core';
import { ObjectBreadcrumbs } from '@/components/views/ObjectBreadcrumbs.tsx';
import { useLiveList } from '@/hooks/useLiveList.ts';
import { useNow } from '@/hooks/useNow.ts';
import { kindByPath } from '@/lib/kinds/registry.ts';
import type { AnyObject, Condition } from '@/lib/kinds/objects.ts';
import { SELECTIONS } from '@wheelhouse/model';
import { LivePhaseBadge } from '@/components/list/LivePhaseBadge.tsx';
import { ObjectActions } from '@/components/actions/ObjectActions.tsx';
import { MetadataSection } from './MetadataSection.tsx';
import { ObjectTree } from './ObjectTree.tsx';
import { ConditionsTable } from './ConditionsTable.tsx';
import { RelatedSection } from './RelatedSection.tsx';
import { EventsSection } from './EventsSection.tsx';
import { Section } from './Section.tsx';
import { KindSummary } from './KindSummary.tsx';
import { ObjectViewLinks } from '@/components/views/ObjectViewLinks.tsx';
import { withoutSecretCopies } from '@/lib/kinds/config.ts';

/** One object, live: metadata, spec, status, conditions, related objects, events, actions. */
export function ResourceDetail({ kindPath, namespace, name }: { kindPath: string; namespace?: string; name: string }) {
  const kind = kindByPath(kindPath)!;
  const now = useNow();
  // A watch narrowed to this one name: the page follows every change of the object.
  const live = useLiveList<AnyObject>(kind, {
    namespace,
    fieldSelector: `metadata.name=${name}`,
    selection: kind.detailSelection ?? (SELECTIONS as Record<string, string>)[kind.kind],
  });
  const object = live.items[0] && withoutSecretCopies(kind.kind, live.items[0]);
  const { metadata: _m, apiVersion: _a, kind: _k, spec, status, ...rest } = (object ?? {}) as AnyObject & Record<string, unknown>;
  const conditions = (status as { conditions?: Condition[] } | undefined)?.conditions ?? [];

  return (
    <Stack gap="md">
      <ObjectBreadcrumbs kind={kind} namespace={namespace} name={name} />
      <Group justify="space-between">
        <Group gap="sm">
          <Title order={2}>
            {kind.kind} {name}
          </Title>
          <LivePhaseBadge phase={live.phase} />
        </Group>
        {object && <ObjectActions kind={kind} object={object} />}
      </Group>
      <ObjectViewLinks kindPath={kind.path} namespace={namespace} name={name} current="detail" />
      {live.phase === 'loading' && <Loader aria-label="Loading" />}
      {live.problem && (
        <Alert color="red" role="alert">
          {live.problem.message}
        </Alert>
      )}
      {live.phase !== 'loading' && !object && !live.problem && (
        <Alert color="yellow" title="Not found" data-testid="not-found">
          {kind.kind} {name} does not exist (any more).
        </Alert>
      )}
      {object && (
        <>
          <KindSummary kind={kind.kind} object={object} now={now} />
          <MetadataSection object={object} now={now} />
          {conditions.length > 0 && (
            <Section title="Conditions">
              <ConditionsTable conditions={conditions} now={now} />
            </Section>
          )}
          <RelatedSection kind={kind.kind} object={object} ctx={{ now }} />
          {spec !== undefined && (
            <Section title="Spec" testId="spec">
              <ObjectTree value={spec} />
            </Section>
          )}
          {status !== undefined && (
            <Section title="Status" testId="status">
              <ObjectTree value={{ ...(status as object), conditions: undefined }} />
            </Section>
          )}
          {Object.keys(rest).length > 0 && (
            <Section title="Details">
              <ObjectTree value={rest} />
            </Section>
          )}
          <EventsSection kind={kind.kind} object={object} now={now} />
        </>
      )}
    </Stack>
  );
}
