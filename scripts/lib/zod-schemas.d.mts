/** The names zod/v4/core/schemas.js exports, in its order. */
export function exportsOf(source: string): string[];
/** zod/v4/core/schemas.js's text as src/generated/zod-schemas.js (see zod-schemas.mjs). */
export function trimZodSchemas(source: string): string;
/** src/generated/zod-core.js for zod/v4/core/schemas.js's text (see zod-schemas.mjs). */
export function zodCore(schemasSource: string, parseSource: string, errorsSource: string): string;
/** What src/generated/zod-schemas.js says where zod's object parse would run a catchall. */
export const CATCHALL_THROW: string;
/** A container's allocation of its result through zod's memoizer (`memo ? memo.alloc(inst, payload, X, ctx) : X;`), X its first group. */
export const MEMO_ALLOC: RegExp;
/** The branches of an asynchronous parse left out: [name, zod's text, the text in its place (its lines less some)]. */
export const ASYNC_BRANCHES: [string, string, string][];
/** Whether the lines of `to` are lines of `from`, in their order. */
export function onlyLeavesOut(from: string, to: string): boolean;
/** $ZodString's coercion, left out. */
export const STRING_COERCE: string;
/** Texts of an object's normalized shape that nothing reads, left out. */
export const NORMALIZED_UNREAD: string[];
/** $ZodType's run of a check's `when`, and what takes its place. */
export const WHEN_BRANCH: { from: string; to: string };
/** An object's parse without its abortEarly (no context of the bundle has one) and the promises it no longer collects: [name, from, to], each found once. */
export const OBJECT_SYNC_EDITS: readonly (readonly [string, string, string])[];
/** An object's symbol keys and lazy copy of its shape, a catch's context for its fallback, none of which the app's schemas give or read: [name, from, to], each found once. */
export const LEAN_EDITS: readonly (readonly [string, string, string])[];
/** The generated names of zod's core/util.js and core/core.js, by their file names. */
export const ZOD_CORE_COPIES: { 'util.js': string; 'core.js': string };
/** A check's stamp of its schema on the issues it raised, left out of src/generated/zod-schemas.js (two). */
export const ISSUE_STAMP: RegExp;
/** A refinement's copy of its def's params onto its issue, left out of src/generated/zod-schemas.js. */
export const REFINE_PARAMS: string;
/** finalizeIssue's lookups of a message in zod's global config (customError, localeError), left out of src/generated/zod-util.js. */
export const CONFIG_MESSAGES: string;
/** normalizeParams's reading of given params (a string, a `message`, an `error` string), left out of src/generated/zod-util.js. */
export const NORMALIZE_PARAMS: string;
/** finalizeIssue's lookups of what only params set (a def's or a context's error, reportInput): [name, from, to], each found once in zod/v4/core/util.js. */
export const FINALIZE_UNSET: readonly (readonly [string, string, string])[];
/** $constructor's global postProcessor hook (zod/compile's), left out of src/generated/zod-constructor.js. */
export const HAS_INSTANCE: string;
/** $constructor's newError() left out, an error built as `new Definition()` (see zod-schemas.mjs): [from, to] each. */
export const NEW_ERROR: readonly (readonly [string, string])[];
export const POST_PROCESSOR: RegExp;
/** zod/v4/core/util.js's or core.js's text ('util.js', 'core.js') as src/generated/zod-util.js or zod-constructor.js (see zod-schemas.mjs). */
export function trimZodCoreFile(file: string, source: string): string;
/** A custom refinement's check returning its function's Promise itself (the checks' run throws for it). */
export const CUSTOM_PROMISE: { from: string; to: string };
export const ZOD_ERROR_COPIES: { 'errors.js': string; 'parse.js': string };
export const ERROR_MESSAGE: readonly (readonly [string, string])[];
export function trimZodErrorFile(file: string, source: string): string;
export const PURE_EXPORTS: readonly (readonly [string, string, string])[];
/** finalizeIssue's calls with config() (`from`) and without (`to`), in parse.js and schemas.js. */
export const CONFIG_ARG: { from: string; to: string };
/** core.js's global config on globalThis (`from`) and the module's own object in its place (`to`). */
export const GLOBAL_CONFIG: { from: string; to: string };
/** $ZodAsyncError's message, never thrown by the app's synchronous schemas, as the bundle's message for a path it never reaches. */
export const ASYNC_MESSAGE: { from: string; to: string };
/** safeParse's context as zod writes it and as the generated zod-parse.js does. */
export const SAFE_PARSE_CTX: { readonly from: string; readonly to: string };
