import type { Context, Hono, MiddlewareHandler } from 'hono';
import { PatternRouter } from 'hono/router/pattern-router';
import type { AppEnv } from '../env';
import { kept } from '../kept';

/**
 * A 405 with `Allow` where the path has routes, only for other methods: the rule of
 * hono/method-not-allowed (a GET route allows HEAD too; ALL and HEAD routes name no method),
 * matched with the PatternRouter that hono/tiny already carries. Hono's middleware builds a
 * TrieRouter of its own for this, 1.2 KB gzip of a Worker that has to fit 100 KB (issue #18).
 * The app is never mounted inside another, so the request's path is the one to match (hono's
 * middleware also strips a mount prefix). test/method-not-allowed.test.ts holds it to hono's
 * middleware on every route of the app.
 */
export function methodNotAllowed(
  app: Hono<AppEnv>,
  onMethodNotAllowed: (c: Context<AppEnv>, methods: string[]) => Response | Promise<Response>,
): MiddlewareHandler<AppEnv> {
  let router: PatternRouter<string[]> | undefined;
  return async function methodNotAllowed(c, next) {
    await next();
    if (c.res.status !== 404 || c.error) return;
    if (!router) {
      const methodsByPath = new Map<string, Set<string>>();
      for (const route of app.routes) {
        if (route.method === 'ALL' || route.method === 'HEAD') continue;
        const methods = kept(methodsByPath, route.path, () => new Set());
        methods.add(route.method);
        if (route.method === 'GET') methods.add('HEAD');
      }
      router = new PatternRouter();
      for (const [path, methods] of methodsByPath) router.add('ALL', path, [...methods]);
    }
    const allowed = new Set(router.match('ALL', c.req.path)[0].flatMap(([methods]) => methods));
    if (allowed.size === 0 || allowed.has(c.req.method)) return;
    // The 404's own headers would otherwise be carried over to the new answer.
    c.res.headers.delete('Allow');
    c.res.headers.delete('Content-Length');
    c.res = await onMethodNotAllowed(c, [...allowed]);
  };
}
