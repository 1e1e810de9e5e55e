/** The objects `wh create configmap|secret` makes, as kubectl's generators make them. */
import { readFileSync } from 'node:fs';
import { CliError } from '../errors.js';
import { collectEntries } from './sources.js';

export interface Sources {
  literals: string[];
  files: string[];
}

/** UTF-8 file contents go to `data`, anything else to `binaryData` (base64), as kubectl decides. */
export function configMapObject(name: string, sources: Sources): Record<string, unknown> {
  const data: Record<string, string> = {};
  const binaryData: Record<string, string> = {};
  for (const { key, value } of collectEntries(sources.literals, sources.files, 'ConfigMap', name)) {
    const text = value.toString('utf8');
    if (Buffer.from(text, 'utf8').equals(value)) data[key] = text;
    else binaryData[key] = value.toString('base64');
  }
  return { metadata: { name }, data, ...(Object.keys(binaryData).length ? { binaryData } : {}) };
}

export function genericSecretObject(name: string, sources: Sources, type: string | undefined): Record<string, unknown> {
  const data = Object.fromEntries(collectEntries(sources.literals, sources.files, 'Secret', name).map(({ key, value }) => [key, value.toString('base64')]));
  return { metadata: { name }, type: type || 'Opaque', data };
}

/** kubernetes.io/tls from a certificate and key file; the API checks they parse and match. */
export function tlsSecretObject(name: string, certFile: string | undefined, keyFile: string | undefined): Record<string, unknown> {
  if (!certFile || !keyFile) throw new CliError('--cert and --key are both required');
  const read = (path: string) => {
    try {
      return readFileSync(path).toString('base64');
    } catch {
      throw new CliError(`error reading ${path}: no such file or directory`);
    }
  };
  return { metadata: { name }, type: 'kubernetes.io/tls', data: { 'tls.crt': read(certFile), 'tls.key': read(keyFile) } };
}
