/** The edits of hono's utils/html.js: each text as hono has it, and ours. */
export const EDITS: ReadonlyArray<{ readonly from: string; readonly to: string }>;
/** Where hono's callbacks' runners begin (left out up to the module's end region). */
export const RUNNERS_FROM: string;
/** hono's exports, and ours. */
export const EXPORTS: { readonly from: string; readonly to: string };
/** hono/dist/utils/html.js's text as src/generated/hono-utils-html.js (see hono-utils-html.mjs). */
export function trimHonoUtilsHtml(source: string): string;
/** src/generated/hono-utils-html.d.ts: hono's types, raw() without callbacks. */
export const HONO_UTILS_HTML_TYPES: string;
