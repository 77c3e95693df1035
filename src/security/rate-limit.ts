import type { MiddlewareHandler } from 'hono';
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
export const writeRateLimit: MiddlewareHandler<AppEnv> = async function writeRateLimit(c, next) {
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
};

/** The routes that search: the list (and its fragments), the printable list and the export. */
const SEARCHES = /\/assets\/[^/]+\/contacts(?:\/print|\.vcf)?$/;
/** More words than a buyer types to find a contact (a name, a firm, a street and its town). */
const LONG_QUERY_WORDS = 6;

/**
 * Per-user limits on searches (rate-limit bindings SEARCH_LIMITER and LONG_SEARCH_LIMITER,
 * production only; wrangler.toml): a search tests every live contact's search key for each of its
 * words, up to a full scan of the asset's keys per word, and D1 runs one query at a time per
 * database, so a script searching long queries stalled the other assets of its database (security
 * review, stop 61). Every search counts against the first (60 per 10 s: search as you type sends
 * one a key), a query of more than six words also against the second (10 a minute), which bounds
 * the costly ones. Checked before the search's statement (a refused search reads nothing) and only
 * for a search: a list without `q` passes unasked. Refused: 429, said as too many searches. A
 * failing limiter lets the search pass (a brake on reads, not a guard of data); where a binding is
 * absent, it does not count.
 */
export const searchRateLimit: MiddlewareHandler<AppEnv> = async function searchRateLimit(c, next) {
  const { SEARCH_LIMITER: every, LONG_SEARCH_LIMITER: long } = c.env;
  const query = (every || long) && SAFE_METHODS.has(c.req.method) ? c.req.query('q')?.trim() : undefined;
  // The path as the router reads it: "contacts//" is the list too (review: it passed unasked).
  if (!query || !SEARCHES.test(c.req.path.replace(/\/+/g, '/').replace(/\/$/, ''))) return next();
  const limiters = [every, query.split(/\s+/).length > LONG_QUERY_WORDS ? long : undefined].filter((limiter) => limiter !== undefined);
  const key = `search:${c.get('session').userId}`;
  const answers = await timedWait('limit', () =>
    Promise.all(limiters.map((limiter) => limiter.limit({ key }).catch(() => ({ success: true })))),
  );
  if (answers.some((answer) => !answer.success)) throw new HTTPException(429, { message: 'search-limited' });
  return next();
};
