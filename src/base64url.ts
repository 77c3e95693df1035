/**
 * base64url (RFC 4648 §5) and strict UTF-8, one copy for the session's tokens (src/session/jwt.ts),
 * the list's cursors (src/contacts/cursor.ts), random ids (src/db/client.ts) and strict forms.
 */

/** UTF-8 that refuses malformed bytes; a U+FEFF at the start stays part of the text. */
export const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** `bytes` as unpadded base64url. */
export function toBase64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return binaryToBase64url(binary);
}

/** A binary string (one character per byte) as unpadded base64url. */
export const binaryToBase64url = (binary: string) => btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/** The bytes of base64url `text` as `atob` reads them (it throws where `atob` throws). */
export function fromBase64url(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
