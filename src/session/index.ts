import type { Context, MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv, Bindings } from '../env';
import { getCookie } from '../generated/hono-cookie.js';
import { claimsOf, type Session, type SessionClaims, sessionFromClaims } from './claims';
import { verifyHs256 } from './jwt';

export type { Session } from './claims';

const MIN_SECRET_BYTES = 32;

/**
 * The HMAC keys of the current and the previous secret, imported once per isolate rather than on
 * every request (it showed in the profile of a list page).
 */
const imported = new Map<string, Promise<CryptoKey>>();

function hmacKey(text: string): Promise<CryptoKey> {
  let key = imported.get(text);
  if (!key) {
    key = crypto.subtle.importKey('raw', new TextEncoder().encode(text), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
    imported.set(text, key);
    // A failed import is tried again by the next request, never kept for the isolate's life.
    key.catch(() => imported.delete(text));
  }
  return key;
}

/** The current and the previous secret where set and long enough, in that order. */
function secretsOf(env: Bindings): string[] {
  const secrets = [env.SESSION_SECRET, env.SESSION_SECRET_PREVIOUS].filter(
    // UTF-8 has at least one byte per UTF-16 unit: a secret of 32 units or more is long enough
    // without encoding it on every request (1-2 % of a list page's CPU in workerd).
    (text): text is string =>
      typeof text === 'string' && (text.length >= MIN_SECRET_BYTES || new TextEncoder().encode(text).length >= MIN_SECRET_BYTES),
  );
  if (secrets.length === 0) throw new Error('SESSION_SECRET is missing or shorter than 32 bytes');
  return secrets;
}

/**
 * Tokens whose signature a secret verified, by the token's exact text: a browser sends the same
 * cookie with every request, so the HMAC and the decoding run once per token and isolate (they
 * were 6 % of a list page in the profile). The signature is remembered, and the claims as zod
 * read them (the same payload reads the same every time; that parse was 1.3 % of a list page): their
 * expiry, not-before, issuer and audience are checked on every request, the role by the caller.
 * Bounded: the oldest goes first.
 */
const verified = new Map<string, { secret: string; claims: SessionClaims | null }>();
const MAX_VERIFIED_TOKENS = 512;

/**
 * Verifies a session token: HS256 only (the header's alg must equal it), signed with the
 * current or the previous secret, then the claims (src/session/claims.ts). Null on any failure.
 */
export async function verifySessionToken(
  token: string,
  env: Bindings,
  nowSeconds = Math.floor(Date.now() / 1000),
): Promise<Session | null> {
  // Times, issuer and audience are checked (times with leeway) in sessionFromPayload, every time.
  const expected = { issuer: env.SESSION_ISSUER, audience: env.SESSION_AUDIENCE, nowSeconds };
  const secrets = secretsOf(env);
  const known = verified.get(token);
  // Only while the secret that verified it is still the current or the previous one.
  if (known && secrets.includes(known.secret)) return sessionFromClaims(known.claims, expected);
  for (const secret of secrets) {
    // A key WebCrypto refused to import verifies nothing: the token is refused (401), not a 500.
    const verifier = await hmacKey(secret).catch(() => null);
    const payload = verifier && (await verifyHs256(token, verifier));
    if (payload) {
      if (verified.size >= MAX_VERIFIED_TOKENS) verified.delete(verified.keys().next().value ?? '');
      const claims = claimsOf(payload);
      // Kept as a copy of its own: the token is a slice of the Cookie header, other cookies and all.
      verified.set(` ${token}`.slice(1), { secret, claims });
      return sessionFromClaims(claims, expected);
    }
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
export function requireCustomer(options: RequireCustomerOptions = {}): MiddlewareHandler<AppEnv> {
  const { onUnauthenticated } = options;
  return async function requireCustomer(c, next) {
    const token = getCookie(c, c.env.SESSION_COOKIE);
    const session = token ? await verifySessionToken(token, c.env) : null;
    if (!session) {
      const answer = onUnauthenticated ? await onUnauthenticated(c) : null;
      if (answer) return answer;
      throw new HTTPException(401, { message: 'unauthorized' });
    }
    c.set('session', session);
    c.set('shell', { ...c.get('shell'), user: { id: session.userId, name: session.name, assets: session.assets } });
    if (session.role !== 'customer') throw new HTTPException(403, { message: 'forbidden' });
    await next();
  };
}
