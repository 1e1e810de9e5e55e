// Runs every compiled test file (`*.test.js` under libs/*/dist, apps/*/dist and
// test/dist) with Node's built-in test runner. Integration tests create their own
// throwaway databases on the PostgreSQL named by TEST_DATABASE_URL (default: the
// local server's `postgres` database).
import { readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const roots = [...['libs', 'apps'].flatMap((top) => (existsSync(top) ? readdirSync(top).map((d) => join(top, d, 'dist')) : [])), join('test', 'dist')];
const filter = process.argv[2];

function walk(dir, out) {
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (entry.endsWith('.test.js')) out.push(path);
  }
  return out;
}

const files = roots
  .flatMap((root) => walk(root, []))
  .filter((f) => !filter || f.includes(filter))
  .sort();
if (files.length === 0) {
  console.error('no test files found: run `npm run build` first');
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...files], { stdio: 'inherit' });
process.exit(result.status ?? 1);
