/** Each text left out of drizzle-orm/sql/sql.js (a text, or a pattern of it), by what it was. */
export const SQL_LEFT_OUT: Readonly<Record<string, string | RegExp>>;
/** Texts of drizzle-orm/sql/sql.js replaced, each found `count` times. */
export const SQL_EDITS: readonly { name: string; from: string; to: string; count: number }[];
/** Imports of sql.js the generated file takes from the bundle's stand-ins. */
export const SQL_STAND_INS: Readonly<Record<string, string>>;
/** drizzle-orm/sql/sql.js's text as src/generated/drizzle-sql.js (see drizzle-sql.mjs). */
export function trimSql(source: string): string;
