import { createPrivateKey, X509Certificate } from 'node:crypto';
import { invalidError, requiredError, type FieldError } from '../field-error.js';
import { keyPath } from './field-path.js';

/** The built-in Secret types (core/v1 SecretType) and the keys they carry. */
export const SECRET_TYPES = {
  opaque: 'Opaque',
  serviceAccountToken: 'kubernetes.io/service-account-token',
  dockercfg: 'kubernetes.io/dockercfg',
  dockerConfigJson: 'kubernetes.io/dockerconfigjson',
  basicAuth: 'kubernetes.io/basic-auth',
  sshAuth: 'kubernetes.io/ssh-auth',
  tls: 'kubernetes.io/tls',
  bootstrapToken: 'bootstrap.kubernetes.io/token',
} as const;

export const SERVICE_ACCOUNT_NAME_ANNOTATION = 'kubernetes.io/service-account.name';
export const TLS_CERT_KEY = 'tls.crt';
export const TLS_PRIVATE_KEY_KEY = 'tls.key';

/** What Kubernetes prints instead of a secret value in an error. */
export const REDACTED = '<secret contents redacted>';

/**
 * The per-type rules of ValidateSecret, over decoded data. Unknown types are allowed
 * (users define their own), as in Kubernetes. Kubernetes leaves "the key matches the
 * certificate" as a TODO; kubectl's `create secret tls` checks it, and so do we.
 */
export function validateSecretType(type: string, data: ReadonlyMap<string, Buffer>, annotations: Record<string, unknown>): FieldError[] {
  const errors: FieldError[] = [];
  const dataKey = (key: string) => keyPath('data', key);
  switch (type) {
    case SECRET_TYPES.serviceAccountToken:
      if (!annotations[SERVICE_ACCOUNT_NAME_ANNOTATION]) errors.push(requiredError(keyPath('metadata.annotations', SERVICE_ACCOUNT_NAME_ANNOTATION)));
      break;
    case SECRET_TYPES.dockercfg:
    case SECRET_TYPES.dockerConfigJson: {
      const key = type === SECRET_TYPES.dockercfg ? '.dockercfg' : '.dockerconfigjson';
      const bytes = data.get(key);
      if (!bytes) {
        errors.push(requiredError(dataKey(key)));
        break;
      }
      const parsed = parseJsonObject(bytes);
      if (parsed) errors.push(invalidError(dataKey(key), REDACTED, parsed));
      break;
    }
    case SECRET_TYPES.basicAuth:
      // Either may be empty, but one of them must be there.
      if (!data.has('username') && !data.has('password')) errors.push(requiredError(dataKey('username')), requiredError(dataKey('password')));
      break;
    case SECRET_TYPES.sshAuth:
      if (!data.get('ssh-privatekey')?.length) errors.push(requiredError(dataKey('ssh-privatekey')));
      break;
    case SECRET_TYPES.tls:
      errors.push(...validateTlsPair(data));
      break;
    default:
      break;
  }
  return errors;
}

/** A JSON object, or the parse error's text. */
function parseJsonObject(bytes: Buffer): string | undefined {
  try {
    const value: unknown = JSON.parse(bytes.toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? undefined : 'must be a JSON object';
  } catch (error) {
    return (error as Error).message.length === 0 ? 'unexpected end of JSON input' : `invalid JSON: ${(error as Error).message}`;
  }
}

function validateTlsPair(data: ReadonlyMap<string, Buffer>): FieldError[] {
  const errors: FieldError[] = [];
  const certPem = data.get(TLS_CERT_KEY);
  const keyPem = data.get(TLS_PRIVATE_KEY_KEY);
  if (!certPem) errors.push(requiredError(keyPath('data', TLS_CERT_KEY)));
  if (!keyPem) errors.push(requiredError(keyPath('data', TLS_PRIVATE_KEY_KEY)));
  if (!certPem || !keyPem) return errors;
  const cert = parsePem(certPem, (pem) => new X509Certificate(pem));
  if (!cert) errors.push(invalidError(keyPath('data', TLS_CERT_KEY), REDACTED, 'must be a PEM-encoded X.509 certificate'));
  const key = parsePem(keyPem, (pem) => createPrivateKey(pem));
  if (!key) errors.push(invalidError(keyPath('data', TLS_PRIVATE_KEY_KEY), REDACTED, 'must be a PEM-encoded private key'));
  if (cert && key && !cert.checkPrivateKey(key)) {
    errors.push(invalidError(keyPath('data', TLS_PRIVATE_KEY_KEY), REDACTED, 'private key does not match public key'));
  }
  return errors;
}

/** PEM only (X509Certificate would also take DER, which Kubernetes' tls Secrets never hold). */
function parsePem<T>(bytes: Buffer, parse: (pem: Buffer) => T): T | undefined {
  if (!bytes.toString('latin1').includes('-----BEGIN ')) return undefined;
  try {
    return parse(bytes);
  } catch {
    return undefined;
  }
}
