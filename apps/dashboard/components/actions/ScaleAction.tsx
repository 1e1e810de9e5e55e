'use client';
import { useState } from 'react';
import { Alert, Button, Group, Modal, NumberInput, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconArrowsVertical } from '@tabler/icons-react';
import type { KindDef } from '@/lib/kinds/kind.ts';
import type { Workload } from '@/lib/kinds/objects.ts';
import { scaleDocument } from '@/lib/kinds/documents.ts';
import { useAction } from './useAction.ts';

/** kubectl scale: sets spec.replicas of a Deployment, ReplicaSet or ReplicationController. */
export function ScaleAction({ kind, object }: { kind: KindDef; object: Workload }) {
  const [opened, { open, close }] = useDisclosure(false);
  const [replicas, setReplicas] = useState<number>(object.spec?.replicas ?? 1);
  const action = useAction(scaleDocument(kind));
  const submit = async () => {
    if (await action.run({ namespace: object.metadata.namespace, name: object.metadata.name, replicas })) close();
  };
  return (
    <>
      <Button
        variant="default"
        leftSection={<IconArrowsVertical size={16} />}
        onClick={() => {
          setReplicas(object.spec?.replicas ?? 1);
          action.clearError();
          open();
        }}
      >
        Scale
      </Button>
      <Modal opened={opened} onClose={close} title={`Scale ${object.metadata.name}`} closeButtonProps={{ 'aria-label': 'Close' }}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <Stack>
            <NumberInput label="Replicas" min={0} max={100000} value={replicas} onChange={(v) => setReplicas(Number(v) || 0)} data-autofocus data-testid="scale-replicas" />
            {action.error && (
              <Alert color="red" role="alert">
                {action.error}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={action.busy}>
                Scale
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
