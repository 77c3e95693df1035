/**
 * In place of drizzle-orm's SQLite index, primary-key, foreign-key and unique-constraint builders
 * in the Worker's bundle (wrangler.toml `[alias]`), as src/db/no-alias.ts is for its aliases.
 *
 * src/db/schema.ts declares its indexes and the versions' primary key in each table's
 * extra-config callback, which only drizzle-kit calls (`getTableConfig`, to write migrations):
 * drizzle's D1 driver never does, and the schema declares no `.references()` or `.unique()`.
 * The Worker runs migrations/ as SQL. The builders cost about 1 KB of the Worker's gzip budget
 * (performance.md: 100 KB) for code that never runs there; each throws if it ever were.
 * `uniqueKeyName` is the one function a column calls as it is built: drizzle's, word for word.
 * test/node/no-constraints.test.ts holds this module to drizzle's exports and the app to never
 * calling them outside an extra-config callback.
 */
function unused(): never {
  throw new Error('not part of this build');
}

class Unused {
  constructor() {
    unused();
  }
}

export const index = unused;
export const uniqueIndex = unused;
export const primaryKey = unused;
export const foreignKey = unused;
export const unique = unused;
export class Index extends Unused {}
export class IndexBuilder extends Unused {}
export class IndexBuilderOn extends Unused {}
export class PrimaryKey extends Unused {}
export class PrimaryKeyBuilder extends Unused {}
export class ForeignKey extends Unused {}
export class ForeignKeyBuilder extends Unused {}
export class UniqueConstraint extends Unused {}
export class UniqueConstraintBuilder extends Unused {}
export class UniqueOnConstraintBuilder extends Unused {}

/** drizzle's (sqlite-core/unique-constraint.js): the name a column's unique constraint would have. */
export function uniqueKeyName(table: Record<symbol, unknown>, columns: string[]): string {
  return `${String(table[Symbol.for('drizzle:Name')])}_${columns.join('_')}_unique`;
}
