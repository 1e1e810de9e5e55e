'use client';
import { useState } from 'react';
import { Stack, Text, Title } from '@mantine/core';
import { useUrlState } from '@/hooks/useUrlState.ts';
import { ManifestWorkbench } from './ManifestWorkbench.tsx';

const TEMPLATE = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: example
  labels:
    app: example
spec:
  replicas: 1
  selector:
    matchLabels:
      app: example
  template:
    metadata:
      labels:
        app: example
    spec:
      containers:
        - name: main
          image: busybox
          command: ["sh", "-c", "while true; do date; sleep 5; done"]
`;

/** kubectl apply -f from the browser: any kinds, one or many documents. */
export function CreateFromYaml() {
  const { namespace } = useUrlState();
  const [text, setText] = useState(TEMPLATE);
  return (
    <Stack gap="md">
      <Title order={2}>Apply YAML</Title>
      <Text size="sm" c="dimmed">
        One or more documents separated by <code>---</code>, in the Kubernetes manifest format. Objects without a namespace go to <strong>{namespace ?? 'default'}</strong>. Nothing
        is written when any document is invalid.
      </Text>
      <ManifestWorkbench text={text} onText={setText} namespace={namespace} />
    </Stack>
  );
}
