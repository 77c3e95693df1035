import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Per-request timings for `Server-Timing` (src/observability/request-log.ts): the time spent
 * waiting for D1 (`db`) and for the rate-limit binding (`limit`), so the rest of `app;dur` is
 * the Worker's own work (what CPU limits count). Locally both bindings are Durable Objects with
 * SQLite in the same workerd: a write's limit check took about 0.85 ms there.
 */
type Waits = { db: number; limit: number };
const store = new AsyncLocalStorage<Waits>();

/** Runs the rest of the request with a fresh accumulator and returns it. */
export async function withTimings(next: () => Promise<void>): Promise<Waits> {
  const timings = { db: 0, limit: 0 };
  await store.run(timings, next);
  return timings;
}

/** Times one call to a binding into the current request's accumulator. */
export async function timedWait<T>(kind: keyof Waits, operation: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await operation();
  } finally {
    const timings = store.getStore();
    if (timings) timings[kind] += performance.now() - started;
  }
}

/** Times one D1 operation. */
export const timedDb = <T>(operation: () => Promise<T>) => timedWait('db', operation);
