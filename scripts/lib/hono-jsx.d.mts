/** The edits, each an exact text of hono's jsx/base.js and what takes its place. */
export const EDITS: readonly { from: string; to: string }[];
/** Where the generated file takes each of base.js's imports from. */
export const IMPORTS: Readonly<Record<string, string>>;
/** base.js with EDITS made and its imports as IMPORTS names them. */
export function trimJsxBase(source: string): string;
/** hono's empty tags and boolean attributes, and those of each the generated file keeps. */
export const HONO_EMPTY_TAGS: readonly string[];
export const EMPTY_TAGS: readonly string[];
export const HONO_BOOLEAN_ATTRIBUTES: readonly string[];
export const BOOLEAN_ATTRIBUTES: readonly string[];
/** The types of src/generated/jsx-base.js for the app's JSX factory (src/generated/jsx-base.d.ts). */
export const JSX_BASE_TYPES: string;
