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
 * src/db/client.ts), and after the handler, so a request over the limit is refused (429)
 * whether or not it came as far as writing. Meanwhile the request reads its form and, where a
 * write needs one first (restoring a version, confirming an import), its first D1 round trip.
 */
export const writeRateLimit = createMiddleware<AppEnv>(async function writeRateLimit(c, next) {
  const limiter = c.env.WRITE_LIMITER;
  if (!limiter || SAFE_METHODS.has(c.req.method)) return next();
  const check = limiter.limit({ key: `write:${c.get('session').userId}` });
  let passed: Promise<void> | undefined;
  // Timed as a wait, like D1 (the binding answers from a service beside the Worker), but only
  // from when the request stands still for it.
  const gate = () =>
    (passed ??= timedWait('limit', () => check).then(({ success }) => {
      if (!success) throw new HTTPException(429, { message: 'rate-limited' });
    }));
  c.set('writeGate', gate);
  await next();
  await gate();
});
