/** The members of hono's Context that the Worker's bundle leaves out. */
export const CONTEXT_LEFT_OUT: readonly string[];
/** The private fields of hono's Context that only those members used. */
export const CONTEXT_FIELDS_LEFT_OUT: readonly string[];
/** The texts of hono's Context replaced in the Worker's bundle, each inside the member it names. */
export const CONTEXT_EDITS: readonly { member: string; from: string; to: string }[];
/** The answers of the context whose arguments #newResponse() takes as the bundle gives them: a status as a number or none, headers as a record of strings. */
export const NEW_RESPONSE_ARGS: readonly string[];
/** The members of hono's HonoRequest that the Worker's bundle leaves out. */
export const REQUEST_LEFT_OUT: readonly string[];
/** Texts of request members replaced, each only leaving out: the body cache's branch for another kind, header() without a name. */
export const REQUEST_EDITS: readonly { member: string; from: string; to: string }[];
/** Texts of request members replaced for a router's match without a parameter stash (PatternRouter's), and `#getParamValue` left out (its text to ''). */
export const PARAM_STASH_EDITS: readonly { member: string; from: string; to: string }[];
/** Where src/generated/hono-context.js takes each of context.js's imports from. */
export const CONTEXT_IMPORTS: Readonly<Record<string, string>>;
/** Where src/generated/hono-request.js takes each of request.js's imports from. */
export const REQUEST_IMPORTS: Readonly<Record<string, string>>;
/** hono/dist/context.js's text as src/generated/hono-context.js (see hono-context.mjs). */
export function trimHonoContext(source: string): string;
/** hono/dist/request.js's text as src/generated/hono-request.js (see hono-context.mjs). */
export function trimHonoRequest(source: string): string;
