// Environment → what the launcher will do. Pure, so every rule here is unit-tested.
import { join, resolve } from 'node:path';
import { wantsTls } from '@wheelhouse/pki';
import { apiBaseUrl, graphqlUrl } from './urls.js';

export const DEFAULT_DATA_DIR = './.wheelhouse';
export const DEFAULT_PG_PORT = 54329;
export const DEFAULT_API_PORT = 4000;
export const DATABASE_NAME = 'wheelhouse';

export interface ExternalDatabase {
  kind: 'external';
  url: string;
}

export interface EmbeddedDatabase {
  kind: 'embedded';
  /** PostgreSQL's own data directory (PGDATA). */
  pgDir: string;
  /** Kept beside PGDATA, not in it: initdb wants an empty directory. */
  passwordFile: string;
  port: number;
  database: string;
}

export type DatabasePlan = ExternalDatabase | EmbeddedDatabase;

export interface LauncherConfig {
  database: DatabasePlan;
  /** Base URL of the API, e.g. http://127.0.0.1:4000. */
  apiUrl: string;
  /** `WHEELHOUSE_SERVER` for every component except the API. */
  serverUrl: string;
  /** The API serves TLS (beyond loopback, or WHEELHOUSE_TLS): the launcher makes the PKI under `dataDir`. */
  tls: boolean;
  dataDir: string;
}

export function readConfig(env: NodeJS.ProcessEnv, cwd: string): LauncherConfig {
  const tls = wantsTls(env);
  const apiUrl = apiBaseUrl(parsePort(env.PORT, DEFAULT_API_PORT, 'PORT'), tls);
  return { database: planDatabase(env, cwd), apiUrl, serverUrl: graphqlUrl(apiUrl), tls, dataDir: dataDirOf(env, cwd) };
}

function dataDirOf(env: NodeJS.ProcessEnv, cwd: string): string {
  return resolve(cwd, env.WHEELHOUSE_DATA_DIR?.trim() || DEFAULT_DATA_DIR);
}

function planDatabase(env: NodeJS.ProcessEnv, cwd: string): DatabasePlan {
  // An empty DATABASE_URL (e.g. `DATABASE_URL= npm start`) means "not set".
  const url = env.DATABASE_URL?.trim();
  if (url) return { kind: 'external', url };
  const dataDir = dataDirOf(env, cwd);
  return {
    kind: 'embedded',
    pgDir: join(dataDir, 'postgres'),
    passwordFile: join(dataDir, 'postgres-password'),
    port: parsePort(env.WHEELHOUSE_PG_PORT, DEFAULT_PG_PORT, 'WHEELHOUSE_PG_PORT'),
    database: DATABASE_NAME,
  };
}

export function parsePort(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value.trim() === '') return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`${name} must be a port number between 1 and 65535, got "${value}"`);
  }
  return port;
}
