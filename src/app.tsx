import { HTTPException } from 'hono/http-exception';
import { Hono } from 'hono/tiny';
import { type AppConfig, configOf, MAX_BODY_BYTES, MAX_IMPORT_BODY_BYTES } from './config';
import { keepFormOnBrokenEncoding } from './contacts/broken-encoding';
import { contactRoutes } from './contacts/routes';
import { keepFormOnExpiredSession } from './contacts/session-expired';
import { bookmarkSetCookie, StorageUnavailableError } from './db/client';
import type { AppEnv, Bindings } from './env';
import { renderError } from './errors';
import { bodyLimit } from './generated/hono-body-limit.js';
import { getCookie } from './generated/hono-cookie.js';
import { LANGUAGE_COOKIE, languageOf, messagesFor } from './i18n';
import { kept } from './kept';
import { memoRouter } from './memo-router';
import { requestLog } from './observability/request-log';
import { makePaths } from './paths';
import { platformRoutes } from './platform/routes';
import { securityHeaders } from './security/headers';
import { methodNotAllowed } from './security/method-not-allowed';
import { searchRateLimit, writeRateLimit } from './security/rate-limit';
import { sameOriginWrites } from './security/same-origin';
import { strictFormEncoding } from './security/strict-forms';
import { requireCustomer } from './session';
import { AssetPicker } from './views/asset-picker';
import * as React from './views/jsx-factory';
import { render } from './views/render';

export { configOf } from './config';

const bodyLimitOf413 = (maxSize = MAX_BODY_BYTES) =>
  bodyLimit({
    maxSize,
    onError: () => {
      throw new HTTPException(413);
    },
  });

/**
 * The app for one configuration. `devRoutes`: the local dev login (src/dev/login.tsx), which only
 * the entry of local development and tests passes (src/index.ts); the production entry
 * (src/production.ts) does not import it, so its routes, page and demo users are not in the deployed bundle.
 */
export function buildApp(config: AppConfig, devRoutes?: Hono<AppEnv>) {
  // Not strict: "/kontakte" and "/kontakte/" are the same page. hono/tiny: the PatternRouter, 1.5 KB
  // gzip smaller than the default's two routers and as fast for the few dozen routes here.
  const app = new Hono<AppEnv>({ strict: false });
  // Before any route: basePath's app and every route share this router (src/memo-router.ts).
  app.router = memoRouter(app.router);
  const root = config.basePath ? app.basePath(config.basePath) : app;

  const paths = makePaths(config.basePath);
  // The shell of every page, also of a 404 outside the prefix: language, paths, platform.
  app.use(async function shell(c, next) {
    const t = messagesFor(languageOf(c.req.header('accept-language'), c.req.header('hx-lang'), getCookie(c, LANGUAGE_COOKIE)));
    // The platform's name in the page's language where it has one for English (PLATFORM_NAME_EN).
    const platformName = (t.lang === 'en' && c.env.PLATFORM_NAME_EN) || c.env.PLATFORM_NAME;
    c.set('shell', { t, paths, platformName, platformUrl: c.env.PLATFORM_URL });
    await next();
  });
  // Our own id for every request (set by the log): a client-sent X-Request-Id is neither trusted nor echoed.
  root.use(requestLog);
  root.use(securityHeaders(config.frameAncestors));
  root.use(methodNotAllowed(app, (c, methods) => renderError(c, 405, { headers: { Allow: methods.join(', ') } })));

  root.get('/healthz', (c) => c.text('ok'));
  if (config.basePath) {
    // Under a prefix the platform routes /kontakte/* to the Worker, so static files come through it.
    root.get('/static/:file{[A-Za-z0-9._-]+}', async (c) => {
      const file = await c.env.ASSETS.fetch(new URL(`/static/${c.req.param('file')}`, c.req.url));
      if (!file.ok) throw new HTTPException(404);
      return new Response(file.body, file); // a copy: the middlewares add headers
    });
  }
  // The language chosen at the foot of a page (a button, no JS): kept a year in a cookie, back to
  // the page it was chosen on (`back`, which a page a GET answered writes: src/views/layout.tsx),
  // a path of this app only, else the start (code review, stop 75: the Referer's "//host/…" led
  // to another site, and a POST's answer came back as a GET of its address). Before the session,
  // so that a page of an ended one switches too.
  root.post('/language/:lang{de|en}', sameOriginWrites, (c) => {
    const here = new URL(c.req.url);
    c.header(
      'Set-Cookie',
      `${bookmarkSetCookie(LANGUAGE_COOKIE, c.req.param('lang'), paths.base || '/', here.protocol === 'https:')}; Max-Age=31536000`,
    );
    const back = new URL(c.req.query('back') ?? '/', here);
    const ours = back.origin === here.origin && back.pathname.startsWith(`${paths.base}/`) && !back.pathname.startsWith('//');
    return c.redirect(ours ? back.pathname + back.search : paths.home(), 303);
  });
  // The platform's own calls come before the customer session (they carry none).
  root.use('/platform/*', bodyLimitOf413());
  root.route('/platform', platformRoutes);
  if (devRoutes) {
    root.use('/dev/*', sameOriginWrites, bodyLimitOf413());
    root.route('/dev', devRoutes);
  } else {
    // As the dev login answers where DEV_LOGIN is not "true" (contract §3), before the session.
    root.all('/dev/*', () => {
      throw new HTTPException(404);
    });
  }

  // Authentication comes before everything else on every other path: 401 before 403, 404, 405
  // and 413 (the routes above answer first and never reach it).
  root.use('*', requireCustomer({ onUnauthenticated: keepFormOnExpiredSession }));
  // The .vcf upload has a body limit of its own; every other path 64 KiB.
  const formLimit = bodyLimitOf413();
  const importLimit = bodyLimitOf413(MAX_IMPORT_BODY_BYTES);
  const isUpload = (path: string) => /\/assets\/[^/]+\/contacts\/import$/.test(path);
  root.use('/assets/*', sameOriginWrites, writeRateLimit, searchRateLimit, async (c, next) => {
    if (!isUpload(c.req.path)) return formLimit(c, next);
    // Up to 5 MiB to read and decode: only once the write is allowed (src/security/rate-limit.ts).
    await c.var.writeGate?.();
    return importLimit(c, next);
  });
  root.use('/assets/*', strictFormEncoding({ onInvalid: keepFormOnBrokenEncoding, upload: isUpload }));

  root.get('/', (c) => {
    const session = c.get('session');
    const [only] = session.assets;
    if (only && session.assets.length === 1) return c.redirect(paths.contacts(only.id), 303);
    const { shell } = c.var;
    return render(c, { plain: true, title: shell.t.picker.title, body: <AssetPicker shell={shell} assets={session.assets} /> });
  });
  root.route('/assets/:assetId', contactRoutes);

  app.notFound((c) => renderError(c, 404));
  app.onError((error, c) => {
    // One with a cause (the rate limiter failing) is logged with it, as any error of the Worker is.
    if (error instanceof HTTPException)
      return renderError(c, error.status, { reason: error.message, cause: error.cause === undefined ? undefined : error });
    if (error instanceof StorageUnavailableError) return renderError(c, 503, { cause: error });
    return renderError(c, 500, { cause: error });
  });
  return app;
}

const apps = new Map<string, Hono<AppEnv>>();
/**
 * The app of the last request's two vars (the ones configOf reads) and dev routes, as they were:
 * every request of an isolate brings the same, so its app is found without working out the config.
 */
let last: { basePath?: string; frameAncestors?: string; devRoutes?: Hono<AppEnv>; app: Hono<AppEnv> } | undefined;

/** The app for the env's configuration (and dev routes), built once per isolate. */
export function appFor(env: Bindings, devRoutes?: Hono<AppEnv>): Hono<AppEnv> {
  if (last && last.basePath === env.BASE_PATH && last.frameAncestors === env.FRAME_ANCESTORS && last.devRoutes === devRoutes)
    return last.app;
  const config = configOf(env);
  const key = JSON.stringify(config) + (devRoutes ? ' dev' : '');
  const app = kept(apps, key, () => buildApp(config, devRoutes));
  last = { basePath: env.BASE_PATH, frameAncestors: env.FRAME_ANCESTORS, devRoutes, app };
  return app;
}
