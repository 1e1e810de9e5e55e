/** kubectl's `create cronjob NAME --image=IMAGE --schedule=SCHEDULE [--restart=…] [-- COMMAND...]` (pkg/cmd/create/create_cronjob.go). */
import { UsageError } from '../errors.js';

/** One container named after the CronJob in its Job template; restartPolicy OnFailure unless told. */
export function cronJobObject(name: string, o: { image?: string; schedule?: string; restart?: string; command: string[] }): Record<string, unknown> {
  if (!o.image) throw new UsageError('--image must be specified');
  if (!o.schedule) throw new UsageError('--schedule must be specified');
  const container = { name, image: o.image, ...(o.command.length > 0 ? { command: o.command } : {}) };
  return {
    metadata: { name },
    spec: {
      schedule: o.schedule,
      jobTemplate: { metadata: { name }, spec: { template: { spec: { containers: [container], restartPolicy: o.restart || 'OnFailure' } } } },
    },
  };
}

/** `--from=cronjob/NAME` (any of kubectl's names of the kind): the kind and the name. */
export function parseFromSource(from: string): { kind: string; name: string } {
  const slash = from.indexOf('/');
  if (slash <= 0 || slash === from.length - 1) throw new UsageError(`--from must be of the form TYPE/NAME, e.g. cronjob/${from || 'NAME'}`);
  return { kind: from.slice(0, slash), name: from.slice(slash + 1) };
}
