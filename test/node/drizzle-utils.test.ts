// drizzle-orm's utils.js as the generated drizzle modules import it (src/generated/drizzle-utils.js,
// written by scripts/lib/drizzle-utils.mjs from the installed drizzle-orm): mapResultRow,
// orderSelectedFields and getTableLikeName without joins, subqueries, views, aliases and nested
// selections, the rest drizzle's own re-exported; the same rows, fields and names for what the app
// selects, and a throw where drizzle would have gone on with what is left out.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getTableColumns, sql } from 'drizzle-orm';
import * as drizzleUtils from 'drizzle-orm/utils';
import { describe, expect, it } from 'vitest';
import { GENERATED } from '../../scripts/lib/drizzle-dialect.mjs';
import { trimUtils, UTILS_SHORTER } from '../../scripts/lib/drizzle-utils.mjs';
import { assetUsage, contacts, contactVersions, importStaging } from '../../src/db/schema';
import { asBundled, bundledDrizzle, drizzle, root, sources } from './drizzle-files';

const generatedPath = join(root, 'src', 'generated', 'drizzle-utils.js');
const generated = () => readFileSync(generatedPath, 'utf8');
/** The functions written shorter, as both modules have them (drizzle's types leave them out: @internal). */
type Field = { path: string[]; field: unknown };
type Utils = {
  orderSelectedFields(fields: Record<string, unknown>): Field[];
  mapResultRow(columns: Field[], row: unknown[], joinsNotNullableMap?: Record<string, boolean>): Record<string, unknown>;
  getTableLikeName(table: unknown): string | undefined;
};
const theirs = drizzleUtils as unknown as Utils;
const ours = async () => (await import(pathToFileURL(generatedPath).href)) as Utils;
const SHORTER = Object.keys(UTILS_SHORTER);

describe('src/generated/drizzle-utils.js, in place of drizzle-orm/utils.js for the generated drizzle modules', () => {
  it('is what scripts/fingerprint.mjs writes from the installed drizzle-orm (not stale), refusing a text it was not written for', () => {
    expect(generated()).toBe(trimUtils(drizzle('utils.js')));
    expect(() => trimUtils(drizzle('utils.js').replace('decoder = field._.sql.decoder;', 'decoder = field._.decoder;'))).toThrow(
      /mapResultRow found 0 times/,
    );
    // Every name drizzle's utils.js exports, the shorter ones its own and the rest drizzle's.
    expect(generated()).toContain(`export { ${SHORTER.join(', ')} };\n`);
    const rest = Object.keys(drizzleUtils)
      .filter((name) => !SHORTER.includes(name))
      .sort();
    expect(generated()).toContain(`export { ${rest.join(', ')} } from "drizzle-orm/utils";\n`);
  });

  it("is what every generated drizzle module imports for drizzle's utils, and no drizzle module left as drizzle's calls the shorter ones", () => {
    expect(GENERATED['drizzle-orm/utils']).toBe('./drizzle-utils.js');
    const importers = bundledDrizzle().filter((file) => / from "(\.\.?\/)+utils\.js";/.test(drizzle(file)));
    for (const file of bundledDrizzle()) {
      const text = asBundled(file);
      if (text === drizzle(file)) {
        // drizzle's own module, importing drizzle's utils.js: none of the shorter functions.
        if (file === 'utils.js') continue;
        for (const name of SHORTER) expect(text, file).not.toMatch(new RegExp(`\\b${name}\\b`));
      } else if (importers.includes(file) && /from "drizzle-orm\/utils"|\.\/drizzle-utils\.js/.test(text)) {
        expect(text, file).toContain(' from "./drizzle-utils.js";');
        expect(text, file).not.toContain('"drizzle-orm/utils"');
      }
    }
    for (const file of [
      'sqlite-dialect.js',
      'sqlite-select.js',
      'sqlite-update.js',
      'sqlite-insert.js',
      'sqlite-delete.js',
      'd1-session.js',
    ])
      expect(readFileSync(join(root, 'src', 'generated', file), 'utf8'), file).not.toContain('"drizzle-orm/utils"');
  });

  it('orders, maps and names as drizzle does what the app selects: its tables, columns, SQL and aliased SQL by their names', async () => {
    const mine = await ours();
    const selections: Record<string, unknown>[] = [
      ...[contacts, contactVersions, assetUsage, importStaging].map((table) => getTableColumns(table)),
      { id: contacts.id, state: sql<string>`'x'`, n: sql<number>`count(*)`.mapWith(Number), named: sql`1`.as('named') },
      { fact: sql<string>`(select 1)`.mapWith((value) => `v${value}`), importId: importStaging.importId },
    ];
    for (const fields of selections) {
      const ordered = mine.orderSelectedFields(fields);
      expect(ordered).toEqual(theirs.orderSelectedFields(fields));
      const rows = [
        ordered.map((_, i) => (i % 3 === 0 ? null : i % 3 === 1 ? 7 : 'text')),
        ordered.map(() => null),
        ordered.map((_, i) => i),
      ];
      for (const row of rows)
        for (const joins of [undefined, {}, { contacts: true }, { other: true }] as (Record<string, boolean> | undefined)[])
          expect(mine.mapResultRow(ordered, row, joins)).toEqual(theirs.mapResultRow(ordered, row, joins));
    }
    for (const table of [contacts, contactVersions, assetUsage, importStaging, sql`(select 1)`])
      expect(mine.getTableLikeName(table)).toBe(theirs.getTableLikeName(table));
    expect(mine.getTableLikeName(sql`(select 1)`)).toBeUndefined();
    // (Its name for a table is the table's name, drizzle's its base name: the same for a table of
    // sqliteTable(), different only for one of a tableCreator, which the app never uses.)
    for (const file of sources('src')) expect(readFileSync(join(root, file), 'utf8'), file).not.toMatch(/TableCreator/);
  });

  it('throws for a nested selection (a table or an object of fields), where drizzle would have gone on', async () => {
    const mine = await ours();
    for (const fields of [{ contacts }, { nested: { id: contacts.id } }]) {
      expect(theirs.orderSelectedFields(fields).some(({ path }) => path.length > 1)).toBe(true);
      expect(() => mine.orderSelectedFields(fields)).toThrow('not part of this build');
    }
  });
});
