/** `YYYYMMDDHHMMSS` in UTC, the prefix Prisma gives migration directories so they sort by age. */
export function migrationTimestamp(date = new Date()): string {
  return date.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}
