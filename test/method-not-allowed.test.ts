import { createExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import type { Hono, MiddlewareHandler } from 'hono';
import { methodNotAllowed as honoMethodNotAllowed } from 'hono/method-not-allowed';
import { Hono as TinyHono } from 'hono/tiny';
import { describe, expect, it } from 'vitest';
import { appFor, buildApp, configOf } from '../src/app';
import type { AppEnv } from '../src/env';
import { methodNotAllowed } from '../src/security/method-not-allowed';
import { anna, send, tokenFor } from './helpers';

// src/security/method-not-allowed.ts matches with hono/tiny's PatternRouter instead of the
// TrieRouter hono's middleware carries. Held here to hono's middleware: both answer every method on
// every route of the app (with and without the production prefix), as two otherwise equal apps.

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
const ID = 'AbCdEfGhIjKlMnOpQrSt'; // 20 characters, as contact and import ids are

/** A concrete path for a route pattern: each parameter gets a value its pattern accepts. */
function concrete(pattern: string): string {
  return pattern.replace(/:(\w+)(\{(?:\{[\d,]+\}|[^}])+\})?/g, (_, name: string) =>
    name === 'assetId' ? 'whg-12' : name === 'file' ? 'htmx-0123.min.js' : ID,
  );
}

function mirror(routes: readonly { method: string; path: string }[], ours: boolean) {
  const app = new TinyHono<AppEnv>({ strict: false });
  const answer = (c: { text: (body: string, status: 405, headers: Record<string, string>) => Response }, methods: string[]) =>
    c.text('405', 405, { Allow: methods.join(', ') });
  if (ours) app.use(methodNotAllowed(app, answer));
  else app.use(honoMethodNotAllowed({ app: app as unknown as Hono, onMethodNotAllowed: answer }) as unknown as MiddlewareHandler<AppEnv>);
  for (const route of routes) if (route.method !== 'ALL') app.on(route.method, route.path, (c) => c.text('ok'));
  // hono's own 404, which the bundle's app class leaves to each app that answers (scripts/lib/hono-base.mjs DEFAULT_NOT_FOUND).
  app.notFound((c) => c.text('404 Not Found', 404));
  return app;
}

describe('405 with Allow (hono/method-not-allowed’s rule on hono/tiny’s router)', () => {
  for (const basePath of ['', '/kontakte']) {
    it(`answers like hono's middleware on every route${basePath ? ` under ${basePath}` : ''}`, async () => {
      const routes = buildApp(configOf({ ...env, BASE_PATH: basePath })).routes;
      const paths = new Set<string>(['/', '/nowhere', `${basePath}/assets`, `${basePath}/assets/whg-12/contacts/${ID}/nothing`]);
      for (const route of routes) {
        const path = concrete(route.path).replace(/\/\*$/, '/anything');
        paths.add(path);
        paths.add(`${path}/`);
      }
      const [ours, hono] = [mirror(routes, true), mirror(routes, false)];
      let answered405 = 0;
      for (const path of paths) {
        for (const method of METHODS) {
          const request = () => new Request(`https://kontakte.example.de${path}`, { method });
          const [a, b] = [await ours.fetch(request()), await hono.fetch(request())];
          expect(`${a.status} ${a.headers.get('allow')}`, `${method} ${path}`).toBe(`${b.status} ${b.headers.get('allow')}`);
          if (a.status === 405) answered405 += 1;
        }
      }
      // The comparison covered real 405s, not only routes answering or paths unknown to both.
      expect(answered405).toBeGreaterThan(20);
    });
  }

  it('the app answers a wrong method with its own 405 page, Allow listing the path’s methods', async () => {
    const response = await send(`/assets/whg-12/contacts/${ID}/restore`, { user: anna, method: 'GET' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(await response.text()).toContain('Aktion nicht möglich');
  });

  it('the same under the platform’s /kontakte prefix', async () => {
    const vars = { ...env, BASE_PATH: '/kontakte' };
    const response = await appFor(vars).fetch(
      new Request(`https://kontakte.example.de/kontakte/assets/whg-12/contacts/${ID}/restore`, {
        headers: { Cookie: `propster_session=${await tokenFor(anna)}` },
      }),
      vars,
      createExecutionContext(),
    );
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });

  it('an asset not in the session is a 404 for every method, never a 405 that would tell its paths apart', async () => {
    for (const method of ['GET', 'POST', 'PUT']) {
      const response = await send(`/assets/whg-99/contacts/${ID}/restore`, { user: anna, method });
      expect(response.status, method).toBe(404);
      expect(response.headers.get('allow'), method).toBeNull();
    }
  });
});
