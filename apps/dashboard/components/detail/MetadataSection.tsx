import Link from 'next/link';
import { Anchor, Badge, Code, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import type { AnyObject } from '@/lib/kinds/objects.ts';
import { hrefFor } from '@/lib/kinds/registry.ts';
import { age } from '@/lib/format/age.ts';
import { Section } from './Section.tsx';

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <div>{children}</div>
    </Stack>
  );
}

/** Name, namespace, uid, age, versions, owners, finalizers, labels and annotations. */
export function MetadataSection({ object, now }: { object: AnyObject; now: number }) {
  const m = object.metadata;
  return (
    <Section title="Metadata" testId="metadata">
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
        <Field label="Name">{m.name}</Field>
        {m.namespace && <Field label="Namespace">{m.namespace}</Field>}
        <Field label="Created">
          <span title={m.creationTimestamp ?? ''}>{age(m.creationTimestamp, now)} ago</span>
        </Field>
        <Field label="UID">
          <Text size="sm" className="mono">
            {m.uid}
          </Text>
        </Field>
        <Field label="Resource version">{m.resourceVersion}</Field>
        {m.generation != null && <Field label="Generation">{m.generation}</Field>}
        {m.deletionTimestamp && (
          <Field label="Deleting since">
            <Badge color="orange">{age(m.deletionTimestamp, now)} ago</Badge>
          </Field>
        )}
        {(m.ownerReferences ?? []).length > 0 && (
          <Field label="Controlled by">
            {m.ownerReferences!.map((ref) => {
              const href = ref.kind && ref.name ? hrefFor(ref.kind, ref.name, m.namespace) : undefined;
              const text = `${ref.kind}/${ref.name}`;
              return href ? (
                <Anchor key={ref.uid} component={Link} href={href} size="sm" data-testid="owner-link">
                  {text}
                </Anchor>
              ) : (
                <Text key={ref.uid}>{text}</Text>
              );
            })}
          </Field>
        )}
        {(m.finalizers ?? []).length > 0 && <Field label="Finalizers">{m.finalizers!.join(', ')}</Field>}
      </SimpleGrid>
      <Field label="Labels">
        <Group gap={6}>
          {Object.entries(m.labels ?? {}).map(([k, v]) => (
            <Badge key={k} variant="outline" tt="none" radius="sm">
              {k}={v}
            </Badge>
          ))}
          {Object.keys(m.labels ?? {}).length === 0 && (
            <Text size="sm" c="dimmed">
              none
            </Text>
          )}
        </Group>
      </Field>
      {Object.keys(m.annotations ?? {}).length > 0 && (
        <Field label="Annotations">
          <Stack gap={4}>
            {Object.entries(m.annotations ?? {}).map(([k, v]) => (
              <Text key={k} size="sm" style={{ wordBreak: 'break-all' }}>
                <Code>{k}</Code> {v}
              </Text>
            ))}
          </Stack>
        </Field>
      )}
    </Section>
  );
}
