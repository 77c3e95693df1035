import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv, Bindings } from '../env';
import { type Session, sessionFromPayload } from './claims';
import { verifyHs256 } from './jwt';

export type { Session } from './claims';

const MIN_SECRET_BYTES = 32;

/**
 * The HMAC keys of the current and the previous secret, imported once per isolate rather than on
 * every request (it showed in the profile of a list page).
 */
const imported = new Map<string, Promise<CryptoKey>>();

function hmacKey(secret: Uint8Array, text: string): Promise<CryptoKey> {
  let key = imported.get(text);
  if (!key) {
    key = crypto.subtle.importKey('raw', secret, { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
    imported.set(text, key);
    // A failed import is tried again by the next request, never kept for the isolate's life.
    key.catch(() => imported.delete(text));
  }
  return key;
}

function keysOf(env: Bindings): Promise<CryptoKey>[] {
  const keys: Promise<CryptoKey>[] = [];
  for (const text of [env.SESSION_SECRET, env.SESSION_SECRET_PREVIOUS]) {
    if (typeof text !== 'string') continue;
    const bytes = new TextEncoder().encode(text);
    if (bytes.length >= MIN_SECRET_BYTES) keys.push(hmacKey(bytes, text));
  }
  if (keys.length === 0) throw new Error('SESSION_SECRET is missing or shorter than 32 bytes');
  return keys;
}

/**
 * Verifies a session token: HS256 only (the header's alg must equal it), signed with the
 * current or the previous secret, then the claims (src/session/claims.ts). Null on any failure.
 */
export async function verifySessionToken(
  token: string,
  env: Bindings,
  nowSeconds = Math.floor(Date.now() / 1000),
): Promise<Session | null> {
  for (const key of keysOf(env)) {
    // A key WebCrypto refused to import verifies nothing: the token is refused (401), not a 500.
    const verifier = await key.catch(() => null);
    if (!verifier) continue;
    // Times, issuer and audience are checked (times with leeway) in sessionFromPayload.
    const payload = await verifyHs256(token, verifier);
    if (payload) return sessionFromPayload(payload, { issuer: env.SESSION_ISSUER, audience: env.SESSION_AUDIENCE, nowSeconds });
  }
  return null;
}

export interface RequireCustomerOptions {
  /**
   * Answers a request without a valid session before the plain 401 page: a feature may keep what
   * the request carried (the contact book keeps typed form input). Null: the 401 page.
   */
  onUnauthenticated?: (c: Context<AppEnv>) => Promise<Response | null>;
}

/** Requires a valid session (401 otherwise) of a customer (403 otherwise). */
export function requireCustomer(options: RequireCustomerOptions = {}) {
  const { onUnauthenticated } = options;
  return createMiddleware<AppEnv>(async function requireCustomer(c, next) {
    const token = getCookie(c, c.env.SESSION_COOKIE);
    const session = token ? await verifySessionToken(token, c.env) : null;
    if (!session) {
      const answer = onUnauthenticated ? await onUnauthenticated(c) : null;
      if (answer) return answer;
      throw new HTTPException(401, { message: 'unauthorized' });
    }
    c.set('session', session);
    c.set('shell', { ...c.get('shell'), user: { name: session.name, assets: session.assets } });
    if (session.role !== 'customer') throw new HTTPException(403, { message: 'forbidden' });
    await next();
  });
}
