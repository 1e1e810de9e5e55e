'use client';
import { Title } from '@mantine/core';

export function Overview() {
  return <Title order={2}>Cluster overview</Title>;
}
