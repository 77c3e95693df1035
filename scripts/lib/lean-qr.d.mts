export function trimLeanQr(source: string): string;
export const LEAN_QR_TYPES: string;
/** The package's block table as a string literal read at `n` (its contents the first group). */
export const TABLE: RegExp;
/** Level M's value in lean-qr's `correction`. */
export const LEVEL_M: number;
/** The table's column of level M (versions 1 to `versions`, MAX_VERSION if not given) as a string literal read at the version's place. */
export function levelMTable(table: string, versions?: number): string;
/** The largest version the Worker draws (src/contacts/qr.ts QR_MAX_VERSION). */
export const MAX_VERSION: number;
/** generate()'s head in the package: its parameters and its check that the text is a string. */
export const GENERATE_HEAD: string;
/** generate()'s head in the bundle: without a minVersion and that check, refusing a level other than M. */
export function generateHead(): string;
/** generate()'s search of a version in the bundle: 1 to MAX_VERSION. */
export function loop(): string;
