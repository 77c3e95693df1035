/** zod/mini's modules copied to src/generated/zod-mini-<name>.js (see zod-mini.mjs). */
export const MINI_COPIES: string[];
/** ZodMiniType's methods the copy of zod/v4/mini/schemas.js leaves out. */
export const LEFT_METHODS: string[];
/** A mini module's import lines rewritten to the copies, src/generated/zod-core.js and zod's own files. */
export function rewriteImports(file: string, text: string): string;
/** zod/v4/mini/<file>.js's text as src/generated/zod-mini-<file>.js (see zod-mini.mjs). */
export function zodMini(file: string, source: string): string;
/** The line of ZodMiniObject's `shape` accessor the copy of zod/v4/mini/schemas.js leaves out. */
export const SHAPE_ACCESSOR: string;
/** ZodMiniType's check that a core schema made its instance first, which zod's $constructor always does. */
export const UNINITIALIZED_CHECK: string;
/** ZodMiniType's check() of a plain function, and what takes its place: the checks handed on as they are. */
export const CHECK_FUNCTIONS: { readonly from: string; readonly to: string };
