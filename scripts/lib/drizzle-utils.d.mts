/** Each function of drizzle-orm/utils.js written shorter: drizzle's text and the generated module's. */
export const UTILS_SHORTER: Readonly<Record<string, { readonly theirs: string; readonly ours: string }>>;
/** drizzle-orm/utils.js's imports and the generated module's. */
export const UTILS_IMPORTS: { readonly theirs: string; readonly ours: string };
/** drizzle-orm/utils.js's TextDecoder and the generated module's, marked pure. */
export const TEXT_DECODER: { readonly theirs: string; readonly ours: string };
/** drizzle-orm/utils.js's text as src/generated/drizzle-utils.js (see drizzle-utils.mjs). */
export function trimUtils(source: string): string;
