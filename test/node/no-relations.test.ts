// The stand-in wrangler.toml's [alias] puts in place of drizzle-orm's relations module in the
// Worker's bundle (src/db/no-relations.ts): the alias names exactly the imports drizzle's D1
// driver, SQLite dialect and relational query builder make; the stand-in exports every name they
// import; and the app never gives drizzle() a schema, the only way its relational queries (the
// stand-in's throwing functions) are reached. bundle.test.ts checks that the bundle holds none of
// drizzle's relation classes; the Workers tests, the e2e suite and the bench run with it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as stand from '../../src/db/no-relations';
import { bundledDrizzle, drizzle, root } from './drizzle-files';

/** The names a module imports from the given specifier: `import { a, b } from "<specifier>"`. */
const importedNames = (source: string, specifier: string) =>
  [...source.matchAll(new RegExp(`import \\{([^}]*)\\} from "${specifier.replace(/\./g, '\\.')}"`, 'g'))].flatMap((match) =>
    (match[1] ?? '')
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean),
  );

describe('src/db/no-relations.ts, in place of drizzle-orm/relations in the bundle', () => {
  const importers = [
    ['d1/driver.js', '../relations.js'],
    ['sqlite-core/dialect.js', '../relations.js'],
    ['sqlite-core/query-builders/query.js', '../../relations.js'],
  ] as const;

  it('exports every name the bundled drizzle modules import from relations.js', () => {
    for (const [file, specifier] of importers) {
      const names = importedNames(drizzle(file), specifier);
      expect(names.length, file).toBeGreaterThan(0);
      for (const name of names) expect(stand, `${file} imports ${name}`).toHaveProperty(name);
    }
  });

  it('wrangler.toml aliases exactly those two specifiers, which no other bundled module uses', () => {
    const toml = readFileSync(join(root, 'wrangler.toml'), 'utf8');
    expect(toml).toContain('"../relations.js" = "./src/db/no-relations.ts"');
    expect(toml).toContain('"../../relations.js" = "./src/db/no-relations.ts"');
    // Among the drizzle modules a D1 Worker bundles (the core, sql/, sqlite-core/, d1/), only these
    // three import relations.js by those specifiers.
    const users = bundledDrizzle().filter((path) => /from "(\.\.\/)+relations\.js"/.test(drizzle(path)));
    expect(users.sort()).toEqual(importers.map(([file]) => file).sort());
  });

  it('stands in for the db.query builder too: the one import of that specifier in the bundled drizzle modules', () => {
    const toml = readFileSync(join(root, 'wrangler.toml'), 'utf8');
    expect(toml).toContain('"./query-builders/query.js" = "./src/db/no-relations.ts"');
    expect(importedNames(drizzle('sqlite-core/db.js'), './query-builders/query.js')).toEqual(['RelationalQueryBuilder']);
    // No other module of the drizzle parts a D1 Worker bundles imports by that text.
    expect(bundledDrizzle().filter((path) => drizzle(path).includes('"./query-builders/query.js"'))).toEqual(['sqlite-core/db.js']);
    expect(() => new stand.RelationalQueryBuilder()).toThrow(/not part of this build/);
  });

  it('is never reached: the app calls drizzle() without a schema, and the stand-in says so if it were', () => {
    const client = readFileSync(join(root, 'src', 'db', 'client.ts'), 'utf8');
    const calls = [...client.matchAll(/drizzle\(([^)]*\))?[^)]*\)/g)].map((match) => match[0]);
    expect(calls.length).toBeGreaterThan(0);
    for (const call of calls) expect(call).not.toMatch(/schema/);
    expect(() => stand.extractTablesRelationalConfig()).toThrow(/not part of this build/);
    expect(() => stand.mapRelationalRow()).toThrow(/not part of this build/);
  });
});
