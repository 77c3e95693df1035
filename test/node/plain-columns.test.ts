// The stand-in wrangler.toml's [alias] puts in place of drizzle-orm's SQLite `text` and `integer`
// column modules in the Worker's bundle (src/db/plain-columns.ts): the alias names exactly
// drizzle's imports of them; the stand-in exports their names but the modes' classes, and builds
// the same columns as drizzle for every declaration the schema makes; a mode throws. The Workers
// tests (vitest.config.ts applies the same aliases), the e2e suite and the bench run with it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { entityKind, getTableColumns } from 'drizzle-orm';
import { getTableConfig, integer, type SQLiteColumn, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import { COLUMN_FIELDS_LEFT_OUT } from '../../scripts/lib/drizzle-column.mjs';
import { COLUMN_CONFIG_LEFT_OUT } from '../../scripts/lib/drizzle-dialect.mjs';
import * as plain from '../../src/db/plain-columns';
import { bundledDrizzle, drizzle, root, sources } from './drizzle-files';

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
 * What a built column says of itself: everything drizzle reads of one when it writes SQL or maps
 * values. (Not the fields of drizzle's Column that only drizzle-kit and the other dialects read,
 * which the bundle's Column leaves out: test/node/drizzle-column.test.ts; a column's config keeps them.)
 */
function described(column: SQLiteColumn) {
  const { table: _table, ...fields } = column as unknown as Record<string, unknown>;
  return {
    ...Object.fromEntries(Object.entries(fields).filter(([key]) => !COLUMN_FIELDS_LEFT_OUT.includes(key) || key === 'enumValues')),
    // (Nor the keys of its config that only those read: test/node/sqlite-column-common.test.ts.)
    config: Object.fromEntries(
      Object.entries((fields.config ?? {}) as Record<string, unknown>).filter(([key]) => !COLUMN_CONFIG_LEFT_OUT.includes(key)),
    ),
    kind: (column.constructor as unknown as Record<symbol, string>)[entityKind],
    sql: column.getSQLType(),
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
    expect(ours.map((column) => column.sql)).toContain('text(20)');
  });

  it('throws for a mode, which the schema never asks for', () => {
    expect(() => plain.text('x', { mode: 'json' })).toThrow(/not part of this build/);
    expect(() => plain.integer('x', { mode: 'timestamp' })).toThrow(/not part of this build/);
    expect(() => plain.integer({ mode: 'boolean' })).toThrow(/not part of this build/);
    expect(readFileSync(join(root, 'src', 'db', 'schema.ts'), 'utf8')).not.toMatch(/\bmode\s*:/);
  });
});
