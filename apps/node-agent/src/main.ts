// The node agent process: `node apps/node-agent/dist/main.js [--runtime simulated --nodes 500 …]`.
import { configFrom, type AgentConfig } from './config.js';
import { startAgent } from './agent.js';

const log = (message: string, error?: unknown) => process.stderr.write(`${new Date().toISOString()} ${message}${error ? `: ${(error as Error).message ?? String(error)}` : ''}\n`);

let config: AgentConfig;
try {
  config = configFrom(process.argv.slice(2));
} catch (error) {
  log('node-agent: bad configuration', error);
  process.exit(2);
}

// Handlers first: a signal during start-up still ends in a clean stop and exit 0.
let stopping = false;
const starting = startAgent(config, log);
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  log(`${signal}: stopping node agent${config.leavePodsRunning ? ' (pods keep running)' : ' and its pods'}`);
  // Still starting (e.g. the API is down): do not wait for ever.
  const agent = await Promise.race([starting.catch(() => undefined), new Promise<undefined>((r) => setTimeout(() => r(undefined), 5000))]);
  await agent?.stop().catch((e) => log('stop', e));
  process.exit(0);
};
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));

starting.catch((error) => {
  if (stopping) return;
  log('node-agent: could not start', error);
  process.exit(1);
});
