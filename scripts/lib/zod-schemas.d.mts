/** The names zod/v4/core/schemas.js exports, in its order. */
export function exportsOf(source: string): string[];
/** zod/v4/core/schemas.js's text as src/generated/zod-schemas.js (see zod-schemas.mjs). */
export function trimZodSchemas(source: string): string;
/** src/generated/zod-core.js for zod/v4/core/schemas.js's text (see zod-schemas.mjs). */
export function zodCore(schemasSource: string): string;
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
