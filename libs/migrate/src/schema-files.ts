import { readFile } from 'node:fs/promises';

/** One Prisma schema file as the engine takes it. */
export interface SchemaFile {
  path: string;
  content: string;
}

export async function readSchemaFiles(schemaPath: string): Promise<SchemaFile[]> {
  return [{ path: schemaPath, content: await readFile(schemaPath, 'utf8') }];
}
