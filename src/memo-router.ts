import type { Result, Router } from 'hono/router';

/** At most this many method-and-path answers are kept; past it the memo starts again. */
const MAX_KEPT = 4096;
/**
 * Only paths up to this long are kept (the app's own are far shorter): a URL may be 16 KB, and
 * 4,096 such keys were 64 MB of an isolate's 128 MB (code review).
 */
const MAX_KEPT_PATH = 256;

/**
 * A router that answers a method and path it has seen with the answer it gave then. hono/tiny's
 * PatternRouter tries the regular expression of every route (and middleware) of the app in turn
 * for each request: 2-4 % of a list page's CPU in workerd. The answer depends on the method, the
 * path and the routes alone, and hono only reads it; adding a route forgets every answer kept.
 */
export function memoRouter<T>(inner: Router<T>): Router<T> {
  const kept = new Map<string, Result<T>>();
  return {
    name: inner.name,
    add(method, path, handler) {
      kept.clear();
      inner.add(method, path, handler);
    },
    match(method, path) {
      const key = `${method} ${path}`;
      let answer = kept.get(key);
      if (answer === undefined) {
        if (path.length > MAX_KEPT_PATH) return inner.match(method, path);
        // Matched in a copy of its own: `path` is a slice of the request's URL, query and all (up
        // to 16 KB), which the kept answer's params, slices of it, kept alive (code review: 72 MB).
        const own = ` ${key}`.slice(1);
        answer = inner.match(method, own.slice(method.length + 1));
        if (kept.size >= MAX_KEPT) kept.clear();
        kept.set(own, answer);
      }
      return answer;
    },
  };
}
