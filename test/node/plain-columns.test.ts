// The stand-in wrangler.toml's [alias] puts in place of drizzle-orm's SQLite `text` and `integer`
// column modules in the Worker's bundle (src/db/plain-columns.ts): the alias names exactly
// drizzle's imports of them; the stand-in exports their names but the modes' classes, and builds
// the same columns as drizzle for every declaration the schema makes; a mode throws. The Workers
// tests (vitest.config.ts applies the same aliases), the e2e suite and the bench run with it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { entityKind, getTableColumns } from 'drizzle-orm';
import { getTableConfig, integer, type SQLiteColumn, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import { COLUMN_FIELDS_LEFT_OUT } from '../../scripts/lib/drizzle-column.mjs';
import { COLUMN_CONFIG_LEFT_OUT } from '../../scripts/lib/drizzle-dialect.mjs';
import * as plain from '../../src/db/plain-columns';
import { appUsesOf, asBundled, bundledDrizzle, drizzle, root, sources } from './drizzle-files';

const MODES = [
  'SQLiteTextJson',
  'SQLiteTextJsonBuilder',
  'SQLiteTimestamp',
  'SQLiteTimestampBuilder',
  'SQLiteBoolean',
  'SQLiteBooleanBuilder',
];
const exportsOf = (file: string) =>
  (/export \{([^}]*)\}/.exec(drizzle(file))?.[1] ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);

/**
 * What only drizzle-kit reads of a text or integer column (it reads the schema with drizzle's own
 * columns; only the Worker's build and its tests take the alias), which the stand-in leaves out:
 * a text's enum values and length, an integer's autoIncrement (each a field of the column and a
 * key of its config), and the column's SQL type, getSQLType() (declared for TypeScript alone).
 */
const LEFT_OUT = ['enumValues', 'length', 'autoIncrement'];

/**
 * What a built column says of itself: everything drizzle reads of one when it writes SQL or maps
 * values. (Not the fields of drizzle's Column that only drizzle-kit and the other dialects read,
 * which the bundle's Column leaves out: test/node/drizzle-column.test.ts, nor LEFT_OUT.)
 */
function described(column: SQLiteColumn) {
  const { table: _table, ...fields } = column as unknown as Record<string, unknown>;
  return {
    ...Object.fromEntries(Object.entries(fields).filter(([key]) => !COLUMN_FIELDS_LEFT_OUT.includes(key) && !LEFT_OUT.includes(key))),
    // (Nor the keys of its config that only those read: test/node/sqlite-column-common.test.ts, nor LEFT_OUT.)
    config: Object.fromEntries(
      Object.entries((fields.config ?? {}) as Record<string, unknown>).filter(
        ([key]) => !COLUMN_CONFIG_LEFT_OUT.includes(key) && !LEFT_OUT.includes(key),
      ),
    ),
    kind: (column.constructor as unknown as Record<symbol, string>)[entityKind],
    mapped: [column.mapFromDriverValue('7'), column.mapToDriverValue(7)],
  };
}

describe('src/db/plain-columns.ts, in place of drizzle-orm/sqlite-core\u2019s text and integer columns in the bundle', () => {
  it('is aliased for drizzle\u2019s imports of both modules, and exports their names but the modes\u2019 classes', () => {
    const toml = readFileSync(join(root, 'wrangler.toml'), 'utf8');
    expect(toml).toContain('"./text.js" = "./src/db/plain-columns.ts"');
    expect(toml).toContain('"./integer.js" = "./src/db/plain-columns.ts"');
    const users = (specifier: string) => bundledDrizzle().filter((path) => drizzle(path).includes(`"${specifier}"`));
    expect(users('./text.js')).toEqual(['sqlite-core/columns/all.js', 'sqlite-core/columns/index.js']);
    expect(users('./integer.js')).toEqual(['sqlite-core/columns/all.js', 'sqlite-core/columns/index.js']);
    // Outside drizzle, hono's streaming helper imports "./text.js" too: the alias would take it
    // (and the build fail on its missing export), so the app never imports it (code review).
    expect(readFileSync(join(root, 'node_modules', 'hono', 'dist', 'helper', 'streaming', 'index.js'), 'utf8')).toContain('"./text.js"');
    for (const file of sources('src'))
      expect(readFileSync(join(root, file), 'utf8'), file).not.toMatch(/hono\/streaming|helper\/streaming/);
    const names = [...exportsOf('sqlite-core/columns/text.js'), ...exportsOf('sqlite-core/columns/integer.js')];
    expect(names).toEqual(expect.arrayContaining(MODES));
    expect(Object.keys(plain).sort()).toEqual(names.filter((name) => !MODES.includes(name)).sort());
  });

  it('builds the columns drizzle builds, for every kind of declaration the schema makes', async () => {
    // (Each table the bundle's way, src/generated/drizzle-table.js, which asks a column builder for no foreign keys.)
    const bundled = (await import(pathToFileURL(join(root, 'src', 'generated', 'drizzle-table.js')).href)) as {
      sqliteTable: typeof sqliteTable;
    };
    const declare = (t: typeof text, i: typeof integer, table = sqliteTable) =>
      table('t', {
        id: t('id').primaryKey(),
        name: t('name').notNull().default(''),
        note: t('note'),
        sized: t('sized', { length: 20 }),
        chosen: t('chosen', { enum: ['a', 'b'] }),
        unnamed: t(),
        version: i('version').notNull(),
        count: i('count').notNull().default(0),
        serial: i('serial').primaryKey({ autoIncrement: true }),
        bare: i(),
      });
    const theirs = getTableConfig(declare(text, integer)).columns.map(described);
    const ours = Object.values(getTableColumns(declare(plain.text as never, plain.integer as never, bundled.sqliteTable))).map((column) =>
      described(column as SQLiteColumn),
    );
    expect(ours).toEqual(theirs);
    expect(ours.map((column) => column.kind)).toContain('SQLiteInteger');
    // drizzle's columns have what is left out, the stand-in's none of it.
    const drizzles = getTableConfig(declare(text, integer)).columns as unknown as Record<string, unknown>[];
    expect(drizzles.map((column) => (column as unknown as SQLiteColumn).getSQLType())).toContain('text(20)');
    expect(drizzles.filter((column) => 'autoIncrement' in column && 'autoIncrement' in (column.config as object))).toHaveLength(4);
    expect(drizzles.filter((column) => column.enumValues !== undefined)).toHaveLength(1);
    for (const column of Object.values(getTableColumns(declare(plain.text as never, plain.integer as never, bundled.sqliteTable)))) {
      const fields = column as unknown as Record<string, unknown>;
      for (const name of LEFT_OUT) {
        expect(name in fields, name).toBe(false);
        expect(name in (fields.config as object), name).toBe(false);
      }
      expect((column as unknown as { getSQLType?: unknown }).getSQLType).toBeUndefined();
    }
  });

  it('leaves out only what nothing in the bundle reads: no module of its drizzle and no source of the app reads those fields or asks a column its SQL type', async () => {
    const texts: [string, string][] = [
      ...bundledDrizzle()
        // (The column modules define them: the alias takes text.js's and integer.js's place.)
        .filter((file) => !file.startsWith('sqlite-core/columns/'))
        .map((file): [string, string] => [file, asBundled(file)]),
      ...readdirSync(join(root, 'src', 'generated'))
        .filter((file) => file.endsWith('.js'))
        .map((file): [string, string] => [`src/generated/${file}`, readFileSync(join(root, 'src', 'generated', file), 'utf8')]),
      ...sources('src').map((file): [string, string] => [file, readFileSync(join(root, file), 'utf8')]),
    ];
    const reads: string[] = [];
    // A column's length would be read as `column.length`, `col.length` or `field.length` (drizzle's names).
    for (const [file, text] of texts)
      if (/\.(enumValues|autoIncrement|getSQLType)\b|\b(column|col|field|columns\[\w+\])\.length\b/.test(text)) reads.push(file);
    expect(reads).toEqual([]);
    // The app's own reads by TypeScript's checker: none of drizzle's text or integer column's.
    expect(await appUsesOf('sqlite-core/columns/text.d.ts', ['enumValues', 'length', 'getSQLType'])).toEqual([]);
    expect(await appUsesOf('sqlite-core/columns/integer.d.ts', ['autoIncrement', 'getSQLType'])).toEqual([]);
    expect(await appUsesOf('column.d.ts', ['getSQLType'])).toEqual([]);
  });

  it('throws for a mode, which the schema never asks for', () => {
    expect(() => plain.text('x', { mode: 'json' })).toThrow(/not part of this build/);
    expect(() => plain.integer('x', { mode: 'timestamp' })).toThrow(/not part of this build/);
    expect(() => plain.integer({ mode: 'boolean' })).toThrow(/not part of this build/);
    expect(readFileSync(join(root, 'src', 'db', 'schema.ts'), 'utf8')).not.toMatch(/\bmode\s*:/);
  });
});
