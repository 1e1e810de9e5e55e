'use client';
import { useState } from 'react';
import { useDashboard } from '@/app/providers.tsx';
import { documentIndexOf, locateField } from '@/lib/yaml/field-line.ts';

const APPLY = `mutation ApplyManifest($manifest: String!, $namespace: String, $dryRun: Boolean) {
  apply(manifest: $manifest, namespace: $namespace, dryRun: $dryRun) { objects { apiVersion kind namespace name resourceVersion action object } }
}`;

export interface AppliedObject {
  apiVersion: string;
  kind: string;
  namespace?: string | null;
  name: string;
  resourceVersion: string;
  action: string;
  object: Record<string, unknown>;
}

export interface ApplyProblem {
  message: string;
  code?: string;
  field?: string;
  /** Where the field is in the text, when the error names one that is there. */
  line?: number;
}

export interface ApplyOutcome {
  dryRun: boolean;
  objects: AppliedObject[];
}

/** kubectl apply (or --dry-run=server) of the editor's text; errors located at their line. */
export function useApply() {
  const { client } = useDashboard();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApplyProblem>();
  const [outcome, setOutcome] = useState<ApplyOutcome>();
  const run = async (manifest: string, namespace: string | undefined, dryRun: boolean): Promise<ApplyOutcome | undefined> => {
    setBusy(true);
    setProblem(undefined);
    setOutcome(undefined);
    const result = await client.mutation(APPLY, { manifest, namespace, dryRun }).toPromise();
    setBusy(false);
    if (result.error) {
      const first = result.error.graphQLErrors[0];
      const field = first?.extensions?.field as string | undefined;
      const message = first?.message ?? result.error.message;
      const location = field ? locateField(manifest, field, documentIndexOf(message)) : undefined;
      setProblem({ message, code: first?.extensions?.code as string | undefined, field, line: location?.line });
      return undefined;
    }
    const done = { dryRun, objects: result.data.apply.objects as AppliedObject[] };
    setOutcome(done);
    return done;
  };
  return {
    run,
    busy,
    problem,
    outcome,
    clear: () => {
      setProblem(undefined);
      setOutcome(undefined);
    },
  };
}
