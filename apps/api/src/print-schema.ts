import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { printSchema } from 'graphql';
import { buildApiSchema } from './schema.js';

/** The committed SDL, so API changes show up in review. */
export const SCHEMA_FILE = fileURLToPath(new URL('../schema.graphql', import.meta.url));

export async function schemaText(): Promise<string> {
  return `${printSchema(await buildApiSchema())}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(SCHEMA_FILE, await schemaText());
  console.log(`wrote ${SCHEMA_FILE}`);
}
