/** The fields of drizzle's Column the bundle leaves out (see drizzle-column.mjs). */
export const COLUMN_FIELDS_LEFT_OUT: readonly string[];
/** The lines of drizzle-orm/column.js that declare the field `name` or copy it from the config. */
export function fieldLines(name: string): RegExp;
/** drizzle-orm/column.js's text as src/generated/drizzle-column.js (see drizzle-column.mjs). */
export function trimColumn(source: string): string;
/** Column's shouldDisableInsert(), left out (see drizzle-column.mjs). */
export const SHOULD_DISABLE_INSERT: string;
