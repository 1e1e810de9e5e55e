'use client';
import { useState } from 'react';
import { useDashboard } from '@/app/providers.tsx';
import { problemOf } from '@/lib/graphql/client.ts';

/** Runs one mutation; keeps whether it is running and the API's error message. */
export function useAction(document: string | undefined) {
  const { client } = useDashboard();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const run = async (variables: Record<string, unknown>): Promise<boolean> => {
    if (!document) return false;
    setBusy(true);
    setError(undefined);
    const result = await client.mutation(document, variables).toPromise();
    setBusy(false);
    if (result.error) {
      setError(problemOf(result.error).message);
      return false;
    }
    return true;
  };
  return { run, busy, error, clearError: () => setError(undefined) };
}
