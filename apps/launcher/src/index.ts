// The launcher's pieces, for tests and scripts that want an embedded database or the
// component list without running `main.js` (which starts everything on import).
export { COMPONENTS, type ComponentSpec } from './components.js';
export { readConfig, type LauncherConfig, type DatabasePlan } from './config.js';
export { openDatabase, type Database } from './database.js';
export { startEmbeddedPostgres } from './embedded-postgres.js';
export { launch, type LaunchOptions } from './launch.js';
export { createLogger, parseLevel, type Logger } from './log.js';
export { StopSignal } from './stop-signal.js';
