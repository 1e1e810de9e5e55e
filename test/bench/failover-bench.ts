/**
 * `npm run bench:failover [-- --rounds 3]`: how long the controller-manager's leadership
 * takes to move, with the product's lease timings (15 s lease, 10 s renew deadline, 2 s
 * retry; WHEELHOUSE_LEASE_DURATION_SECONDS etc. override them). Two controller-managers
 * against the API (its own process, throwaway database); each round stops the leader and
 * times, from the signal, until the Lease names the standby: after SIGTERM (the leader
 * releases the Lease) and after SIGKILL (the standby waits for it to expire). A new
 * standby is started after every round. The tests only check who leads; the times are here.
 */
import type { ChildProcess } from 'node:child_process';
import { parseArgs } from 'node:util';
import { createThrowawayDatabase } from '@wheelhouse/migrate';
import { percentiles } from './load.js';
import { measurePostgresCeiling } from './pg-ceiling.js';
import { spawnApi, spawnControllerManager, stop } from './processes.js';

const { values: args } = parseArgs({ options: { rounds: { type: 'string', default: '3' } } });
const ROUNDS = Number(args.rounds);
const TOKEN = 'bench-token';
const LEASE = `query { lease(namespace: "kube-system", name: "wheelhouse-controller-manager") { spec { holderIdentity } } }`;
const phase = (name: string) => process.stderr.write(`bench: ${name}\n`);

// Measured first, on an idle server: the figures below are read against it.
const postgresCeiling = await measurePostgresCeiling();
const database = await createThrowawayDatabase();
const { process: api, url } = await spawnApi(database.url, TOKEN);

const holder = async (): Promise<string | null> => {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` }, body: JSON.stringify({ query: LEASE }) });
  const body = (await res.json()) as { data?: { lease: { spec: { holderIdentity: string | null } | null } | null } };
  return body.data?.lease?.spec?.holderIdentity ?? null;
};
/** Polls the Lease every 20 ms until `accept` holds for its holder; gives up after 120 s. */
async function waitForHolder(accept: (h: string | null) => boolean): Promise<string | null> {
  for (const started = performance.now(); ; await new Promise((r) => setTimeout(r, 20))) {
    const h = await holder();
    if (accept(h)) return h;
    if (performance.now() - started > 120_000) throw new Error(`the Lease stayed with ${h} for 120 s`);
  }
}

/** Every manager started, with what it said on stderr (its identity is in "leading as <id>"). */
const managers: { child: ChildProcess; output: string }[] = [];
const startManager = () => {
  const child = spawnControllerManager(url, TOKEN, 0);
  const entry = { child, output: '' };
  child.stderr!.on('data', (c: Buffer) => (entry.output += c));
  managers.push(entry);
  return entry;
};
const leaderOf = (identity: string) => managers.find((m) => m.output.includes(`leading as ${identity}`));

startManager();
startManager();
const times: Record<'SIGTERM' | 'SIGKILL', number[]> = { SIGTERM: [], SIGKILL: [] };
for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
  for (let round = 0; round < ROUNDS; round++) {
    phase(`${signal} round ${round + 1}/${ROUNDS}`);
    const current = (await waitForHolder((h) => h !== null && leaderOf(h) !== undefined))!;
    await new Promise((r) => setTimeout(r, 3000)); // the standby is up and retrying
    const leader = leaderOf(current)!;
    const t0 = performance.now();
    leader.child.kill(signal);
    await waitForHolder((h) => h !== null && h !== current);
    times[signal].push(Math.round(performance.now() - t0));
    await new Promise((r) => (leader.child.exitCode !== null || leader.child.signalCode !== null ? r(null) : leader.child.once('exit', r)));
    startManager();
  }
}

console.log(
  JSON.stringify(
    {
      simplifications: [
        'API, PostgreSQL and both controller-managers on one machine, over loopback',
        'an idle cluster: the managers have no objects to reconcile while leadership moves',
        'the time is read by polling the Lease every 20 ms, so it is up to 20 ms (plus one query) late',
      ],
      postgresCeiling,
      leaseTimings: {
        leaseDurationSeconds: Number(process.env.WHEELHOUSE_LEASE_DURATION_SECONDS ?? 15),
        renewDeadlineMs: Number(process.env.WHEELHOUSE_RENEW_DEADLINE_MS ?? 10_000),
        retryPeriodMs: Number(process.env.WHEELHOUSE_RETRY_PERIOD_MS ?? 2_000),
      },
      rounds: ROUNDS,
      gracefulHandoverMs: { ...percentiles(times.SIGTERM), all: times.SIGTERM },
      killedTakeoverMs: { ...percentiles(times.SIGKILL), all: times.SIGKILL },
    },
    null,
    2,
  ),
);
for (const m of managers) if (m.child.exitCode === null && m.child.signalCode === null) await stop(m.child);
await stop(api);
await database.drop();
