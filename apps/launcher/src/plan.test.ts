import assert from 'node:assert/strict';
import { test } from 'node:test';
import { COMPONENTS, type ComponentSpec } from './components.js';
import { planComponents, type PlanInput } from './plan.js';

const input = (built: string[], env: NodeJS.ProcessEnv = {}): PlanInput => ({
  rootDir: '/repo',
  env,
  databaseUrl: 'postgresql://postgres:pw@127.0.0.1:54329/wheelhouse',
  apiUrl: 'http://127.0.0.1:4000',
  serverUrl: 'http://127.0.0.1:4000/graphql',
  exists: (path) => built.includes(path),
});

const specs: ComponentSpec[] = [
  { name: 'api', entry: 'apps/api/dist/main.js', needsDb: true, healthUrl: (c) => `${c.apiUrl}/healthz` },
  { name: 'scheduler', entry: 'apps/scheduler/dist/main.js', needsDb: false },
  { name: 'dashboard', entry: 'apps/dashboard/dist/main.js', needsDb: false },
];

test('the API is the first component, gets the database and is waited for', () => {
  const [api] = COMPONENTS;
  assert.equal(api?.name, 'api');
  assert.equal(api?.entry, 'apps/api/dist/main.js');
  assert.equal(api?.needsDb, true);
  assert.equal(api?.healthUrl?.({ apiUrl: 'http://127.0.0.1:4000', env: {} }), 'http://127.0.0.1:4000/healthz');
  assert.equal(new Set(COMPONENTS.map((c) => c.name)).size, COMPONENTS.length, 'names are unique');
});

test('components whose entry is not built are skipped, order is kept', () => {
  const plan = planComponents(specs, input(['/repo/apps/api/dist/main.js', '/repo/apps/dashboard/dist/main.js']));
  assert.deepEqual(
    plan.run.map((c) => [c.name, c.script]),
    [
      ['api', '/repo/apps/api/dist/main.js'],
      ['dashboard', '/repo/apps/dashboard/dist/main.js'],
    ],
  );
  assert.deepEqual(plan.skipped, [{ name: 'scheduler', script: '/repo/apps/scheduler/dist/main.js' }]);
});

test('nothing built: nothing to run', () => {
  const plan = planComponents(specs, input([]));
  assert.equal(plan.run.length, 0);
  assert.equal(plan.skipped.length, 3);
});

test('only the API gets DATABASE_URL; the others get WHEELHOUSE_SERVER instead', () => {
  const env = { LOG_LEVEL: 'debug', DATABASE_URL: 'postgresql://user-set', WHEELHOUSE_SERVER: 'http://elsewhere' };
  const built = specs.map((s) => `/repo/${s.entry}`);
  const [api, scheduler] = planComponents(specs, input(built, env)).run;
  assert.equal(api?.env.DATABASE_URL, 'postgresql://postgres:pw@127.0.0.1:54329/wheelhouse');
  assert.equal(api?.env.LOG_LEVEL, 'debug');
  assert.equal(api?.healthUrl, 'http://127.0.0.1:4000/healthz');
  assert.equal(scheduler?.env.DATABASE_URL, undefined);
  assert.equal(scheduler?.env.WHEELHOUSE_SERVER, 'http://127.0.0.1:4000/graphql');
  assert.equal(scheduler?.env.LOG_LEVEL, 'debug');
  assert.equal(scheduler?.healthUrl, undefined);
  assert.equal(env.DATABASE_URL, 'postgresql://user-set', 'the input env is not mutated');
});

test('arguments are computed from the environment; the kwok agent adds WHEELHOUSE_SIMULATED_NODES nodes', () => {
  const agents = COMPONENTS.filter((c) => c.entry === 'apps/node-agent/dist/main.js');
  assert.deepEqual(
    agents.map((a) => a.name),
    ['node-agent', 'node-agent-simulated'],
  );
  const built = agents.map((a) => `/repo/${a.entry}`);
  const plan = planComponents(agents, input(built, { WHEELHOUSE_SIMULATED_NODES: '20' }));
  assert.deepEqual(
    plan.run.map((c) => c.args),
    [undefined, ['--runtime', 'simulated', '--manage-annotated', '--nodes', '20', '--port', '0']],
  );
  assert.deepEqual(planComponents(agents, input(built)).run[1]!.args!.slice(3, 5), ['--nodes', '0']);
});

test('a component whose enabled() says no is not started (WHEELHOUSE_DNS_PORT=0)', () => {
  const specs = [
    { name: 'api', entry: 'a.js', needsDb: true },
    { name: 'dns', entry: 'd.js', needsDb: false, enabled: (c: { env: NodeJS.ProcessEnv }) => c.env.WHEELHOUSE_DNS_PORT !== '0' },
  ];
  const input = (env: NodeJS.ProcessEnv) => ({
    rootDir: '/r',
    apiUrl: 'http://127.0.0.1:4000',
    serverUrl: 'http://127.0.0.1:4000/graphql',
    databaseUrl: 'postgres://x',
    env,
    exists: () => true,
  });
  assert.deepEqual(
    planComponents(specs, input({})).run.map((c) => c.name),
    ['api', 'dns'],
  );
  assert.deepEqual(
    planComponents(specs, input({ WHEELHOUSE_DNS_PORT: '0' })).run.map((c) => c.name),
    ['api'],
  );
});
