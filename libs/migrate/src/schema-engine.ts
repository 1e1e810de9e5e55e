import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import type * as Bindings from '@prisma/schema-engine-wasm/schema_engine_bg';

export type SchemaEngineClass = typeof Bindings.SchemaEngine;
export type SchemaEngine = Bindings.SchemaEngine;

type WasmExports = Record<string, unknown>;

// Our lib setting has no DOM, and @types/node 20 does not declare WebAssembly.
declare const WebAssembly: {
  instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: { exports: WasmExports } }>;
};

// The wasm-bindgen glue: its typings omit the setter the loader below needs.
type Glue = typeof Bindings & { __wbg_set_wasm(exports: WasmExports): void };

let loading: Promise<SchemaEngineClass> | undefined;

/**
 * Loads Prisma's WASM schema engine (once per process) and returns its `SchemaEngine` class.
 * Node 20 cannot `import` a `.wasm` file, so the package's own entry point is unusable;
 * we instantiate the module by hand, wiring it to the JS glue exactly as that entry would.
 */
export function loadSchemaEngine(): Promise<SchemaEngineClass> {
  loading ??= instantiate().catch((error: unknown) => {
    loading = undefined; // let a later call retry instead of caching the failure
    throw error;
  });
  return loading;
}

async function instantiate(): Promise<SchemaEngineClass> {
  const require = createRequire(import.meta.url);
  const gluePath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
  const glue = (await import('@prisma/schema-engine-wasm/schema_engine_bg')) as Glue;
  const bytes = await readFile(gluePath.replace(/\.js$/, '.wasm'));
  const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': withUnrefTimers(glue) });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return glue.SchemaEngine;
}

/**
 * The engine races its advisory-lock wait against a 10 s timer it never clears, which
 * kept every process that deployed alive for ten more seconds. Unref'd, the timer still
 * fires while the engine's connections keep the process running, but no longer holds it.
 */
function withUnrefTimers(glue: Glue): Record<string, unknown> {
  const imports: Record<string, unknown> = { ...glue };
  for (const [name, fn] of Object.entries(glue) as [string, unknown][]) {
    if (!name.startsWith('__wbg_setTimeout_') || typeof fn !== 'function') continue;
    imports[name] = (...args: unknown[]) => {
      const timer: unknown = (fn as (...a: unknown[]) => unknown)(...args);
      (timer as { unref?: () => void } | undefined)?.unref?.();
      return timer;
    };
  }
  return imports;
}
