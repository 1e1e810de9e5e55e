// The dashboard bundles this library for the browser: its sources may import only the
// browser-safe model, never Node built-ins or server packages.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const src = join(dirname(fileURLToPath(import.meta.url)), '../src');

test('library sources import nothing but @wheelhouse/model and each other', () => {
  const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
  assert.ok(files.length > 3, `sources found under ${src}`);
  for (const file of files) {
    const imports = [...readFileSync(join(src, file), 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1]!);
    for (const spec of imports) assert.ok(spec.startsWith('.') || spec === '@wheelhouse/model', `${file} imports ${spec}`);
  }
});
