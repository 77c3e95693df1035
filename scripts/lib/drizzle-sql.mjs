// drizzle-orm's SQL builder (sql/sql.js: the `sql` template, SQL, Param, Placeholder, Name) as the
// Worker bundles it (wrangler.toml [alias] "../sql/sql.js", "../../sql/sql.js", "./sql/sql.js",
// "../sql.js", "./sql.js": the texts by which drizzle's modules import it;
// src/generated/drizzle-sql.js): the same module without what no query of the app reaches. Of
// buildQueryFromSourceParams: the chunks of a view, a subquery and a Postgres enum (the app has no
// view, names no select as a subquery, and SQLite has no enums), a column's name alone for an
// index's SQL (only drizzle-kit builds indexes: src/db/no-constraints.ts), a parameter's typing
// (no SQLite dialect has prepareTyping) and inlined parameters (nothing calls sql's inlineParams()
// nor passes the option), with the methods only they used, mapInlineParam() and inlineParams();
// of the `sql` namespace, sql.empty() and sql.fromList(); of an aliased SQL, its clone() (only the
// selection proxy calls it: src/db/no-selection-proxy.ts); of toQuery(), the attributes of a
// tracing span, which the bundle's tracer never gives; the class FakePrimitiveParam and the object
// noopMapper, which no other module of drizzle's or the app's names; SQL's if(), which no query of
// the bundle calls; a view's members (the bundle makes no view, so only its class's entity kind is
// read); an aliased SQL's flag of a selection proxy's field, which nothing in the bundle sets or reads; the getSQL() it sets on
// drizzle's Subquery, of which the bundle makes none. SQL_LEFT_OUT names each; every one is
// found once or this script stops. And a parameter's `typings: ["none"]` with mergeQueries' list
// of them (SQL_EDITS, each text found as many times as it says): no module of the bundle reads a
// query's typings (the builders' toSQL() drops them, the sessions send sql and params). And a
// table's and a column's name with a schema's prefix or an alias's branch (SQL_EDITS): a SQLite
// table has no schema (sqlite-core/table.js makes every one with none) and the bundle makes no
// alias (src/db/no-alias.ts); with them the list of tables an SQL names, which only a select's
// cache and subqueries read (src/generated/sqlite-select.js leaves both out). And the flag of
// inlined parameters, which nothing in the bundle sets, with the code that passes it on. scripts/fingerprint.mjs writes it at every `prepare-assets`;
// test/node/drizzle-sql.test.ts holds it to drizzle's module and drizzle's modules to no call of
// what is left out.

/** Each text left out of drizzle-orm/sql/sql.js, found exactly once, by what it was. */
export const SQL_LEFT_OUT = {
  // A subquery's getSQL(), set on drizzle's Subquery class: the bundle makes no subquery (a select's
  // as() and the database's $with are left out: scripts/lib/drizzle-dialect.mjs) and no module of
  // it asks whether a value is one (test/node/bundle.test.ts: the class is not in it; 47 B gzip).
  "a subquery's SQL": `Subquery.prototype.getSQL = function() {
  return new SQL([this]);
};
`,
  'an index column': `        if (_config.invokeSource === "indexes") {
          return { sql: escapeName(columnName), params: [] };
        }
`,
  'a view': `      if (is(chunk, View)) {
        const schemaName = chunk[ViewBaseConfig].schema;
        const viewName = chunk[ViewBaseConfig].name;
        return {
          sql: schemaName === void 0 || chunk[ViewBaseConfig].isAlias ? escapeName(viewName) : escapeName(schemaName) + "." + escapeName(viewName),
          params: []
        };
      }
`,
  "a parameter's inlined value": `        if (inlineParams) {
          return { sql: this.mapInlineParam(mappedValue, config), params: [] };
        }
`,
  "a parameter's typing": `        if (prepareTyping) {
          typings = [prepareTyping(chunk.encoder)];
        }
`,
  // (The typings of the parameters merged, of which SQL_EDITS leaves out each: no module of the bundle reads them, 37 B gzip with those.)
  "the merged parameters' typings": `    if (query.typings?.length) {
      if (!result.typings) {
        result.typings = [];
      }
      result.typings.push(...query.typings);
    }
`,
  // The tables an SQL names (with a schema's prefix), read only by sqlite-core/utils.js's
  // extractUsedTable(), which no module of the bundle calls (a select's cache tags and subqueries).
  'the tables an SQL names': `    for (const chunk of queryChunks) {
      if (is(chunk, Table)) {
        const schemaName = chunk[Table.Symbol.Schema];
        this.usedTables.push(
          schemaName === void 0 ? chunk[Table.Symbol.Name] : schemaName + "." + chunk[Table.Symbol.Name]
        );
      }
    }
`,
  'the list of the tables an SQL names': `  /** @internal */
  usedTables = [];
`,
  'a subquery': `      if (is(chunk, Subquery)) {
        if (chunk._.isWith) {
          return { sql: escapeName(chunk._.alias), params: [] };
        }
        return this.buildQueryFromSourceParams([
          new StringChunk("("),
          chunk._.sql,
          new StringChunk(") "),
          new Name(chunk._.alias)
        ], config);
      }
`,
  'a Postgres enum': `      if (isPgEnum(chunk)) {
        if (chunk.schema) {
          return { sql: escapeName(chunk.schema) + "." + escapeName(chunk.enumName), params: [] };
        }
        return { sql: escapeName(chunk.enumName), params: [] };
      }
`,
  'an inlined value': `      if (inlineParams) {
        return { sql: this.mapInlineParam(chunk, config), params: [] };
      }
`,
  'mapInlineParam()': /\n {2}mapInlineParam\(chunk, \{ escapeString \}\) \{\n[\s\S]*?\n {2}\}\n/,
  'inlineParams()': `  inlineParams() {
    this.shouldInlineParams = true;
    return this;
  }
`,
  // (Its flag of inlined parameters, which only inlineParams() and a view's builder set: SQL_EDITS leaves out its readers.)
  "an SQL's flag of inlined parameters": `  shouldInlineParams = false;
`,
  'sql.empty()': `  function empty() {
    return new SQL([]);
  }
  sql2.empty = empty;
`,
  'sql.fromList()': `  function fromList(list) {
    return new SQL(list);
  }
  sql2.fromList = fromList;
`,
  // A view's members: the app makes no view (only sqliteView(), sqlite-core/view.js, makes one, and
  // no module of the bundle calls it: test/node/drizzle-sql.test.ts), so the class stays only for
  // drizzle's is(value, View), which reads its entity kind: 78 B gzip (stop 74).
  "a view's members": `  /** @internal */
  [ViewBaseConfig];
  /** @internal */
  [IsDrizzleView] = true;
  constructor({ name: name2, schema, selectedFields, query }) {
    this[ViewBaseConfig] = {
      name: name2,
      originalName: name2,
      schema,
      selectedFields,
      query,
      isExisting: !query,
      isAlias: false
    };
  }
  getSQL() {
    return new SQL([this]);
  }
`,
  // SQL's if(): only an aliased table's name (src/generated/sqlite-dialect.js leaves it out) and
  // $count's builder (src/db/sqlite-columns.ts) call it: 6 B gzip (stop 74).
  "SQL's if()": `  /**
   * This method is used to conditionally include a part of the query.
   *
   * @param condition - Condition to check
   * @returns itself if the condition is \`true\`, otherwise \`undefined\`
   */
  if(condition) {
    return condition ? this : void 0;
  }
`,
  // (And its flag of a selection proxy's field, which only the proxy sets and only the dialect's
  // branch for such a field reads: src/db/no-selection-proxy.ts, src/generated/sqlite-dialect.js; 10 B gzip, stop 74.)
  "an aliased SQL's flag of a selection field": `    /** @internal */
    isSelectionField = false;
`,
  "an aliased SQL's clone()": `    /** @internal */
    clone() {
      return new Aliased(this.sql, this.fieldAlias);
    }
`,
  // A class that no module of drizzle's or the app's names, and an object no other module reads
  // (esbuild keeps a class with a computed static field, drizzle's `static [entityKind]`, and an
  // object spread, even where nothing names them), each with its name in the module's exports: 29 B gzip.
  FakePrimitiveParam: `class FakePrimitiveParam {
  static [entityKind] = "FakePrimitiveParam";
}
`,
  "FakePrimitiveParam's export": `  FakePrimitiveParam,
`,
  noopMapper: `const noopMapper = {
  ...noopDecoder,
  ...noopEncoder
};
`,
  "noopMapper's export": `  noopMapper,
`,
  // An SQL wrapper that asks to be written without its parentheses: only a Postgres and a Gel
  // schema have shouldOmitSQLParens() (pg-core/schema.js, gel-core/schema.js), neither in a D1
  // bundle; every wrapper the app's queries hold (a select given as a value) is written in them (19 B gzip).
  "a wrapper's SQL without parentheses": `        if (chunk.shouldOmitSQLParens?.()) {
          return this.buildQueryFromSourceParams([chunk.getSQL()], config);
        }
`,
  // The span of a query's SQL, which the bundle's tracer never gives (src/db/no-tracing.ts runs the
  // function without one: drizzle's does so too without OpenTelemetry): 44 B gzip.
  "a span's attributes": `      span?.setAttributes({
        "drizzle.query.text": query.sql,
        "drizzle.query.params": JSON.stringify(query.params)
      });
`,
};

/**
 * Texts replaced, each found exactly `count` times: a parameter's and a placeholder's typings, ["none"]
 * where no dialect has prepareTyping (SQLite's has none), which nothing in the bundle reads.
 */
export const SQL_EDITS = [
  { name: "a parameter's typings", from: ', typings: ["none"] }', to: ' }', count: 3 },
  { name: "a mapped parameter's typings", from: '        let typings = ["none"];\n', to: '', count: 1 },
  { name: "a mapped parameter's typings returned", from: 'params: [mappedValue], typings }', to: 'params: [mappedValue] }', count: 1 },
  // No inlined parameters: nothing in the bundle sets an SQL's or a query's flag for them (its
  // inlineParams() is left out above, no dialect passes the option), and nothing reads it but these
  // (and prepareTyping, which no SQLite dialect has: a parameter's typing is left out above).
  {
    name: 'the flag of inlined parameters, given on',
    from: `      inlineParams: _config.inlineParams || this.shouldInlineParams,
`,
    to: '',
    count: 1,
  },
  {
    name: 'the flag of inlined parameters and the typing, read',
    from: `      prepareTyping,
      inlineParams,
`,
    to: '',
    count: 1,
  },
  {
    name: "the flag of inlined parameters, given on to an SQL's chunks",
    from: `        return this.buildQueryFromSourceParams(chunk.queryChunks, {
          ...config,
          inlineParams: inlineParams || chunk.shouldInlineParams
        });`,
    to: `        return this.buildQueryFromSourceParams(chunk.queryChunks, config);`,
    count: 1,
  },
  // toQuery() without the tracer's span around the build: the bundle's tracer (src/db/no-tracing.ts,
  // as drizzle's own without OpenTelemetry) runs the function as it is, and the span's attributes
  // are left out above; with it the tracer's import.
  {
    name: "the tracer's span around a query's build",
    from: `    return tracer.startActiveSpan("drizzle.buildSQL", (span) => {
      const query = this.buildQueryFromSourceParams(this.queryChunks, config);
      return query;
    });`,
    to: `    return this.buildQueryFromSourceParams(this.queryChunks, config);`,
    count: 1,
  },
  // A table's name alone: SQLite's tables have no schema, and no alias is made in the bundle.
  {
    name: "a table's schema",
    from: `        const schemaName = chunk[Table.Symbol.Schema];
        const tableName = chunk[Table.Symbol.Name];
        return {
          sql: schemaName === void 0 || chunk[IsAlias] ? escapeName(tableName) : escapeName(schemaName) + "." + escapeName(tableName),`,
    to: `        const tableName = chunk[Table.Symbol.Name];
        return {
          sql: escapeName(tableName),`,
    count: 1,
  },
  {
    name: "a column's table's schema",
    from: `        const schemaName = chunk.table[Table.Symbol.Schema];
        return {
          sql: chunk.table[IsAlias] || schemaName === void 0 ? escapeName(chunk.table[Table.Symbol.Name]) + "." + escapeName(columnName) : escapeName(schemaName) + "." + escapeName(chunk.table[Table.Symbol.Name]) + "." + escapeName(columnName),`,
    to: `        return {
          sql: escapeName(chunk.table[Table.Symbol.Name]) + "." + escapeName(columnName),`,
    count: 1,
  },
];

/** Imports the bundle takes from a stand-in of its own (wrangler.toml [alias] names the same for drizzle's modules). */
export const SQL_STAND_INS = {
  '../tracing.js': '../db/no-tracing',
  '../pg-core/columns/enum.js': '../db/sqlite-only',
  // drizzle's Column as the bundle has it (scripts/lib/drizzle-column.mjs; wrangler.toml names it for drizzle's modules).
  '../column.js': './drizzle-column.js',
  // Its tables as the bundle has them (scripts/lib/drizzle-table.mjs).
  '../table.js': './drizzle-table.js',
};

/** sql/sql.js without SQL_LEFT_OUT, with SQL_EDITS, its imports as drizzle-orm's package specifiers or SQL_STAND_INS. */
export function trimSql(source) {
  const file = 'drizzle-orm/sql/sql.js';
  let text = source.replace(/\n\/\/# sourceMappingURL=.*\n?$/, '\n');
  for (const [name, left] of Object.entries(SQL_LEFT_OUT)) {
    const count = typeof left === 'string' ? text.split(left).length - 1 : (text.match(new RegExp(left, 'g')) ?? []).length;
    if (count !== 1) throw new Error(`${file}: ${name} found ${count} times; update scripts/lib/drizzle-sql.mjs`);
    text = typeof left === 'string' ? text.replace(left, () => '') : text.replace(left, '\n');
  }
  for (const { name, from, to, count } of SQL_EDITS) {
    const found = text.split(from).length - 1;
    if (found !== count) throw new Error(`${file}: ${name} found ${found} times, not ${count}; update scripts/lib/drizzle-sql.mjs`);
    text = text.replaceAll(from, () => to);
  }
  if (
    /typings|usedTables|IsAlias|Symbol\.Schema|mapInlineParam|prepareTyping\(|"indexes"|is\(chunk, (View|Subquery)\)|isPgEnum\(|FakePrimitiveParam|noopMapper/.test(
      text.replace(/^import .*\n/gm, ''),
    )
  )
    throw new Error(`${file}: more of what is left out than expected; update scripts/lib/drizzle-sql.mjs`);
  const imports = [];
  const body = text.replace(/^import \{([^}]*)\} from "([^"]+)";\n/gm, (_, names, from) => {
    imports.push({ names: names.split(',').map((name) => name.trim()), from });
    return '';
  });
  if (/^import /m.test(body)) throw new Error(`${file}: an import of another form; update scripts/lib/drizzle-sql.mjs`);
  const kept = imports.flatMap(({ names, from }) => {
    if (!from.startsWith('../') || from.startsWith('../../'))
      throw new Error(`${file} imports ${from}; update scripts/lib/drizzle-sql.mjs`);
    const used = names.filter((name) => new RegExp(`(?<![\\w$])(?<![^.]\\.)${name}(?![\\w$])`).test(body));
    const to = SQL_STAND_INS[from] ?? `drizzle-orm/${from.slice(3).replace(/\.js$/, '')}`;
    return used.length ? [`import { ${used.join(', ')} } from ${JSON.stringify(to)};`] : [];
  });
  return `// Generated by scripts/lib/drizzle-sql.mjs from ${file}. Do not edit; not in git.\n${kept.join('\n')}\n${body}`;
}
