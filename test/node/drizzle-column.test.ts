// drizzle-orm's Column as wrangler.toml's [alias] puts it in the Worker's bundle
// (src/generated/drizzle-column.js, written by scripts/lib/drizzle-column.mjs from the installed
// drizzle-orm): drizzle's column.js but for the fields only drizzle-kit, drizzle-zod, relational
// queries and the other dialects read, each a copy of the column's config; nothing in the bundle
// reads them, and every column of the schema keeps the rest: its name, default, config, table and
// methods, as drizzle builds them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { COLUMN_FIELDS_LEFT_OUT, fieldLines, SHOULD_DISABLE_INSERT, trimColumn } from '../../scripts/lib/drizzle-column.mjs';
import { DIALECT_LEFT_OUT, GENERATED } from '../../scripts/lib/drizzle-dialect.mjs';
import { SQL_STAND_INS } from '../../scripts/lib/drizzle-sql.mjs';
import { appUsesOf, asBundled, bundledDrizzle, drizzle, esmOf, root } from './drizzle-files';

const generatedPath = join(root, 'src', 'generated', 'drizzle-column.js');
const generated = () => readFileSync(generatedPath, 'utf8');
const toml = () => readFileSync(join(root, 'wrangler.toml'), 'utf8');
const TEXTS = ['./column.js', '../../column.js'];

describe('src/generated/drizzle-column.js, in place of drizzle-orm/column.js in the bundle', () => {
  it("wrangler.toml aliases every text by which drizzle's modules import it, only drizzle's column.js answers those texts, and the generated modules import it by name", () => {
    for (const text of [...TEXTS, 'drizzle-orm/column']) expect(toml()).toContain(`"${text}" = "./src/generated/drizzle-column.js"`);
    let importers = 0;
    for (const file of bundledDrizzle()) {
      for (const [, from = ''] of drizzle(file).matchAll(/ from "([^"]+)";/g)) {
        if (!TEXTS.includes(from)) continue;
        importers++;
        expect(new URL(from, pathToFileURL(`/x/${file}`)).pathname, `${file}: ${from}`).toBe('/x/column.js');
      }
    }
    expect(importers).toBeGreaterThan(3);
    // No other bundled package imports a module by those texts.
    const others = ['hono/dist', 'zod', '@hono/zod-validator', 'lean-qr']
      .flatMap(esmOf)
      .filter((file) => /from "(\.\/|\.\.\/\.\.\/)column\.js"/.test(readFileSync(join(root, 'node_modules', file), 'utf8')));
    expect(others).toEqual([]);
    expect(GENERATED['drizzle-orm/column']).toBe('./drizzle-column.js');
    expect(SQL_STAND_INS['../column.js']).toBe('./drizzle-column.js');
    const generatedFiles = readdirSync(join(root, 'src', 'generated')).filter((file) => file.endsWith('.js'));
    const byName = generatedFiles.filter((file) =>
      readFileSync(join(root, 'src', 'generated', file), 'utf8').includes('from "./drizzle-column.js"'),
    );
    expect(byName.sort()).toEqual(['drizzle-sql.js', 'drizzle-utils.js', 'sqlite-column-common.js', 'sqlite-dialect.js']);
    for (const file of generatedFiles)
      expect(readFileSync(join(root, 'src', 'generated', file), 'utf8'), file).not.toContain('"drizzle-orm/column"');
  });

  it('is what scripts/fingerprint.mjs writes from the installed drizzle-orm (not stale), refusing a text it was not written for', () => {
    expect(generated()).toBe(trimColumn(drizzle('column.js')));
    expect(() => trimColumn(drizzle('column.js').replace('    this.notNull = config.notNull;\n', ''))).toThrow(
      /1 lines of its field notNull, not 2/,
    );
    expect(() => trimColumn(`import { x } from "./other.js";\n${drizzle('column.js')}`)).toThrow(/other imports than expected/);
  });

  it("is drizzle's module but for the lines that declare those fields or copy them from the config, each a whole line", () => {
    const body = (text: string) =>
      text
        .replace(/^\/\/ Generated [^\n]*\n/, '')
        .replace(/\n\/\/# sourceMappingURL=.*\n?$/, '\n')
        .replace('from "drizzle-orm/entity";', 'from "./entity.js";');
    // (Less shouldDisableInsert(), held by its own test below.)
    expect(drizzle('column.js').split(SHOULD_DISABLE_INSERT)).toHaveLength(2);
    const theirs = body(drizzle('column.js').replace(SHOULD_DISABLE_INSERT, '')).split('\n');
    const ours = body(generated()).split('\n');
    const left = theirs.filter((line) => !ours.includes(line));
    expect(ours.filter((line) => !theirs.includes(line))).toEqual([]);
    expect(theirs.filter((line) => ours.includes(line))).toEqual(ours);
    for (const line of left)
      expect(
        COLUMN_FIELDS_LEFT_OUT.some((name) => fieldLines(name).test(`${line}\n`)),
        line,
      ).toBe(true);
    expect(left).toHaveLength(2 * COLUMN_FIELDS_LEFT_OUT.length - 1);
    // What the bundle reads of a column stays.
    for (const kept of ['this.name = config.name;', 'this.default = config.default;', 'this.config = config;', 'this.table = table;'])
      expect(generated()).toContain(kept);
  });

  it("no module of the bundle's drizzle and no source of the app reads one of those fields of a column", async () => {
    const texts = [
      ...bundledDrizzle()
        .filter((file) => file !== 'column.js')
        .map((file) => [file, asBundled(file)]),
      ...readdirSync(join(root, 'src', 'generated'))
        .filter((file) => file.endsWith('.js') && file !== 'drizzle-column.js')
        .map((file) => [`src/generated/${file}`, readFileSync(join(root, 'src', 'generated', file), 'utf8')]),
    ];
    const reads: string[] = [];
    // `x.name` but not a builder's `config.name`, a spread `...name` or a call `.name(`.
    for (const [file, text = ''] of texts)
      for (const name of COLUMN_FIELDS_LEFT_OUT)
        if (new RegExp(`(?<!config|\\.\\.)\\.${name}\\b(?!\\s*\\()`).test(text)) reads.push(`${file} ${name}`);
    // Neither module is the bundle's: a column's casing is src/db/no-casing.ts's (the dialect's
    // stand-in), and only drizzle's relational queries (src/db/no-relations.ts) reach relations.js.
    expect(reads.sort()).toEqual(['casing.js keyAsName', 'relations.js notNull', 'relations.js primary']);
    expect(await appUsesOf('column.d.ts', COLUMN_FIELDS_LEFT_OUT, 'Column')).toEqual([]);
  });

  it("builds the schema's columns as drizzle's do, but for the fields left out", async () => {
    const ours = (await import(pathToFileURL(generatedPath).href)).Column;
    // (Untyped: drizzle declares Column abstract, its config protected and shouldDisableInsert internal.)
    type Built = {
      table: unknown;
      config: { generated?: unknown };
      name: string;
      shouldDisableInsert(): boolean;
      mapToDriverValue(v: unknown): unknown;
      mapFromDriverValue(v: unknown): unknown;
    };
    const Column = (await import('drizzle-orm/column')).Column as unknown as new (table: unknown, config: unknown) => Built;
    const { contacts, contactVersions, assetUsage } = await import('../../src/db/schema');
    let columns = 0;
    for (const table of [contacts, contactVersions, assetUsage])
      for (const column of Object.values(table) as Built[]) {
        if (!(column instanceof Column)) continue;
        columns++;
        // The same column made of drizzle's Column and of ours from the same config: the same fields but those left out.
        const theirs = new Column(column.table, column.config);
        const mine = new ours(column.table, column.config);
        const expected = Object.fromEntries(Object.entries(theirs).filter(([key]) => !COLUMN_FIELDS_LEFT_OUT.includes(key)));
        expect(Object.keys(mine)).toEqual(Object.keys(expected));
        expect({ ...mine }).toEqual(expected);
        expect(Object.keys(mine).sort()).toEqual(['config', 'default', 'name', 'table']);
        expect(mine.name).toBe(column.name);
        // (No column of the schema is generated: drizzle's shouldDisableInsert() is false for each, and ours has none.)
        expect(column.shouldDisableInsert()).toBe(false);
        expect(theirs.shouldDisableInsert()).toBe(false);
        expect('shouldDisableInsert' in mine).toBe(false);
        expect(mine.mapToDriverValue('x')).toBe('x');
        expect(mine.mapFromDriverValue(1)).toBe(1);
      }
    expect(columns).toBeGreaterThan(20);
  });

  it("has no shouldDisableInsert(): no column of the bundle is generated, and the dialect's insert no longer asks it", async () => {
    expect(generated()).not.toContain('shouldDisableInsert');
    expect(() =>
      trimColumn(drizzle('column.js').replace('this.config.generated.type !== "byDefault"', 'this.config.generated.type !== "virtual"')),
    ).toThrow(/shouldDisableInsert\(\) not found once/);
    // The one caller of it in the bundle's drizzle, the dialect's insert, leaves it out; no other module of the bundle calls it.
    const left = Object.entries(DIALECT_LEFT_OUT).find(([name]) => name.includes('shouldDisableInsert'))?.[1];
    expect(left).toBe('.filter(\n      ([_, col]) => !col.shouldDisableInsert()\n    )');
    const callers = [
      ...bundledDrizzle().filter((file) => drizzle(file).includes('shouldDisableInsert()')),
      ...readdirSync(join(root, 'src', 'generated')).filter((file) =>
        readFileSync(join(root, 'src', 'generated', file), 'utf8').includes('shouldDisableInsert'),
      ),
    ];
    expect(callers.sort()).toEqual(['column.js', 'sqlite-core/dialect.js']);
    // No column is generated: the builder has no generatedAlwaysAs(), and its config starts without one.
    const { contacts, contactVersions, assetUsage } = await import('../../src/db/schema');
    const common = readFileSync(join(root, 'src', 'generated', 'sqlite-column-common.js'), 'utf8');
    expect(common).not.toContain('generatedAlwaysAs');
    let columns = 0;
    for (const table of [contacts, contactVersions, assetUsage])
      for (const column of Object.values(table) as { config?: { generated?: unknown } }[])
        if (column?.config) {
          columns++;
          expect(column.config.generated).toBeUndefined();
        }
    expect(columns).toBeGreaterThan(20);
  });
});
