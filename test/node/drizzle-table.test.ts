// drizzle-orm's Table and SQLiteTable as wrangler.toml's [alias] puts them in the Worker's bundle
// (src/generated/drizzle-table.js, written by scripts/lib/drizzle-table.mjs from the installed
// drizzle-orm): drizzle's two modules in one (drizzle imports both by the text "./table.js"), but
// a table keeps only its name, its columns and drizzle's mark of a table; nothing in the bundle
// reads the rest (schema, original and base name, alias flag, inline foreign keys, extra config),
// which only drizzle-kit, aliases and the other dialects do; the schema's tables are otherwise
// drizzle's.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { GENERATED } from '../../scripts/lib/drizzle-dialect.mjs';
import { SQL_STAND_INS } from '../../scripts/lib/drizzle-sql.mjs';
import { edited, SQLITE_TABLE_EDITS, TABLE_EDITS, TABLE_IMPORTS, trimTables } from '../../scripts/lib/drizzle-table.mjs';
import { asBundled, bundledDrizzle, drizzle, esmOf, root, sources } from './drizzle-files';

const generatedPath = join(root, 'src', 'generated', 'drizzle-table.js');
const generated = () => readFileSync(generatedPath, 'utf8');
const toml = () => readFileSync(join(root, 'wrangler.toml'), 'utf8');
const TEXTS = ['./table.js', '../table.js', '../../table.js'];
const SPECIFIERS = ['drizzle-orm/table', 'drizzle-orm/sqlite-core/table'];
const trim = () => trimTables(drizzle('table.js'), drizzle('sqlite-core/table.js'));
/** What is left out: the symbols a table no longer has. */
const LEFT = ['Schema', 'OriginalName', 'BaseName', 'IsAlias', 'ExtraConfigColumns', 'ExtraConfigBuilder', 'InlineForeignKeys'];

describe('src/generated/drizzle-table.js, in place of drizzle-orm/table.js and sqlite-core/table.js in the bundle', () => {
  it("wrangler.toml aliases every text by which drizzle's modules import either, each names one of the two, and the generated modules import it by name", () => {
    for (const text of [...TEXTS, ...SPECIFIERS]) expect(toml()).toContain(`"${text}" = "./src/generated/drizzle-table.js"`);
    const found = new Set<string>();
    for (const file of bundledDrizzle()) {
      for (const [, from = ''] of drizzle(file).matchAll(/ from "([^"]+)";/g)) {
        if (!TEXTS.includes(from)) continue;
        const path = new URL(from, pathToFileURL(`/x/${file}`)).pathname;
        expect(['/x/table.js', '/x/sqlite-core/table.js'], `${file}: ${from}`).toContain(path);
        found.add(path);
      }
    }
    expect([...found].sort()).toEqual(['/x/sqlite-core/table.js', '/x/table.js']);
    // No other bundled package imports a module by those texts.
    const others = ['hono/dist', 'zod', '@hono/zod-validator', 'lean-qr']
      .flatMap(esmOf)
      .filter((file) => /from "(\.\/|\.\.\/|\.\.\/\.\.\/)table\.js"/.test(readFileSync(join(root, 'node_modules', file), 'utf8')));
    expect(others).toEqual([]);
    for (const specifier of SPECIFIERS) expect(GENERATED[specifier]).toBe('./drizzle-table.js');
    expect(SQL_STAND_INS['../table.js']).toBe('./drizzle-table.js');
    const generatedFiles = readdirSync(join(root, 'src', 'generated')).filter((file) => file.endsWith('.js'));
    for (const file of generatedFiles)
      expect(readFileSync(join(root, 'src', 'generated', file), 'utf8'), file).not.toMatch(/"drizzle-orm\/(sqlite-core\/)?table"/);
    // Its column builders are the stand-in wrangler.toml gives drizzle's "./columns/all.js".
    expect(toml()).toContain('"./columns/all.js" = "./src/db/sqlite-columns.ts"');
    expect(generated()).toContain('import { getSQLiteColumnBuilders } from "../db/sqlite-columns";');
  });

  it('is what scripts/fingerprint.mjs writes from the installed drizzle-orm (not stale), refusing a text it was not written for', () => {
    expect(generated()).toBe(trim());
    expect(() =>
      trimTables(drizzle('table.js').replace('  [IsAlias] = false;', '  [IsAlias] = true;'), drizzle('sqlite-core/table.js')),
    ).toThrow(/its alias flag found 0 times/);
    expect(() => trimTables(drizzle('table.js'), `import { x } from "./other.js";\n${drizzle('sqlite-core/table.js')}`)).toThrow(
      /other imports than expected/,
    );
  });

  it("is drizzle's two modules but for those texts, with both export lists", () => {
    const strip = (text: string) => text.replace(/\n\/\/# sourceMappingURL=.*\n?$/, '\n');
    for (const [file, edits] of [
      ['table.js', TABLE_EDITS],
      ['sqlite-core/table.js', SQLITE_TABLE_EDITS],
    ] as const) {
      let theirs = strip(drizzle(file));
      for (const { from, to } of edits) {
        expect(theirs.split(from), from).toHaveLength(2);
        // What takes a text's place is shorter: lines left out, or a list cut short.
        expect(to.length, from).toBeLessThan(from.length);
        theirs = theirs.replace(from, () => to);
      }
      expect(edited(drizzle(file), edits, file)).toBe(theirs);
      const body = theirs.replace(/^import .*\n/gm, '').replace(/\nexport \{\n[^}]*\n\};\n$/, '\n');
      expect(generated()).toContain(body);
      for (const line of TABLE_IMPORTS[file]) expect(drizzle(file)).toContain(`${line}\n`);
      for (const [, names = ''] of drizzle(file).matchAll(/\nexport \{\n([^}]*)\n\};/g))
        for (const name of names.split(',').map((n) => n.trim())) expect(generated()).toMatch(new RegExp(`\\n {2}${name},?\\n`));
    }
    // The edits leave out the fields, the constructor's and the builder's assignments and list
    // entries of exactly those symbols, and the columns' foreign keys (always none: no references()).
    const all = [...TABLE_EDITS, ...SQLITE_TABLE_EDITS];
    for (const name of LEFT)
      expect(
        all.some(({ from, to }) => from.includes(name) && !to.includes(name)),
        name,
      ).toBe(true);
    // (No field of them, nor a constructor's assignment: getTableUniqueName still reads a table's
    // schema, undefined as for every table of the app, which gives none.)
    expect(generated()).not.toMatch(
      /^ {2}\[(Schema|OriginalName|BaseName|IsAlias|ExtraConfigColumns|ExtraConfigBuilder|InlineForeignKeys)\]|this\[(Schema|OriginalName|BaseName)\]/m,
    );
    expect(generated()).not.toMatch(/Symbol\.(ExtraConfigColumns|ExtraConfigBuilder)|buildForeignKeys/);
  });

  it('no module of the bundle and no source of the app reads what a table no longer has', () => {
    const texts = [
      ...bundledDrizzle()
        // (The bundle's SQL builder is src/generated/drizzle-sql.js, read below.)
        .filter((file) => !['table.js', 'sqlite-core/table.js', 'sql/sql.js'].includes(file))
        .map((file) => [file, asBundled(file)]),
      ...readdirSync(join(root, 'src', 'generated'))
        .filter((file) => file.endsWith('.js') && file !== 'drizzle-table.js')
        .map((file) => [`src/generated/${file}`, readFileSync(join(root, 'src', 'generated', file), 'utf8')]),
      ...sources('src').map((file) => [file, readFileSync(join(root, file), 'utf8')]),
    ];
    const reads: string[] = [];
    // `Table.Symbol.X`, `[X]` or `X in`.
    for (const [file, text = ''] of texts)
      for (const name of LEFT)
        if (new RegExp(`Symbol\\.${name}\\b|\\[${name}\\]|\\b${name}\\b(?= in )`).test(text)) reads.push(`${file} ${name}`);
    // drizzle's modules that read them, none of them what the bundle runs: alias.js and casing.js
    // (aliases and a casing, whose stand-ins src/db/no-alias.ts and no-casing.ts the bundle
    // takes), relations.js (relational queries: src/db/no-relations.ts), sqlite-core/utils.js
    // (getTableConfig(), drizzle-kit's) and utils.js's getTableLikeName (the generated
    // drizzle-utils.js has its own, of the table's name); drizzle's SQL builder and dialect are the
    // generated ones, which read none.
    expect([...new Set(reads.map((read) => read.split(' ')[0]))].sort()).toEqual([
      'alias.js',
      'casing.js',
      'relations.js',
      'sqlite-core/utils.js',
      'utils.js',
    ]);
    expect(reads.filter((read) => read.startsWith('utils.js '))).toEqual(['utils.js BaseName', 'utils.js IsAlias']);
    expect(drizzle('utils.js').match(/\bTable\.Symbol\.(BaseName|IsAlias)\b/g)?.length).toBe(2);
    expect(drizzle('utils.js')).toMatch(
      /function getTableLikeName\(table\) \{\n[^\n]*table\[Table\.Symbol\.IsAlias\][^\n]*table\[Table\.Symbol\.BaseName\];\n\}/,
    );
    expect(readFileSync(join(root, 'src', 'generated', 'drizzle-utils.js'), 'utf8')).toContain('function getTableLikeName(table) {');
    // (getTableUniqueName, relations' only, reads a table's schema: undefined, as it was for the app's tables.)
  });

  it("builds the schema's tables as drizzle's do, but for what is left out", async () => {
    const ours = await import(pathToFileURL(generatedPath).href);
    const theirs = await import('drizzle-orm/sqlite-core');
    const { Table } = (await import('drizzle-orm/table')) as unknown as { Table: { Symbol: Record<string, symbol> } };
    const { text, integer } = await import('drizzle-orm/sqlite-core');
    const columns = () => ({ id: text('id').primaryKey(), version: integer('version').notNull().default(1), note: text('note') });
    const mine = ours.sqliteTable('t', columns(), () => []);
    const drizzles = theirs.sqliteTable('t', columns(), () => []);
    const symbols = (table: object) => Object.getOwnPropertySymbols(table).map((symbol) => symbol.description ?? '');
    expect(
      symbols(drizzles)
        .filter((name) => !LEFT.some((left) => name.endsWith(left)))
        .sort(),
    ).toEqual(symbols(mine).sort());
    expect(symbols(mine).sort()).toEqual(['drizzle:Columns', 'drizzle:IsDrizzleTable', 'drizzle:Name']);
    expect(Object.keys(mine)).toEqual(Object.keys(drizzles));
    expect(mine[ours.Table.Symbol.Name]).toBe('t');
    expect(Object.keys(mine[ours.Table.Symbol.Columns])).toEqual(['id', 'version', 'note']);
    expect(ours.Table.Symbol).toEqual({ Name: Table.Symbol.Name, Columns: Table.Symbol.Columns });
    expect(ours.SQLiteTable.Symbol).toEqual(ours.Table.Symbol);
    expect(ours.isTable(mine)).toBe(true);
    expect(ours.getTableName(mine)).toBe(theirs.getTableConfig(drizzles).name);
    // Its columns are built for it, as drizzle's for its table.
    expect(mine.id.table).toBe(mine);
    expect(mine.version.default).toBe(1);
  });
});
