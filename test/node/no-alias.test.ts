// The stand-in wrangler.toml's [alias] puts in place of drizzle-orm's alias module in the
// Worker's bundle (src/db/no-alias.ts): it exports every name drizzle's modules import from it or
// re-export, and the app never aliases a table or a subquery, the only way drizzle reaches them.
// The Workers tests (vitest.config.ts applies the same aliases), the e2e suite and the bench run with it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as stand from '../../src/db/no-alias';
import { drizzle, root, sources } from './drizzle-files';

describe('src/db/no-alias.ts, in place of drizzle-orm/alias in the bundle', () => {
  it('exports every name of drizzle\u2019s alias module, which the wrangler.toml aliases replace', () => {
    const toml = readFileSync(join(root, 'wrangler.toml'), 'utf8');
    expect(toml).toContain('"./alias.js" = "./src/db/no-alias.ts"');
    expect(toml).toContain('"../alias.js" = "./src/db/no-alias.ts"');
    const exported =
      /export \{([^}]*)\}/
        .exec(drizzle('alias.js'))?.[1]
        ?.split(',')
        .map((name) => name.trim())
        .filter(Boolean) ?? [];
    expect(exported.length).toBeGreaterThan(5);
    expect(Object.keys(stand).sort()).toEqual([...exported].sort());
    expect(() => new stand.TableAliasProxyHandler()).toThrow(/not part of this build/);
    expect(() => stand.aliasedTable()).toThrow(/not part of this build/);
    // Those who import it by these specifiers: the selection proxy (for an aliased subquery only),
    // the dialect (for relational queries only, src/db/no-relations.ts), the alias() helper and
    // the two index modules' re-exports.
    expect(drizzle('selection-proxy.js')).toContain('import { ColumnAliasProxyHandler, TableAliasProxyHandler } from "./alias.js"');
    expect(drizzle('selection-proxy.js')).toMatch(
      /if \(this\.config\.alias\) \{\s+return new Proxy\(\s+value,\s+new ColumnAliasProxyHandler/,
    );
  });

  it('is never reached: the app never aliases a table or a subquery', () => {
    for (const file of sources('src').filter((path) => path !== 'src/db/no-alias.ts')) {
      const text = readFileSync(join(root, file), 'utf8');
      // A name for an sql`…` expression of a selection (`sql`…`.as('cursor')`, drizzle's
      // SQL.Aliased, which its dialect writes as `… AS "cursor"`) is no alias of a table or subquery.
      expect(text, file).not.toMatch(/[^`]\.as\(\s*['"`]|\$with\(|\balias\(/);
      expect(text, file).not.toMatch(/import \{[^}]*\balias\b[^}]*\} from 'drizzle-orm/);
    }
  });
});
