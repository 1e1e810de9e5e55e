import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

// Compiled to libs/migrate/dist/paths.js, so the repository root is three levels up.
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

export const defaultSchemaPath = join(repoRoot, 'prisma', 'schema.prisma');
export const defaultMigrationsDir = join(repoRoot, 'prisma', 'migrations');

export const defaultDatabaseUrl = 'postgresql://postgres@127.0.0.1:5432/postgres';
