/**
 * The demo cluster: the manifests in apps/cli/seed/ (one apply call per file), then with
 * `--scale` generated nodes and Deployments in chunks of CHUNK documents per call.
 * Apply semantics make it idempotent: a second run reports `unchanged`.
 */
import { fileURLToPath } from 'node:url';
import { appliedName, applyDocuments } from '../apply-call.js';
import { parseObjects, readSources } from '../manifest.js';
import type { Session } from '../session.js';
import { chunk, scaleDeployments, scaleNamespace, scaleNodes } from './scale.js';
import { addTally, emptyTally, sumTally, tallyText, totalOf, type Tally } from './tally.js';

/** The manifests shipped with the CLI, readable and appliable by hand (`wh apply -f apps/cli/seed`). */
export const SEED_DIR = fileURLToPath(new URL('../../seed/', import.meta.url));
const CHUNK = 100;

export interface SeedOptions {
  dir: string;
  scale?: { nodes: number; pods: number };
  dryRun: boolean;
}

export async function seed(session: Session, options: SeedOptions, log: (line: string) => void): Promise<Tally> {
  const suffix = options.dryRun ? ' (dry run)' : '';
  log(`Seeding ${session.server} from ${options.dir}${suffix}`);
  let tally = emptyTally();
  for (const { source, text } of readSources([options.dir])) {
    const results = await applyDocuments(session, parseObjects(text, source), { dryRun: options.dryRun });
    log(`${source}:`);
    for (const r of results) log(`  ${appliedName(r)} ${r.action}`);
    tally = addTally(tally, results);
  }
  if (options.scale) {
    const { nodes, pods } = options.scale;
    log(`Scale: ${nodes} simulated nodes, ${pods} pods`);
    const namespace = await applyDocuments(session, [scaleNamespace()], { dryRun: options.dryRun });
    for (const r of namespace) log(`  ${appliedName(r)} ${r.action}`);
    tally = addTally(tally, namespace);
    const groups: [string, Record<string, unknown>[]][] = [
      ['nodes', scaleNodes(nodes)],
      ['deployments', scaleDeployments(pods)],
    ];
    for (const [what, documents] of groups) {
      let done = 0;
      let part = emptyTally();
      for (const batch of chunk(documents, CHUNK)) {
        const results = await applyDocuments(session, batch, { dryRun: options.dryRun });
        done += results.length;
        part = addTally(part, results);
        log(`  ${what}: ${done}/${documents.length} (${tallyText(part)})`);
      }
      tally = sumTally(tally, part);
    }
  }
  log(`Seeded ${totalOf(tally)} objects: ${tallyText(tally)}${suffix}.`);
  return tally;
}
