// Group 17: static paths never serve a file outside public/. (Group 16, D1 failing mid-request,
// lives in test/storage-faults.test.ts.)
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { appFor } from '../../src/app';
import { anna, ORIGIN, send } from '../helpers';
import { LIST, seedBook, unchanged } from './helpers';

// ---- 17 -----------------------------------------------------------------------------------------

describe('17: static paths never serve a file outside public/', () => {
  /** Text that only files outside public/ contain. */
  const OUTSIDE = [
    'compatibility_date',
    'devDependencies',
    'SESSION_SECRET',
    'CREATE TABLE',
    'export function buildApp',
    'Cache-Control: public, max-age=31536000, immutable',
  ];
  const paths = [
    '/static/..%2fwrangler.toml',
    '/static/..%2f..%2fwrangler.toml',
    '/static/%2e%2e/wrangler.toml',
    '/static/%2e%2e%2fwrangler.toml',
    '/static/..%5cwrangler.toml',
    '/static/..%5c..%5cpackage.json',
    '/static/%252e%252e%252fwrangler.toml',
    '/static/....//wrangler.toml',
    '/static/..;/wrangler.toml',
    '/htmx.min.js/..%2f',
    '/htmx.min.js/..%2f..%2fwrangler.toml',
    '/static/htmx-a0abb04f2f45.min.js/..%2f..%2fwrangler.toml',
    '/static/htmx-a0abb04f2f45.min.js%00.toml',
    '//',
    '//wrangler.toml',
    '///etc/passwd',
    '/%5c',
    '/%5c..%5cwrangler.toml',
    '/%2e%2e%2fwrangler.toml',
    '/wrangler.toml',
    '/package.json',
    '/.dev.vars',
    '/.dev.vars.example',
    '/_headers',
    '/static/_headers',
    '/migrations/0000_contacts.sql',
    '/src/app.tsx',
    '/.git/config',
    '/static/',
    '/static',
    '/static/..',
  ];

  async function expectNoOutsideFile(response: Response, label: string): Promise<void> {
    const body = await response.text();
    for (const marker of OUTSIDE) expect(body, `${label}: ${marker}`).not.toContain(marker);
    expect(response.status, label).toBeLessThan(500);
  }

  it.each(paths)('17: %s', async (path) => {
    await seedBook();
    await unchanged(async () => {
      // The Worker (what send() reaches), with and without a session.
      for (const user of [undefined, anna]) {
        const response = await send(path, { user });
        const label = `worker ${user ? 'with' : 'without'} session ${path}`;
        // Authentication comes first on every app path (contract §4): without a session, 401.
        // With one, a path that the URL parser normalises to the home ("//", "/static/..") is
        // the home route (303 to the list); anything else is a 404.
        if (!user) expect(response.status, label).toBe(401);
        else if (/^\/+$/.test(new URL(`${ORIGIN}${path}`).pathname)) expect(response.status, label).toBe(303);
        else expect(response.status, label).toBe(404);
        await expectNoOutsideFile(response, label);
      }
      // The assets binding (what serves /static/* in front of the Worker).
      const asset = await env.ASSETS.fetch(new Request(`${ORIGIN}${path}`));
      expect(asset.status, `ASSETS ${path}`).toBe(404);
      await expectNoOutsideFile(asset, `ASSETS ${path}`);
      // Under a path prefix the Worker proxies /kontakte/static/<file> to the binding itself.
      const ctx = createExecutionContext();
      const prefixedEnv = { ...env, BASE_PATH: '/kontakte' };
      const prefixed = await appFor(prefixedEnv).fetch(new Request(`${ORIGIN}/kontakte${path}`, { redirect: 'manual' }), prefixedEnv, ctx);
      await waitOnExecutionContext(ctx);
      expect([401, 404], `prefixed ${path}`).toContain(prefixed.status);
      await expectNoOutsideFile(prefixed, `prefixed ${path}`);
    });
  });

  it('17: the real static files are still served (the checks above are not vacuous)', async () => {
    const html = await (await send(LIST, { user: anna })).text();
    const script = /src="(\/static\/htmx-[^"]+)"/.exec(html)?.[1] ?? '';
    expect((await env.ASSETS.fetch(new Request(`${ORIGIN}${script}`))).status).toBe(200);
    const ctx = createExecutionContext();
    const prefixedEnv = { ...env, BASE_PATH: '/kontakte' };
    const prefixed = await appFor(prefixedEnv).fetch(new Request(`${ORIGIN}/kontakte${script}`), prefixedEnv, ctx);
    await waitOnExecutionContext(ctx);
    expect(prefixed.status).toBe(200);
  });
});
