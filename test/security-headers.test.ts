// The security headers are a constant list (src/security/headers.ts) instead of
// hono/secure-headers: hono's middleware with the options the app used before is the oracle.
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { describe, expect, it } from 'vitest';
import { CRITICAL_CSS_HASH, PAGES_CSS_HASH } from '../src/generated/assets';
import { securityHeaders } from '../src/security/headers';

function hono(frameAncestors: string[]) {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'none'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", `'${CRITICAL_CSS_HASH}'`, `'${PAGES_CSS_HASH}'`],
      imgSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      formAction: ["'self'"],
      baseUri: ["'none'"],
      frameAncestors,
    },
    strictTransportSecurity: 'max-age=31536000; includeSubDomains',
    xFrameOptions: frameAncestors.includes("'none'") ? 'DENY' : false,
    referrerPolicy: 'same-origin',
  });
}

async function headersOf(middleware: ReturnType<typeof hono>) {
  const app = new Hono().use(middleware).get('/', (c) => {
    c.header('X-Powered-By', 'test');
    c.header('Referrer-Policy', 'unsafe-url');
    return c.text('ok');
  });
  const response = await app.fetch(new Request('http://localhost/'));
  return [...response.headers].sort(([a], [b]) => a.localeCompare(b));
}

describe('security headers', () => {
  for (const frameAncestors of [["'none'"], ["'self'", 'https://kunden.example.de']]) {
    it(`are the ones hono/secure-headers set, frame-ancestors ${frameAncestors.join(' ')}`, async () => {
      const ours = await headersOf(securityHeaders(frameAncestors));
      expect(ours).toEqual(await headersOf(hono(frameAncestors)));
      const names = ours.map(([name]) => name);
      expect(names).toContain('content-security-policy');
      expect(names).not.toContain('x-powered-by');
      expect(names.includes('x-frame-options')).toBe(frameAncestors.includes("'none'"));
      expect(Object.fromEntries(ours)['referrer-policy']).toBe('same-origin');
    });
  }
});
