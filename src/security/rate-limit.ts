import { createMiddleware } from 'hono/factory';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../env';
import { timedWait } from '../observability/timing';
import { SAFE_METHODS } from './same-origin';

/**
 * Per-user limit on writes (Workers rate-limit binding WRITE_LIMITER, keyed by the user id,
 * because mobile carriers put many customers behind one IP). The binding counts per location
 * and approximately; where it is absent (a configuration without it) writes pass unlimited.
 *
 * The check starts as the request comes in and is awaited only where it must be: before the
 * request's first statement that may write (the `writeGate` its D1 client passes, see
 * src/db/client.ts), and after the handler, so a request over the limit that came as far as
 * writing is refused (429). Meanwhile the request reads its form and, where a
 * write needs one first (restoring a version, confirming an import), its first D1 round trip;
 * an upload waits for the check before its body is read (src/app.tsx).
 */
export const writeRateLimit = createMiddleware<AppEnv>(async function writeRateLimit(c, next) {
  const limiter = c.env.WRITE_LIMITER;
  if (!limiter || SAFE_METHODS.has(c.req.method)) return next();
  // What the gate answered when it refused (or the limiter failed), once.
  let refusal: HTTPException | undefined;
  const refuse = (error: HTTPException) => {
    refusal = error;
    throw error;
  };
  // Settled here, so a failing limiter is never an unhandled rejection; timed as a wait, like D1
  // (the binding answers from a service beside the Worker), from when the request stands still for it.
  const passed = limiter.limit({ key: `write:${c.get('session').userId}` }).then(
    ({ success }) => success || refuse(new HTTPException(429, { message: 'rate-limited' })),
    (error: unknown) => refuse(new HTTPException(500, { message: 'rate limiter failed', cause: error })),
  );
  passed.catch(() => undefined);
  let waited: Promise<unknown> | undefined;
  const gate = async () => {
    waited ??= timedWait('limit', () => passed);
    await waited;
  };
  c.set('writeGate', gate);
  await next();
  // Refused where it wrote, the answer already is the refusal (the error page, or a form that
  // keeps the input with 429, src/contacts/pages.tsx); anything else still hears it (timed as
  // well, where the handler never asked). A handler that never asked wrote nothing: its answer
  // stands over the limit, as it gives the input back (a form with its errors, "Alles noch einmal
  // bearbeiten"), where the error page lost it (review). A failing limiter is an error all the same.
  const wrote = waited !== undefined;
  if (!refusal || (c.error !== refusal && c.res.status !== 429))
    await gate().catch((error: unknown) => {
      if (wrote || !(error instanceof HTTPException) || error !== refusal || error.status !== 429) throw error;
    });
});

/** The routes that search: the list (and its fragments), the printable list and the export. */
const SEARCHES = /\/assets\/[^/]+\/contacts(?:\/print|\.vcf)?$/;

/**
 * Per-user limit on searches (rate-limit binding SEARCH_LIMITER, production only; wrangler.toml):
 * a search tests every live contact's search key for each of its words, up to a full scan of the
 * asset's keys per word, and D1 runs one query at a time per database, so a script searching
 * long queries stalled the other assets of its database (security review, stop 61). Checked
 * before the search's statement (a refused search reads nothing) and only for a search: a list
 * without `q` passes unasked. Refused: 429, said as too many searches. A failing limiter lets the
 * search pass (a brake on reads, not a guard of data); where the binding is absent, all pass.
 */
export const searchRateLimit = createMiddleware<AppEnv>(async function searchRateLimit(c, next) {
  const limiter = c.env.SEARCH_LIMITER;
  if (!limiter || !SAFE_METHODS.has(c.req.method) || !SEARCHES.test(c.req.path) || !c.req.query('q')?.trim()) return next();
  const { success } = await timedWait('limit', () =>
    limiter.limit({ key: `search:${c.get('session').userId}` }).catch(() => ({ success: true })),
  );
  if (!success) throw new HTTPException(429, { message: 'search-limited' });
  return next();
});
