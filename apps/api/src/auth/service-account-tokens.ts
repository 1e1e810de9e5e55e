// ServiceAccount tokens as Kubernetes' TokenRequest issues them: ES256 JWTs, audience-bound
// and expiring, signed with a key made at first start in the data directory (like the
// admin token). A token authenticates only while its ServiceAccount (same uid) exists.
import { createPublicKey, randomUUID, type KeyObject } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { exportPKCS8, generateKeyPair, importPKCS8, jwtVerify, SignJWT, errors as joseErrors } from 'jose';
import { ApiError, serviceAccountUsername } from '@wheelhouse/resources';
import { AUTHENTICATED, type Principal } from './tokens.js';

/** kube-apiserver's default --service-account-issuer and --api-audiences. */
export const ISSUER = 'https://kubernetes.default.svc.cluster.local';
export const API_AUDIENCE = ISSUER;
/** TokenRequest: the default and the least lifetime (ValidateTokenRequest). */
export const DEFAULT_EXPIRATION_SECONDS = 3600;
export const MIN_EXPIRATION_SECONDS = 600;
const MAX_EXPIRATION_SECONDS = 2 ** 32;
const ALGORITHM = 'ES256';
const KEY_FILE = 'sa-signing-key.pem';

export interface ServiceAccountRef {
  namespace: string;
  name: string;
  uid: string;
}

/** The pod (or other object) a token is bound to: it stops working when that object goes. */
export interface BoundObject {
  kind: 'Pod';
  name: string;
  uid: string;
}

export interface IssuedToken {
  token: string;
  expirationTimestamp: string;
  audiences: string[];
}

/** The claims a valid token carries (the private `kubernetes.io` claim). */
export interface TokenClaims {
  serviceAccount: ServiceAccountRef;
  pod?: { name: string; uid: string };
}

/** Who a verified token is: a ServiceAccount, a node (its own credential), or the API itself calling node agents. */
export type VerifiedIdentity = { type: 'serviceaccount'; claims: TokenClaims } | { type: 'node'; name: string } | { type: 'apiserver' };

/** The user the API calls node agents as (kube-apiserver's kubelet client), bound to system:kubelet-api-admin. */
export const APISERVER_KUBELET_CLIENT = 'kube-apiserver-kubelet-client';
/** Node credentials: long-lived like a kubelet's client certificate (one year); the agent asks again at each start. */
export const NODE_CREDENTIAL_SECONDS = 365 * 24 * 3600;
const IDENTITY_CLAIM = 'wheelhouse.io/identity';

export class ServiceAccountTokens {
  private constructor(
    private readonly privateKey: Awaited<ReturnType<typeof importPKCS8>>,
    private readonly publicKey: KeyObject,
  ) {}

  /** Loads `<dataDir>/sa-signing-key.pem`, making it on first start (mode 0600). */
  static async load(dataDir: string): Promise<ServiceAccountTokens> {
    const file = join(resolve(dataDir), KEY_FILE);
    let pem: string;
    try {
      pem = readFileSync(file, 'utf8');
    } catch {
      const { privateKey } = await generateKeyPair(ALGORITHM, { extractable: true });
      pem = await exportPKCS8(privateKey);
      mkdirSync(resolve(dataDir), { recursive: true });
      // wx: two replicas starting together on one data dir keep the first one's key.
      try {
        writeFileSync(file, pem, { mode: 0o600, flag: 'wx' });
      } catch {
        pem = readFileSync(file, 'utf8');
      }
    }
    return new ServiceAccountTokens(await importPKCS8(pem, ALGORITHM), createPublicKey(pem));
  }

  async issue(account: ServiceAccountRef, options: { audiences?: string[]; expirationSeconds?: number; boundObject?: BoundObject }, now = new Date()): Promise<IssuedToken> {
    const seconds = options.expirationSeconds ?? DEFAULT_EXPIRATION_SECONDS;
    if (seconds < MIN_EXPIRATION_SECONDS) {
      throw new ApiError('BAD_USER_INPUT', `spec.expirationSeconds: Invalid value: ${seconds}: may not specify a duration less than 10 minutes`, 'expirationSeconds');
    }
    if (seconds > MAX_EXPIRATION_SECONDS) {
      throw new ApiError('BAD_USER_INPUT', `spec.expirationSeconds: Invalid value: ${seconds}: may not specify a duration larger than 2^32 seconds`, 'expirationSeconds');
    }
    const audiences = options.audiences?.length ? options.audiences : [API_AUDIENCE];
    const iat = Math.floor(now.getTime() / 1000);
    const exp = iat + seconds;
    const kubernetes: Record<string, unknown> = { namespace: account.namespace, serviceaccount: { name: account.name, uid: account.uid } };
    if (options.boundObject) kubernetes.pod = { name: options.boundObject.name, uid: options.boundObject.uid };
    const token = await new SignJWT({ 'kubernetes.io': kubernetes })
      .setProtectedHeader({ alg: ALGORITHM })
      .setIssuer(ISSUER)
      .setSubject(serviceAccountUsername(account.namespace, account.name))
      .setAudience(audiences)
      .setIssuedAt(iat)
      .setNotBefore(iat)
      .setExpirationTime(exp)
      .setJti(randomUUID())
      .sign(this.privateKey);
    return { token, expirationTimestamp: new Date(exp * 1000).toISOString(), audiences };
  }

  /** A node's own credential (system:node:NAME), what the bootstrap token is exchanged for. */
  issueNode(name: string, now = new Date()): Promise<IssuedToken> {
    return this.issueIdentity(`system:node:${name}`, { type: 'node', name }, NODE_CREDENTIAL_SECONDS, now);
  }

  /** The API's own short-lived credential for calling node agents. */
  issueApiserver(now = new Date()): Promise<IssuedToken> {
    return this.issueIdentity(APISERVER_KUBELET_CLIENT, { type: 'apiserver' }, DEFAULT_EXPIRATION_SECONDS, now);
  }

  private async issueIdentity(subject: string, identity: Record<string, unknown>, seconds: number, now: Date): Promise<IssuedToken> {
    const iat = Math.floor(now.getTime() / 1000);
    const exp = iat + seconds;
    const token = await new SignJWT({ [IDENTITY_CLAIM]: identity })
      .setProtectedHeader({ alg: ALGORITHM })
      .setIssuer(ISSUER)
      .setSubject(subject)
      .setAudience([API_AUDIENCE])
      .setIssuedAt(iat)
      .setNotBefore(iat)
      .setExpirationTime(exp)
      .setJti(randomUUID())
      .sign(this.privateKey);
    return { token, expirationTimestamp: new Date(exp * 1000).toISOString(), audiences: [API_AUDIENCE] };
  }

  /** Who a token signed here is, for this API's audience, not expired; null when it is none of ours. */
  async verify(token: string, now = new Date()): Promise<{ identity: VerifiedIdentity; expiresAt: number } | null> {
    try {
      const { payload } = await jwtVerify(token, this.publicKey, { issuer: ISSUER, audience: API_AUDIENCE, algorithms: [ALGORITHM], currentDate: now });
      const expiresAt = (payload.exp ?? 0) * 1000;
      const own = payload[IDENTITY_CLAIM] as { type?: string; name?: string } | undefined;
      if (own?.type === 'node' && own.name && payload.sub === `system:node:${own.name}`) return { identity: { type: 'node', name: own.name }, expiresAt };
      if (own?.type === 'apiserver' && payload.sub === APISERVER_KUBELET_CLIENT) return { identity: { type: 'apiserver' }, expiresAt };
      if (own) return null;
      const k = payload['kubernetes.io'] as { namespace?: string; serviceaccount?: { name?: string; uid?: string }; pod?: { name?: string; uid?: string } } | undefined;
      if (!k?.namespace || !k.serviceaccount?.name || !k.serviceaccount.uid) return null;
      if (payload.sub !== serviceAccountUsername(k.namespace, k.serviceaccount.name)) return null;
      const claims: TokenClaims = { serviceAccount: { namespace: k.namespace, name: k.serviceaccount.name, uid: k.serviceaccount.uid } };
      if (k.pod?.name && k.pod.uid) claims.pod = { name: k.pod.name, uid: k.pod.uid };
      return { identity: { type: 'serviceaccount', claims }, expiresAt };
    } catch (error) {
      if (error instanceof joseErrors.JOSEError) return null;
      throw error;
    }
  }
}

/** A token's user: system:serviceaccount:NS:NAME in system:serviceaccounts and system:serviceaccounts:NS. */
export function serviceAccountPrincipal(account: ServiceAccountRef): Principal {
  return {
    name: serviceAccountUsername(account.namespace, account.name),
    role: 'serviceaccount',
    groups: ['system:serviceaccounts', `system:serviceaccounts:${account.namespace}`, AUTHENTICATED],
  };
}

/** A node's user: system:node:NAME in system:nodes (what the node authorizer recognises). */
export function nodePrincipal(name: string): Principal {
  return { name: `system:node:${name}`, role: 'node', groups: ['system:nodes', AUTHENTICATED] };
}

export function apiserverPrincipal(): Principal {
  return { name: APISERVER_KUBELET_CLIENT, role: 'user', groups: [AUTHENTICATED] };
}

/** A JWT's shape (three base64url parts), to route a bearer token to the right authenticator. */
export const looksLikeJwt = (token: string) => /^eyJ[\w-]*\.[\w-]+\.[\w-]+$/.test(token);
