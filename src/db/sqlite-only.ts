/**
 * Two names drizzle-orm's shared core imports from its Postgres half, for a build that only
 * speaks SQLite (wrangler.toml `[alias]` puts this module in their place in the bundle).
 *
 * drizzle-orm's `sql/sql.js` imports `isPgEnum` from `pg-core/columns/enum.js`, and its
 * `relations.js` imports `PrimaryKeyBuilder` from `pg-core/primary-keys.js`; with them esbuild
 * keeps Postgres's column, enum, array, foreign-key and table classes, about 1.1 KB of the
 * Worker's gzip budget (performance.md: 100 KB) that a D1 app never runs. What they answer here
 * is drizzle's own answer for a SQLite app: no chunk of a SQLite query is a Postgres enum,
 * and no SQLite table config is a Postgres primary key. test/node/sqlite-only.test.ts holds both
 * to drizzle's originals; the Workers tests (vitest.config.ts applies the same aliases), the e2e
 * suite and the bench run with this module in place.
 */
import { entityKind } from 'drizzle-orm/entity';

/** drizzle's test (pg-core/columns/enum.js), word for word: a function marked with the enum symbol. */
export function isPgEnum(obj: unknown): boolean {
  const marker = Symbol.for('drizzle:isPgEnum');
  return typeof obj === 'function' && marker in obj && (obj as unknown as Record<symbol, unknown>)[marker] === true;
}

/** Only what drizzle's `is(value, PrimaryKeyBuilder)` reads: the entity kind. */
export class PrimaryKeyBuilder {
  static readonly [entityKind] = 'PgPrimaryKeyBuilder';
}
