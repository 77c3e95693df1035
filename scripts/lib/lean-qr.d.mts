export function trimLeanQr(source: string): string;
export const LEAN_QR_TYPES: string;
