/** kubectl's `create job NAME --image=IMAGE [-- COMMAND...]` generator (pkg/cmd/create/create_job.go). */
import { UsageError } from '../errors.js';

/** One container named after the Job, pods that are not restarted (restartPolicy Never). */
export function jobObject(name: string, o: { image?: string; command: string[] }): Record<string, unknown> {
  if (!o.image) throw new UsageError('either --image or --from must be specified');
  const container = { name, image: o.image, ...(o.command.length > 0 ? { command: o.command } : {}) };
  return { metadata: { name }, spec: { template: { spec: { containers: [container], restartPolicy: 'Never' } } } };
}
