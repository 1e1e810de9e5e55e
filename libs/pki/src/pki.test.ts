import { test } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensurePki } from './pki.js';
import { isLoopbackHost, wantsTls } from './tls-mode.js';

test('TLS is on beyond loopback and when asked; plain HTTP stays the loopback default', () => {
  const cases: [NodeJS.ProcessEnv, boolean][] = [
    [{}, false],
    [{ HOST: '127.0.0.1' }, false],
    [{ HOST: '127.0.0.2' }, false],
    [{ HOST: 'localhost' }, false],
    [{ HOST: '::1' }, false],
    [{ HOST: '0.0.0.0' }, true],
    [{ HOST: '::' }, true],
    [{ HOST: '192.0.2.10' }, true],
    [{ HOST: 'api.example' }, true],
    [{ WHEELHOUSE_TLS: '1' }, true],
    [{ WHEELHOUSE_TLS: 'true', HOST: '127.0.0.1' }, true],
  ];
  for (const [env, expected] of cases) assert.equal(wantsTls(env), expected, JSON.stringify(env));
  assert.equal(isLoopbackHost('[::1]'), true);
});

test('first start makes a CA and a serving certificate it signed, for every name; a second start keeps them; a new name re-issues only the serving certificate', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wh-pki-'));
  try {
    const pki = ensurePki(dir, ['localhost', '127.0.0.1', '::1']);
    const ca = new X509Certificate(readFileSync(pki.caFile));
    const cert = new X509Certificate(readFileSync(pki.certFile));
    assert.equal(ca.ca, true);
    assert.equal(cert.ca, false);
    assert.ok(cert.verify(ca.publicKey), 'signed by the CA');
    assert.equal(cert.checkHost('localhost'), 'localhost');
    assert.equal(cert.checkIP('127.0.0.1'), '127.0.0.1');
    assert.equal(cert.checkIP('::1'), '::1');
    assert.equal(statSync(pki.keyFile).mode & 0o077, 0, 'the key is readable by its owner only');

    const again = ensurePki(dir, ['localhost', '127.0.0.1', '::1']);
    assert.equal(readFileSync(again.certFile, 'utf8'), readFileSync(pki.certFile, 'utf8'), 'kept');

    const wider = ensurePki(dir, ['localhost', '127.0.0.1', '::1', 'api.example']);
    const reissued = new X509Certificate(readFileSync(wider.certFile));
    assert.equal(reissued.checkHost('api.example'), 'api.example');
    assert.equal(readFileSync(wider.caFile, 'utf8'), readFileSync(pki.caFile, 'utf8'), 'same CA: clients keep trusting it');
    assert.ok(reissued.verify(ca.publicKey));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
