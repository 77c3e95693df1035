import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env';
import { CRITICAL_CSS_HASH, PAGES_CSS_HASH } from '../generated/assets';

/**
 * The security headers of every answer, set after the handler over whatever it set (and
 * `X-Powered-By` removed). A constant list written out here instead of hono/secure-headers: the
 * middleware builds this same list from options and carries a nonce generator, report endpoints
 * and permission policies the app does not use, 1.3 KB gzip of a Worker that has to fit 100 KB
 * (issue #18). test/security-headers.test.ts holds it to what hono's middleware answers
 * with the options the app used before.
 *
 * `frameAncestors` is the platform's list (FRAME_ANCESTORS, contract §7). X-Frame-Options cannot
 * name origins: with framing allowed, frame-ancestors alone decides.
 */
export function securityHeaders(frameAncestors: readonly string[]): MiddlewareHandler<AppEnv> {
  const framingAllowed = !frameAncestors.includes("'none'");
  const policy = [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' '${CRITICAL_CSS_HASH}' '${PAGES_CSS_HASH}'`,
    "img-src 'self' data:",
    "connect-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    `frame-ancestors ${frameAncestors.join(' ')}`,
  ].join('; ');
  const headers: [string, string][] = [
    ['Cross-Origin-Resource-Policy', 'same-origin'],
    ['Cross-Origin-Opener-Policy', 'same-origin'],
    ['Origin-Agent-Cluster', '?1'],
    ['Referrer-Policy', 'same-origin'],
    ['Strict-Transport-Security', 'max-age=31536000; includeSubDomains'],
    ['X-Content-Type-Options', 'nosniff'],
    ['X-DNS-Prefetch-Control', 'off'],
    ['X-Download-Options', 'noopen'],
    ...(framingAllowed ? [] : [['X-Frame-Options', 'DENY'] as [string, string]]),
    ['X-Permitted-Cross-Domain-Policies', 'none'],
    ['X-XSS-Protection', '0'],
    ['Content-Security-Policy', policy],
  ];
  return async function securityHeaders(c, next) {
    await next();
    // The response's headers once: every `c.res.headers` is a getter and a call into workerd.
    const target = c.res.headers;
    for (const [name, value] of headers) target.set(name, value);
    target.delete('X-Powered-By');
  };
}
