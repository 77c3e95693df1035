import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { languageDetector } from 'hono/language';
import { methodNotAllowed } from 'hono/method-not-allowed';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { contactRoutes } from './contacts/routes';
import { devLogin } from './dev/login';
import type { AppEnv, Bindings } from './env';
import { renderError, StorageUnavailableError } from './errors';
import { CRITICAL_CSS_HASH } from './generated/assets';
import { messagesFor, SUPPORTED_LANGUAGES } from './i18n';
import { requestLog } from './observability/request-log';
import { writeRateLimit } from './security/rate-limit';
import { sameOriginWrites } from './security/same-origin';
import { requireCustomer } from './session';
import { AssetPicker } from './views/asset-picker';
import { render, shellOf } from './views/render';

export const MAX_BODY_BYTES = 64 * 1024;

/** What shapes the app at build time; everything else is read per request from the env. */
export interface AppConfig {
  /** Mount point on the platform's domain, e.g. "/kontakte"; '' at the root. */
  basePath: string;
  /** CSP frame-ancestors sources; "'none'" unless the platform embeds Kontakte. */
  frameAncestors: string[];
}

export function configOf(env: Bindings): AppConfig {
  const basePath = (env.BASE_PATH ?? '').trim().replace(/\/+$/, '');
  const frameAncestors = (env.FRAME_ANCESTORS ?? '').split(/[\s,]+/).filter(Boolean);
  return { basePath: basePath && !basePath.startsWith('/') ? `/${basePath}` : basePath, frameAncestors: frameAncestors.length ? frameAncestors : ["'none'"] };
}

export function buildApp(config: AppConfig) {
  // Not strict: "/kontakte" and "/kontakte/" are the same page.
  const app = new Hono<AppEnv>({ strict: false });
  const root = config.basePath ? app.basePath(config.basePath) : app;
  const framingAllowed = !config.frameAncestors.includes("'none'");

  root.use(requestId(), requestLog);
  root.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'none'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", `'${CRITICAL_CSS_HASH}'`],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        baseUri: ["'none'"],
        frameAncestors: config.frameAncestors,
      },
      strictTransportSecurity: 'max-age=31536000; includeSubDomains',
      // X-Frame-Options cannot name origins: with framing allowed, frame-ancestors alone decides.
      xFrameOptions: framingAllowed ? false : 'DENY',
      referrerPolicy: 'same-origin',
    }),
  );
  root.use(
    languageDetector({
      order: ['header'],
      caches: false,
      supportedLanguages: [...SUPPORTED_LANGUAGES],
      fallbackLanguage: 'de',
    }),
  );
  root.use(async function messages(c, next) {
    c.set('t', messagesFor(c.get('language')));
    await next();
  });
  root.use(methodNotAllowed({ app, onMethodNotAllowed: (c, methods) => renderError(c, 405, undefined, { Allow: methods.join(', ') }) }));

  root.get('/healthz', (c) => c.text('ok'));
  if (config.basePath) {
    // Under a prefix the platform routes /kontakte/* to the Worker, so static files come through it.
    root.get('/static/:file{[A-Za-z0-9._-]+}', async (c) => {
      const file = await c.env.ASSETS.fetch(new URL(`/static/${c.req.param('file')}`, c.req.url));
      return new Response(file.body, file); // a copy: the middlewares add headers
    });
  }
  root.route('/dev', devLogin);
  root.use('/dev/*', sameOriginWrites);

  // Authentication comes before everything else: 401 before 403, 404, 405 and 413.
  root.use('/', requireCustomer);
  root.use('/assets/*', requireCustomer, sameOriginWrites, writeRateLimit);
  root.use(
    '/assets/*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new HTTPException(413);
      },
    }),
  );

  root.get('/', (c) => {
    const session = c.get('session');
    const [only] = session.assets;
    if (only && session.assets.length === 1) return c.redirect(shellOf(c).paths.contacts(only.id), 303);
    const shell = shellOf(c);
    return render(c, { title: shell.t.picker.title, body: <AssetPicker shell={shell} assets={session.assets} /> });
  });
  root.route('/assets/:assetId', contactRoutes);

  app.notFound((c) => renderError(c, 404));
  app.onError((error, c) => {
    if (error instanceof HTTPException) return renderError(c, error.status, error.message);
    if (error instanceof StorageUnavailableError) return renderError(c, 503, undefined, undefined, error);
    return renderError(c, 500, undefined, undefined, error);
  });
  return app;
}

const apps = new Map<string, Hono<AppEnv>>();

/** The app for the env's configuration, built once per isolate. */
export function appFor(env: Bindings): Hono<AppEnv> {
  const config = configOf(env);
  const key = JSON.stringify(config);
  let app = apps.get(key);
  if (!app) {
    app = buildApp(config);
    apps.set(key, app);
  }
  return app;
}
