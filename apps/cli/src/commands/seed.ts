/** wh seed [--scale] [--nodes N] [--pods N] [-f DIR] [--dry-run]: the demo cluster (`npm run seed`). */
import { bool, int, str, type ParsedArgs } from '../args.js';
import { out, withSession, type Command } from '../command.js';
import { UsageError } from '../errors.js';
import { DEFAULT_SCALE } from '../seed/scale.js';
import { seed, SEED_DIR } from '../seed/seed.js';
import { Session } from '../session.js';
import { isDryRun } from './apply.js';

export const seedCommand: Command = {
  name: 'seed',
  summary: 'Create the demo cluster (idempotent); --scale adds hundreds of simulated nodes and thousands of pods',
  usage: `Usage: wh seed [--scale] [--nodes N] [--pods N] [-f DIR] [--dry-run]\n  --scale alone means --nodes ${DEFAULT_SCALE.nodes} --pods ${DEFAULT_SCALE.pods}; -f DIR seeds other manifests (default ${SEED_DIR}).`,
  flags: [
    { name: 'scale' },
    { name: 'nodes', value: true },
    { name: 'pods', value: true },
    { name: 'filename', short: 'f', value: true },
    { name: 'dry-run', optionalValue: true },
  ],
  async run(args: ParsedArgs) {
    if (args.positionals.length) throw new UsageError(`unexpected argument "${args.positionals[0]}"`, this.usage);
    const nodes = int(args, 'nodes');
    const pods = int(args, 'pods');
    for (const [flag, v] of [
      ['nodes', nodes],
      ['pods', pods],
    ] as const)
      if (v !== undefined && v < 0) throw new UsageError(`--${flag} must be 0 or more`);
    const scaled = bool(args, 'scale') || nodes !== undefined || pods !== undefined;
    const scale = scaled ? { nodes: nodes ?? DEFAULT_SCALE.nodes, pods: pods ?? DEFAULT_SCALE.pods } : undefined;
    const session = new Session(args);
    return withSession(session, async () => {
      await seed(session, { dir: str(args, 'filename') ?? SEED_DIR, scale, dryRun: isDryRun(args) }, out);
    });
  },
};
