'use client';
import dynamic from 'next/dynamic';
import Link from 'next/link';
import { Alert, Anchor, Badge, Button, Group, List, Loader, Stack, Text } from '@mantine/core';
import { IconEye, IconUpload } from '@tabler/icons-react';
import { hrefFor } from '@/lib/kinds/registry.ts';
import { toYaml } from '@/lib/yaml/render.ts';
import { diffObjects } from '@/lib/history/revision-diff.ts';
import { DiffView } from '@/components/history/DiffView.tsx';
import { Section } from '@/components/detail/Section.tsx';
import { useApply, type AppliedObject } from './useApply.ts';

// CodeMirror needs the DOM: render it in the browser only.
const CodeEditor = dynamic(() => import('./CodeEditor.tsx').then((m) => m.CodeEditor), { ssr: false, loading: () => <Loader aria-label="Loading editor" /> });

/**
 * The YAML editor with apply and a server-side dry run: errors are marked at the
 * line of their field, a dry run shows the object(s) the server would store and, when
 * editing, what would change against `current`.
 */
export function ManifestWorkbench({
  text,
  onText,
  namespace,
  current,
  onApplied,
  banner,
}: {
  text: string;
  onText: (t: string) => void;
  namespace?: string;
  current?: Record<string, unknown>;
  onApplied?: (objects: AppliedObject[]) => void;
  banner?: React.ReactNode;
}) {
  const apply = useApply();
  const mark = apply.problem?.line ? { line: apply.problem.line, message: apply.problem.message } : undefined;
  const submit = async (dryRun: boolean) => {
    const outcome = await apply.run(text, namespace, dryRun);
    if (outcome && !dryRun) onApplied?.(outcome.objects);
  };
  return (
    <Stack gap="md">
      {banner}
      <CodeEditor value={text} onChange={onText} mark={mark} label="YAML manifest" />
      <Group>
        <Button variant="default" leftSection={<IconEye size={16} />} loading={apply.busy} onClick={() => void submit(true)}>
          Dry run
        </Button>
        <Button leftSection={<IconUpload size={16} />} loading={apply.busy} onClick={() => void submit(false)}>
          Apply
        </Button>
      </Group>
      {apply.problem && (
        <Alert
          color="red"
          role="alert"
          title={apply.problem.field ? `Invalid ${apply.problem.field}${apply.problem.line ? ` (line ${apply.problem.line})` : ''}` : 'Apply failed'}
          data-testid="apply-error"
        >
          {apply.problem.message}
        </Alert>
      )}
      {apply.outcome && !apply.outcome.dryRun && (
        <Alert color="teal" role="status" title="Applied" data-testid="apply-result">
          <List size="sm">
            {apply.outcome.objects.map((o) => (
              <List.Item key={`${o.kind}/${o.namespace}/${o.name}`}>
                <AppliedLink object={o} /> {o.action}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      {apply.outcome?.dryRun && (
        <Section title="Dry run: what the server would store" testId="dry-run">
          {apply.outcome.objects.map((o) => (
            <Stack key={`${o.kind}/${o.namespace}/${o.name}`} gap="xs">
              <Group gap="xs">
                <Text fw={600}>
                  {o.kind} {o.namespace ? `${o.namespace}/` : ''}
                  {o.name}
                </Text>
                <Badge variant="light">{o.action} (dry run)</Badge>
              </Group>
              {current && o.action !== 'created' && <DryRunDiff current={current} planned={o.object} />}
              <CodeEditor value={toYaml(o.object)} readOnly label={`Dry-run result for ${o.kind} ${o.name}`} height="40vh" />
            </Stack>
          ))}
        </Section>
      )}
    </Stack>
  );
}

function DryRunDiff({ current, planned }: { current: Record<string, unknown>; planned: Record<string, unknown> }) {
  const diff = diffObjects(current, planned);
  if (diff.added + diff.removed === 0) return <Text c="dimmed">No change to the stored object.</Text>;
  return <DiffView rows={diff.rows} caption="What applying would change" />;
}

function AppliedLink({ object }: { object: AppliedObject }) {
  const href = hrefFor(object.kind, object.name, object.namespace);
  const label = `${object.kind.toLowerCase()}/${object.name}`;
  return href ? (
    <Anchor component={Link} href={href}>
      {label}
    </Anchor>
  ) : (
    <span>{label}</span>
  );
}
