/** hono's getCookie and the generated one (see hono-cookie.mjs). */
export const EDIT: { readonly from: string; readonly to: string };
/** The cookie parser's import: hono's path and the generated file's. */
export const PARSER: { readonly from: string; readonly to: string };
/** hono/dist/helper/cookie/index.js's text as src/generated/hono-cookie.js (see hono-cookie.mjs). */
export function trimHonoCookie(source: string): string;
/** src/generated/hono-cookie.d.ts. */
export const HONO_COOKIE_TYPES: string;
