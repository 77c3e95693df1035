/**
 * In place of hono/jsx's render contexts (`jsx/context.js`) in the Worker's bundle (wrangler.toml
 * `[alias]` of `./context.js`): `createContext`/`useContext`, and the request-scoped store every
 * render runs in (an AsyncLocalStorage run per rendered page) so that a provided value survives an
 * `await` in an async component. This app provides no context, reads none, and renders no `<svg>`
 * or `<head>` in JSX, the only tags for which hono's JSX creates one of its own (their namespace);
 * its icons and its `<head>` are hono/html templates. So a render here just runs, and the two
 * functions throw if ever reached. The module, its DOM provider and its runtime warning were
 * about 1 KB of the 100 KB gzip budget.
 *
 * hono-base imports its `Context` class by the same text, `./context.js`: it is re-exported here
 * from hono's own file as the bundle takes it, without the members the app never calls
 * (src/generated/hono-context.js, scripts/lib/hono-context.mjs). test/node/jsx-no-context.test.ts
 * holds the alias to hono's importers, the exports to both modules' and the app to no context,
 * `<svg>` or `<head>` in JSX; the Workers tests (vitest.config.ts applies wrangler.toml's aliases),
 * the e2e suite and the bench render through it.
 */
// @ts-expect-error a generated copy of hono's JavaScript; hono ships its types apart (dist/types), for a file by no subpath.
export { Context, TEXT_PLAIN } from '../generated/hono-context.js';

function unused(): never {
  throw new Error('not part of this build');
}

/** The contexts created: none. */
export const globalContexts: never[] = [];
export const createContext = unused;
export const useContext = unused;
/** A render with no context to keep: the render itself. */
export const runWithRenderContext = <T>(render: () => T): T => render();
/** A suspended render resumes with no context values to restore. */
export const captureRenderContext = () => runWithRenderContext;
