/** Texts of drizzle-orm/d1/driver.js replaced (see drizzle-d1-driver.mjs). */
export const D1_DRIVER_EDITS: readonly { readonly name: string; readonly from: string; readonly to: string }[];
/** Where the generated module takes each of drizzle's imports from, or undefined for one left out. */
export const D1_DRIVER_IMPORTS: Record<string, string | undefined>;
/** drizzle-orm/d1/driver.js's text as src/generated/d1-driver.js. */
export function trimD1Driver(source: string, options?: { unread?: boolean }): string;
/** What the driver hands the session and the database that neither reads: an exact text, found once. */
export const D1_DRIVER_UNREAD: { readonly name: string; readonly from: string; readonly to: string };
