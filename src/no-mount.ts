/**
 * In place of hono's `utils/mount.js` in the Worker's bundle (wrangler.toml `[alias]`), as
 * src/db/quiet-logger.ts is for drizzle's logger: hono-base imports it only for `app.mount()`,
 * which hands a request to an application of another framework (deprecated in hono 4, gone in
 * 5). This app mounts none; its routes are Hono's own (`app.route()`). The module and the URL
 * helpers only it reaches cost about 0.7 KB of the 100 KB gzip budget (performance.md).
 * test/node/no-mount.test.ts holds the alias to hono's import and the app to never mounting.
 */
export function createMountedRequest(): never {
  throw new Error('not part of this build');
}
