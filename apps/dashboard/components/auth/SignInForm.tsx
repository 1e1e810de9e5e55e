'use client';
import { useState } from 'react';
import { useSearchParams } from 'next/navigation';
import { safeNext } from '@/lib/routes/safe-next.ts';
import { Alert, Button, Center, Code, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';

/** Takes a bearer token; the dashboard server checks it with the API and keeps it in an httpOnly cookie. */
export function SignInForm({ tokenFile }: { tokenFile: string }) {
  const params = useSearchParams();
  const [token, setToken] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    const res = await fetch('/api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) }).catch(() => undefined);
    const body = res ? await res.json().catch(() => ({})) : { error: 'The dashboard server is unreachable.' };
    setBusy(false);
    if (!res?.ok) return setError(body.error ?? 'Sign-in failed.');
    // Only paths on this site: never an open redirect.
    location.assign(safeNext(params.get('next'), location.origin));
  };

  return (
    <Center mih="100vh" p="md">
      <Paper withBorder shadow="sm" p="xl" w={420} component="main">
        <form onSubmit={submit}>
          <Stack>
            <Title order={1} size="h2">
              Sign in to Wheelhouse
            </Title>
            <Text size="sm" c="dimmed">
              Paste a bearer token. Under <Code>npm start</Code> the admin token is in <Code>{tokenFile}</Code>.
            </Text>
            <PasswordInput label="Bearer token" value={token} onChange={(e) => setToken(e.currentTarget.value)} required autoFocus name="token" />
            {error && (
              <Alert color="red" title="Not signed in" role="alert">
                {error}
              </Alert>
            )}
            <Button type="submit" loading={busy}>
              Sign in
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
