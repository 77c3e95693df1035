/** The methods of drizzle-orm's SQLite dialect that the Worker's bundle leaves out. */
export const LEFT_OUT: readonly string[];
/** drizzle-orm/sqlite-core/dialect.js's text as src/generated/sqlite-dialect.js (see drizzle-dialect.mjs). */
export function trimDialect(source: string): string;
/** A relative import of sqlite-core/dialect.js as drizzle-orm's package specifier. */
export function packageSpecifier(from: string): string;
