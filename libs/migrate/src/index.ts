export { loadSchemaEngine, type SchemaEngine, type SchemaEngineClass } from './schema-engine.js';
export { withSchemaEngine } from './engine-session.js';
export { migrateDeploy } from './deploy.js';
export { createMigration, type CreateMigrationOptions, type CreatedMigration } from './create-migration.js';
export { createThrowawayDatabase, type ThrowawayDatabase } from './throwaway-database.js';
export { readMigrationsList } from './migrations-list.js';
export { defaultMigrationsDir, defaultSchemaPath } from './paths.js';
