'use client';
import Link from 'next/link';
import { Anchor, Table, Text } from '@mantine/core';
import type { Ingress } from '@wheelhouse/model';
import { ingressRuleRows } from '@/lib/kinds/ingress.ts';
import { hrefFor } from '@/lib/kinds/registry.ts';
import { Section } from './Section.tsx';

/** An Ingress's rules as a table (host, path, type, backend Service linked, TLS Secret linked). */
export function IngressRules({ ingress }: { ingress: Ingress }) {
  const rows = ingressRuleRows(ingress);
  const namespace = ingress.metadata.namespace;
  const link = (kind: string, name: string) =>
    name ? (
      <Anchor component={Link} href={hrefFor(kind, name, namespace) ?? '#'} size="sm">
        {name}
      </Anchor>
    ) : (
      '—'
    );
  return (
    <Section title="Rules" testId="ingress-rules">
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          No rules
        </Text>
      ) : (
        <Table fz="sm" withTableBorder aria-label="Rules">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Host</Table.Th>
              <Table.Th>Path</Table.Th>
              <Table.Th>Path type</Table.Th>
              <Table.Th>Service</Table.Th>
              <Table.Th>Port</Table.Th>
              <Table.Th>TLS secret</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={`${r.host} ${r.path} ${r.pathType}`} data-testid="ingress-rule">
                <Table.Td>{r.host}</Table.Td>
                <Table.Td>{r.path || '—'}</Table.Td>
                <Table.Td>{r.pathType || '—'}</Table.Td>
                <Table.Td>{link('Service', r.service)}</Table.Td>
                <Table.Td>{r.port}</Table.Td>
                <Table.Td>{link('Secret', r.tls)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Section>
  );
}
