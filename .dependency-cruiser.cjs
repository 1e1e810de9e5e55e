// Import rules checked by `npm run lint:deps` (part of `npm run lint`, so of `npm test`).
const { readdirSync, readFileSync } = require('node:fs');

// The apps' package names, for imports that name an app (`@wheelhouse/api`, `@wheelhouse/api/auth/tokens`):
// before a build those do not resolve to a file under apps/, and the rule must hold without one.
const appPackages = readdirSync('apps', { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => JSON.parse(readFileSync(`apps/${entry.name}/package.json`, 'utf8')).name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import cycle: move what both sides need (a type, an interface) into a module of its own.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'libs-not-apps',
      severity: 'error',
      comment: 'Libraries sit below the apps: a libs/* module must not import an app (a test harness that needs one lives under test/).',
      from: { path: '^libs/' },
      to: { path: ['^apps/', `^(${appPackages.join('|')})(/|$)`] },
    },
  ],
  options: {
    // Another package is reached through its build output (apps/api/dist/index.js): kept as a
    // node, so the layering rule sees where an import lands, but not followed.
    doNotFollow: { path: ['node_modules', '/dist/'] },
    // Generated code (Prisma client, GraphQL codegen) is not ours to restructure.
    exclude: { path: ['/\\.next/', '/generated/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: '.dependency-cruiser.tsconfig.json' },
    // Packages are resolved through their "exports" (subpaths such as @wheelhouse/api/auth/tokens).
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
