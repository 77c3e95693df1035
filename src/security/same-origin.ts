import type { Context, MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../env';

/** Methods that never write (no CSRF check, no rate limit). */
export const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Same-origin writes only (contract §4): `Origin` must equal the app's origin; where a browser
 * sends no Origin, `Sec-Fetch-Site: same-origin` is accepted instead; anything else is a 403.
 * Hand-written because hono/csrf only inspects form and text bodies (an htmx DELETE has none)
 * and lets a request with neither header pass; it also answers in plain text.
 */
export const sameOriginWrites: MiddlewareHandler<AppEnv> = async function sameOriginWrites(c, next) {
  if (!SAFE_METHODS.has(c.req.method) && !isSameOrigin(c)) throw new HTTPException(403, { message: 'cross-site' });
  await next();
};

export function isSameOrigin(c: Context): boolean {
  const origin = c.req.header('origin');
  if (origin !== undefined) return origin === new URL(c.req.url).origin;
  return c.req.header('sec-fetch-site') === 'same-origin';
}
