// drizzle-orm's SQLite dialect (sqlite-core/dialect.js) as the Worker bundles it (wrangler.toml
// [alias]): the same module without four of its methods, which this app never reaches (until
// stop 74 each stayed as a one-line method that throws: 34 B gzip; a call would now fail as one
// of a builder's methods left out below does), and without the texts of its other methods that
// only a query the app never writes reaches (DIALECT_LEFT_OUT). They were 1.8 KB of the 100 KB gzip budget
// (docs/benchmarks.md). scripts/fingerprint.mjs writes it from the installed drizzle-orm to
// src/generated/sqlite-dialect.js, so it never goes stale; a method named here that drizzle no
// longer has, or an import it cannot name, stops that script instead of being skipped.
// test/node/sqlite-dialect.test.ts holds each method to the only callers drizzle has for it.

/** The methods left out, and why the app never reaches them. */
export const LEFT_OUT = [
  // The SQL of a relational query (`db.query.<table>`): called only by
  // sqlite-core/query-builders/query.js, which the bundle already leaves out (src/db/no-relations.ts).
  'buildRelationalQuery',
  // A set operation (`union`, `unionAll`, `intersect`, `except`): called only for a select that
  // has one, which the app never writes.
  'buildSetOperations',
  'buildSetOperationQuery',
  // Both dialects' migration runner: called only by drizzle's migrators (drizzle-orm/*/migrator),
  // which the Worker never imports; wrangler applies the migrations (`wrangler d1 migrations apply`).
  'migrate',
  // The SQL of a select's and an update's joins: called only by buildSelectQuery and
  // buildUpdateQuery, with joins that are always none (the builders' joins are left out, below),
  // and no longer there (DIALECT_EDITS; until stop 77 it stayed as the early return it took then,
  // throwing were it ever given one: ONLY_EMPTY).
  'buildJoins',
  // The SQL of a query's CTEs: called only by the four query methods, with the builder's
  // `withList`, which is always none (the database's `$with` and `with` are left out, below:
  // nothing else gives a builder its `withList`), and no longer there (DIALECT_EDITS; until stop 77
  // it stayed as the early return it took then, throwing were it ever given one: ONLY_EMPTY).
  'buildWithCTE',
];

/**
 * Methods the app reaches only with nothing to do, each kept as the early return it takes then,
 * throwing were it ever given something: none since stop 77 (`buildJoins`, stop 52, and
 * `buildWithCTE`, stop 71, were; both are left out now, LEFT_OUT, their callers' texts with them).
 */
export const ONLY_EMPTY = [];

/** The parameter of each method in ONLY_EMPTY, as drizzle names it. */
const ONLY_EMPTY_PARAMETER = {};

/** The stand-in of a method in ONLY_EMPTY. */
export const onlyEmpty = (method) => {
  const parameter = ONLY_EMPTY_PARAMETER[method];
  return `${method}(${parameter}) {\n    if (${parameter}?.length) throw new Error("not part of this build");\n  }`;
};

/**
 * Texts of the dialect's methods that only a query the app never writes reaches, each left out
 * exactly as drizzle wrote it: found once or this script stops. What is left is drizzle's own text
 * (a branch's `else` block stays a plain block), and test/node/sqlite-dialect.test.ts builds the
 * app's kinds of query through both to the same SQL (stop 71). The bundle's builders never set
 * what these read: a select's `distinct` (only `selectDistinct`, left out of the database class
 * below), `having` and set operators (left out of the select builder), an update's `from` (left
 * out of the update builder), an insert's `select` (left out of the insert builder); no table is
 * an alias (src/db/no-alias.ts) and no field a subquery, a field of the selection proxy
 * (src/db/no-selection-proxy.ts) or a numeric bigint column (src/db/sqlite-columns.ts).
 */
export const DIALECT_LEFT_OUT = {
  "a numeric bigint column's cast": `if (field.columnType === "SQLiteNumericBigInt") {
          if (isSingleTable) {
            chunk.push(
              sql\`cast(\${sql.identifier(this.casing.getColumnCasing(field))} as text)\`
            );
          } else {
            chunk.push(
              sql\`cast(\${sql.identifier(tableName)}.\${sql.identifier(this.casing.getColumnCasing(field))} as text)\`
            );
          }
        } else `,
  "a subquery's selection": ` else if (is(field, Subquery)) {
        const entries = Object.entries(field._.selectedFields);
        if (entries.length === 1) {
          const entry = entries[0][1];
          const fieldDecoder = is(entry, SQL) ? entry.decoder : is(entry, Column) ? { mapFromDriverValue: (v) => entry.mapFromDriverValue(v) } : entry.sql.decoder;
          if (fieldDecoder) field._.sql.decoder = fieldDecoder;
        }
        chunk.push(field);
      }`,
  "a selection proxy's field": `if (is(field, SQL.Aliased) && field.isSelectionField) {
        chunk.push(sql.identifier(field.fieldAlias));
      } else `,
  "an aliased table's name": `    if (is(table, Table) && table[Table.Symbol.IsAlias]) {
      return sql\`\${sql\`\${sql.identifier(table[Table.Symbol.Schema] ?? "")}.\`.if(table[Table.Symbol.Schema])}\${sql.identifier(
        table[Table.Symbol.OriginalName]
      )} \${sql.identifier(table[Table.Symbol.Name])}\`;
    }
`,
  "a select's set operators": `    if (setOperators.length > 0) {
      return this.buildSetOperations(finalQuery, setOperators);
    }
`,
  "an insert's select": `if (select) {
      const select2 = valuesOrSelect;
      if (is(select2, SQL)) {
        valuesSqlList.push(select2);
      } else {
        valuesSqlList.push(select2.getSQL());
      }
    } else `,
  "an update's from": `    const fromSql = from && sql.join([sql.raw(" from "), this.buildFromTable(from)]);
`,
  "an update's from, in its SQL": '${fromSql}',
  "a select's distinct": `    const distinctSql = distinct ? sql\` distinct\` : void 0;
`,
  "a select's distinct, in its SQL": '${distinctSql}',
  "a select's having": `    const havingSql = having ? sql\` having \${having}\` : void 0;
`,
  "a select's having, in its SQL": '${havingSql}',
  // A select's check that each column it selects is of its table or of a join's, which throws for
  // one that is not: the app has no joins, and the whole test suite runs every select of the app
  // (were one ever wrong, SQLite would answer "no such column" instead of drizzle's message).
  "a selected column's table, checked": `    for (const f of fieldsList) {
      if (is(f.field, Column) && getTableName(f.field.table) !== (is(table, Subquery) ? table._.alias : is(table, SQLiteViewBase) ? table[ViewBaseConfig].name : is(table, SQL) ? void 0 : getTableName(table)) && !((table2) => joins?.some(
        ({ alias }) => alias === (table2[Table.Symbol.IsAlias] ? getTableName(table2) : table2[Table.Symbol.BaseName])
      ))(f.field.table)) {
        const tableName = getTableName(f.field.table);
        throw new Error(
          \`Your "\${f.path.join(
            "->"
          )}" field references a column "\${tableName}"."\${f.field.name}", but the table "\${tableName}" is not part of the query! Did you forget to join it?\`
        );
      }
    }
`,
  // (The select builder's offset is left out below: the app pages by its cursor.)
  "a select's offset": `    const offsetSql = offset ? sql\` offset \${offset}\` : void 0;
`,
  "a select's offset, in its SQL": '${offsetSql}',
  // A string's escape, which only an inlined parameter's SQL calls (drizzle's sql.js, mapInlineParam):
  // the bundle's SQL builder has no inlined parameters (src/generated/drizzle-sql.js, SQL_LEFT_OUT),
  // and no other bundled module names it (test/node/sqlite-dialect.test.ts; stop 76: 24 B).
  "a string's escape, for inlined parameters": `  escapeString(str) {
    return \`'\${str.replace(/'/g, "''")}'\`;
  }
`,
  "a string's escape, handed to the SQL builder": `      escapeString: this.escapeString,
`,
  // No column has a `defaultFn` or an `onUpdateFn`: the bundle's column builder has no method that
  // sets one (COLUMN_BUILDER_LEFT_OUT, below). So an update sets only the values given, and an
  // insert's column without a value takes its default or null, as drizzle's do then.
  // No column of the bundle is generated: the column builder's generatedAlwaysAs() is left out
  // (src/generated/sqlite-column-common.js) and its config starts with no `generated`
  // (COLUMN_BUILDER_CONFIG, below), so a column's shouldDisableInsert() was false for every one and
  // an insert's filter of them kept all (46 B gzip with the method: src/generated/drizzle-column.js).
  "a generated column's shouldDisableInsert(), for an insert": `.filter(
      ([_, col]) => !col.shouldDisableInsert()
    )`,
  "a column's onUpdateFn, for an update": ' || tableColumns[colName]?.onUpdateFn !== void 0',
  // (So each column an update sets has its value given: none to take from an onUpdateFn.)
  "a column's onUpdateFn, for an update's value": `        const onUpdateFnResult = col.onUpdateFn?.();
`,
  "a column's onUpdateFn, as an update's value": ' ?? (is(onUpdateFnResult, SQL) ? onUpdateFnResult : sql.param(onUpdateFnResult, col))',
  "a column's defaultFn and onUpdateFn, for an insert": ` else if (col.defaultFn !== void 0) {
              const defaultFnResult = col.defaultFn();
              defaultValue = is(defaultFnResult, SQL) ? defaultFnResult : sql.param(defaultFnResult, col);
            } else if (!col.default && col.onUpdateFn !== void 0) {
              const onUpdateFnResult = col.onUpdateFn();
              defaultValue = is(onUpdateFnResult, SQL) ? onUpdateFnResult : sql.param(onUpdateFnResult, col);
            }`,
};

/**
 * Texts of the dialect replaced, each found once: a delete's and an update's ORDER BY and LIMIT
 * (SQLite's optional clauses for them), which only the builders' orderBy() and limit() set, and
 * the bundle's update and delete builders have neither (src/generated/sqlite-update.js,
 * sqlite-delete.js; test/node/sqlite-dialect.test.ts finds no such call on a chain of the app's):
 * their two statements and their place in the SQL, each query's text otherwise drizzle's (36 B gzip).
 */
export const DIALECT_EDITS = [
  {
    name: "a delete's order by and limit",
    from: `    const orderBySql = this.buildOrderBy(orderBy);
    const limitSql = this.buildLimit(limit);
    return sql\`\${withSql}delete from \${table}\${whereSql}\${returningSql}\${orderBySql}\${limitSql}\`;`,
    to: '    return sql`${withSql}delete from ${table}${whereSql}${returningSql}`;',
  },
  {
    name: "an update's order by and limit",
    from: `    const orderBySql = this.buildOrderBy(orderBy);
    const limitSql = this.buildLimit(limit);
    return sql\`\${withSql}update \${table} set \${setSql}\${joinsSql}\${whereSql}\${returningSql}\${orderBySql}\${limitSql}\`;`,
    to: '    return sql`${withSql}update ${table} set ${setSql}${joinsSql}${whereSql}${returningSql}`;',
  },
  // The parameters nothing of a method reads any more (their texts are left out above, or their
  // builders never set them), and an update's joins, which its builder sets to [] and never adds
  // to (src/generated/sqlite-update.js: no join methods), so buildJoins() of them is nothing:
  // each removed with the names it destructures (`names`), which the method no longer reads
  // (test/node/sqlite-dialect.test.ts). The same SQL (stop 77, a helper: 56 B gzip).
  {
    name: "a delete's limit and order by, as parameters",
    names: ['limit', 'orderBy'],
    from: '    withList,\n    limit,\n    orderBy\n  }) {',
    to: '    withList\n  }) {',
  },
  {
    name: "an update's joins, from, limit and order by, as parameters",
    names: ['joins', 'from', 'limit', 'orderBy'],
    from: '    withList,\n    joins,\n    from,\n    limit,\n    orderBy\n  }) {',
    to: '    withList\n  }) {',
  },
  {
    name: "an update's joins",
    names: ['joinsSql', 'joins'],
    from: '    const setSql = this.buildUpdateSet(table, set);\n    const joinsSql = this.buildJoins(joins);\n',
    to: '    const setSql = this.buildUpdateSet(table, set);\n',
  },
  {
    name: "an update's joins, in its SQL",
    names: ['joinsSql'],
    from: 'update ${table} set ${setSql}${joinsSql}${whereSql}',
    to: 'update ${table} set ${setSql}${whereSql}',
  },
  {
    name: "a select's having, as a parameter",
    names: ['having'],
    from: '    where,\n    having,\n    table,',
    to: '    where,\n    table,',
  },
  {
    name: "a select's offset, distinct and set operators, as parameters",
    names: ['offset', 'distinct', 'setOperators'],
    from: '    limit,\n    offset,\n    distinct,\n    setOperators\n  }) {',
    to: '    limit\n  }) {',
  },
  {
    name: "an insert's select, as a parameter",
    names: ['select'],
    from: '    withList,\n    select\n  }) {',
    to: '    withList\n  }) {',
  },
  // A select's joins, which its builder never sets (src/generated/sqlite-select.js: no join
  // methods), so they were always none: buildJoins() of them was nothing (and is left out, LEFT_OUT)
  // and the selection always of one table (stop 77, a helper: 30 B gzip).
  {
    name: "a select's joins, as a parameter",
    names: ['joins'],
    from: '    table,\n    joins,\n    orderBy,',
    to: '    table,\n    orderBy,',
  },
  {
    name: "a select's joins",
    names: ['joinsSql', 'joins'],
    from: '    const joinsSql = this.buildJoins(joins);\n',
    to: '',
  },
  {
    name: "a select's joins, in its SQL",
    names: ['joinsSql'],
    from: 'from ${tableSql}${joinsSql}${whereSql}',
    to: 'from ${tableSql}${whereSql}',
  },
  {
    name: "a select's selection, of its one table",
    from: `    const isSingleTable = !joins || joins.length === 0;
    const withSql = this.buildWithCTE(withList);
    const selection = this.buildSelection(fieldsList, { isSingleTable });`,
    to: `    const withSql = this.buildWithCTE(withList);
    const selection = this.buildSelection(fieldsList, { isSingleTable: true });`,
  },
  // So every selection is of one table (a select's, and a delete's, an update's and an insert's
  // returning, as drizzle has them): buildSelection() without its option and its branches for
  // columns named with their table's name (each branch's block stays a plain block), and its
  // four calls without the option (`count`) (stop 77, a helper: 65 B gzip).
  {
    name: "a selection's SQL, of one table",
    from: `        if (isSingleTable) {
          chunk.push(
            new SQL(
              query.queryChunks.map((c) => {
                if (is(c, Column)) {
                  return sql.identifier(this.casing.getColumnCasing(c));
                }
                return c;
              })
            )
          );
        } else {
          chunk.push(query);
        }
`,
    to: `        {
          chunk.push(
            new SQL(
              query.queryChunks.map((c) => {
                if (is(c, Column)) {
                  return sql.identifier(this.casing.getColumnCasing(c));
                }
                return c;
              })
            )
          );
        }
`,
  },
  {
    name: "a selection's column, of one table",
    from: `        const tableName = field.table[Table.Symbol.Name];
        {
          if (isSingleTable) {
            chunk.push(sql.identifier(this.casing.getColumnCasing(field)));
          } else {
            chunk.push(
              sql\`\${sql.identifier(tableName)}.\${sql.identifier(this.casing.getColumnCasing(field))}\`
            );
          }
        }
`,
    to: `        {
          {
            chunk.push(sql.identifier(this.casing.getColumnCasing(field)));
          }
        }
`,
  },
  {
    name: "a selection's option, of one table",
    from: 'buildSelection(fields, { isSingleTable = false } = {}) {',
    to: 'buildSelection(fields) {',
  },
  {
    name: 'a selection of one table, as its callers ask',
    count: 4,
    from: ', { isSingleTable: true })',
    to: ')',
  },
  // A query's CTEs, its builder's `withList`, which is always none (the database class gives its
  // builders none: src/generated/sqlite-db.js), so buildWithCTE() of it was nothing (and is left
  // out, LEFT_OUT): the parameter, the statement and its place in the SQL of each of the four
  // query methods (stop 77, a helper: 69 B gzip).
  {
    name: "a delete's, an update's and an insert's CTEs, as a parameter",
    names: ['withList'],
    count: 3,
    from: '    returning,\n    withList\n  }) {',
    to: '    returning\n  }) {',
  },
  {
    name: "a select's CTEs, as a parameter",
    names: ['withList'],
    from: '  buildSelectQuery({\n    withList,\n',
    to: '  buildSelectQuery({\n',
  },
  {
    name: "a query's CTEs",
    names: ['withSql', 'withList'],
    count: 4,
    from: '    const withSql = this.buildWithCTE(withList);\n',
    to: '',
  },
  {
    name: "a query's CTEs, in its SQL",
    names: ['withSql'],
    count: 4,
    from: 'sql`${withSql}',
    to: 'sql`',
  },
];

/** drizzle's dialect text `source` without DIALECT_LEFT_OUT and with DIALECT_EDITS; throws for a text not found exactly once. */
export function withoutDialectTexts(source) {
  let text = source;
  for (const [name, left] of Object.entries(DIALECT_LEFT_OUT)) {
    const count = text.split(left).length - 1;
    if (count !== 1)
      throw new Error(`drizzle-orm/sqlite-core/dialect.js: ${name} found ${count} times: update scripts/lib/drizzle-dialect.mjs`);
    text = text.replace(left, () => '');
  }
  for (const { name, from, to, count: times = 1 } of DIALECT_EDITS) {
    const count = text.split(from).length - 1;
    if (count !== times)
      throw new Error(`drizzle-orm/sqlite-core/dialect.js: ${name} found ${count} times: update scripts/lib/drizzle-dialect.mjs`);
    text = text.replaceAll(from, () => to);
  }
  return text;
}

/**
 * Imports of the dialect that the bundle takes from a stand-in of its own: drizzle's CasingCache,
 * whose name conversions run only for a `casing` option the app never passes (src/db/no-casing.ts).
 */
export const STAND_INS = { '../casing.js': '../db/no-casing' };

/**
 * The dialect module's text without the methods in LEFT_OUT and the imports only those methods
 * used, and its relative imports as drizzle-orm's package specifiers (the same files).
 */
export function trimDialect(source) {
  let text = source.replace(/\n\/\/# sourceMappingURL=.*\n?$/, '\n');
  for (const method of LEFT_OUT) {
    // A method: two spaces, an optional `async `, its name and parameters, up to its closing `  }` line.
    const pattern = new RegExp(`\\n  (async )?${method}\\((?:[^\\n]*\\n)*?  \\}\\n`, 'g');
    let found = 0;
    text = text.replace(pattern, () => {
      found++;
      return '\n';
    });
    if (!found)
      throw new Error(`drizzle-orm/sqlite-core/dialect.js has no method ${method} any more: update scripts/lib/drizzle-dialect.mjs`);
  }
  for (const method of ONLY_EMPTY) {
    let found = 0;
    const parameter = ONLY_EMPTY_PARAMETER[method];
    text = text.replace(new RegExp(`\\n  ${method}\\(${parameter}\\) \\{\\n(?:[^\\n]*\\n)*?  \\}\\n`, 'g'), () => {
      found++;
      return `\n  ${onlyEmpty(method)}\n`;
    });
    if (found !== 1)
      throw new Error(
        `drizzle-orm/sqlite-core/dialect.js has ${found} methods ${method}(${parameter}): update scripts/lib/drizzle-dialect.mjs`,
      );
  }
  return withPackageImports(asPureClasses(withoutDialectTexts(text)), 'dialect.js', STAND_INS);
}

/**
 * The dialect classes the bundle never makes nor tests for, which it still has to export (drizzle's
 * standalone QueryBuilder, sqlite-core/query-builders/query-builder.js, imports SQLiteSyncDialect by
 * name; the bundle drops that module's code, as nothing uses it). esbuild keeps a class whose static
 * field has a computed key (drizzle's `static [entityKind]`) even where nothing names it, and drops
 * the unused result of a call marked pure: so each is made by a pure call, the same class with the
 * same name: 13 B gzip (stop 74).
 */
export const PURE_CLASSES = ['SQLiteSyncDialect'];

/** Each class of `names`, `class X extends Y {…}`, as `const X` made by an arrow function called at once, marked pure. */
export function asPureClasses(source, names = PURE_CLASSES, file = 'drizzle-orm/sqlite-core/dialect.js') {
  let text = source;
  for (const name of names) {
    let found = 0;
    text = text.replace(
      new RegExp(`\\nclass ${name} (extends \\w+ )?\\{\\n((?:  [^\\n]*\\n)*)\\}\\n`, 'g'),
      (_, heritage = '', members) => {
        found++;
        return `\nconst ${name} = /* @__PURE__ */ (() => class ${name} ${heritage}{\n${members}})();\n`;
      },
    );
    if (found !== 1) throw new Error(`${file} has ${found} classes ${name}: update scripts/lib/drizzle-dialect.mjs`);
  }
  return text;
}

/** drizzle's SQL builder by its package specifier, and the generated module in its place (src/generated/drizzle-sql.js). */
export const SQL_SPECIFIER = 'drizzle-orm/sql/sql';
export const GENERATED_SQL = './drizzle-sql.js';

/**
 * drizzle's modules the generated ones import as generated too, by package specifier: its SQL
 * builder and its utils.js (src/generated/drizzle-utils.js, scripts/lib/drizzle-utils.mjs, which
 * has no alias: drizzle's texts for it are shared with hono's and sqlite-core's own utils.js), its
 * errors, query promise, Column and tables.
 */
export const GENERATED = {
  [SQL_SPECIFIER]: GENERATED_SQL,
  'drizzle-orm/utils': './drizzle-utils.js',
  'drizzle-orm/errors': './drizzle-errors.js',
  'drizzle-orm/query-promise': './drizzle-query-promise.js',
  // Its Column without the fields nothing in the bundle reads (scripts/lib/drizzle-column.mjs).
  'drizzle-orm/column': './drizzle-column.js',
  // Its tables without what only drizzle-kit reads of one (scripts/lib/drizzle-table.mjs).
  'drizzle-orm/table': './drizzle-table.js',
  'drizzle-orm/sqlite-core/table': './drizzle-table.js',
};

/** A package specifier, or the generated module the generated files import in its place. */
export const generatedFor = (to) => GENERATED[to] ?? to;

/**
 * A module of sqlite-core/ as a generated file: its relative imports as drizzle-orm's package
 * specifiers (or a stand-in of the bundle's own), each naming only what the module still uses.
 */
function withPackageImports(text, file, standIns, origin = `drizzle-orm/sqlite-core/${file}`, specifier = packageSpecifier) {
  const imports = [];
  const body = text.replace(/^import \{([^}]*)\} from "([^"]+)";\n/gm, (_, names, from) => {
    imports.push({
      names: names
        .split(',')
        .map((name) => name.trim())
        .filter(Boolean),
      from,
    });
    return '';
  });
  if (/^import /m.test(body)) throw new Error(`${origin}: an import of another form: update scripts/lib/drizzle-dialect.mjs`);
  const kept = imports.flatMap(({ names, from }) => {
    // (A property of the same name, `query.sql`, is not a use of the import; a spread, `...name`, is.)
    const used = names.filter((name) => new RegExp(`(?<![\\w$])(?<![^.]\\.)${name.replace(/\$/g, '\\$')}(?![\\w$])`).test(body));
    // drizzle's SQL builder is the generated one (scripts/lib/drizzle-sql.mjs), as wrangler.toml's alias makes it for drizzle's modules.
    const to = standIns[from] ?? specifier(from);
    return used.length ? [`import { ${used.join(', ')} } from ${JSON.stringify(generatedFor(to))};`] : [];
  });
  return `// Generated by scripts/lib/drizzle-dialect.mjs from ${origin}. Do not edit; not in git.\n${kept.join('\n')}\n${body}`;
}

// drizzle-orm's SQLite database class (sqlite-core/db.js, `BaseSQLiteDatabase`, what `drizzle(d1)`
// returns) as the Worker bundles it (wrangler.toml [alias] "./db.js", "../sqlite-core/db.js";
// src/generated/sqlite-db.js): the same module without the members this app never calls: CTEs
// (`$with`, `with`), `$count`, `selectDistinct` and `transaction` (D1 has none; the app writes
// with `batch`). With them went drizzle's standalone QueryBuilder and its WithSubquery: 378 B of
// the 100 KB gzip budget (stop 52). Nor its raw queries (`db.run`, `db.all`, `db.get`,
// `db.values` of an SQL text; the app's SQL goes through the builders and src/db/prepared.ts):
// with them went drizzle's SQLiteRaw, and the sessions' raw queries (below). test/node/sqlite-dialect.test.ts holds it to drizzle's module,
// member for member, and the app and the other drizzle modules to never calling what is left out.

/** The members of BaseSQLiteDatabase the Worker's bundle leaves out. */
export const DATABASE_LEFT_OUT = {
  methods: ['$count', 'with', 'selectDistinct', 'run', 'all', 'get', 'values', 'transaction'],
  fields: ['$with'],
};

/**
 * The constructor's part for a schema given to `drizzle()` (its tables' relational query builders
 * on `db.query`), which the app never gives (test/node/no-relations.test.ts): the stand-in's
 * builder made, which throws, where a schema is given (80 B of the 100 KB gzip budget, stop 75).
 * Nor the state drizzle sets without one, which only relational queries and drizzle-kit read
 * (`db._`, `db.query`, the empty ones), nor `db.$cache`, which drizzle(d1) sets again as it makes
 * the database (src/db/client.ts; D1's driver.js): 37 B gzip.
 */
export const DATABASE_CONSTRUCTOR_EDIT = {
  from: /\n {4}this\._ = schema \? \{\n(?:.*\n)*? {4}this\.query = \{\};\n {4}const query = this\.query;\n {4}if \(this\._\.schema\) \{\n(?:.*\n)*? {4}\}\n {4}this\.\$cache = \{ invalidate: async \(_params\) => \{\n {4}\} \};\n/,
  to: '\n    if (schema) new RelationalQueryBuilder();\n',
};

/** Imports of db.js the bundle takes from a stand-in of its own: `db.query`'s builder (src/db/no-relations.ts). */
export const DATABASE_STAND_INS = { './query-builders/query.js': '../db/no-relations' };

/**
 * What the database class keeps that nothing of the bundle reads, each an exact text found once,
 * only leaving out: its `resultKind`, read only by the raw queries (left out above) and the
 * relational queries (src/db/no-relations.ts); a schema, which D1's driver never hands it (the
 * generated driver throws for one: scripts/lib/drizzle-d1-driver.mjs), so the stand-in's
 * relational builder is never made (and leaves the bundle); and its fields `query` and `$cache`,
 * declared undefined and read by nothing of the bundle (but withReplicas, which the app never
 * calls) nor the app (58 B gzip with the driver's).
 */
export const DATABASE_UNREAD_LEFT_OUT = [
  {
    name: 'the resultKind and the schema, as parameters',
    from: '  constructor(resultKind, dialect, session, schema) {\n    this.resultKind = resultKind;\n',
    to: '  constructor(dialect, session) {\n',
  },
  { name: "a schema's relational builder", from: '    if (schema) new RelationalQueryBuilder();\n', to: '' },
  { name: 'the field query', from: '\n  query;\n', to: '\n' },
  { name: 'the field $cache', from: '\n  $cache;\n', to: '\n' },
];

/** The database module's text without DATABASE_LEFT_OUT (each member with its JSDoc), by package specifiers (`unread: false`: with what DATABASE_UNREAD_LEFT_OUT leaves out, for its tests). */
export function trimDatabase(source, { unread = true } = {}) {
  let text = source.replace(/\n\/\/# sourceMappingURL=.*\n?$/, '\n');
  const doc = '(?:  /\\*\\*(?:(?!\\*/)[\\s\\S])*\\*/\\n)?';
  const cut = (name, pattern) => {
    let found = 0;
    text = text.replace(pattern, () => {
      found++;
      return '\n';
    });
    if (found !== 1) throw new Error(`drizzle-orm/sqlite-core/db.js has ${found} members ${name}: update scripts/lib/drizzle-dialect.mjs`);
  };
  const escaped = (name) => name.replace(/\$/g, '\\$');
  for (const name of DATABASE_LEFT_OUT.methods) cut(name, new RegExp(`\\n${doc}  ${escaped(name)}\\((?:[^\\n]*\\n)*?  \\}\\n`, 'g'));
  for (const name of DATABASE_LEFT_OUT.fields) cut(name, new RegExp(`\\n${doc}  ${escaped(name)} = \\((?:[^\\n]*\\n)*?  \\};\\n`, 'g'));
  const edited = text.replace(DATABASE_CONSTRUCTOR_EDIT.from, () => DATABASE_CONSTRUCTOR_EDIT.to);
  if (edited === text)
    throw new Error('drizzle-orm/sqlite-core/db.js: its constructor is not the one scripts/lib/drizzle-dialect.mjs was written for');
  text = edited;
  if (unread) text = editedOnce(text, 'drizzle-orm/sqlite-core/db.js', DATABASE_UNREAD_LEFT_OUT);
  return withPackageImports(text, 'db.js', DATABASE_STAND_INS);
}

/** `../x.js` and `./x.js` (imports of sqlite-core/dialect.js) as drizzle-orm's own specifiers. */
export function packageSpecifier(from) {
  const path = from.startsWith('../') ? from.slice(3) : from.startsWith('./') ? `sqlite-core/${from.slice(2)}` : undefined;
  if (path === undefined || path.startsWith('.'))
    throw new Error(`drizzle-orm/sqlite-core/dialect.js imports ${from}: update scripts/lib/drizzle-dialect.mjs`);
  return `drizzle-orm/${path.replace(/(\/index)?\.js$/, '')}`;
}

// drizzle-orm's SQLite select, update, insert and delete builders (sqlite-core/query-builders/select.js,
// update.js, insert.js, delete.js) as the Worker bundles them (wrangler.toml [alias] "./select.js",
// "./update.js", "./insert.js", "./delete.js"; src/generated/sqlite-select.js, sqlite-update.js,
// sqlite-insert.js, sqlite-delete.js): the same modules without joins (and the select's set operations), an insert
// from a select and an upsert, which the app never writes, nor a select's `having`, its query
// cache's `$withCache` or any builder's `$dynamic`, which it never calls (stop 52: 71 B). Each select built nine closures for
// joins and set operations (`leftJoin = this.createJoin("left")` …) and each update four; the
// select's module built four set operators on load. They were about 940 B of the 100 KB gzip budget. Nor an update's
// or a delete's orderBy and limit (a delete builder of its own, "./delete.js": src/generated/sqlite-delete.js),
// which the app calls only on a select (76 B). Nor a select's `as` (a select named as a subquery) and
// getSelectedFields (only CTEs, views and set operations read them) nor an update's `from` (UPDATE … FROM),
// which the app never writes (85 B). drizzle imports the
// select builder by the same text "./select.js" as its `asc`/`desc` (sql/expressions/index.js), so
// that module exports those too, from their file. test/node/sqlite-dialect.test.ts holds each to
// drizzle's module, member for member, and the app to never calling what is left out.

/** What the Worker's bundle leaves out of each builder: class members and module-level names. */
export const BUILDERS_LEFT_OUT = {
  select: {
    methods: [
      'createJoin',
      'createSetOperator',
      'addSetOperators',
      'having',
      '$dynamic',
      '$withCache',
      'as',
      'getSelectedFields',
      'offset',
      'getUsedTables',
    ],
    fields: ['leftJoin', 'rightJoin', 'innerJoin', 'fullJoin', 'crossJoin', 'union', 'unionAll', 'intersect', 'except'],
    functions: ['createSetOperator'],
    constants: ['getSQLiteSetOperators', 'union', 'unionAll', 'intersect', 'except'],
  },
  update: {
    methods: ['createJoin', '$dynamic', 'orderBy', 'limit', 'from'],
    fields: ['leftJoin', 'rightJoin', 'innerJoin', 'fullJoin'],
    functions: [],
    constants: [],
  },
  // An insert from a select (with it drizzle's standalone QueryBuilder) and an upsert.
  insert: {
    methods: ['select', 'onConflictDoUpdate', '$dynamic'],
    fields: [],
    functions: [],
    constants: [],
  },
  delete: {
    methods: ['orderBy', 'limit', '$dynamic'],
    fields: [],
    functions: [],
    constants: [],
  },
};

/**
 * Texts of the builders' members that only what the app never writes reaches, each left out exactly
 * as drizzle wrote it, in this order (each found once in what the ones before it left, or this
 * script stops); what is left is drizzle's own text (a branch's `else` block stays a plain block).
 * A select from a subquery or a view (neither is in the bundle: the select's `as` and the
 * database's `$with` are left out, no view is made); a where, group by or order by given as a
 * function of the columns (src/db/no-selection-proxy.ts: the app never does, and drizzle's proxy is
 * not in the bundle); a select's set operators (left out above: a select's `setOperators` stays
 * empty); the tables a query reads and a select's cache options, which drizzle passes to the
 * session only for a query cache (the session runs every query as for its NoopCache, and the app
 * gives no cache: src/generated/sqlite-session.js, src/db/no-cache.ts), with the trailing
 * `void 0` of the mapper before them. test/node/sqlite-dialect.test.ts holds the builders to
 * drizzle's text minus exactly these, and builds the app's kinds of query through both to the same
 * SQL (stop 71).
 */
export const BUILDER_TEXTS_LEFT_OUT = {
  select: {
    "a subquery's and a view's fields": ` else if (is(source, Subquery)) {
      fields = Object.fromEntries(
        Object.keys(source._.selectedFields).map((key) => [key, source[key]])
      );
    } else if (is(source, SQLiteViewBase)) {
      fields = source[ViewBaseConfig].selectedFields;
    }`,
    'a where of the columns': `    if (typeof where === "function") {
      where = where(
        new Proxy(
          this.config.fields,
          new SelectionProxyHandler({ sqlAliasedBehavior: "sql", sqlBehavior: "sql" })
        )
      );
    }
`,
    'a group by of the columns': `if (typeof columns[0] === "function") {
      const groupBy = columns[0](
        new Proxy(
          this.config.fields,
          new SelectionProxyHandler({ sqlAliasedBehavior: "alias", sqlBehavior: "sql" })
        )
      );
      this.config.groupBy = Array.isArray(groupBy) ? groupBy : [groupBy];
    } else `,
    'an order by of the columns': `if (typeof columns[0] === "function") {
      const orderBy = columns[0](
        new Proxy(
          this.config.fields,
          new SelectionProxyHandler({ sqlAliasedBehavior: "alias", sqlBehavior: "sql" })
        )
      );
      const orderByArray = Array.isArray(orderBy) ? orderBy : [orderBy];
      if (this.config.setOperators.length > 0) {
        this.config.setOperators.at(-1).orderBy = orderByArray;
      } else {
        this.config.orderBy = orderByArray;
      }
    } else `,
    "an order by's set operator": `if (this.config.setOperators.length > 0) {
        this.config.setOperators.at(-1).orderBy = orderByArray;
      } else `,
    "a limit's set operator": `if (this.config.setOperators.length > 0) {
      this.config.setOperators.at(-1).limit = limit;
    } else `,
    "the set operators' list": `,
      setOperators: []`,
    "the select's cache options": `  cacheConfig = void 0;
`,
    'the tables it reads': `  usedTables = /* @__PURE__ */ new Set();
`,
    // (From the line before it: a join's, left out below, is the same line further in.)
    'the tables it reads, from its table': `
    for (const item of extractUsedTable(table)) this.usedTables.add(item);`,
    // A builder without a database (drizzle's standalone QueryBuilder, which the app never makes:
    // its selects are its database's, src/db/client.ts) would fail at its session all the same.
    'the check for a session, made only for a builder without a database': `    if (!this.session) {
      throw new Error("Cannot execute a query on a query builder. Please use a database instance instead.");
    }
`,
    'the tables it reads and its cache options, for the session': `,
      void 0,
      {
        type: "select",
        tables: [...this.usedTables]
      },
      this.cacheConfig`,
    // A select's table name and its map of which joined tables may be null, which only its joins
    // (left out above) write and only drizzle's mapResultRow of a join reads: the bundle's maps a
    // flat row (src/generated/drizzle-utils.js) and the D1 session no longer passes it
    // (SESSION_TEXTS_LEFT_OUT, below): 81 B gzip with those.
    "the joins' map and the table's name": `  joinsNotNullableMap;
  tableName;
`,
    "the joins' map and the table's name, set from its table": `    this.tableName = getTableLikeName(table);
    this.joinsNotNullableMap = typeof this.tableName === "string" ? { [this.tableName]: true } : {};
`,
    "the joins' map, handed to the prepared query": `    query.joinsNotNullableMap = this.joinsNotNullableMap;
`,
  },
  update: {
    // (drizzle names an update's tables an insert's.)
    'the tables it writes, for the session': `,
      void 0,
      {
        type: "insert",
        tables: extractUsedTable(this.config.table)
      }`,
  },
  insert: {
    // The app's inserts each give one row (an object: test/node/sqlite-dialect.test.ts), never an
    // empty list, which SQLite would refuse all the same.
    'the check for an empty list of rows': `    if (values.length === 0) {
      throw new Error("values() must be called with at least one value");
    }
`,
    // An on-conflict-do-nothing of a target (and a where), which the app never gives: its two calls
    // are \`onConflictDoNothing()\`, for any conflict (test/node/sqlite-dialect.test.ts).
    "an on conflict do nothing's target": ` else {
      const targetSql = Array.isArray(config.target) ? sql\`\${config.target}\` : sql\`\${[config.target]}\`;
      const whereSql = config.where ? sql\` where \${config.where}\` : sql\`\`;
      this.config.onConflict.push(sql\` on conflict \${targetSql} do nothing\${whereSql}\`);
    }`,
    'the tables it writes, for the session': `,
      void 0,
      {
        type: "insert",
        tables: extractUsedTable(this.config.table)
      }`,
  },
  delete: {
    'the tables it writes, for the session': `,
      void 0,
      {
        type: "delete",
        tables: extractUsedTable(this.config.table)
      }`,
  },
};

/** A builder's module text without its BUILDER_TEXTS_LEFT_OUT, in order; throws for a text not found exactly once. */
export function withoutBuilderTexts(kind, source) {
  let text = source;
  for (const [name, left] of Object.entries(BUILDER_TEXTS_LEFT_OUT[kind])) {
    const count = text.split(left).length - 1;
    if (count !== 1)
      throw new Error(
        `drizzle-orm/sqlite-core/query-builders/${kind}.js: ${name} found ${count} times: update scripts/lib/drizzle-dialect.mjs`,
      );
    text = text.replace(left, () => '');
  }
  return text;
}

/**
 * Texts of every builder replaced, each found once after BUILDER_TEXTS_LEFT_OUT: toSQL() without
 * dropping a query's typings, which the bundle's SQL builder no longer writes (src/generated/drizzle-sql.js,
 * scripts/lib/drizzle-sql.mjs SQL_EDITS): drizzle's copy of the query without them is the query
 * itself, a new object from each sqlToQuery() (18 B gzip).
 */
export const BUILDER_EDITS = [
  {
    name: "toSQL()'s copy without typings",
    from: `    const { typings: _typings, ...rest } = this.dialect.sqlToQuery(this.getSQL());
    return rest;
`,
    to: `    return this.dialect.sqlToQuery(this.getSQL());
`,
  },
];

/**
 * Imports of the builders the bundle takes from a stand-in of its own: drizzle's selection proxy,
 * which they make only for a query given as a function of its columns, a select named as a
 * subquery or its fields read back (src/db/no-selection-proxy.ts).
 */
export const BUILDER_STAND_INS = { '../../selection-proxy.js': '../db/no-selection-proxy' };

/** What else a builder's module exports, for the other drizzle module that imports it by the same text. */
const ALSO = { select: 'export { asc, desc } from "drizzle-orm/sql/expressions/select";\n', update: '', insert: '', delete: '' };

/** `text` with `pattern` (found exactly once, or this script stops) replaced by `by`. */
function replaceOnce(text, file, what, pattern, by) {
  let found = 0;
  const replaced = text.replace(pattern, () => {
    found++;
    return by;
  });
  if (found !== 1) throw new Error(`${file} has ${found} ${what}: update scripts/lib/drizzle-dialect.mjs`);
  return replaced;
}

/**
 * What every builder runs a query with besides `await` and a batch: `run()`, `all()`, `get()` and
 * `values()` (each a field, an arrow function made for every builder) and `prepare()`, which the
 * app never calls on a builder (test/node/sqlite-dialect.test.ts, with TypeScript's checker): it
 * awaits one (QueryPromise's then() calls execute()), gives it to `db.batch()` (the D1 session
 * calls its `_prepare()`) or reads its SQL (`toSQL()`, src/db/prepared.ts). A select's, an
 * insert's and an update's execute() ran their query through `all()` or `run()`, which the
 * prepared query's execute() does by the method they prepared it with (`"all"`, or `"all"` with a
 * returning and `"run"` without): so each calls that, as the delete's execute() already did
 * (RUNNER_EDITS). Without prepare() a builder prepares a query only for one run (`_prepare()`, its
 * default), so `_prepare` loses the parameter that chose the session's prepareQuery (83 B gzip).
 */
export const RUNNERS_LEFT_OUT = ['prepare', 'run', 'all', 'get', 'values'];

/** The class whose members RUNNERS_LEFT_OUT are, in each builder's module. */
export const RUNNER_OWNER = {
  select: 'SQLiteSelectBase',
  update: 'SQLiteUpdateBase',
  insert: 'SQLiteInsertBase',
  delete: 'SQLiteDeleteBase',
};

const EXECUTE = '  async execute() {\n    return this._prepare().execute();\n  }';
const EXECUTE_BY_RETURNING = '  async execute() {\n    return this.config.returning ? this.all() : this.run();\n  }';
const ONE_TIME = [
  { name: "_prepare()'s parameter", from: '  _prepare(isOneTimeQuery = true) {', to: '  _prepare() {' },
  {
    name: "_prepare()'s choice of the session's method",
    from: 'this.session[isOneTimeQuery ? "prepareOneTimeQuery" : "prepareQuery"](',
    to: 'this.session.prepareOneTimeQuery(',
  },
];

/** Texts of each builder replaced once RUNNERS_LEFT_OUT are out (each found once): its execute() and its _prepare(). */
export const RUNNER_EDITS = {
  select: [{ name: 'execute()', from: '  async execute() {\n    return this.all();\n  }', to: EXECUTE }, ...ONE_TIME],
  update: [{ name: 'execute()', from: EXECUTE_BY_RETURNING, to: EXECUTE }, ...ONE_TIME],
  insert: [{ name: 'execute()', from: EXECUTE_BY_RETURNING, to: EXECUTE }, ...ONE_TIME],
  delete: [
    {
      name: 'execute()',
      from: '  async execute(placeholderValues) {\n    return this._prepare().execute(placeholderValues);\n  }',
      to: EXECUTE,
    },
    ...ONE_TIME,
  ],
};

/**
 * What a builder carries that nothing in the bundle reads, each an exact text of the module as
 * the edits above leave it (found once): a query's `withList` (its CTEs), which the database
 * class gives its builders none of (src/generated/sqlite-db.js: its `$with` and `with` are left
 * out) and the dialect reads no more (DIALECT_EDITS); a select's `distinct`, which only the
 * database's selectDistinct (left out) gave and the dialect reads no more; a select's
 * `isPartialSelect`, which only its joins (left out) read, and its `_` (its selected fields and
 * config for TypeScript's types), which only drizzle's getSelectedFields() reads, called only
 * for a subquery, a CTE, a view or a set operation (none in the bundle); an update's `joins`,
 * set to [] and read by no one since its dialect's buildUpdateQuery() left them out; an insert's
 * `select`, which only its select() (left out) set. test/node/sqlite-dialect.test.ts holds each
 * (128 B gzip). And the `true` each hands its session's prepareOneTimeQuery() (a response in
 * arrays), which D1's prepared query kept and never read (SESSION_UNREAD_LEFT_OUT).
 */
/**
 * A builder's text written shorter, as the texts left out above leave it (found once): the select's
 * orderBy() without its copy of the columns into \`orderByArray\` and the block around its setting,
 * which the set operators' branch (left out: BUILDER_TEXTS_LEFT_OUT) had shared: it sets the
 * columns it is given as its config's orderBy, as groupBy() sets its own (10 B gzip, stop 83).
 */
export const BUILDER_REWRITES = {
  select: [
    {
      name: "orderBy()'s copy of its columns",
      from: '      const orderByArray = columns;\n      {\n        this.config.orderBy = orderByArray;\n      }\n',
      to: '      this.config.orderBy = columns;\n',
    },
  ],
  update: [],
  insert: [],
  delete: [],
};

export const BUILDER_FIELDS_LEFT_OUT = {
  select: [
    { name: "the select builder's withList and distinct", from: '  withList;\n  distinct;\n', to: '' },
    {
      name: "the select builder's withList and distinct, set",
      from: '    this.withList = config.withList;\n    this.distinct = config.distinct;\n',
      to: '',
    },
    { name: "the select's isPartialSelect, made", from: '    const isPartialSelect = !!this.fields;\n', to: '' },
    { name: "the select's isPartialSelect, handed on", from: '      isPartialSelect,\n', to: '' },
    {
      name: "the select's withList and distinct, handed on",
      from: '      dialect: this.dialect,\n      withList: this.withList,\n      distinct: this.distinct\n',
      to: '      dialect: this.dialect\n',
    },
    { name: "the select's _", from: '  _;\n', to: '' },
    { name: "the select's isPartialSelect", from: '  isPartialSelect;\n', to: '' },
    {
      name: "the select's isPartialSelect, withList and distinct, as parameters",
      from: '  constructor({ table, fields, isPartialSelect, session, dialect, withList, distinct }) {',
      to: '  constructor({ table, fields, session, dialect }) {',
    },
    {
      name: "the select's withList and distinct, in its config",
      from: '      withList,\n      table,\n      fields: { ...fields },\n      distinct\n',
      to: '      table,\n      fields: { ...fields }\n',
    },
    { name: "the select's isPartialSelect, set", from: '    this.isPartialSelect = isPartialSelect;\n', to: '' },
    {
      name: "the select's _, set",
      from: '    this._ = {\n      selectedFields: fields,\n      config: this.config\n    };\n',
      to: '',
    }, // (The session's prepareOneTimeQuery() no longer takes it: SESSION_UNREAD_LEFT_OUT.)
    { name: 'a response in arrays, for the session', from: '      "all",\n      true\n', to: '      "all"\n' },
  ],
  update: [
    {
      name: "the update builder's withList, as a parameter",
      from: '  constructor(table, session, dialect, withList) {',
      to: '  constructor(table, session, dialect) {',
    },
    { name: "the update builder's withList, set", from: '    this.withList = withList;\n', to: '' },
    { name: "the update builder's withList, handed on", from: '      this.dialect,\n      this.withList\n', to: '      this.dialect\n' },
    {
      name: "the update's withList, as a parameter",
      from: '  constructor(table, set, session, dialect, withList) {',
      to: '  constructor(table, set, session, dialect) {',
    },
    { name: "the update's withList and joins, in its config", from: '{ set, table, withList, joins: [] }', to: '{ set, table }' },
    {
      name: 'a response in arrays, for the session',
      from: '      this.config.returning ? "all" : "run",\n      true\n',
      to: '      this.config.returning ? "all" : "run"\n',
    },
  ],
  insert: [
    {
      name: "the insert builder's withList, as a parameter",
      from: '  constructor(table, session, dialect, withList) {',
      to: '  constructor(table, session, dialect) {',
    },
    { name: "the insert builder's withList, set", from: '    this.withList = withList;\n', to: '' },
    {
      name: "the insert builder's withList, handed on",
      from: 'this.session, this.dialect, this.withList);',
      to: 'this.session, this.dialect);',
    },
    {
      name: "the insert's withList and select, as parameters",
      from: '  constructor(table, values, session, dialect, withList, select) {',
      to: '  constructor(table, values, session, dialect) {',
    },
    { name: "the insert's withList and select, in its config", from: '{ table, values, withList, select }', to: '{ table, values }' },
    {
      name: 'a response in arrays, for the session',
      from: '      this.config.returning ? "all" : "run",\n      true\n',
      to: '      this.config.returning ? "all" : "run"\n',
    },
  ],
  delete: [
    {
      name: "the delete's withList, as a parameter",
      from: '  constructor(table, session, dialect, withList) {',
      to: '  constructor(table, session, dialect) {',
    },
    { name: "the delete's withList, in its config", from: '{ table, withList }', to: '{ table }' },
    {
      name: 'a response in arrays, for the session',
      from: '      this.config.returning ? "all" : "run",\n      true\n',
      to: '      this.config.returning ? "all" : "run"\n',
    },
  ],
};

/** A builder's module text without what BUILDERS_LEFT_OUT names, by drizzle-orm's package specifiers. */
export function trimBuilder(kind, source) {
  const file = `drizzle-orm/sqlite-core/query-builders/${kind}.js`;
  const left = BUILDERS_LEFT_OUT[kind];
  let text = withoutBuilderTexts(kind, source.replace(/\n\/\/# sourceMappingURL=.*\n?$/, '\n'));
  for (const { name, from, to } of BUILDER_EDITS) {
    if (text.split(from).length !== 2) throw new Error(`${file}: ${name} not found once: update scripts/lib/drizzle-dialect.mjs`);
    text = text.replace(from, () => to);
  }
  const cut = (what, pattern) => {
    text = replaceOnce(text, file, what, pattern, '\n');
  };
  // A member's JSDoc, if it has one.
  const doc = '(?:  /\\*\\*(?:(?!\\*/)[\\s\\S])*\\*/\\n)?';
  for (const name of left.methods) cut(`methods ${name}`, new RegExp(`\\n  ${name.replace(/\$/g, '\\$')}\\((?:[^\\n]*\\n)*?  \\}\\n`, 'g'));
  // RUNNERS_LEFT_OUT: prepare() and the four fields, each `name = (placeholderValues) => {` calling the prepared query's method of its name.
  cut('methods prepare', /\n {2}prepare\(\) \{\n {4}return this\._prepare\(false\);\n {2}\}\n/g);
  for (const name of RUNNERS_LEFT_OUT.filter((name) => name !== 'prepare'))
    cut(
      `runners ${name}`,
      new RegExp(
        `\\n  ${name} = \\(placeholderValues\\) => \\{\\n    return this\\._prepare\\(\\)\\.${name}\\(placeholderValues\\);\\n  \\};\\n`,
        'g',
      ),
    );
  for (const { name, from, to } of RUNNER_EDITS[kind]) {
    if (text.split(from).length !== 2) throw new Error(`${file}: ${name} not found once: update scripts/lib/drizzle-dialect.mjs`);
    text = text.replace(from, () => to);
  }
  for (const { name, from, to } of [...BUILDER_FIELDS_LEFT_OUT[kind], ...BUILDER_REWRITES[kind]]) {
    if (text.split(from).length !== 2) throw new Error(`${file}: ${name} not found once: update scripts/lib/drizzle-dialect.mjs`);
    text = text.replace(from, () => to);
  }
  for (const name of left.fields)
    cut(`fields ${name}`, new RegExp(`\\n${doc}  ${name} = this\\.create(Join|SetOperator)\\([^\\n]*\\);\\n`, 'g'));
  for (const name of left.functions) cut(`functions ${name}`, new RegExp(`\\nfunction ${name}\\((?:[^\\n]*\\n)*?\\}\\n`, 'g'));
  for (const name of left.constants)
    cut(`constants ${name}`, new RegExp(`\\nconst ${name} = (?:\\(\\) => \\(\\{\\n(?:[^\\n]*\\n)*?\\}\\);|[^\\n]*;)\\n`, 'g'));
  const exported = /\nexport \{\n([^}]*)\n\};\n$/.exec(text);
  if (!exported) throw new Error(`${file}: no export list at its end: update scripts/lib/drizzle-dialect.mjs`);
  const names = exported[1].split(',').map((name) => name.trim());
  const kept = names.filter((name) => !left.constants.includes(name));
  // Every constant left out is exported, but for the set operators' getter.
  if (names.length - kept.length !== left.constants.filter((name) => name !== 'getSQLiteSetOperators').length)
    throw new Error(`${file} exports other names than expected: update scripts/lib/drizzle-dialect.mjs`);
  text = `${text.slice(0, exported.index)}\nexport {\n  ${kept.join(',\n  ')}\n};\n`;
  text = text.replace(/ from "(\.\.?\/[^"]+)";/g, (_, from) => {
    const to = BUILDER_STAND_INS[from] ?? builderSpecifier(from);
    return ` from ${JSON.stringify(generatedFor(to))};`;
  });
  return `// Generated by scripts/lib/drizzle-dialect.mjs from ${file}. Do not edit; not in git.\n${text}${ALSO[kind]}`;
}

/** `../../x.js` and `../x.js` (imports of a module in sqlite-core/query-builders/) as drizzle-orm's specifiers. */
export function builderSpecifier(from) {
  const path = from.startsWith('../../')
    ? from.slice(6)
    : from.startsWith('../')
      ? `sqlite-core/${from.slice(3)}`
      : from.startsWith('./')
        ? `sqlite-core/query-builders/${from.slice(2)}`
        : undefined;
  if (path === undefined || path.startsWith('.'))
    throw new Error(`drizzle-orm/sqlite-core/query-builders/ imports ${from}: update scripts/lib/drizzle-dialect.mjs`);
  return `drizzle-orm/${path.replace(/(\/index)?\.js$/, '')}`;
}

// drizzle-orm's SQLite and D1 sessions (sqlite-core/session.js, d1/session.js) as the Worker
// bundles them (wrangler.toml [alias] "./session.js"; src/generated/sqlite-session.js and
// d1-session.js): the same modules without what only the database's raw queries (`db.run`,
// `db.all`, `db.get`, `db.values`, left out of src/generated/sqlite-db.js above), `$count` and
// transactions reach, which the app never calls: the session's own raw queries and their batch
// mappers, the transaction classes and D1's `transaction`. A prepared query's cache is always
// drizzle's NoopCache (the app passes no cache: src/db/client.ts, src/db/no-cache.ts), so it runs
// the query as drizzle does for a NoopCache and throws for any other cache; its mode is always
// "async" (D1's), so `execute` throws for a sync one instead of building drizzle's
// ExecuteResultSync (since stop 78 neither the cache nor the mode is kept, nor their branches:
// SESSION_UNREAD_LEFT_OUT, below). drizzle's D1 driver and index import the D1 session by the same text as its
// sqlite-core index the SQLite one, "./session.js", so the D1 module exports the SQLite session's
// classes too. test/node/sqlite-session.test.ts holds both to drizzle's modules, member for member,
// and the app and the other drizzle modules to never reaching what is left out.

/** What the Worker's bundle leaves out of each session module: whole classes and methods of its session class. */
export const SESSIONS_LEFT_OUT = {
  sqlite: {
    classes: ['ExecuteResultSync', 'SQLiteTransaction'],
    methods: [
      'run',
      'extractRawRunValueFromBatchResult',
      'all',
      'extractRawAllValueFromBatchResult',
      'get',
      'extractRawGetValueFromBatchResult',
      'values',
      'count',
      'extractRawValuesValueFromBatchResult',
    ],
  },
  d1: {
    classes: ['D1Transaction'],
    methods: [
      'extractRawAllValueFromBatchResult',
      'extractRawGetValueFromBatchResult',
      'extractRawValuesValueFromBatchResult',
      'transaction',
    ],
  },
};

/**
 * Methods of a session module's prepared query the bundle leaves out: D1's isResponseInArrayMode,
 * which no module of drizzle's for SQLite calls, only the sessions of other drivers (neon-http,
 * netlify-db): 8 B gzip (stop 74). And D1's `get` and `mapGetResult`, a query run for its first
 * row: only a builder's `get()` (which the app never calls) and a query prepared with the "get"
 * method (only the database's raw `db.get`, left out above) reach them; were one ever run, D1's
 * batch would map it by the SQLite session's `mapGetResult`, which throws (stop 76: 46 B).
 */
export const PREPARED_LEFT_OUT = {
  sqlite: { class: 'SQLitePreparedQuery', methods: [] },
  d1: { class: 'D1PreparedQuery', methods: ['get', 'isResponseInArrayMode', 'mapGetResult'] },
};

/** The sessions' imports the bundle takes from a stand-in of its own or from the other generated session. */
export const SESSION_STAND_INS = {
  sqlite: { '../cache/core/cache.js': '../db/no-cache' },
  d1: {
    '../cache/core/index.js': '../db/no-cache',
    '../logger.js': '../db/quiet-logger',
    '../sqlite-core/session.js': './sqlite-session.js',
  },
};

/**
 * Texts of the session modules left out, each found once: the prepared query's map of which joined
 * tables may be null, which only a select's joins write (left out of the select builder:
 * BUILDER_TEXTS_LEFT_OUT) and only drizzle's mapResultRow of a join reads (the bundle's maps flat
 * rows: src/generated/drizzle-utils.js, which takes no such map); D1's `all` handed it on.
 */
export const SESSION_TEXTS_LEFT_OUT = {
  sqlite: [
    `  /** @internal */
  joinsNotNullableMap;
`,
  ],
  d1: [', this.joinsNotNullableMap'],
};

/** The one message of every stand-in, where drizzle would have gone on with what is left out. */
const NOT_HERE = 'throw new Error("not part of this build");';

/** D1's prepared query's methods whose branch for a query without fields throws: each with drizzle's names it takes from `this`, and those it still reads. */
export const RAW_QUERY_BRANCHES = [['all', 'fields, query, logger, stmt, customResultMapper', 'fields']];

/**
 * D1's prepared query's branches for a custom result mapper, which only drizzle's relational
 * queries give (src/db/no-relations.ts: none in the bundle), and its batch mappers' for a query
 * without fields (every query of the app's batches has them: a select's columns or a returning).
 */
export const CUSTOM_MAPPER_LEFT_OUT = [
  `    if (!this.fields && !this.customResultMapper) {
      return rows;
    }
    if (this.customResultMapper) {
      return this.customResultMapper(rows);
    }
`,
];

/**
 * D1's query logger: the session makes drizzle's NoopLogger (the app's driver takes no logger:
 * src/generated/d1-driver.js throws for one), hands it to each prepared query, and each query
 * calls its `logQuery()`, which does nothing (src/db/quiet-logger.ts, drizzle's word for word).
 * So the session's logger, the prepared query's parameter and field for it, and those calls are
 * left out (then the NoopLogger class too: 82 B gzip). Each `from` found `count` times, each `to`
 * the same text without the logger's part (test/node/sqlite-session.test.ts).
 */
export const LOGGER_LEFT_OUT = [
  { from: '    this.logger = options.logger ?? new NoopLogger();\n', to: '', count: 1 },
  { from: '  logger;\n  cache;\n', to: '  cache;\n', count: 1 },
  { from: '      this.logger,\n', to: '', count: 1 },
  { from: '(stmt, query, logger, cache, ', to: '(stmt, query, cache, ', count: 1 },
  { from: '    this.logger = logger;\n', to: '', count: 1 },
  { from: '    this.logger.logQuery(this.query.sql, params);\n', to: '', count: 2 },
];

/**
 * D1's query cache the same way: the session makes drizzle's NoopCache (the app's driver takes no
 * cache: src/generated/d1-driver.js throws for one) and hands it to each prepared query, whose
 * queryWithCache() runs a query without a cache as it does with a NoopCache (QUERY_WITHOUT_CACHE,
 * below). So D1's prepared query is given none, and the NoopCache and its base class leave the
 * bundle (64 B gzip with that edit). Applied after LOGGER_LEFT_OUT; test/node/sqlite-session.test.ts.
 */
export const CACHE_LEFT_OUT = [
  { from: '    this.cache = options.cache ?? new NoopCache();\n', to: '', count: 1 },
  { from: '  cache;\n', to: '', count: 1 },
  { from: '      this.cache,\n', to: '', count: 1 },
  { from: '(stmt, query, cache, ', to: '(stmt, query, ', count: 1 },
  { from: 'super("async", executeMethod, query, cache, ', to: 'super("async", executeMethod, query, void 0, ', count: 1 },
];

/**
 * The SQLite prepared query's test for a query it runs as drizzle does without a cache: no cache,
 * drizzle's NoopCache, or no query metadata. The bundle's one prepared query, D1's, is given no
 * cache (CACHE_LEFT_OUT), so the NoopCache's test goes; any cache given still throws, a NoopCache too.
 */
export const QUERY_WITHOUT_CACHE = {
  from: 'if (this.cache === void 0 || is(this.cache, NoopCache) || this.queryMetadata === void 0) {',
  to: 'if (this.cache === void 0 || this.queryMetadata === void 0) {',
};

/**
 * What the sessions are handed, and keep, that nothing of the bundle reads, each an exact text of
 * the module as the edits above leave it (found once), each only leaving out (what stays is
 * drizzle's, word for word; test/node/sqlite-session.test.ts). The prepared query's `mode`, always
 * "async" (its one subclass in the bundle, D1's, says so), so its execute() runs the method it was
 * prepared with and its test of the mode is a plain block; its `cache`, always none (D1's hands it
 * `void 0`: CACHE_LEFT_OUT), so queryWithCache() runs the query as it does without one (a plain
 * block for its test) and the throw for a cache goes, and with it the query's metadata and cache
 * options, read only by that test and that branch. Its mapAllResult() and mapGetResult(), which
 * throw: D1's prepared query has its own mapAllResult(), and no query is prepared with the "get"
 * method (only drizzle's raw db.get did, left out of src/generated/sqlite-db.js; the builders
 * prepare "all" or "run"), so the batch's mapResult() has no "get" case. The arguments of a
 * session's prepareOneTimeQuery() and prepareQuery() past the method, which no builder gives any
 * more (BUILDER_FIELDS_LEFT_OUT: their `true`, a response in arrays) and which D1's prepared query
 * kept unread (its `_isResponseInArrayMode`, its `customResultMapper`: CUSTOM_MAPPER_LEFT_OUT).
 * D1's session's schema and options (the logger and cache, both left out), kept and never read
 * (145 B gzip with the builders' `true`).
 */
export const SESSION_UNREAD_LEFT_OUT = {
  sqlite: [
    {
      name: "the prepared query's mode, cache, metadata and cache options, as parameters",
      from: '  constructor(mode, executeMethod, query, cache, queryMetadata, cacheConfig) {\n    this.mode = mode;\n',
      to: '  constructor(executeMethod, query) {\n',
    },
    {
      name: "the prepared query's cache, metadata and cache options",
      from: '    this.cache = cache;\n    this.queryMetadata = queryMetadata;\n    this.cacheConfig = cacheConfig;\n',
      to: '',
    },
    {
      name: "queryWithCache()'s test for no cache",
      from: '    if (this.cache === void 0 || this.queryMetadata === void 0) {\n',
      to: '    {\n',
    },
    {
      name: "queryWithCache()'s throw for a cache",
      from: '      }\n    }\n    throw new Error("not part of this build");\n  }\n',
      to: '      }\n    }\n  }\n',
    },
    { name: 'mapAllResult()', from: '  mapAllResult(_result, _isFromBatch) {\n    throw new Error("Not implemented");\n  }\n', to: '' },
    { name: 'mapGetResult()', from: '  mapGetResult(_result, _isFromBatch) {\n    throw new Error("Not implemented");\n  }\n', to: '' },
    { name: "execute()'s test of the mode", from: '    if (this.mode === "async") {\n', to: '    {\n' },
    {
      name: "execute()'s throw for a sync mode",
      from: '      return this[this.executeMethod](placeholderValues);\n    }\n    throw new Error("not part of this build");\n',
      to: '      return this[this.executeMethod](placeholderValues);\n    }\n',
    },
    {
      name: "mapResult()'s case of the get method",
      from: '      case "get": {\n        return this.mapGetResult(response, isFromBatch);\n      }\n',
      to: '',
    },
    {
      name: "prepareOneTimeQuery()'s arguments past the method",
      from: '  prepareOneTimeQuery(query, fields, executeMethod, isResponseInArrayMode, customResultMapper, queryMetadata, cacheConfig) {\n    return this.prepareQuery(\n      query,\n      fields,\n      executeMethod,\n      isResponseInArrayMode,\n      customResultMapper,\n      queryMetadata,\n      cacheConfig\n    );',
      to: '  prepareOneTimeQuery(query, fields, executeMethod) {\n    return this.prepareQuery(\n      query,\n      fields,\n      executeMethod\n    );',
    },
  ],
  d1: [
    {
      name: "the session's schema and options",
      from: '  constructor(client, dialect, schema, options = {}) {\n    super(dialect);\n    this.client = client;\n    this.schema = schema;\n    this.options = options;\n',
      to: '  constructor(client, dialect) {\n    super(dialect);\n    this.client = client;\n',
    },
    {
      name: "prepareQuery()'s arguments past the method",
      from: '  prepareQuery(query, fields, executeMethod, isResponseInArrayMode, customResultMapper, queryMetadata, cacheConfig) {',
      to: '  prepareQuery(query, fields, executeMethod) {',
    },
    {
      name: "the prepared query's metadata, cache options, arrays and mapper, handed on",
      from: '      query,\n      queryMetadata,\n      cacheConfig,\n      fields,\n      executeMethod,\n      isResponseInArrayMode,\n      customResultMapper\n',
      to: '      query,\n      fields,\n      executeMethod\n',
    },
    {
      name: "the prepared query's metadata, cache options, arrays and mapper",
      from: '  constructor(stmt, query, queryMetadata, cacheConfig, fields, executeMethod, _isResponseInArrayMode, customResultMapper) {\n    super("async", executeMethod, query, void 0, queryMetadata, cacheConfig);\n    this._isResponseInArrayMode = _isResponseInArrayMode;\n    this.customResultMapper = customResultMapper;\n',
      to: '  constructor(stmt, query, fields, executeMethod) {\n    super(executeMethod, query);\n',
    },
    { name: "the prepared query's mapper field", from: '  /** @internal */\n  customResultMapper;\n', to: '' },
  ],
};

/**
 * D1's batch binds each query's own statement, also a query without parameters, for which drizzle
 * prepares the query's SQL again on the same client and binds none: the prepared query's statement
 * is that SQL prepared on that client (its prepareQuery(): \`this.client.prepare(query.sql)\`), so
 * bound with no values it is the same statement (on the app's client, src/db/client.ts, the same
 * wrapper with the same write gate, which it picks by the SQL). test/node/sqlite-session.test.ts (23 B).
 */
export const D1_BATCH_BIND = {
  name: "the batch's second prepare of a query without parameters",
  from: `      if (builtQuery.params.length > 0) {
        builtQueries.push(preparedQuery.stmt.bind(...builtQuery.params));
      } else {
        const builtQuery2 = preparedQuery.getQuery();
        builtQueries.push(
          this.client.prepare(builtQuery2.sql).bind(...builtQuery2.params)
        );
      }
`,
  to: `      builtQueries.push(preparedQuery.stmt.bind(...builtQuery.params));
`,
};

/** `text` with each edit of `edits` (found once) made, or this script stops. */
export function editedOnce(text, file, edits) {
  let result = text;
  for (const { name, from, to } of edits) {
    if (result.split(from).length !== 2) throw new Error(`${file}: ${name} not found once: update scripts/lib/drizzle-dialect.mjs`);
    result = result.replace(from, () => to);
  }
  return result;
}

/** The text of drizzle's session module `kind` ('sqlite' or 'd1') as src/generated/<kind>-session.js (`unread: false`: without SESSION_UNREAD_LEFT_OUT, for its tests). */
export function trimSession(kind, source, { unread = true } = {}) {
  const file = kind === 'sqlite' ? 'drizzle-orm/sqlite-core/session.js' : 'drizzle-orm/d1/session.js';
  const left = SESSIONS_LEFT_OUT[kind];
  let text = source.replace(/\n\/\/# sourceMappingURL=.*\n?$/, '\n');
  const replace = (what, pattern, by) => {
    text = replaceOnce(text, file, what, pattern, by);
  };
  // (After the methods below, of which D1's get and mapGetResult hand it on too.)
  const leftTexts = () => {
    for (const [i, left] of SESSION_TEXTS_LEFT_OUT[kind].entries())
      replace(`text left out ${i}`, new RegExp(left.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g'), '');
  };
  for (const name of left.classes)
    replace(`classes ${name}`, new RegExp(`\\nclass ${name} (?:extends \\w+ )?\\{\\n(?:[^\\n]*\\n)*?\\}\\n`, 'g'), '\n');
  for (const name of [...left.methods, ...PREPARED_LEFT_OUT[kind].methods])
    replace(`methods ${name}`, new RegExp(`\\n(?:  /\\*\\* @internal \\*/\\n)?  (?:async )?${name}\\((?:[^\\n]*\\n)*?  \\}\\n`, 'g'), '\n');
  leftTexts();
  if (kind === 'sqlite') {
    // queryWithCache: what drizzle does without a cache (its first branch, without the NoopCache's test:
    // QUERY_WITHOUT_CACHE), and a throw for any cache.
    if (text.split(QUERY_WITHOUT_CACHE.from).length !== 2)
      throw new Error(`${file}: queryWithCache's test for no cache not found once: update scripts/lib/drizzle-dialect.mjs`);
    text = text.replace(QUERY_WITHOUT_CACHE.from, QUERY_WITHOUT_CACHE.to);
    replace(
      'queryWithCache after its NoopCache branch',
      /\n {4}if \(this\.cacheConfig && !this\.cacheConfig\.enable\) \{\n(?:[^\n]*\n)*? {2}\}\n(?= {2}getQuery\(\) \{\n)/g,
      `\n    ${NOT_HERE}\n  }\n`,
    );
    // Its cache options, read only where it runs a query through another cache than its NoopCache (above).
    replace(
      'cache options in its constructor',
      /\n {4}if \(cache && cache\.strategy\(\) === "all" && cacheConfig === void 0\) \{\n {6}this\.cacheConfig = \{ enable: true, autoInvalidate: true \};\n {4}\}\n {4}if \(!this\.cacheConfig\?\.enable\) \{\n {6}this\.cacheConfig = void 0;\n {4}\}\n/g,
      '\n',
    );
    replace(
      'sync executes',
      /\n {4}return new ExecuteResultSync\(\(\) => this\[this\.executeMethod\]\(placeholderValues\)\);\n/g,
      `\n    ${NOT_HERE}\n`,
    );
  }
  if (kind === 'd1') {
    // A prepared query's `all` without fields (its `get` is left out whole: PREPARED_LEFT_OUT): a
    // raw query's (db.all, left out above) or a relational query's (src/db/no-relations.ts). Every query the app runs has its
    // fields (a select's columns, an insert's, update's or delete's returning), so the branch for
    // none throws, and the names only it read are not taken from the query (83 B); nor has one a
    // custom result mapper (CUSTOM_MAPPER_LEFT_OUT, 45 B).
    for (const [method, names, kept] of RAW_QUERY_BRANCHES)
      replace(
        `raw branch of ${method}`,
        new RegExp(
          `\\n {2}async ${method}\\(placeholderValues\\) \\{\\n {4}const \\{ ${names} \\} = this;\\n {4}if \\(!fields && !customResultMapper\\) \\{\\n(?: {6}[^\\n]*\\n)+? {4}\\}\\n`,
          'g',
        ),
        `\n  async ${method}(placeholderValues) {\n    const { ${kept} } = this;\n    if (!fields) ${NOT_HERE}\n`,
      );
    for (const [i, left] of CUSTOM_MAPPER_LEFT_OUT.entries())
      replace(`custom result mapper ${i}`, new RegExp(left.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g'), '');
    for (const { from, to, count } of LOGGER_LEFT_OUT) {
      if (text.split(from).length - 1 !== count)
        throw new Error(`${file}: the logger's ${JSON.stringify(from)} not found ${count} times: update scripts/lib/drizzle-dialect.mjs`);
      text = text.split(from).join(to);
    }
    if (/\bthis\.logger\b/.test(text)) throw new Error(`${file}: more of the logger than expected: update scripts/lib/drizzle-dialect.mjs`);
    for (const { from, to, count } of CACHE_LEFT_OUT) {
      if (text.split(from).length - 1 !== count)
        throw new Error(`${file}: the cache's ${JSON.stringify(from)} not found ${count} times: update scripts/lib/drizzle-dialect.mjs`);
      text = text.split(from).join(to);
    }
    if (/\bthis\.cache\b|NoopCache\(/.test(text))
      throw new Error(`${file}: more of the cache than expected: update scripts/lib/drizzle-dialect.mjs`);
  }
  if (unread) text = editedOnce(text, file, [...SESSION_UNREAD_LEFT_OUT[kind], ...(kind === 'd1' ? [D1_BATCH_BIND] : [])]);
  const exported = /\nexport \{\n([^}]*)\n\};\n$/.exec(text);
  if (!exported) throw new Error(`${file}: no export list at its end: update scripts/lib/drizzle-dialect.mjs`);
  const names = exported[1].split(',').map((name) => name.trim());
  const kept = names.filter((name) => !left.classes.includes(name));
  if (names.length - kept.length !== left.classes.length)
    throw new Error(`${file} exports other names than expected: update scripts/lib/drizzle-dialect.mjs`);
  // The SQLite session's classes, for drizzle's sqlite-core index, which imports them by the D1 session's text.
  const also = kind === 'd1' ? `export { ${SQLITE_SESSION_EXPORTS.join(', ')} } from "./sqlite-session.js";\n` : '';
  text = `${text.slice(0, exported.index)}\nexport {\n  ${kept.join(',\n  ')}\n};\n${also}`;
  return withPackageImports(
    text,
    kind === 'sqlite' ? 'session.js' : '../d1/session.js',
    SESSION_STAND_INS[kind],
    file,
    kind === 'sqlite' ? packageSpecifier : d1Specifier,
  );
}

// drizzle-orm's errors (errors.js) as the generated sessions import it (src/generated/drizzle-errors.js,
// which GENERATED names in place of "drizzle-orm/errors"): the same module, with the two classes the
// bundle never makes made by calls marked pure, as PURE_CLASSES are (esbuild then drops them):
// TransactionRollbackError, which only drizzle's transactions throw (the sessions' are left out
// above), and DrizzleError, which only it extends. drizzle's index.js re-exports the original, of
// which nothing in the bundle then takes a name, so it is left out (drizzle-orm is free of side
// effects by its package.json): 54 B gzip (stop 74). test/node/sqlite-session.test.ts holds it.

/** The classes of drizzle's errors.js the bundle never makes. */
export const ERRORS_PURE_CLASSES = ['DrizzleError', 'TransactionRollbackError'];

/**
 * The end of DrizzleQueryError's constructor (a failed query's error, the one the bundle makes),
 * left out: its Error.captureStackTrace(), which captures the error's stack again without the
 * constructor's own frame, and its setting of the cause it has just set (`this.cause = cause` a
 * line above). Nothing in the bundle reads an error's stack (the app logs a failure's name and
 * message and its cause's message: src/errors.tsx describe()), and the cause is the same: the
 * same error but for that frame of its stack (23 B gzip). Found once.
 */
export const QUERY_ERROR_TAIL = `    this.cause = cause;
    Error.captureStackTrace(this, DrizzleQueryError);
    if (cause) this.cause = cause;
`;

/** drizzle's errors.js as src/generated/drizzle-errors.js: ERRORS_PURE_CLASSES made by pure calls, its imports by package specifiers. */
export function trimErrors(source) {
  const file = 'drizzle-orm/errors.js';
  let text = asPureClasses(source.replace(/\n\/\/# sourceMappingURL=.*\n?$/, '\n'), ERRORS_PURE_CLASSES, file);
  if (text.split(QUERY_ERROR_TAIL).length !== 2)
    throw new Error(`${file}: DrizzleQueryError's captureStackTrace not found once; update scripts/lib/drizzle-dialect.mjs`);
  text = text.replace(QUERY_ERROR_TAIL, () => '    this.cause = cause;\n');
  if (/captureStackTrace/.test(text)) throw new Error(`${file}: more stack captures than expected; update scripts/lib/drizzle-dialect.mjs`);
  return withPackageImports(text, 'errors.js', {}, file, rootSpecifier(file));
}

// drizzle-orm's QueryPromise (query-promise.js), the base of every query builder, as the generated
// builders import it (src/generated/drizzle-query-promise.js, which GENERATED names in place of
// "drizzle-orm/query-promise"; drizzle's index.js re-exports the original, of which nothing in
// the bundle then takes a name): the same class without catch() and finally(), which neither the
// app nor a module of drizzle's calls on a query (it awaits one, or gives it to a batch): 35 B gzip
// (stop 74). test/node/sqlite-dialect.test.ts holds it.

/** The methods of drizzle's QueryPromise the bundle leaves out. */
export const QUERY_PROMISE_LEFT_OUT = ['catch', 'finally'];

/** drizzle's query-promise.js as src/generated/drizzle-query-promise.js: without QUERY_PROMISE_LEFT_OUT, its imports by package specifiers. */
export function trimQueryPromise(source) {
  const file = 'drizzle-orm/query-promise.js';
  let text = source.replace(/\n\/\/# sourceMappingURL=.*\n?$/, '\n');
  for (const name of QUERY_PROMISE_LEFT_OUT)
    text = replaceOnce(text, file, `methods ${name}`, new RegExp(`\\n  ${name}\\((?:[^\\n]*\\n)*?  \\}\\n`, 'g'), '\n');
  return withPackageImports(text, 'query-promise.js', {}, file, rootSpecifier(file));
}

/** `./x.js` (an import of a module at drizzle-orm's root) as drizzle-orm's own specifier. */
const rootSpecifier = (file) => (from) => {
  if (!/^\.\/[\w-]+\.js$/.test(from)) throw new Error(`${file} imports ${from}: update scripts/lib/drizzle-dialect.mjs`);
  return `drizzle-orm/${from.slice(2, -3)}`;
};

/** What src/generated/sqlite-session.js exports: drizzle's, without the classes left out. */
export const SQLITE_SESSION_EXPORTS = ['SQLitePreparedQuery', 'SQLiteSession'];

/** `../x.js` (an import of d1/session.js) as drizzle-orm's own specifier. */
export function d1Specifier(from) {
  if (!from.startsWith('../') || from.slice(3).startsWith('.'))
    throw new Error(`drizzle-orm/d1/session.js imports ${from}: update scripts/lib/drizzle-dialect.mjs`);
  return `drizzle-orm/${from.slice(3).replace(/(\/index)?\.js$/, '')}`;
}

// drizzle-orm's SQLite column base classes (sqlite-core/columns/common.js) as the Worker bundles
// them (wrangler.toml [alias] "./common.js", the text by which drizzle's column modules import it,
// and src/db/plain-columns.ts's own import; src/generated/sqlite-column-common.js): the same
// module without the builder's references(), unique() and generatedAlwaysAs(), which the schema
// never calls (its keys and indexes are drizzle-kit's: src/db/no-constraints.ts), nor its
// buildForeignKeys() and the list of references it maps (stop 71: 95 B, as a stand-in that gave
// the empty list; 33 B more without it): only drizzle's sqliteTable() called it, for each column,
// which the bundle's no longer does (scripts/lib/drizzle-table.mjs), and only references() filled
// the list. Its imports of drizzle's
// constraints are the bundle's stand-ins, as wrangler.toml's aliases give drizzle's own modules.
// test/node/sqlite-column-common.test.ts holds it to drizzle's module, member for member.

/** The members of SQLiteColumnBuilder the Worker's bundle leaves out. */
export const COLUMN_LEFT_OUT = ['references', 'unique', 'generatedAlwaysAs'];

/** SQLiteColumnBuilder's list of references and its method that maps them to foreign keys, both left out. */
export const COLUMN_FOREIGN_KEYS_LEFT_OUT = ['foreignKeyConfigs', 'buildForeignKeys'];

/**
 * common.js's imports the bundle takes from its stand-ins (wrangler.toml [alias] gives drizzle's
 * modules the same), and its column builder's base from the generated one (below).
 */
export const COLUMN_STAND_INS = {
  '../foreign-keys.js': '../db/no-constraints',
  '../unique-constraint.js': '../db/no-constraints',
  '../../column-builder.js': './drizzle-column-builder.js',
};

/** Its types, drizzle's own (src/generated/sqlite-column-common.d.ts). */
export const COLUMN_COMMON_TYPES =
  "// Generated by scripts/fingerprint.mjs. Do not edit; not in git.\nexport { SQLiteColumn, SQLiteColumnBuilder } from 'drizzle-orm/sqlite-core/columns/common';\n";

/**
 * SQLiteColumn's name of a column's unique constraint, which only the Column's `uniqueName` copied
 * and drizzle-kit reads: the bundle's Column has no such field (scripts/lib/drizzle-column.mjs), and
 * the schema declares no unique column (22 B gzip).
 */
export const COLUMN_UNIQUE_NAME = `    if (!config.uniqueName) {
      config.uniqueName = uniqueKeyName(table, [config.name]);
    }
`;

/** drizzle-orm/sqlite-core/columns/common.js's text as src/generated/sqlite-column-common.js. */
export function trimColumnCommon(source) {
  const file = 'drizzle-orm/sqlite-core/columns/common.js';
  let text = source.replace(/\n\/\/# sourceMappingURL=.*\n?$/, '\n');
  const replace = (what, pattern, by) => {
    text = replaceOnce(text, file, what, pattern, by);
  };
  for (const name of COLUMN_LEFT_OUT) replace(`methods ${name}`, new RegExp(`\\n  ${name}\\((?:[^\\n]*\\n)*?  \\}\\n`, 'g'), '\n');
  replace('fields foreignKeyConfigs', /\n {2}foreignKeyConfigs = \[\];\n/g, '\n');
  replace(
    'methods buildForeignKeys',
    /\n {2}\/\*\* @internal \*\/\n {2}buildForeignKeys\(column, table\) \{\n(?:[^\n]*\n)*? {2}\}\n/g,
    '\n',
  );
  replace('unique names', new RegExp(COLUMN_UNIQUE_NAME.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g'), '');
  const specifier = (from) => {
    if (!from.startsWith('../../') || from.slice(6).startsWith('.'))
      throw new Error(`${file} imports ${from}: update scripts/lib/drizzle-dialect.mjs`);
    return `drizzle-orm/${from.slice(6).replace(/\.js$/, '')}`;
  };
  return withPackageImports(text, 'columns/common.js', COLUMN_STAND_INS, file, specifier);
}

// drizzle-orm's ColumnBuilder (column-builder.js), the base of every column builder, as the
// generated common.js above imports it (src/generated/drizzle-column-builder.js; no alias: nothing
// else in the bundle imports it): the same module without `$type()` (for types only),
// `$defaultFn()` and `$onUpdateFn()` and their aliases `$default` and `$onUpdate`, which the schema
// never calls. No column of the bundle has a default or update function then, and the dialect's
// branches that would call one are left out too (DIALECT_LEFT_OUT; together 88 B gzip).
// test/node/sqlite-column-common.test.ts holds it to drizzle's module, member for member.

/** The members of ColumnBuilder the Worker's bundle leaves out. */
export const COLUMN_BUILDER_LEFT_OUT = ['$type', '$defaultFn', '$default', '$onUpdateFn', '$onUpdate'];

/**
 * A column builder's config as it starts: what the bundle reads of it, its name, default and
 * generated (a column's own, src/generated/drizzle-column.js, and its shouldDisableInsert()), not
 * the rest, which only drizzle-kit and the other dialects read (a column copied them into fields
 * the bundle's Column leaves out; nor do the builder's notNull(), default() and primaryKey() set
 * theirs: COLUMN_CONFIG_WRITES): 53 B gzip.
 */
export const COLUMN_BUILDER_CONFIG = {
  from: `    this.config = {
      name,
      keyAsName: name === "",
      notNull: false,
      default: void 0,
      hasDefault: false,
      primaryKey: false,
      isUnique: false,
      uniqueName: void 0,
      uniqueType: void 0,
      dataType,
      columnType,
      generated: void 0
    };
`,
  to: `    this.config = {
      name,
      default: void 0,
      generated: void 0
    };
`,
};

/**
 * The keys of a column's config the bundle's builder no longer starts it with (nor its methods set
 * notNull, hasDefault and primaryKey: COLUMN_CONFIG_WRITES), and SQLiteColumn's uniqueName.
 */
export const COLUMN_CONFIG_LEFT_OUT = [
  'keyAsName',
  'notNull',
  'hasDefault',
  'primaryKey',
  'isUnique',
  'uniqueName',
  'uniqueType',
  'dataType',
  'columnType',
];

/**
 * And the builder's methods without their writes of those keys (notNull(), default() and
 * primaryKey() set `notNull`, `hasDefault`, `primaryKey`), which nothing in the bundle reads of a
 * config either (test/node/sqlite-column-common.test.ts): the methods return the builder as
 * drizzle's do, default() still sets the config's `default` (18 B gzip). Each a whole line, four.
 */
export const COLUMN_CONFIG_WRITES = /^ {4}this\.config\.(?:notNull|hasDefault|primaryKey) = true;\n/gm;

/** drizzle-orm/column-builder.js's text as src/generated/drizzle-column-builder.js. */
export function trimColumnBuilder(source) {
  const file = 'drizzle-orm/column-builder.js';
  let text = source.replace(/\n\/\/# sourceMappingURL=.*\n?$/, '\n');
  for (const name of COLUMN_BUILDER_LEFT_OUT) {
    // The member's JSDoc, then a method up to its closing `  }` line, or an alias `name = this.$other;`.
    const member = new RegExp(
      `\\n  /\\*\\*\\n(?:   \\*[^\\n]*\\n)*?   \\*/\\n  \\${name}(?:\\(\\w*\\) \\{\\n(?:[^\\n]*\\n)*?  \\}| = this\\.\\$\\w+;)(?=\\n)`,
      'g',
    );
    text = replaceOnce(text, file, `members ${name}`, member, '');
  }
  if (text.split(COLUMN_BUILDER_CONFIG.from).length !== 2)
    throw new Error(`${file}: its constructor's config not found once: update scripts/lib/drizzle-dialect.mjs`);
  text = text.replace(COLUMN_BUILDER_CONFIG.from, () => COLUMN_BUILDER_CONFIG.to);
  if (text.match(COLUMN_CONFIG_WRITES)?.length !== 4)
    throw new Error(`${file}: its methods' writes of the config not found four times: update scripts/lib/drizzle-dialect.mjs`);
  text = text.replace(COLUMN_CONFIG_WRITES, '');
  if (/config\.(?:notNull|hasDefault|primaryKey)\b/.test(text))
    throw new Error(`${file}: more of the config's keys left out than expected: update scripts/lib/drizzle-dialect.mjs`);
  const specifier = (from) => {
    if (!/^\.\/[\w-]+\.js$/.test(from)) throw new Error(`${file} imports ${from}: update scripts/lib/drizzle-dialect.mjs`);
    return `drizzle-orm/${from.slice(2, -3)}`;
  };
  return withPackageImports(text, 'column-builder.js', {}, file, specifier);
}
