/** The texts left out of hono's compose() (see hono-compose.mjs). */
export const GUARD: string[];
/** hono/dist/compose.js's text as src/generated/hono-compose.js (see hono-compose.mjs). */
export function trimHonoCompose(source: string): string;
