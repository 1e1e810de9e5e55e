/** wh wait --for=delete|create|condition=TYPE[=STATUS]|jsonpath='{PATH}'[=VALUE] (KIND/NAME... | KIND -l SEL | KIND --all) [--timeout 30s] */
import type { KindInfo } from '@wheelhouse/resources';
import { bool, durationSeconds, str, type ParsedArgs } from '../args.js';
import { out, withSession, type Command } from '../command.js';
import { CliError, notFoundError, UsageError } from '../errors.js';
import { kindAndNames, lowerPlural, qualifiedKind } from '../kinds.js';
import { Session } from '../session.js';
import { conditionMet, parseWaitFor, type WaitFor } from '../wait-condition.js';

const USAGE = "Usage: wh wait --for=delete|create|condition=TYPE[=STATUS]|jsonpath='{PATH}'[=VALUE] (KIND/NAME... | KIND -l SELECTOR | KIND --all) [--timeout 30s]";
const POLL_MS = 500;

export const waitCommand: Command = {
  name: 'wait',
  summary: 'Wait for a condition on one or many resources',
  usage: USAGE,
  flags: [{ name: 'for', value: true }, { name: 'timeout', value: true }, { name: 'selector', short: 'l', value: true }, { name: 'all' }],
  async run(args: ParsedArgs) {
    const waitFor = parseWaitFor(str(args, 'for'));
    const timeout = durationSeconds(args, 'timeout') ?? 30;
    const requests = kindAndNames(args.positionals);
    const selector = str(args, 'selector');
    if (requests.every((r) => r.names.length === 0) && selector === undefined && !bool(args, 'all')) {
      throw new UsageError('resource(s) were provided, but no name was specified', USAGE);
    }
    const session = new Session(args);
    return withSession(session, async () => {
      const targets: { kind: KindInfo; name: string; namespace?: string }[] = [];
      for (const { kind, names } of requests) {
        if (names.length) targets.push(...names.map((name) => ({ kind, name })));
        else {
          const items = await session.list(kind, { all: session.allNamespaces, labelSelector: selector });
          targets.push(...items.map((o) => ({ kind, name: o.metadata.name ?? '', namespace: o.metadata.namespace ?? undefined })));
        }
      }
      if (targets.length === 0) throw new CliError('no matching resources found');
      // One deadline for all, as kubectl's --timeout.
      const deadline = Date.now() + timeout * 1000;
      for (const target of targets) {
        await waitForOne(session, target, waitFor, deadline);
        out(`${qualifiedKind(target.kind)}/${target.name} condition met`);
      }
    });
  },
};

async function waitForOne(session: Session, target: { kind: KindInfo; name: string; namespace?: string }, waitFor: WaitFor, deadline: number): Promise<void> {
  for (let first = true; ; first = false) {
    const object = await session.get(target.kind, target.name, target.namespace);
    // Waiting for a condition on something that is not there is kubectl's NotFound; only create and delete wait on absence.
    if (first && object === null && waitFor.kind !== 'delete' && waitFor.kind !== 'create') throw notFoundError(lowerPlural(target.kind), target.name);
    if (conditionMet(object, waitFor)) return;
    if (Date.now() >= deadline) throw new CliError(`timed out waiting for the condition on ${lowerPlural(target.kind)}/${target.name}`);
    await new Promise((r) => setTimeout(r, Math.min(POLL_MS, Math.max(0, deadline - Date.now()))));
  }
}
