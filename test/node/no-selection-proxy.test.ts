// The stand-in wrangler.toml's [alias] (and the generated select and update builders' import,
// scripts/lib/drizzle-dialect.mjs) puts in place of drizzle-orm's selection proxy in the
// Worker's bundle (src/db/no-selection-proxy.ts): it exports what drizzle's module exports, and
// the app never reaches the only paths that make one. The Workers tests (vitest.config.ts applies
// the same aliases), the e2e suite and the bench run with it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILDER_STAND_INS } from '../../scripts/lib/drizzle-dialect.mjs';
import * as stand from '../../src/db/no-selection-proxy';
import { drizzle, root, sources } from './drizzle-files';

describe('src/db/no-selection-proxy.ts, in place of drizzle-orm/selection-proxy in the bundle', () => {
  it('exports every name of drizzle\u2019s module, by every text drizzle imports it with', () => {
    const toml = readFileSync(join(root, 'wrangler.toml'), 'utf8');
    expect(toml).toContain('"../selection-proxy.js" = "./src/db/no-selection-proxy.ts"');
    expect(toml).toContain('"../../selection-proxy.js" = "./src/db/no-selection-proxy.ts"');
    expect(BUILDER_STAND_INS['../../selection-proxy.js']).toBe('../db/no-selection-proxy');
    const exported =
      /export \{([^}]*)\}/
        .exec(drizzle('selection-proxy.js'))?.[1]
        ?.split(',')
        .map((name) => name.trim())
        .filter(Boolean) ?? [];
    expect(Object.keys(stand).sort()).toEqual([...exported].sort());
    expect(() => new stand.SelectionProxyHandler()).toThrow(/not part of this build/);
    // Who imports it: the builders (select and update generated, delete and the standalone query
    // builder as drizzle has them), the views and the database class (for `$with` only, which
    // src/generated/sqlite-db.js leaves out).
    for (const file of ['sqlite-core/query-builders/delete.js', 'sqlite-core/query-builders/query-builder.js'])
      expect(drizzle(file), file).toContain('import { SelectionProxyHandler } from "../../selection-proxy.js";');
    for (const file of ['sqlite-core/view.js', 'sqlite-core/db.js'])
      expect(drizzle(file), file).toContain('import { SelectionProxyHandler } from "../selection-proxy.js";');
    for (const kind of ['select', 'update'])
      expect(readFileSync(join(root, 'src', 'generated', `sqlite-${kind}.js`), 'utf8')).toContain(
        'import { SelectionProxyHandler } from "../db/no-selection-proxy";',
      );
    expect(readFileSync(join(root, 'src', 'generated', 'sqlite-db.js'), 'utf8')).not.toContain('SelectionProxyHandler');
  });

  it('is never reached: the app gives no query as a function of its columns, names no select as a subquery and has no views', () => {
    // drizzle makes the proxy where a builder's `where`, `orderBy`, `groupBy`, `having` or a join's
    // condition is given a function
    // (select.js, update.js, delete.js), in a select's `as()` and `getSelectedFields()`, in
    // `db.$with` and in sqliteView: nowhere else.
    for (const file of [
      'sqlite-core/query-builders/select.js',
      'sqlite-core/query-builders/update.js',
      'sqlite-core/query-builders/delete.js',
    ])
      for (const call of drizzle(file).split('new SelectionProxyHandler(').slice(1))
        expect(call.slice(0, 80), file).toMatch(/^\{ (alias|sqlAliasedBehavior)/);
    for (const file of sources('src').filter((path) => !['src/db/no-selection-proxy.ts', 'src/db/no-alias.ts'].includes(path))) {
      const text = readFileSync(join(root, file), 'utf8');
      expect(text, file).not.toMatch(/\.(where|orderBy|groupBy|having)\(\s*(\(|async\b|function\b|[\w$]+\s*=>)/);
      // A join's condition, its second argument.
      expect(text, file).not.toMatch(/\.\w*Join\([^,()]*,\s*(\(|async\b|function\b|[\w$]+\s*=>)/);
      expect(text, file).not.toMatch(/getSelectedFields|\$with\(|sqliteView\(/);
      // (A select named as a subquery, `.as('x')`: test/node/no-alias.test.ts.)
      expect(text, file).not.toMatch(/[^`]\.as\(\s*['"`]/);
    }
  });
});
