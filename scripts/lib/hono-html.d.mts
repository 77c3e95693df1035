/** The edit of hono's html`` helper: its last line, and ours. */
export const EDIT: { readonly from: string; readonly to: string };
/** The edit of html``'s branch of an escaped string with callbacks, which the app's never have. */
export const BRANCH: { readonly from: string; readonly to: string };
/** Where src/generated/hono-html.js takes the helper's import from. */
export const IMPORTS: Readonly<Record<string, string>>;
/** hono/dist/helper/html/index.js's text as src/generated/hono-html.js (see hono-html.mjs). */
export function trimHonoHtml(source: string): string;
/** src/generated/hono-html.d.ts: hono's own types, raw()'s without callbacks. */
export const HONO_HTML_TYPES: string;
