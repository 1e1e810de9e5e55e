/** wh describe KIND NAME... | KIND -l SEL: details plus the object's Events. */
import type { Pod } from '@wheelhouse/model';
import type { KindInfo } from '@wheelhouse/resources';
import { resolveKindName } from '@wheelhouse/resources';
import { str, type ParsedArgs } from '../args.js';
import { err, out, withSession, type Command } from '../command.js';
import { formatError, notFoundError } from '../errors.js';
import { kindAndNames, lowerPlural } from '../kinds.js';
import { describeObject } from '../print/describe-kinds.js';
import type { KubeObj } from '../print/object.js';
import { Session } from '../session.js';

export const describeCommand: Command = {
  name: 'describe',
  summary: 'Show details of a resource and its events',
  usage: 'Usage: wh describe KIND [NAME...] [-l SELECTOR]',
  flags: [{ name: 'selector', short: 'l', value: true }],
  async run(args: ParsedArgs) {
    const requests = kindAndNames(args.positionals);
    const session = new Session(args);
    return withSession(session, async () => {
      let failed = false;
      const blocks: string[] = [];
      for (const { kind, names } of requests) {
        const objects: KubeObj[] = [];
        if (names.length === 0) objects.push(...(await session.list(kind, { all: session.allNamespaces, labelSelector: str(args, 'selector') })));
        for (const name of names) {
          const o = await session.get(kind, name);
          if (o) objects.push(o);
          else {
            failed = true;
            err(formatError(notFoundError(lowerPlural(kind), name)));
          }
        }
        for (const o of objects) blocks.push(describeObject(kind.kind, kind.namespaced, o, await eventsFor(session, kind, o), Date.now(), await relatedFor(session, kind, o)));
      }
      if (blocks.length) out(blocks.join('\n\n'));
      return failed ? 1 : 0;
    });
  },
};

/** A node's pods, for its Non-terminated Pods and Allocated resources. */
async function relatedFor(session: Session, kind: KindInfo, o: KubeObj): Promise<{ podsOnNode?: Pod[] }> {
  if (kind.kind !== 'Node') return {};
  const pods = await session.list(resolveKindName('Pod')!, { all: true, fieldSelector: `spec.nodeName=${o.metadata.name}` });
  return { podsOnNode: pods as Pod[] };
}

/** Events name their object by kind and name; the selector narrows by name, the filter by kind. */
async function eventsFor(session: Session, kind: KindInfo, o: KubeObj): Promise<KubeObj[] | undefined> {
  if (kind.kind === 'Event') return undefined;
  const events = await session.list(resolveKindName('Event')!, {
    namespace: o.metadata.namespace ?? undefined,
    all: !kind.namespaced,
    fieldSelector: `involvedObject.name=${o.metadata.name}`,
  });
  return events.filter((e) => !e.involvedObject?.kind || e.involvedObject.kind === kind.kind);
}
