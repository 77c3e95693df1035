/**
 * In place of drizzle-orm's `selection-proxy.js` in the Worker's bundle (wrangler.toml `[alias]`,
 * and the generated select and update builders' import: scripts/lib/drizzle-dialect.mjs), as
 * src/db/no-alias.ts is for the aliases it would make: the proxy drizzle puts around a selection
 * only when a query is given as a function of its columns (`.where((t) => …)`, `.orderBy((t) =>
 * …)`, `.groupBy((t) => …)`), a select is named as a subquery (`.as('x')`) or its fields are read
 * back (`getSelectedFields()`), and for views. This app writes every condition and order with its
 * tables' columns and never does any of these (test/node/no-selection-proxy.test.ts holds the app
 * to that), so the handler throws if it ever were made.
 */
export class SelectionProxyHandler {
  constructor() {
    throw new Error('not part of this build');
  }
}
