// drizzle-orm's utils.js as the generated drizzle modules import it (src/generated/drizzle-utils.js,
// which scripts/lib/drizzle-dialect.mjs names in place of "drizzle-orm/utils"; drizzle's other
// modules and the app import the original, by texts hono's and sqlite-core's own utils.js share,
// so no alias): three of its functions without the branches this app never reaches, the rest
// drizzle's own, re-exported (so no function is in the bundle twice). A row's fields are the
// app's flat selections and a builder's returning: a column, an SQL or an aliased SQL by its
// name, never a table, a subquery or an object of fields (a nested selection), whose paths only
// the joins' nulling of a table's object was for (the joins are left out of the builders); a
// select's table is a table or an SQL, never a subquery, a view or an alias (src/db/no-alias.ts).
// orderSelectedFields throws where drizzle would have gone on with what is left out, so nothing
// reaches mapResultRow with a nested path. Each original function's text is found once or this
// script stops. scripts/fingerprint.mjs writes it at every `prepare-assets`;
// test/node/drizzle-utils.test.ts holds it to drizzle's module.

/** Each function of drizzle-orm/utils.js written shorter, as drizzle has it and as the bundle does. */
export const UTILS_SHORTER = {
  mapResultRow: {
    theirs: `function mapResultRow(columns, row, joinsNotNullableMap) {
  const nullifyMap = {};
  const result = columns.reduce(
    (result2, { path, field }, columnIndex) => {
      let decoder;
      if (is(field, Column)) {
        decoder = field;
      } else if (is(field, SQL)) {
        decoder = field.decoder;
      } else if (is(field, Subquery)) {
        decoder = field._.sql.decoder;
      } else {
        decoder = field.sql.decoder;
      }
      let node = result2;
      for (const [pathChunkIndex, pathChunk] of path.entries()) {
        if (pathChunkIndex < path.length - 1) {
          if (!(pathChunk in node)) {
            node[pathChunk] = {};
          }
          node = node[pathChunk];
        } else {
          const rawValue = row[columnIndex];
          const value = node[pathChunk] = rawValue === null ? null : decoder.mapFromDriverValue(rawValue);
          if (joinsNotNullableMap && is(field, Column) && path.length === 2) {
            const objectName = path[0];
            if (!(objectName in nullifyMap)) {
              nullifyMap[objectName] = value === null ? getTableName(field.table) : false;
            } else if (typeof nullifyMap[objectName] === "string" && nullifyMap[objectName] !== getTableName(field.table)) {
              nullifyMap[objectName] = false;
            }
          }
        }
      }
      return result2;
    },
    {}
  );
  if (joinsNotNullableMap && Object.keys(nullifyMap).length > 0) {
    for (const [objectName, tableName] of Object.entries(nullifyMap)) {
      if (typeof tableName === "string" && !joinsNotNullableMap[tableName]) {
        result[objectName] = null;
      }
    }
  }
  return result;
}
`,
    // Every path is a field's name alone (orderSelectedFields below); a field is a column, an SQL or an aliased SQL.
    ours: `function mapResultRow(columns, row) {
  return columns.reduce((result, { path: [name], field }, columnIndex) => {
    const rawValue = row[columnIndex];
    result[name] = rawValue === null ? null : (is(field, Column) ? field : is(field, SQL) ? field.decoder : field.sql.decoder).mapFromDriverValue(rawValue);
    return result;
  }, {});
}
`,
  },
  orderSelectedFields: {
    theirs: `function orderSelectedFields(fields, pathPrefix) {
  return Object.entries(fields).reduce((result, [name, field]) => {
    if (typeof name !== "string") {
      return result;
    }
    const newPath = pathPrefix ? [...pathPrefix, name] : [name];
    if (is(field, Column) || is(field, SQL) || is(field, SQL.Aliased) || is(field, Subquery)) {
      result.push({ path: newPath, field });
    } else if (is(field, Table)) {
      result.push(...orderSelectedFields(field[Table.Symbol.Columns], newPath));
    } else {
      result.push(...orderSelectedFields(field, newPath));
    }
    return result;
  }, []);
}
`,
    // (Object.entries' keys are strings.) A subquery, a table or an object of fields throws.
    ours: `function orderSelectedFields(fields) {
  return Object.entries(fields).map(([name, field]) => {
    if (is(field, Column) || is(field, SQL) || is(field, SQL.Aliased)) return { path: [name], field };
    throw new Error("not part of this build");
  });
}
`,
  },
  getTableLikeName: {
    theirs: `function getTableLikeName(table) {
  return is(table, Subquery) ? table._.alias : is(table, View) ? table[ViewBaseConfig].name : is(table, SQL) ? void 0 : table[Table.Symbol.IsAlias] ? table[Table.Symbol.Name] : table[Table.Symbol.BaseName];
}
`,
    // No subquery, no view, no alias; and a table's name, which is its base name (the bundle's
    // tables keep no base name: scripts/lib/drizzle-table.mjs), the name before a tableCreator's
    // prefix, but the app makes its tables with sqliteTable(), whose base name is the name.
    ours: `function getTableLikeName(table) {
  return is(table, SQL) ? void 0 : table[Table.Symbol.Name];
}
`,
  },
};

/** drizzle-orm/utils.js's imports, which the generated module names by package specifiers (its SQL, column and table the generated ones). */
export const UTILS_IMPORTS = {
  theirs: `import { Column } from "./column.js";
import { is } from "./entity.js";
import { Param, SQL, View } from "./sql/sql.js";
import { Subquery } from "./subquery.js";
import { getTableName, Table } from "./table.js";
import { ViewBaseConfig } from "./view-common.js";
`,
  ours: `import { Column } from "./drizzle-column.js";
import { is } from "drizzle-orm/entity";
import { Param, SQL, View } from "./drizzle-sql.js";
import { Subquery } from "drizzle-orm/subquery";
import { getTableName, Table } from "./drizzle-table.js";
import { ViewBaseConfig } from "drizzle-orm/view-common";
`,
};

/**
 * drizzle's one statement of utils.js that does something: its TextDecoder, which only
 * sqlite-core's blob column reads (not in the bundle: src/db/sqlite-columns.ts), marked pure so
 * that esbuild leaves out what nothing reads (`new` it takes for a side effect). With the app's
 * getTableColumns through this module (wrangler.toml [alias] "drizzle-orm/utils",
 * src/contacts/repository.ts), drizzle's own utils.js is no longer in the bundle.
 */
export const TEXT_DECODER = {
  theirs: `const textDecoder = typeof TextDecoder === "undefined" ? null : new TextDecoder();\n`,
  ours: `const textDecoder = typeof TextDecoder === "undefined" ? null : /* @__PURE__ */ new TextDecoder();\n`,
};

/** drizzle-orm/utils.js's text as src/generated/drizzle-utils.js: UTILS_SHORTER's functions, TEXT_DECODER and the imports as above, the rest drizzle's. */
export function trimUtils(source) {
  const file = 'drizzle-orm/utils.js';
  let text = source.replace(/\n\/\/# sourceMappingURL=\S*\s*$/, '\n');
  const edits = [
    ['imports', UTILS_IMPORTS],
    ['textDecoder', TEXT_DECODER],
    ...Object.entries(UTILS_SHORTER).map(([name, edit]) => [name, { theirs: `\n${edit.theirs}`, ours: `\n${edit.ours}` }]),
  ];
  for (const [name, { theirs, ours }] of edits) {
    const count = text.split(theirs).length - 1;
    if (count !== 1) throw new Error(`${file}: ${name} found ${count} times as written for; update scripts/lib/drizzle-utils.mjs`);
    text = text.replace(theirs, () => ours);
  }
  return `// Generated by scripts/lib/drizzle-utils.mjs from ${file}. Do not edit; not in git.
${text}`;
}
