// `npm start`: the whole cluster in one process tree. Wires the real pieces into
// launch() and turns signals into a clean stop.
import { fileURLToPath } from 'node:url';
import { COMPONENTS } from './components.js';
import { readConfig, type LauncherConfig } from './config.js';
import { openDatabase } from './database.js';
import { launch } from './launch.js';
import { createLogger, errorMessage, parseLevel } from './log.js';
import { runMigrations } from './migrate.js';
import { StopSignal } from './stop-signal.js';

/** Time between SIGTERM and SIGKILL: the node agent may have pods of its own to stop. */
const GRACE_MS = 35_000;
const HEALTH_TIMEOUT_MS = 60_000;

const log = createLogger('launcher', parseLevel(process.env.LOG_LEVEL));
const stop = new StopSignal();

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    if (stop.trigger({ message: `received ${signal}`, exitCode: 0 })) return;
    // A second Ctrl-C means "hurry up": kill the components instead of waiting.
    log.warn(`received ${signal} again; killing components now`);
    stop.force();
  });
}

let config: LauncherConfig;
try {
  config = readConfig(process.env, process.cwd());
} catch (err) {
  log.error(errorMessage(err));
  process.exit(1);
}

const exitCode = await launch({
  config,
  components: COMPONENTS,
  rootDir: fileURLToPath(new URL('../../../', import.meta.url)), // from apps/launcher/dist/
  env: process.env,
  log,
  output: { stdout: process.stdout, stderr: process.stderr },
  stop,
  openDatabase: (plan) => openDatabase(plan, log),
  migrate: (url) => runMigrations(url, log),
  graceMs: GRACE_MS,
  healthTimeoutMs: HEALTH_TIMEOUT_MS,
});
process.exit(exitCode);
