import { createRequire } from 'node:module';

/** What the schema engine needs from a driver adapter factory, before error capturing. */
export interface MigrationAwareFactory {
  readonly provider: string;
  readonly adapterName: string;
  connect(): Promise<object>;
  connectToShadowDb(): Promise<object>;
}

type Bind = (factory: MigrationAwareFactory) => object;

let bind: Promise<Bind> | undefined;

/**
 * `bindMigrationAwareSqlAdapterFactory` from @prisma/driver-adapter-utils: it turns thrown
 * errors into the `{ ok, error }` results the engine expects. That package is not ours to
 * depend on, so we load the copy @prisma/adapter-pg itself resolves; its error classes must
 * be the ones the adapter throws anyway.
 */
export function loadBindMigrationAwareFactory(): Promise<Bind> {
  bind ??= (async () => {
    const fromAdapter = createRequire(createRequire(import.meta.url).resolve('@prisma/adapter-pg'));
    const utils = (await import(fromAdapter.resolve('@prisma/driver-adapter-utils'))) as {
      bindMigrationAwareSqlAdapterFactory: Bind;
    };
    return utils.bindMigrationAwareSqlAdapterFactory;
  })();
  return bind;
}
