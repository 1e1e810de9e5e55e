/** The Pod `wh run` creates, as kubectl's run generator builds it (labels run=NAME unless given). */
import { UsageError } from '../errors.js';

export interface RunOptions {
  name: string;
  image: string;
  port?: number;
  env: string[];
  labels?: string;
  restart?: string;
  imagePullPolicy?: string;
  /** With --command the trailing arguments are the command, else its args. */
  command: boolean;
  trailing: string[];
}

const RESTART = ['Always', 'OnFailure', 'Never'];

function pairs(text: string, what: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of text.split(',').filter(Boolean)) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new UsageError(`invalid ${what} "${pair}": expected KEY=VALUE`);
    out[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return out;
}

export function runPod(o: RunOptions): Record<string, unknown> {
  const restartPolicy = o.restart ?? 'Always';
  if (!RESTART.includes(restartPolicy)) throw new UsageError(`invalid restart policy: ${restartPolicy}`);
  const env = o.env.map((e) => {
    const at = e.indexOf('=');
    if (at <= 0) throw new UsageError(`invalid env: ${e}`);
    return { name: e.slice(0, at), value: e.slice(at + 1) };
  });
  const container: Record<string, unknown> = { name: o.name, image: o.image };
  if (o.trailing.length) container[o.command ? 'command' : 'args'] = o.trailing;
  if (env.length) container.env = env;
  if (o.port !== undefined) container.ports = [{ containerPort: o.port }];
  if (o.imagePullPolicy) container.imagePullPolicy = o.imagePullPolicy;
  return {
    metadata: { name: o.name, labels: o.labels ? pairs(o.labels, 'label') : { run: o.name } },
    spec: { containers: [container], restartPolicy, dnsPolicy: 'ClusterFirst' },
  };
}
