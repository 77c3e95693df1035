/** Largest request body accepted (contract §6: 413 above it). */
export const MAX_BODY_BYTES = 64 * 1024;
