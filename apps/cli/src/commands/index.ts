/** The verbs of `wh`, in help order. */
import type { Command } from '../command.js';
import { applyCommand } from './apply.js';
import { configCommand } from './config.js';
import { createCommand } from './create.js';
import { deleteCommand } from './delete.js';
import { describeCommand } from './describe.js';
import { getCommand } from './get.js';
import { scaleCommand } from './scale.js';
import { rolloutCommand } from './rollout.js';
import { labelCommand } from './label.js';
import { annotateCommand } from './annotate.js';
import { apiResourcesCommand } from './api-resources.js';
import { versionCommand } from './version.js';
import { cordonCommand } from './cordon.js';
import { uncordonCommand } from './uncordon.js';
import { drainCommand } from './drain.js';
import { seedCommand } from './seed.js';
import { logsCommand } from './logs.js';
import { topCommand } from './top.js';
import { waitCommand } from './wait.js';
import { runCommand } from './run.js';
import { patchCommand } from './patch.js';
import { setCommand } from './set.js';
import { editCommand } from './edit.js';
import { diffCommand } from './diff.js';
import { execCommand } from './exec.js';
import { exposeCommand } from './expose.js';
import { explainCommand } from './explain.js';
import { autoscaleCommand } from './autoscale.js';
import { authCommand } from './auth.js';

export const COMMANDS: Command[] = [
  getCommand,
  describeCommand,
  applyCommand,
  createCommand,
  runCommand,
  editCommand,
  patchCommand,
  setCommand,
  diffCommand,
  deleteCommand,
  scaleCommand,
  autoscaleCommand,
  exposeCommand,
  rolloutCommand,
  waitCommand,
  logsCommand,
  execCommand,
  topCommand,
  cordonCommand,
  uncordonCommand,
  drainCommand,
  labelCommand,
  annotateCommand,
  apiResourcesCommand,
  explainCommand,
  authCommand,
  seedCommand,
  configCommand,
  versionCommand,
];

export const findCommand = (name: string) => COMMANDS.find((c) => c.name === name);

export function helpText(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length)) + 3;
  return [
    'wh controls a Wheelhouse cluster.',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    '',
    'Global flags: --context NAME, -s/--server URL, --token TOKEN, --certificate-authority FILE, -n/--namespace NS, -A/--all-namespaces',
    'Environment: WHEELHOUSE_SERVER, WHEELHOUSE_TOKEN, WHEELHOUSE_CA_FILE, WHEELHOUSE_CONFIG',
    '',
    "Usage: wh COMMAND [flags]; 'wh COMMAND --help' for a command's flags.",
  ].join('\n');
}
