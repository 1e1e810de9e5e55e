'use client';
import { useState } from 'react';
import Link from 'next/link';
import { Alert, Anchor, Button, Text } from '@mantine/core';
import { IconBolt, IconPlayerPause, IconPlayerPlay } from '@tabler/icons-react';
import type { CronJob } from '@wheelhouse/model';
import type { KindDef } from '@/lib/kinds/kind.ts';
import { suspendDocument, triggerDocument } from '@/lib/kinds/documents.ts';
import { triggeredJob } from '@/lib/kinds/cronjob.ts';
import { hrefFor } from '@/lib/kinds/registry.ts';
import { useAction } from './useAction.ts';

/** Suspend or resume a CronJob (spec.suspend), or run its Job now as `wh create job --from=cronjob/NAME`. */
export function CronJobActions({ kind, object }: { kind: KindDef; object: CronJob }) {
  const suspend = useAction(suspendDocument(kind));
  const trigger = useAction(triggerDocument(kind));
  const [created, setCreated] = useState<string>();
  const target = { namespace: object.metadata.namespace, name: object.metadata.name };
  const suspended = object.spec?.suspend === true;
  const error = suspend.error ?? trigger.error;
  const runNow = async () => {
    const job = triggeredJob(object);
    setCreated(undefined);
    if (await trigger.run({ namespace: object.metadata.namespace, input: job })) setCreated(job.metadata.name);
  };
  return (
    <>
      <Button
        variant="default"
        leftSection={suspended ? <IconPlayerPlay size={16} /> : <IconPlayerPause size={16} />}
        loading={suspend.busy}
        onClick={() => suspend.run({ ...target, patch: { spec: { suspend: !suspended } } })}
      >
        {suspended ? 'Resume' : 'Suspend'}
      </Button>
      <Button variant="default" leftSection={<IconBolt size={16} />} loading={trigger.busy} onClick={() => void runNow()}>
        Trigger now
      </Button>
      {created && (
        <Text size="sm" role="status">
          Created job{' '}
          <Anchor component={Link} href={hrefFor('Job', created, object.metadata.namespace) ?? '#'}>
            {created}
          </Anchor>
        </Text>
      )}
      {error && (
        <Alert color="red" role="alert" py={4}>
          {error}
        </Alert>
      )}
    </>
  );
}
