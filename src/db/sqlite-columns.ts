/**
 * In place of two drizzle-orm modules in the Worker's bundle (wrangler.toml `[alias]`), as
 * src/db/no-relations.ts and src/db/sqlite-only.ts are for others:
 * - `sqlite-core/columns/all.js`: the column builders handed to a table defined by a callback
 *   (`sqliteTable('t', (b) => ({ … }))`). src/db/schema.ts defines its tables by object and
 *   imports `text` and `integer` itself, so the callback is never called; through it esbuild kept
 *   the blob, numeric, real and custom column classes.
 * - `sqlite-core/query-builders/count.js`: `db.$count()`, which this app never calls (its counts
 *   are kept per asset, or one query's column).
 * test/node/sqlite-columns.test.ts holds both to drizzle's imports; the Workers tests
 * (vitest.config.ts applies the same aliases), the e2e suite and the bench run with it.
 */
import { integer, text } from './plain-columns';

/** The builders a table callback would get: the two column types this app's schema uses, as the bundle has them (src/db/plain-columns.ts). */
export function getSQLiteColumnBuilders() {
  return { integer, text };
}

/** Only named by `db.$count()`. */
export class SQLiteCountBuilder {
  constructor() {
    throw new Error('not part of this build');
  }
}
