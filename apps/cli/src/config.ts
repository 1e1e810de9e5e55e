/** ~/.wheelhouse/config: contexts (server, token, namespace) and the current one. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import YAML from 'yaml';
import { CliError } from './errors.js';

export interface Context {
  name: string;
  server?: string;
  token?: string;
  namespace?: string;
  /** The CA file that signed an https server's certificate (kubectl's certificate-authority). */
  'certificate-authority'?: string;
}

export interface Config {
  'current-context'?: string;
  contexts: Context[];
}

/** The local cluster `npm start` runs: its API listens on PORT (default 4000), over https with WHEELHOUSE_TLS=1. */
export const defaultServer = (env: NodeJS.ProcessEnv) => `${env.WHEELHOUSE_TLS === '1' ? 'https' : 'http'}://127.0.0.1:${env.PORT?.trim() || '4000'}/graphql`;

export const configPath = (env: NodeJS.ProcessEnv = process.env) => env.WHEELHOUSE_CONFIG || join(homedir(), '.wheelhouse', 'config');

/** JSON is YAML, so one parser reads both. A missing file is an empty config. */
export function loadConfig(path = configPath()): Config {
  if (!existsSync(path)) return { contexts: [] };
  let raw: unknown;
  try {
    raw = YAML.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new CliError(`cannot read config ${path}: ${(e as Error).message}`);
  }
  const obj = (raw ?? {}) as Partial<Config>;
  return { 'current-context': obj['current-context'], contexts: Array.isArray(obj.contexts) ? obj.contexts : [] };
}

export function saveConfig(config: Config, path = configPath()): void {
  mkdirSync(dirname(path), { recursive: true });
  // The file holds tokens: owner-only.
  writeFileSync(path, YAML.stringify(config), { mode: 0o600 });
}

export interface Connection {
  server: string;
  token?: string;
  namespace: string;
  /** A CA file to verify an https server with. */
  certificateAuthority?: string;
}

/** `--context`, `--server`, `--token`, `--certificate-authority`, as kubectl has them. */
export interface ConnectionFlags {
  context?: string;
  server?: string;
  token?: string;
  certificateAuthority?: string;
}

/**
 * Flags beat the environment, which beats the context. Without any token, the admin
 * token `npm start` wrote under its data directory is used (`localToken`), so a fresh
 * checkout's `wh` and `npm run seed` reach the local cluster.
 */
export function resolveConnection(config: Config, flags: ConnectionFlags, env: NodeJS.ProcessEnv, localToken: () => string | undefined = () => undefined): Connection {
  const name = flags.context ?? config['current-context'];
  const context = name ? config.contexts.find((c) => c.name === name) : undefined;
  if (flags.context && !context) throw new CliError(`context "${flags.context}" does not exist`);
  const certificateAuthority = flags.certificateAuthority || env.WHEELHOUSE_CA_FILE || context?.['certificate-authority'];
  return {
    server: flags.server || env.WHEELHOUSE_SERVER || context?.server || defaultServer(env),
    token: flags.token || env.WHEELHOUSE_TOKEN || context?.token || localToken(),
    namespace: context?.namespace || 'default',
    ...(certificateAuthority ? { certificateAuthority } : {}),
  };
}

/** The cluster CA of a cluster started by `npm start` in this directory (for an https server without a CA given). */
export function localCaFile(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string | undefined {
  const file = join(cwd, env.WHEELHOUSE_DATA_DIR || '.wheelhouse', 'pki', 'ca.crt');
  return existsSync(file) ? file : undefined;
}

/** The token file of a cluster started by `npm start` in this directory, if there is one. */
export function readLocalAdminToken(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string | undefined {
  const file = join(cwd, env.WHEELHOUSE_DATA_DIR || '.wheelhouse', 'admin-token');
  try {
    return readFileSync(file, 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}
