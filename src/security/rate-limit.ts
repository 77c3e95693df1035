import { createMiddleware } from 'hono/factory';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../env';
import { timedWait } from '../observability/timing';
import { SAFE_METHODS } from './same-origin';

/**
 * Per-user limit on writes (Workers rate-limit binding WRITE_LIMITER, keyed by the user id,
 * because mobile carriers put many customers behind one IP). The binding counts per location
 * and approximately; where it is absent (a configuration without it) writes pass unlimited.
 */
export const writeRateLimit = createMiddleware<AppEnv>(async function writeRateLimit(c, next) {
  const limiter = c.env.WRITE_LIMITER;
  if (limiter && !SAFE_METHODS.has(c.req.method)) {
    // Timed as a wait, like D1: the binding answers from a service beside the Worker.
    const { success } = await timedWait('limit', () => limiter.limit({ key: `write:${c.get('session').userId}` }));
    if (!success) throw new HTTPException(429, { message: 'rate-limited' });
  }
  await next();
});
