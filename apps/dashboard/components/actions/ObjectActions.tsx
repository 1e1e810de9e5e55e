'use client';
import { Group } from '@mantine/core';
import type { KindDef } from '@/lib/kinds/kind.ts';
import type { CronJob } from '@wheelhouse/model';
import type { AnyObject, Workload } from '@/lib/kinds/objects.ts';
import { ScaleAction } from './ScaleAction.tsx';
import { RolloutActions } from './RolloutActions.tsx';
import { DeleteAction } from './DeleteAction.tsx';
import { CronJobActions } from './CronJobActions.tsx';

/** The actions a kind supports, from its registry entry. */
export function ObjectActions({ kind, object }: { kind: KindDef; object: AnyObject }) {
  return (
    <Group gap="xs">
      {kind.actions?.scale && <ScaleAction kind={kind} object={object as Workload} />}
      {kind.actions?.restart && <RolloutActions kind={kind} object={object as Workload} />}
      {kind.actions?.suspend && <CronJobActions kind={kind} object={object as CronJob} />}
      <DeleteAction kind={kind} object={object} />
    </Group>
  );
}
