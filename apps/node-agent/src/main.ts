// The node agent process: `node apps/node-agent/dist/main.js [--runtime simulated --nodes 500 …]`.
import { configFrom } from './config.js';
import { startAgent } from './agent.js';

const log = (message: string, error?: unknown) =>
  process.stderr.write(`${new Date().toISOString()} ${message}${error ? `: ${(error as Error).message ?? String(error)}` : ''}\n`);

let config;
try {
  config = configFrom(process.argv.slice(2));
} catch (error) {
  log('node-agent: bad configuration', error);
  process.exit(2);
}

const agent = await startAgent(config, log).catch((error) => {
  log('node-agent: could not start', error);
  process.exit(1);
});

let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  log(`${signal}: stopping${config.leavePodsRunning ? ' (pods keep running)' : ' pods and'} node agent`);
  await agent.stop().catch((e) => log('stop', e));
  process.exit(0);
};
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));
