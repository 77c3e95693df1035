/** A text of drizzle's replaced: its name, drizzle's text and what takes its place. */
export type Edit = { readonly name: string; readonly from: string; readonly to: string };
/** Texts of drizzle-orm/table.js replaced (see drizzle-table.mjs). */
export const TABLE_EDITS: readonly Edit[];
/** Texts of drizzle-orm/sqlite-core/table.js replaced. */
export const SQLITE_TABLE_EDITS: readonly Edit[];
/** The imports of the two modules, each as drizzle writes it. */
export const TABLE_IMPORTS: Record<'table.js' | 'sqlite-core/table.js', readonly string[]>;
/** `source` (drizzle's `file`) with each of `edits` replaced; throws for a text not found exactly once. */
export function edited(source: string, edits: readonly Edit[], file: string): string;
/** drizzle-orm/table.js's and drizzle-orm/sqlite-core/table.js's texts as src/generated/drizzle-table.js. */
export function trimTables(tableSource: string, sqliteTableSource: string): string;
