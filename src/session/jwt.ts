/**
 * HS256 JSON Web Tokens (RFC 7519, RFC 7515 compact form), the one algorithm of the contract (§2).
 *
 * Written here instead of taken from hono/jwt: Hono's helper verifies every JWA algorithm, imports
 * PEM and JWK keys and fetches JWKS, 3.3 KB gzip of a Worker that has to fit 100 KB (issue #18),
 * while HS256 is one WebCrypto call on each side. The checks are Hono's (4.13) for the options the
 * app used: three parts; a header that is a JSON object with `alg` exactly "HS256", `typ` absent
 * or "JWT" (any case, "application/" allowed) and no `crit`; a payload that is a JSON object; an
 * unpadded or padded (one `=`) base64url signature of 32 bytes, spelled canonically, that WebCrypto
 * verifies (in constant time); hono accepted `==` and non-zero spare bits too. Times,
 * issuer and audience are checked by the caller (src/session/claims.ts). The hostile suite
 * (test/hostile/sessions.test.ts) signs its tokens with jose, an independent implementation.
 */

import { fromBase64url, strictUtf8, toBase64url } from '../base64url';

const encoder = new TextEncoder();
const BASE64URL = /^[A-Za-z0-9_-]*$/;
const SIGNATURE = /^[A-Za-z0-9_-]{43}=?$/;

function bytesOf(part: string): Uint8Array<ArrayBuffer> | null {
  if (!BASE64URL.test(part) || part.length % 4 === 1) return null;
  return fromBase64url(part);
}

function objectOf(part: string): Record<string, unknown> | null {
  const bytes = bytesOf(part);
  if (!bytes) return null;
  try {
    const value: unknown = JSON.parse(strictUtf8.decode(bytes));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

const isJwtType = (typ: unknown) =>
  typ === undefined || (typeof typ === 'string' && typ.toLowerCase().replace(/^application\//, '') === 'jwt');

/**
 * The payload of an HS256 token whose signature `key` (HMAC SHA-256, usage "verify") verifies;
 * null for anything else.
 */
export async function verifyHs256(token: string, key: CryptoKey): Promise<Record<string, unknown> | null> {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [head = '', body = '', tail = ''] = parts;
  const header = objectOf(head);
  if (!header || header.alg !== 'HS256' || !isJwtType(header.typ) || 'crit' in header) return null;
  const payload = objectOf(body);
  // 32 bytes of HMAC SHA-256: 43 characters, or 44 with the one `=` of padding. Only the canonical
  // spelling (the unused low bits of the last character zero): a token has one signature string.
  const signed = SIGNATURE.test(tail) ? tail.slice(0, 43) : '';
  const signature = bytesOf(signed);
  if (!payload || !signed || !signature || toBase64url(signature) !== signed) return null;
  return (await crypto.subtle.verify('HMAC', key, signature, encoder.encode(`${head}.${body}`))) ? payload : null;
}

/** An HS256 token of `payload` (header `{"alg":"HS256","typ":"JWT"}`), signed with `secret`. */
export async function signHs256(payload: Record<string, unknown>, secret: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const unsigned = `${toBase64url(encoder.encode(JSON.stringify({ alg: 'HS256', typ: 'JWT' })))}.${toBase64url(encoder.encode(JSON.stringify(payload)))}`;
  return `${unsigned}.${toBase64url(new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(unsigned))))}`;
}
