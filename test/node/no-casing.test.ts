// The stand-in the bundle's SQLite dialect imports in place of drizzle-orm's CasingCache
// (src/db/no-casing.ts, through scripts/lib/drizzle-dialect.mjs's STAND_INS): it answers every
// column of the schema as drizzle's does without a `casing` option, which the app never passes,
// and throws for one. The Workers tests (their dialect is the generated one), the e2e suite and
// the bench run with it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { is } from 'drizzle-orm';
import { CasingCache as DrizzleCasingCache } from 'drizzle-orm/casing';
import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import { STAND_INS } from '../../scripts/lib/drizzle-dialect.mjs';
import { CasingCache } from '../../src/db/no-casing';
import * as schema from '../../src/db/schema';
import { bundledDrizzle, drizzle, root, sources } from './drizzle-files';

const tables = Object.values(schema).filter((value) => is(value, SQLiteTable)) as SQLiteTable[];

describe('src/db/no-casing.ts, in place of drizzle-orm\u2019s CasingCache in the bundle', () => {
  it('is what the generated dialect imports, and drizzle\u2019s casing module has no other importer in the bundle', () => {
    expect(STAND_INS).toEqual({ '../casing.js': '../db/no-casing' });
    expect(drizzle('sqlite-core/dialect.js')).toContain('import { CasingCache } from "../casing.js";');
    expect(readFileSync(join(root, 'src', 'generated', 'sqlite-dialect.js'), 'utf8')).toContain(
      'import { CasingCache } from "../db/no-casing";',
    );
    expect(bundledDrizzle().filter((path) => /from "[./]+casing\.js"/.test(drizzle(path)))).toEqual(['sqlite-core/dialect.js']);
    // Of drizzle's cache only getColumnCasing is called (clearCache by no module of drizzle's: not here).
    expect(Object.getOwnPropertyNames(CasingCache.prototype).sort()).toEqual(['constructor', 'getColumnCasing']);
    expect(Object.getOwnPropertyNames(DrizzleCasingCache.prototype)).toContain('clearCache');
    for (const path of bundledDrizzle()) expect(drizzle(path), path).not.toMatch(/\.clearCache\(/);
  });

  it('names every column of the schema as drizzle does without a casing option', () => {
    const theirs = new DrizzleCasingCache();
    const ours = new CasingCache();
    const columns = tables.flatMap((table) => getTableConfig(table).columns);
    expect(columns.length).toBeGreaterThan(30);
    for (const column of columns) expect(ours.getColumnCasing(column), column.name).toBe(theirs.getColumnCasing(column));
    // A column named by its key (no name given) too: drizzle's cache converts it with no casing to itself.
    const keyed = getTableConfig(schema.contacts).columns[0];
    if (keyed) {
      const byKey = { ...keyed, keyAsName: true } as never;
      expect(ours.getColumnCasing(byKey)).toBe(theirs.getColumnCasing(byKey));
    }
  });

  it('throws for a casing, which the app never passes', () => {
    expect(() => new CasingCache('snake_case')).toThrow(/not part of this build/);
    for (const file of sources('src').filter((path) => !/no-casing|generated/.test(path)))
      expect(readFileSync(join(root, file), 'utf8'), file).not.toMatch(/\bcasing\b/);
  });
});
