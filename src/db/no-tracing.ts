/**
 * In place of drizzle-orm's `tracing.js` in the Worker's bundle (wrangler.toml `[alias]`): its
 * tracer wraps each query build in an OpenTelemetry span only when an OpenTelemetry API was
 * handed to it, which this drizzle build never does (its `otel` is never assigned), so it runs
 * the function as it is. This is that, without the span code (about 200 B of the gzip budget).
 * test/node/no-constraints.test.ts holds it to drizzle's module.
 */
export const tracer = {
  startActiveSpan<T>(_name: string, fn: () => T): T {
    return fn();
  },
};
