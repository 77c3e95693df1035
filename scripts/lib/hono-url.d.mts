/** getQueryParam's fast path for one key, left out (see hono-url.mjs). */
export const FAST_PATH: string;
/** mergePath's rest arguments, which no call of the bundle gives: hono's text and the generated module's. */
export const MERGE_PATH_REST: { readonly from: string; readonly to: string };
/** hono/dist/utils/url.js's text as src/generated/hono-url.js (see hono-url.mjs). */
export function trimHonoUrl(source: string): string;
