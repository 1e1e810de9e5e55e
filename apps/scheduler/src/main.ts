import { runLeaderElectedComponent } from '@wheelhouse/controller-runtime';
import { configFromEnv } from './config.js';
import { startScheduler } from './scheduler.js';

// Only the leader schedules: two schedulers would race for the same room.
runLeaderElectedComponent('scheduler', configFromEnv(), (client, { metrics, log, signal }) => startScheduler(client, { metrics, log, signal }));
