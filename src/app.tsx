import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { languageDetector } from 'hono/language';
import { methodNotAllowed } from 'hono/method-not-allowed';
import { secureHeaders } from 'hono/secure-headers';
import { contactRoutes } from './contacts/routes';
import { devLogin } from './dev/login';
import type { AppEnv, Bindings } from './env';
import { messagesFor, SUPPORTED_LANGUAGES } from './i18n';
import { renderError } from './errors';
import { CRITICAL_CSS_HASH } from './generated/assets';
import { sameOriginWrites } from './security/same-origin';
import { requireCustomer } from './session';
import { AssetPicker } from './views/asset-picker';
import { render, shellOf } from './views/render';

export const MAX_BODY_BYTES = 64 * 1024;

function buildApp(basePath: string) {
  const app = new Hono<AppEnv>();
  const root = basePath ? app.basePath(basePath) : app;

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
        frameAncestors: ["'none'"],
      },
      strictTransportSecurity: 'max-age=31536000; includeSubDomains',
      xFrameOptions: 'DENY',
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
  root.route('/dev', devLogin);
  root.use('/dev/*', sameOriginWrites);

  // Authentication comes before everything else: 401 before 403, 404, 405 and 413.
  root.use('/', requireCustomer);
  root.use('/assets/*', requireCustomer, sameOriginWrites);
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
    return renderError(c, 500, undefined, undefined, error);
  });
  return app;
}

const apps = new Map<string, Hono<AppEnv>>();

/** The app for a BASE_PATH value, built once per isolate. */
export function appFor(env: Bindings): Hono<AppEnv> {
  const basePath = (env.BASE_PATH ?? '').replace(/\/+$/, '');
  let app = apps.get(basePath);
  if (!app) {
    app = buildApp(basePath);
    apps.set(basePath, app);
  }
  return app;
}
