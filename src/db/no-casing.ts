/**
 * In place of drizzle-orm's CasingCache in the SQLite dialect the Worker bundles
 * (src/generated/sqlite-dialect.js, written by scripts/lib/drizzle-dialect.mjs).
 *
 * drizzle converts column names only for a `casing` option ('snake_case', 'camelCase'), which
 * src/db/client.ts never passes: without it drizzle's cache answers every column with its name as
 * declared, after keying and caching it per table. This says the same at once and throws for a
 * casing; drizzle's name-conversion code leaves the bundle. Nor has it drizzle's clearCache(),
 * which no module of drizzle's calls (7 B gzip, stop 74). test/node/no-casing.test.ts holds it
 * to drizzle's answers for every column of the schema.
 */
export class CasingCache {
  constructor(casing?: string) {
    if (casing) throw new Error('not part of this build');
  }
  getColumnCasing(column: { name: string }): string {
    return column.name;
  }
}
