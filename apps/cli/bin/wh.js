#!/usr/bin/env node
// The installed `wh` (node_modules/.bin/wh, `npx wh`). This file is committed with its
// executable bit, so the link `npm ci` makes works before the first build; the CLI
// itself is compiled into dist/.
import('../dist/main.js').catch((error) => {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('dist/main.js')) throw error;
  process.stderr.write('error: wh is not built yet: run `npm run build` (or `npx tsc -b apps/cli`) first\n');
  process.exit(1);
});
