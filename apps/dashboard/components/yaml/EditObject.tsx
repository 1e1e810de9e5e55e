'use client';
import { useCallback, useEffect, useState } from 'react';
import Link from 'next/link';
import { Alert, Anchor, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { useLiveList } from '@/hooks/useLiveList.ts';
import { kindByPath } from '@/lib/kinds/registry.ts';
import { SELECTIONS } from '@wheelhouse/model';
import type { AnyObject } from '@/lib/kinds/objects.ts';
import { editableManifest } from '@/lib/yaml/editable.ts';
import { editConflict } from '@/lib/yaml/conflict.ts';
import { toYaml } from '@/lib/yaml/render.ts';
import { viewHref } from '@/lib/routes/object-views.ts';
import { LivePhaseBadge } from '@/components/list/LivePhaseBadge.tsx';
import { ObjectPageHeader } from '@/components/views/ObjectPageHeader.tsx';
import { ManifestWorkbench } from './ManifestWorkbench.tsx';

/** Edit an object as YAML and apply it; warns, live, when someone else changed it meanwhile. */
export function EditObject({ kindPath, namespace, name }: { kindPath: string; namespace?: string; name: string }) {
  const kind = kindByPath(kindPath)!;
  const live = useLiveList<AnyObject>(kind, { namespace, fieldSelector: `metadata.name=${name}`, selection: (SELECTIONS as Record<string, string>)[kind.kind] });
  const object = live.items[0];
  const [text, setText] = useState<string>();
  // The object the text was loaded from (or as our last apply stored it).
  const [base, setBase] = useState<Record<string, unknown>>();
  const load = useCallback((o: AnyObject) => {
    const plain = o as unknown as Record<string, unknown>;
    setText(toYaml(editableManifest(plain)));
    setBase(plain);
  }, []);
  // After our own apply, the object as the watch delivers it at (or after) our write becomes the base.
  const [applied, setApplied] = useState<string>();
  const latest = object?.metadata.resourceVersion ?? undefined;
  useEffect(() => {
    if (object && text === undefined) load(object);
  }, [object, text, load]);
  useEffect(() => {
    if (!object || !applied || !latest || BigInt(latest) < BigInt(applied)) return;
    setBase(object as unknown as Record<string, unknown>);
    setApplied(undefined);
  }, [object, applied, latest]);
  const conflict = applied ? undefined : editConflict(base, object as unknown as Record<string, unknown> | undefined);

  const banner = (
    <>
      {conflict && (
        <Alert color="orange" role="alert" title="Changed since you loaded it" data-testid="edit-conflict">
          <Stack gap="xs">
            <Text size="sm">
              This {kind.kind} was modified meanwhile (revision {conflict.from} → {conflict.to}): {conflict.fields.join(', ')}. Applying now overwrites their change to any field
              you also set.
            </Text>
            <Group gap="xs">
              <Button size="xs" variant="default" onClick={() => object && load(object)}>
                Reload (discard my edits)
              </Button>
              <Anchor component={Link} href={viewHref('history', kind.path, kind.namespaced, { namespace, name })} size="sm" c="inherit" underline="always">
                See what changed
              </Anchor>
            </Group>
          </Stack>
        </Alert>
      )}
      {live.phase !== 'loading' && !object && (
        <Alert color="yellow" title="Not found">
          {kind.kind} {name} does not exist (any more); applying creates it again.
        </Alert>
      )}
    </>
  );

  return (
    <Stack gap="md">
      <ObjectPageHeader kindPath={kindPath} namespace={namespace} name={name} view="edit" title="Edit" extra={<LivePhaseBadge phase={live.phase} />} />
      {text === undefined && live.phase === 'loading' && <Loader aria-label="Loading" />}
      {live.problem && (
        <Alert color="red" role="alert">
          {live.problem.message}
        </Alert>
      )}
      {text !== undefined && (
        <ManifestWorkbench
          text={text}
          onText={setText}
          namespace={namespace}
          current={object as unknown as Record<string, unknown> | undefined}
          banner={banner}
          onApplied={(objects) => {
            const mine = objects.find((o) => o.kind === kind.kind && o.name === name);
            if (mine) setApplied(mine.resourceVersion);
          }}
        />
      )}
    </Stack>
  );
}
