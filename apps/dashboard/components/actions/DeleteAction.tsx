'use client';
import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { Alert, Button, Group, Modal, NumberInput, Select, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconTrash } from '@tabler/icons-react';
import type { KindDef } from '@/lib/kinds/kind.ts';
import type { AnyObject } from '@/lib/kinds/objects.ts';
import { deleteDocument } from '@/lib/kinds/documents.ts';
import { useAction } from './useAction.ts';

type Propagation = 'Background' | 'Foreground' | 'Orphan';

/** kubectl delete with --grace-period and --cascade (propagation policy). */
export function DeleteAction({ kind, object }: { kind: KindDef; object: AnyObject }) {
  const router = useRouter();
  const [opened, { open, close }] = useDisclosure(false);
  const [grace, setGrace] = useState<number | ''>('');
  const [propagation, setPropagation] = useState<Propagation>('Background');
  const action = useAction(deleteDocument(kind));
  const submit = async () => {
    const ok = await action.run({
      namespace: kind.namespaced ? object.metadata.namespace : undefined,
      name: object.metadata.name,
      gracePeriodSeconds: grace === '' ? undefined : grace,
      propagationPolicy: propagation,
    });
    if (ok) {
      close();
      router.push(`/${kind.path}`);
    }
  };
  return (
    <>
      <Button
        color="red"
        variant="light"
        leftSection={<IconTrash size={16} />}
        onClick={() => {
          action.clearError();
          open();
        }}
      >
        Delete
      </Button>
      <Modal opened={opened} onClose={close} title={`Delete ${kind.kind.toLowerCase()} ${object.metadata.name}?`} closeButtonProps={{ 'aria-label': 'Close' }}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <Stack>
            <Text size="sm">The object is removed once its finalizers and grace period allow.</Text>
            <NumberInput label="Grace period (seconds)" description="Empty: the object's default" min={0} value={grace} onChange={(v) => setGrace(v === '' ? '' : Number(v))} />
            <Select
              label="Dependents"
              description="What happens to objects this one owns"
              data={[
                { value: 'Background', label: 'Background: delete them after this one' },
                { value: 'Foreground', label: 'Foreground: delete them first' },
                { value: 'Orphan', label: 'Orphan: keep them' },
              ]}
              value={propagation}
              onChange={(v) => setPropagation((v as Propagation) ?? 'Background')}
              allowDeselect={false}
            />
            {action.error && (
              <Alert color="red" role="alert">
                {action.error}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" color="red" loading={action.busy}>
                Delete
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
