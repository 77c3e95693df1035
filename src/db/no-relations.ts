/**
 * In place of drizzle-orm's `relations.js` in the Worker's bundle (wrangler.toml `[alias]`): the
 * relational query API (`db.query.…` over a schema given to `drizzle()`), which this app never
 * uses. It calls `drizzle(d1)` without a schema (src/db/client.ts), so drizzle never builds a
 * relational config, and every query is a select, insert, update or delete built by hand; drizzle's
 * relations module (its `One`/`Many` classes, operators and the row mapper) was about 1 KB of the
 * Worker's 100 KB gzip budget (performance.md). Each name drizzle imports from it is here and
 * throws if ever reached; test/node/no-relations.test.ts holds the alias to drizzle's imports and
 * the app to calling `drizzle()` without a schema. The Workers tests (vitest.config.ts applies
 * wrangler.toml's aliases), the e2e suite and the bench run with this module in place.
 */
function unused(): never {
  throw new Error('not part of this build');
}

export const createTableRelationsHelpers = unused;
export const extractTablesRelationalConfig = unused;
export const getOperators = unused;
export const getOrderByOperators = unused;
export const normalizeRelation = unused;
export const mapRelationalRow = unused;
/** Only named in `is(relation, One)` of a relational query. */
export class One {}
export class Many {}
/**
 * In place of drizzle's sqlite-core/query-builders/query.js too: `db.query.<table>`, built only
 * for the tables of a schema given to `drizzle()`.
 */
export class RelationalQueryBuilder {
  constructor() {
    unused();
  }
}
