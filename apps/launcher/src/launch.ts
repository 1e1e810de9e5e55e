// The start sequence — database, migrations, components in order — and the stop
// sequence — components, then the database. Side effects come in through options so
// tests can drive it with fake components and a fake database.
import { ensureKeyFile } from '@wheelhouse/db';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensurePki, servingNames } from '@wheelhouse/pki';
import type { ComponentSpec } from './components.js';
import type { DatabasePlan, LauncherConfig } from './config.js';
import type { Database } from './database.js';
import { errorMessage, type Logger } from './log.js';
import { planComponents } from './plan.js';
import type { StopSignal } from './stop-signal.js';
import { Supervisor, type Output } from './supervisor.js';
import { DEFAULT_RESTART_POLICY, type RestartPolicy } from './restart-policy.js';
import { waitForHealth } from './wait-for-health.js';

export interface LaunchOptions {
  config: LauncherConfig;
  components: readonly ComponentSpec[];
  /** Component entries are relative to this (the repository root). */
  rootDir: string;
  env: NodeJS.ProcessEnv;
  log: Logger;
  output: Output;
  /** Triggered by signals (main.ts) or from within (a component died, an error). */
  stop: StopSignal;
  openDatabase: (plan: DatabasePlan) => Promise<Database>;
  migrate: (databaseUrl: string) => Promise<void>;
  /** How long components get between SIGTERM and SIGKILL. */
  graceMs: number;
  healthTimeoutMs: number;
  /** Back-off and crash-loop limits for components that exit on their own; default DEFAULT_RESTART_POLICY. */
  restartPolicy?: RestartPolicy;
}

/** Runs until stopped; resolves with the process exit code once everything is down. */
export async function launch(o: LaunchOptions): Promise<number> {
  const { log, stop } = o;
  const supervisor = new Supervisor({
    log,
    output: o.output,
    restartPolicy: o.restartPolicy ?? DEFAULT_RESTART_POLICY,
    onUnexpectedExit: (name, how, crashLoop) =>
      stop.trigger({
        message: crashLoop
          ? `${name} keeps crashing: ${crashLoop}, the last time with ${how}; stopping the cluster (its output is above, prefixed [${name}])`
          : `${name} exited unexpectedly (${how})`,
        exitCode: 1,
      }),
  });
  let db: Database | undefined;
  try {
    db = await o.openDatabase(o.config.database);
    void db.exited.then(() => stop.trigger({ message: 'PostgreSQL exited unexpectedly', exitCode: 1 }));
    if (!stop.requested) await o.migrate(db.url);
    if (!stop.requested) await startComponents(o, supervisor, db.url);
    // Started: from now on a component that exits is restarted with back-off (a crash while starting stops the launch).
    supervisor.enableRestarts();
    await stop.wait();
  } catch (err) {
    // After a stop request, errors (e.g. migrations cut off by Ctrl-C) are its consequence, not news.
    if (!stop.trigger({ message: errorMessage(err), exitCode: 1 })) log.debug(`while stopping: ${errorMessage(err)}`);
  }

  const reason = stop.reason!;
  if (reason.exitCode === 0) {
    log.info(`${reason.message}; stopping`);
  } else {
    log.error(reason.message);
    log.info('stopping');
  }
  await supervisor.stopAll(o.graceMs, stop.forced);
  try {
    await db?.stop();
  } catch (err) {
    log.error(`could not stop PostgreSQL: ${errorMessage(err)}`);
    return 1;
  }
  log.info('stopped');
  return reason.exitCode;
}

async function startComponents(o: LaunchOptions, supervisor: Supervisor, databaseUrl: string): Promise<void> {
  // TLS: the cluster CA and the API's serving certificate (the API would make them too;
  // made here first so every component, and the health check, can trust ca.crt).
  const pki = o.config.tls ? ensurePki(o.config.dataDir, servingNames(o.env.HOST, (o.env.WHEELHOUSE_TLS_SANS ?? '').split(','))) : undefined;
  if (pki) o.log.info(`the API serves TLS; components trust ${pki.caFile}`);
  // The key Secrets are encrypted with at rest, like the admin token: made on first start, kept in the data directory.
  if (!o.env.WHEELHOUSE_ENCRYPTION_KEYS && !o.env.WHEELHOUSE_ENCRYPTION_KEY) {
    const keys = ensureKeyFile(o.config.dataDir);
    if (keys.created) o.log.info(`generated the key Secrets are encrypted with at rest: ${keys.file} (back it up; \`npm run secrets:rotate\` rotates it)`);
  }
  const ca = pki ? readFileSync(pki.caFile, 'utf8') : undefined;
  const plan = planComponents(o.components, {
    rootDir: o.rootDir,
    // Defaults the user's environment may override: the audit log under the data directory, the CA.
    env: { WHEELHOUSE_AUDIT_LOG_PATH: join(o.config.dataDir, 'audit', 'audit.log'), ...(pki ? { WHEELHOUSE_CA_FILE: pki.caFile } : {}), ...o.env },
    databaseUrl,
    apiUrl: o.config.apiUrl,
    serverUrl: o.config.serverUrl,
    exists: existsSync,
  });
  for (const skipped of plan.skipped) o.log.info(`skipping ${skipped.name}: ${skipped.script} is not built`);

  for (const component of plan.run) {
    if (o.stop.requested) return;
    supervisor.start(component);
    if (!component.healthUrl) continue;
    o.log.info(`waiting for ${component.name} to answer ${component.healthUrl}`);
    try {
      // False means a stop came first (a signal, or this component died).
      if (!(await waitForHealth(component.healthUrl, { timeoutMs: o.healthTimeoutMs, signal: o.stop.signal, ca }))) return;
    } catch (err) {
      throw new Error(`${component.name} did not become healthy: ${errorMessage(err)}`);
    }
    o.log.info(`${component.name} is ready`);
  }
  const names = plan.run.map((c) => c.name);
  if (names.length > 0) o.log.info(`running ${names.join(', ')}; API at ${o.config.serverUrl}`);
  else o.log.warn('no component is built yet (run `npm run build`); only the database is running');
}
