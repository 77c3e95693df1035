// drizzle-orm's Table (table.js) and SQLiteTable with its `sqliteTable()` (sqlite-core/table.js) as
// the Worker bundles them, one module (src/generated/drizzle-table.js; wrangler.toml [alias]
// "./table.js", "../table.js", "../../table.js", the texts by which drizzle's modules import
// either, "./table.js" naming both, and "drizzle-orm/table" and "drizzle-orm/sqlite-core/table",
// by which the generated drizzle modules and src/production.ts do): the same two modules, but a
// table keeps only what the bundle reads of it, its name, columns and drizzle's mark of a table
// (`isTable()`): not its schema, original and base name, alias flag, inline foreign keys, extra
// config columns and extra config builder (the indexes and keys of src/db/schema.ts, which only
// drizzle-kit reads, `getTableConfig()`, to write migrations; the Worker runs migrations/ as SQL).
// Nor does `sqliteTable()` collect the columns' foreign keys, always none (the column builder's
// `references()` is left out: scripts/lib/drizzle-dialect.mjs COLUMN_LEFT_OUT). Each text is
// found once, or scripts/fingerprint.mjs stops. test/node/drizzle-table.test.ts holds it to
// drizzle's two modules minus exactly these texts, and the bundle's modules and the app to never
// reading what is left out.

/** Texts of drizzle-orm/table.js replaced, each found once. */
export const TABLE_EDITS = [
  {
    name: "the table symbols' list",
    from: `  static Symbol = {
    Name: TableName,
    Schema,
    OriginalName,
    Columns,
    ExtraConfigColumns,
    BaseName,
    IsAlias,
    ExtraConfigBuilder
  };
`,
    to: `  static Symbol = {
    Name: TableName,
    Columns
  };
`,
  },
  {
    name: 'its original name',
    from: `  /**
   * @internal
   * Used to store the original name of the table, before any aliasing.
   */
  [OriginalName];
`,
    to: '',
  },
  { name: 'its schema', from: '  /** @internal */\n  [Schema];\n', to: '' },
  { name: 'its extra config columns', from: '  /** @internal */\n  [ExtraConfigColumns];\n', to: '' },
  {
    name: 'its base name',
    from: `  /**
   *  @internal
   * Used to store the table name before the transformation via the \`tableCreator\` functions.
   */
  [BaseName];
`,
    to: '',
  },
  { name: 'its alias flag', from: '  /** @internal */\n  [IsAlias] = false;\n', to: '' },
  { name: 'its extra config builder', from: '  /** @internal */\n  [ExtraConfigBuilder] = void 0;\n', to: '' },
  {
    name: 'the constructor',
    from: `  constructor(name, schema, baseName) {
    this[TableName] = this[OriginalName] = name;
    this[Schema] = schema;
    this[BaseName] = baseName;
  }
`,
    to: `  constructor(name, schema, baseName) {
    this[TableName] = name;
  }
`,
  },
];

/** Texts of drizzle-orm/sqlite-core/table.js replaced, each found once. */
export const SQLITE_TABLE_EDITS = [
  {
    name: "the SQLite table symbols' list",
    from: `  static Symbol = Object.assign({}, Table.Symbol, {
    InlineForeignKeys
  });
`,
    to: `  static Symbol = Object.assign({}, Table.Symbol);
`,
  },
  { name: 'its inline foreign keys', from: '  /** @internal */\n  [InlineForeignKeys] = [];\n', to: '' },
  { name: 'its extra config builder', from: '  /** @internal */\n  [Table.Symbol.ExtraConfigBuilder] = void 0;\n', to: '' },
  {
    name: "the columns' foreign keys",
    from: '      rawTable[InlineForeignKeys].push(...colBuilder.buildForeignKeys(column, rawTable));\n',
    to: '',
  },
  {
    name: 'the extra config',
    from: `  table[Table.Symbol.ExtraConfigColumns] = builtColumns;
  if (extraConfig) {
    table[SQLiteTable.Symbol.ExtraConfigBuilder] = extraConfig;
  }
`,
    to: '',
  },
];

/**
 * The imports of the two modules, each as drizzle writes it. The generated one takes them by
 * package specifiers, its column builders from the stand-in wrangler.toml's alias gives drizzle's
 * "./columns/all.js" (src/db/sqlite-columns.ts), and its Table is its own.
 */
export const TABLE_IMPORTS = {
  'table.js': ['import { entityKind } from "./entity.js";', 'import { TableName } from "./table.utils.js";'],
  'sqlite-core/table.js': [
    'import { entityKind } from "../entity.js";',
    'import { Table } from "../table.js";',
    'import { getSQLiteColumnBuilders } from "./columns/all.js";',
  ],
};

/** `source` with each of `edits` replaced; throws for a text not found exactly once. */
export function edited(source, edits, file) {
  let text = source.replace(/\n\/\/# sourceMappingURL=.*\n?$/, '\n');
  for (const { name, from, to } of edits) {
    const count = text.split(from).length - 1;
    if (count !== 1) throw new Error(`drizzle-orm/${file}: ${name} found ${count} times; update scripts/lib/drizzle-table.mjs`);
    text = text.replace(from, () => to);
  }
  return text;
}

/** A module's imports (as TABLE_IMPORTS names them), its body and the names of its export list. */
function parts(text, file) {
  const imports = [...text.matchAll(/^import .*$/gm)].map(([line]) => line);
  if (imports.join('\n') !== TABLE_IMPORTS[file].join('\n'))
    throw new Error(`drizzle-orm/${file}: other imports than expected; update scripts/lib/drizzle-table.mjs`);
  const exported = /\nexport \{\n([^}]*)\n\};\n$/.exec(text);
  if (!exported) throw new Error(`drizzle-orm/${file}: no export list at its end; update scripts/lib/drizzle-table.mjs`);
  return {
    body: text.slice(0, exported.index + 1).replace(/^import .*\n/gm, ''),
    names: exported[1].split(',').map((name) => name.trim()),
  };
}

/** drizzle-orm/table.js's and drizzle-orm/sqlite-core/table.js's texts as src/generated/drizzle-table.js. */
export function trimTables(tableSource, sqliteTableSource) {
  const table = parts(edited(tableSource, TABLE_EDITS, 'table.js'), 'table.js');
  const sqlite = parts(edited(sqliteTableSource, SQLITE_TABLE_EDITS, 'sqlite-core/table.js'), 'sqlite-core/table.js');
  return `// Generated by scripts/lib/drizzle-table.mjs from drizzle-orm/table.js and drizzle-orm/sqlite-core/table.js. Do not edit; not in git.
import { entityKind } from "drizzle-orm/entity";
import { TableName } from "drizzle-orm/table.utils";
import { getSQLiteColumnBuilders } from "../db/sqlite-columns";
${table.body}${sqlite.body}export {
  ${[...table.names, ...sqlite.names].join(',\n  ')}
};
`;
}
