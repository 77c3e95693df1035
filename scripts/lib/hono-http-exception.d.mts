/** The texts left out of hono's HTTPException (see hono-http-exception.mjs). */
export const LEFT_OUT: string[];
/** hono/dist/http-exception.js's text as src/generated/hono-http-exception.js (see hono-http-exception.mjs). */
export function trimHonoHttpException(source: string): string;
