/**
 * In place of drizzle-orm's `alias.js` in the Worker's bundle (wrangler.toml `[alias]`), as
 * src/db/no-relations.ts is for its relations: the proxies that rename a table or a subquery's
 * columns (`alias(table, 'x')`, `db.select().from(…).as('x')`, `db.$with`) and the renaming of a
 * relational query. This app writes every query against its tables by name and never aliases one
 * (test/node/no-alias.test.ts holds the app to that and the alias to drizzle's imports); drizzle
 * reaches these only for an alias, so each throws if it ever were.
 */
function unused(): never {
  throw new Error('not part of this build');
}

export class ColumnAliasProxyHandler {
  constructor() {
    unused();
  }
}
export class TableAliasProxyHandler {
  constructor() {
    unused();
  }
}
export class RelationTableAliasProxyHandler {
  constructor() {
    unused();
  }
}
export const aliasedRelation = unused;
export const aliasedTable = unused;
export const aliasedTableColumn = unused;
export const mapColumnsInAliasedSQLToAlias = unused;
export const mapColumnsInSQLToAlias = unused;
