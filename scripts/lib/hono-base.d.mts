/** The members of hono's HonoBase that the Worker's bundle leaves out. */
export const LEFT_OUT: readonly string[];
/** Where the generated file takes each of hono-base.js's imports from. */
export const IMPORTS: Readonly<Record<string, string>>;
/** hono/dist/hono-base.js's text as src/generated/hono-base.js (see hono-base.mjs). */
export function trimHonoBase(source: string): string;
/** Texts of hono-base.js replaced, each found once. */
export const EDITS: readonly { from: string; to: string }[];
/** Texts of app.route() replaced, each found once: a sub-application's own error handler refused. */
export const ROUTE_EDITS: readonly { from: string; to: string }[];
/** hono's default error handler, never called (every app that answers sets its own), and the function that throws in its place. */
export const DEFAULT_ERROR_HANDLER: { from: string; to: string };
/** hono's default not-found handler, never called (every app that answers sets its own), left out, and the error handler that throws in its place. */
export const DEFAULT_NOT_FOUND: readonly { from: string; to: string }[];
/** dispatch()'s fast path for a request one handler alone matches, left out: compose() answers it the same. */
export const SINGLE_HANDLER: { from: string; to: string };
/** The fields of the methods no app of the bundle calls (options, patch, query), left out, and the methods made named (see hono-base.mjs). */
export const VERB_METHODS: { from: string; to: string }[];
