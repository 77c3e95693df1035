export function trimLeanQr(source: string): string;
export const LEAN_QR_TYPES: string;
/** The package's block table as a string literal read at `n` (its contents the first group). */
export const TABLE: RegExp;
/** Level M's value in lean-qr's `correction`. */
export const LEVEL_M: number;
/** The table's column of level M as a string literal read at the version's place. */
export function levelMTable(table: string): string;
