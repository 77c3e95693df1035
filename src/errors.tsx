import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from './env';
import { ErrorPage } from './views/error-page';
import * as React from './views/jsx-factory';
import { render } from './views/render';

/** Where the login link of a 401 points: the platform login, carrying the way back here. */
export function loginUrl(c: Context<AppEnv>, returnTo: string): string {
  const login = new URL(c.env.LOGIN_URL, c.req.url);
  login.searchParams.set(c.env.LOGIN_RETURN_PARAM ?? 'returnTo', returnTo);
  return login.origin === new URL(c.req.url).origin ? `${login.pathname}${login.search}` : login.toString();
}

/**
 * The page an action without a session was sent from (its Referer, when it is one of this app's
 * pages), else its asset's list, else the start: where the action can be done again after login.
 */
function actionPage(c: Context<AppEnv>, url: URL): string {
  const { paths } = c.get('shell');
  const referer = URL.parse(c.req.header('referer') ?? '');
  if (referer && referer.origin === url.origin && referer.pathname.startsWith(`${paths.base}/assets/`))
    return referer.pathname + referer.search;
  const assetId = assetOf(c);
  return assetId ? paths.contacts(assetId) : paths.home();
}

/** The asset id a path under `/assets/` names, '' for none. */
function assetOf(c: Context<AppEnv>): string {
  const { pathname } = new URL(c.req.url);
  const prefix = `${c.get('shell').paths.base}/assets/`;
  // A segment that is no valid percent-encoding (`%ZZ`) names no asset: the asset list (review: 500).
  try {
    return pathname.startsWith(prefix) ? decodeURIComponent(pathname.slice(prefix.length).split('/')[0] ?? '') : '';
  } catch {
    return '';
  }
}

/**
 * The contact a 404's path names (its card, edit form or history) in an asset of the session's:
 * deleted for good, its edit form never opens again, so the input this tab keeps for it (the
 * draft of that key) is offered there as a new contact (src/client/app.js).
 */
function draftOf(c: Context<AppEnv>, assetId: string): string | undefined {
  const { paths } = c.get('shell');
  const list = `${paths.contacts(assetId)}/`;
  const path = new URL(c.req.url).pathname;
  if (!path.startsWith(list) || !c.get('session')?.assets.some((asset) => asset.id === assetId)) return undefined;
  const id = /^([\w-]+)(?:\/edit|\/history)?$/.exec(path.slice(list.length))?.[1];
  return id && paths.contact(assetId, id);
}

/**
 * The one place that turns a failure into a page: German (or English) text, the shell, the
 * security headers of every response, never a stack trace. Unexpected errors are logged once.
 */
export function renderError(
  c: Context<AppEnv>,
  status: number,
  options: { reason?: string; headers?: Record<string, string>; cause?: unknown; back?: string } = {},
) {
  const { reason, headers, cause } = options;
  const shell = c.get('shell');
  const { t, paths } = shell;
  const code: ContentfulStatusCode = isContentful(status) ? status : 500;
  if (code >= 500 && cause) {
    console.error(
      JSON.stringify({
        level: 'error',
        requestId: c.get('requestId'),
        message: code === 503 ? 'storage unavailable' : 'unhandled error',
        error: describe(cause),
      }),
    );
  }
  for (const [name, value] of Object.entries(headers ?? {})) c.header(name, value);
  // Under an apartment of the user's, its list, also for what the middlewares refuse before the
  // route (413, 429, 403): the start is the apartment picker for a buyer of two (review).
  const assetId = assetOf(c);
  const assets = c.get('session')?.assets ?? [];
  // The start is the apartment picker for a buyer of two, and says so (walkthrough, stop 68:
  // "Zurück zu den Kontakten" led there from another's apartment); for one, that list.
  const home = assets.some((asset) => asset.id === assetId)
    ? { href: paths.contacts(assetId), label: t.backToList }
    : { href: paths.home(), label: assets.length > 1 ? t.picker.back : t.backToList };
  const inPlace = c.req.header('hx-request') === 'true';
  // An error's page: its title, its text (or another of its texts) and the way on (home unless said).
  const answer = (texts: { title: string; text: string }, text = texts.text, action = home, draftOf?: string) => ({
    title: texts.title,
    text,
    action,
    draftOf,
  });
  const page = (() => {
    switch (code) {
      case 401: {
        const url = new URL(c.req.url);
        // An action (undo, restore, import, …) is not an address to come back to (GET: 405): after
        // the login the page it was sent from, where it can be done again.
        const read = c.req.method === 'GET' || c.req.method === 'HEAD';
        // One leading slash: "//evil.example/x" would be another host's address to a login that
        // took it as it comes (security review).
        const back = read ? url.pathname.replace(/^\/+/, '/') + url.search : (options.back ?? actionPage(c, url));
        const action = { href: loginUrl(c, back), label: t.errors.signIn.action };
        return answer(t.errors.signIn, read ? t.errors.signIn.text : t.errors.signIn.notDone, action);
      }
      case 403:
        return reason === 'cross-site'
          ? answer(t.errors.cross)
          : answer(t.errors.denied, undefined, { href: c.env.PLATFORM_URL, label: t.toPlatform });
      case 404:
        return answer(t.errors.notFound, undefined, home, draftOf(c, assetId));
      case 405:
        return answer(t.errors.notAllowed);
      // The input is where the browser's Back button leads (the text says so); the link is the
      // way on where there is no going back (review: these pages had none).
      // With JS the form stays and these words stand above it (src/client/app.js): no way back to name.
      case 413:
        // A .vcf over the upload limit is a file too large, not input too long (review).
        return c.req.path === paths.upload(assetId)
          ? answer({ title: t.importTitle, text: t.errors.tooLarge.file })
          : answer(t.errors.tooLarge, t.errors.tooLarge[inPlace ? 'inPlace' : 'text']);
      case 429:
        // A search refused (src/security/rate-limit.ts) says so, not "Änderungen".
        return reason === 'search-limited'
          ? answer(t.errors.searches)
          : answer(t.errors.tooMany, t.errors.tooMany[inPlace ? 'inPlace' : 'text']);
      case 503:
        return answer(t.errors.down);
      case 400:
      case 422:
        return answer(t.errors.bad);
      default:
        return answer(t.errors.internal);
    }
  })();
  // A 404 that may offer kept input (app.js) takes the form rules for its buttons and question.
  const plain = !page.draftOf;
  return render(c, { status: code, plain, title: page.title, body: <ErrorPage shell={shell} {...page} /> });
}

function isContentful(status: number): status is ContentfulStatusCode {
  return status >= 400 && status <= 599;
}

/** Name and message of the error and its cause: D1 messages name no row values. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return 'non-error thrown';
  const cause = error.cause instanceof Error ? ` (cause: ${error.cause.message})` : '';
  return `${error.name}: ${error.message}${cause}`;
}
