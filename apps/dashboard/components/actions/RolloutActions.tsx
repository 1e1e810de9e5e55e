'use client';
import { Alert, Button } from '@mantine/core';
import { IconPlayerPause, IconPlayerPlay, IconRefresh } from '@tabler/icons-react';
import type { KindDef } from '@/lib/kinds/kind.ts';
import type { Workload } from '@/lib/kinds/objects.ts';
import { rolloutDocument } from '@/lib/kinds/documents.ts';
import { useAction } from './useAction.ts';

/** kubectl rollout restart / pause / resume. */
export function RolloutActions({ kind, object }: { kind: KindDef; object: Workload }) {
  const restart = useAction(rolloutDocument(kind, 'restart'));
  const pause = useAction(rolloutDocument(kind, 'pause'));
  const resume = useAction(rolloutDocument(kind, 'resume'));
  const target = { namespace: object.metadata.namespace, name: object.metadata.name };
  const paused = object.spec !== undefined && 'paused' in object.spec && object.spec.paused === true;
  const error = restart.error ?? pause.error ?? resume.error;
  return (
    <>
      <Button variant="default" leftSection={<IconRefresh size={16} />} loading={restart.busy} onClick={() => restart.run(target)}>
        Restart
      </Button>
      {paused ? (
        <Button variant="default" leftSection={<IconPlayerPlay size={16} />} loading={resume.busy} onClick={() => resume.run(target)}>
          Resume
        </Button>
      ) : (
        <Button variant="default" leftSection={<IconPlayerPause size={16} />} loading={pause.busy} onClick={() => pause.run(target)}>
          Pause
        </Button>
      )}
      {error && (
        <Alert color="red" role="alert" py={4}>
          {error}
        </Alert>
      )}
    </>
  );
}
