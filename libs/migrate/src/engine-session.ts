import { loadSchemaEngine, type SchemaEngine } from './schema-engine.js';
import { loadBindMigrationAwareFactory } from './bind-adapter.js';
import { MigrationAdapterFactory } from './adapter-factory.js';
import type { SchemaFile } from './schema-files.js';

/**
 * Runs `fn` with a schema engine connected to `databaseUrl` through @prisma/adapter-pg,
 * then frees the engine and closes every connection it opened.
 * `schema` is the datamodel the engine starts with; commands that take a schema
 * (createMigration, diff) are given it again explicitly.
 */
export async function withSchemaEngine<T>(databaseUrl: string, schema: SchemaFile[] | undefined, fn: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  const [SchemaEngine, bind] = await Promise.all([loadSchemaEngine(), loadBindMigrationAwareFactory()]);
  const factory = new MigrationAdapterFactory(databaseUrl);
  try {
    const engine = await SchemaEngine.new(
      { datamodels: schema?.map((file): [string, string] => [file.path, file.content]) },
      () => {}, // engine log lines (JSON); failures come back as rejected promises instead
      bind(factory),
    );
    try {
      return await fn(engine);
    } finally {
      engine.free();
    }
  } finally {
    await factory.close();
  }
}
