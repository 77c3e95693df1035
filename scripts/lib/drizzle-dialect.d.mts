/** The methods of drizzle-orm's SQLite dialect that the Worker's bundle leaves out. */
export const LEFT_OUT: readonly string[];
/** drizzle-orm/sqlite-core/dialect.js's text as src/generated/sqlite-dialect.js (see drizzle-dialect.mjs). */
export function trimDialect(source: string): string;
/** A relative import of sqlite-core/dialect.js as drizzle-orm's package specifier. */
export function packageSpecifier(from: string): string;
/** What the Worker's bundle leaves out of drizzle-orm's SQLite select builder. */
export const SELECT_LEFT_OUT: {
  readonly methods: readonly string[];
  readonly fields: readonly string[];
  readonly functions: readonly string[];
  readonly constants: readonly string[];
};
/** drizzle-orm/sqlite-core/query-builders/select.js's text as src/generated/sqlite-select.js. */
export function trimSelect(source: string): string;
/** A relative import of sqlite-core/query-builders/select.js as drizzle-orm's package specifier. */
export function selectSpecifier(from: string): string;
