/** The edits, each an exact text of hono's jsx/base.js and what takes its place. */
export const EDITS: readonly { from: string; to: string }[];
/** Where the generated file takes each of base.js's imports from. */
export const IMPORTS: Readonly<Record<string, string>>;
/** base.js with EDITS made and its imports as IMPORTS names them. */
export function trimJsxBase(source: string): string;
