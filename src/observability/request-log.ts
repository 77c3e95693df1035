import type { MiddlewareHandler } from 'hono';
import { matchedRoutes, routePath } from 'hono/route';
import type { AppEnv } from '../env';
import { withTimings } from './timing';

/**
 * One JSON line per request for Workers Logs, and `Server-Timing` (app, db, limit) for benchmarks.
 * Only what a maintainer needs and nothing personal: method, route pattern (never the concrete
 * URL with its search query), status, duration, asset id, our request id (never one a client
 * sent) and Cloudflare's ray id. No names, no tokens.
 */
export const requestLog: MiddlewareHandler<AppEnv> = async function requestLog(c, next) {
  const started = performance.now();
  c.set('requestId', crypto.randomUUID());
  const timings = await withTimings(next);
  const duration = Math.round((performance.now() - started) * 100) / 100;
  const ms = (wait: number) => Math.round(wait * 100) / 100;
  c.res.headers.set('Server-Timing', `app;dur=${duration}, db;dur=${ms(timings.db)}, limit;dur=${ms(timings.limit)}`);
  c.res.headers.set('X-Request-Id', c.get('requestId'));
  console.log(
    JSON.stringify({
      level: c.res.status >= 500 ? 'error' : 'info',
      requestId: c.get('requestId'),
      // Cloudflare's own id of the request, where the platform's edge sends one.
      cfRay: c.req.header('cf-ray'),
      method: c.req.method,
      // The endpoint: the first route of a method matched, not the last one (an upload matched POST
      // /contacts/:contactId after the import: security review, stop 63), nor the middleware that
      // answered a 401, 403 or 429 (code review).
      route: routePath(
        c,
        matchedRoutes(c).findIndex((route) => route.method !== 'ALL'),
      ),
      status: c.res.status,
      durationMs: duration,
      assetId: c.get('asset')?.id,
    }),
  );
};
