import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

// Regression (issue 14, point 7): docker-compose.yml defaulted the admin token to
// `change-me` and published the API and dashboard on every interface of the host.

const compose = parse(readFileSync(fileURLToPath(new URL('../../../docker-compose.yml', import.meta.url)), 'utf8')) as {
  services: Record<string, { environment?: Record<string, string>; ports?: string[] }>;
};

test('no admin token is defaulted: an unset WHEELHOUSE_ADMIN_TOKEN means a generated one', () => {
  const value = compose.services.wheelhouse!.environment!.WHEELHOUSE_ADMIN_TOKEN!;
  assert.match(value, /^\$\{WHEELHOUSE_ADMIN_TOKEN:-\}$/, `got ${value}`);
});

test('every published port is bound to the host loopback', () => {
  for (const [name, service] of Object.entries(compose.services)) {
    for (const port of service.ports ?? []) assert.match(port, /^127\.0\.0\.1:\d+:\d+$/, `${name} publishes ${port}`);
  }
});
