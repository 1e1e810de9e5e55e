import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { KINDS } from '@wheelhouse/resources';
import { startTestApi, type TestApi } from '../support/api.js';

// Copies of shared/conformance/manifests (kubernetes/examples, Apache-2.0; see SOURCES.md there).
const dir = fileURLToPath(new URL('../../fixtures/conformance-manifests/', import.meta.url));
const manifests = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
const served = new Set(KINDS.map((k) => k.kind));

let api: TestApi;
before(async () => {
  api = await startTestApi();
});
after(async () => api?.close());

test('there are manifests to check', () => assert.ok(manifests.length >= 9));

for (const file of manifests) {
  test(`${file} applies, or fails only because its kind is not served yet`, async () => {
    const result = await api.gql(`mutation($m: String!) { apply(manifest: $m) { objects { kind name action } } }`, { m: readFileSync(dir + file, 'utf8') });
    if (!result.errors) {
      assert.ok((result.data as any).apply.objects.length > 0);
      return;
    }
    const message = result.errors[0]!.message;
    const kind = /no kind "([^"]+)" is registered/.exec(message)?.[1];
    assert.ok(kind, `${file} failed for another reason: ${message}`);
    assert.ok(!served.has(kind), `${file}: ${kind} is served but was refused: ${message}`);
  });
}
