import type { SchemaFilter } from '@prisma/schema-engine-wasm/schema_engine_bg';

// prisma.config.ts declares no external tables or enums: the engine manages everything.
export const noExternalEntities: SchemaFilter = { externalTables: [], externalEnums: [] };
