/** wh top node|pod [NAME] [-l SEL] [-A] [--sort-by cpu|memory]: usage from the metrics API, kubectl's columns. */
import { listAll } from '@wheelhouse/client';
import { NodeKind, PodKind } from '@wheelhouse/resources';
import { str, type ParsedArgs } from '../args.js';
import { err, out, withSession, type Command } from '../command.js';
import { CliError, notFoundError, UsageError } from '../errors.js';
import { lowerPlural } from '../kinds.js';
import { emptyMessage } from '../print/empty-message.js';
import { formatTable } from '../print/table.js';
import { NODE_HEADERS, nodeTopRows, podHeaders, podTopRows, type MetricsItem, type NodeCapacity, type TopSort } from '../print/top.js';
import { Session } from '../session.js';

const USAGE = 'Usage: wh top node [NAME] [-l SELECTOR] [--sort-by cpu|memory]\n       wh top pod [NAME] [-n NS | -A] [-l SELECTOR] [--sort-by cpu|memory]';
const METRICS_FIELDS = 'metadata { name namespace } usage { cpu memory }';

export const topCommand: Command = {
  name: 'top',
  summary: 'Display resource (CPU/memory) usage of nodes or pods',
  usage: USAGE,
  flags: [
    { name: 'selector', short: 'l', value: true },
    { name: 'sort-by', value: true },
  ],
  async run(args: ParsedArgs) {
    const [what, name, extra] = args.positionals;
    if (extra !== undefined) throw new UsageError('top takes at most one name', USAGE);
    const sortBy = str(args, 'sort-by');
    if (sortBy !== undefined && sortBy !== 'cpu' && sortBy !== 'memory') throw new UsageError(`--sort-by accepts only cpu or memory`);
    const kind = what === 'node' || what === 'nodes' || what === 'no' ? 'node' : what === 'pod' || what === 'pods' || what === 'po' ? 'pod' : undefined;
    if (!kind) throw new UsageError(what ? `unknown command "${what}" for "wh top"` : 'top needs node or pod', USAGE);
    const session = new Session(args);
    return withSession(session, () => (kind === 'node' ? topNodes(session, name, args, sortBy) : topPods(session, name, args, sortBy)));
  },
};

async function topNodes(session: Session, name: string | undefined, args: ParsedArgs, sortBy: TopSort): Promise<void> {
  const fieldSelector = name ? `metadata.name=${name}` : undefined;
  const { items } = await listAll<{ metadata: { name: string }; status?: { allocatable?: Record<string, string> } }>(session.client, {
    plural: 'nodes',
    fields: 'metadata { name } status { allocatable }',
    labelSelector: str(args, 'selector'),
    fieldSelector,
  });
  if (name && items.length === 0) throw notFoundError(lowerPlural(NodeKind), name);
  if (items.length === 0) return void err('No resources found');
  const { metrics } = await session.client.request<{ metrics: MetricsItem[] }>(`query NodeMetrics($name: String) { metrics: nodeMetrics(name: $name) { ${METRICS_FIELDS} } }`, {
    name,
  });
  if (name && metrics.length === 0) throw new CliError('metrics not available yet');
  const nodes: NodeCapacity[] = items.map((n) => ({ name: n.metadata.name, allocatable: n.status?.allocatable }));
  out(formatTable(NODE_HEADERS, nodeTopRows(nodes, metrics, sortBy)));
}

async function topPods(session: Session, name: string | undefined, args: ParsedArgs, sortBy: TopSort): Promise<void> {
  const all = session.allNamespaces && !name;
  const namespace = all ? undefined : session.namespace;
  if (name && !(await session.get(PodKind, name))) throw notFoundError(lowerPlural(PodKind), name);
  const { metrics } = await session.client.request<{ metrics: MetricsItem[] }>(
    `query PodMetrics($namespace: String, $name: String) { metrics: podMetrics(namespace: $namespace, name: $name) { ${METRICS_FIELDS} } }`,
    { namespace, name },
  );
  let shown = metrics;
  const selector = str(args, 'selector');
  if (selector !== undefined) {
    const { items } = await listAll<{ metadata: { name: string; namespace: string } }>(session.client, {
      plural: 'pods',
      fields: 'metadata { name namespace }',
      namespace,
      labelSelector: selector,
    });
    const keep = new Set(items.map((p) => `${p.metadata.namespace}/${p.metadata.name}`));
    shown = metrics.filter((m) => keep.has(`${m.metadata.namespace}/${m.metadata.name}`));
  }
  if (name && shown.length === 0) throw new CliError(`Metrics not available for pod ${session.namespace}/${name}`);
  if (shown.length === 0) return void err(emptyMessage([PodKind], namespace));
  out(formatTable(podHeaders(all), podTopRows(shown, { allNamespaces: all, sortBy })));
}
