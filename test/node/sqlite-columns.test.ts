// The stand-in wrangler.toml's [alias] puts in place of drizzle-orm's sqlite-core column-builder
// set and its $count builder in the Worker's bundle (src/db/sqlite-columns.ts): the alias names
// exactly drizzle's one import of each; the stand-in exports what those imports name; the app's
// schema never defines a table by callback (the only caller of the builder set) and never calls
// $count. bundle.test.ts guards the size; the Workers tests, the e2e suite and the bench run with it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as plain from '../../src/db/plain-columns';
import * as stand from '../../src/db/sqlite-columns';
import { bundledDrizzle, drizzle, root, sources } from './drizzle-files';

describe('src/db/sqlite-columns.ts, in place of two drizzle modules in the bundle', () => {
  it('is aliased for the one import of each, and exports the names imported', () => {
    const toml = readFileSync(join(root, 'wrangler.toml'), 'utf8');
    expect(toml).toContain('"./columns/all.js" = "./src/db/sqlite-columns.ts"');
    expect(toml).toContain('"./query-builders/count.js" = "./src/db/sqlite-columns.ts"');
    // Only these modules import by those texts, and nothing imports all.js by another.
    const users = (specifier: string) => bundledDrizzle().filter((path) => drizzle(path).includes(`"${specifier}"`));
    expect(users('./columns/all.js')).toEqual(['sqlite-core/table.js']);
    expect(users('./all.js')).toEqual([]);
    expect(users('./query-builders/count.js')).toEqual(['sqlite-core/db.js']);
    expect(drizzle('sqlite-core/table.js')).toContain('import { getSQLiteColumnBuilders } from "./columns/all.js"');
    expect(drizzle('sqlite-core/db.js')).toContain('import { SQLiteCountBuilder } from "./query-builders/count.js"');
    expect(stand.getSQLiteColumnBuilders()).toEqual({ integer: plain.integer, text: plain.text });
    expect(() => new stand.SQLiteCountBuilder()).toThrow(/not part of this build/);
  });

  it('is never reached for what it leaves out: the schema defines its tables by object, only with text and integer, and nothing calls $count', () => {
    const schema = readFileSync(join(root, 'src', 'db', 'schema.ts'), 'utf8');
    for (const call of schema.matchAll(/sqliteTable\(\s*'[^']+',\s*(.)/g)) expect(call[1]).toBe('{');
    expect(
      [...schema.matchAll(/import \{([^}]*)\} from 'drizzle-orm\/sqlite-core'/g)].flatMap((m) =>
        (m[1] ?? '').split(',').map((n) => n.trim()),
      ),
    ).not.toEqual(expect.arrayContaining(['blob']));
    for (const type of ['blob(', 'numeric(', 'real(', 'customType(']) expect(schema).not.toContain(type);
    for (const file of sources('src').filter((path) => path !== 'src/db/sqlite-columns.ts'))
      expect(readFileSync(join(root, file), 'utf8'), file).not.toContain('$count(');
  });
});
