import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Per-request timings for `Server-Timing` (src/observability/request-log.ts): the time spent
 * waiting for D1, so the rest of `app;dur` is the Worker's own work (what CPU limits count).
 */
const store = new AsyncLocalStorage<{ db: number }>();

/** Runs the rest of the request with a fresh accumulator and returns it. */
export async function withTimings(next: () => Promise<void>): Promise<{ db: number }> {
  const timings = { db: 0 };
  await store.run(timings, next);
  return timings;
}

/** Times one D1 operation into the current request's accumulator. */
export async function timedDb<T>(operation: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await operation();
  } finally {
    const timings = store.getStore();
    if (timings) timings.db += performance.now() - started;
  }
}
