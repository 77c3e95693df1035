import { drizzle } from 'drizzle-orm/d1';
import { HTTPException } from 'hono/http-exception';
import { toBase64url } from '../base64url';
import { timedDb } from '../observability/timing';
import { DEFAULT_DATABASE } from './tenants';

/**
 * The database connection and what every query shares: retries of D1's transient errors, the
 * one error the app shows as "storage unavailable" (503, input kept), and random ids.
 */

/** Plain query builder: the relational API (and its bundle weight) is not needed. */
export function connect(d1: D1Database) {
  return drizzle(timed(d1));
}

/** What drizzle's D1 driver (and the import's raw batch) calls on a database or a session. */
interface D1Client {
  prepare(query: string): D1PreparedStatement;
  batch(statements: D1PreparedStatement[]): Promise<D1Result[]>;
}

/**
 * What must pass before a statement that may write goes out: the request's rate-limit check
 * (src/security/rate-limit.ts), which meanwhile runs beside what comes first (reading the form,
 * a read the write needs). It throws to refuse the write.
 */
export type WriteGate = () => Promise<void>;

/** A statement that only reads, as drizzle and the app write them; anything else may write. */
const READ = /^select\s/i;

/**
 * A D1 statement whose calls are timed as D1 wait (Server-Timing `db`). Only the binding's calls
 * are: drizzle building the SQL before and mapping the rows after is the Worker's own time. (The
 * binding's own JavaScript, which parses D1's answer into rows inside the isolate, is inside the
 * call and counts as wait: docs/benchmarks.md says so.) A statement that may write first passes
 * its gate, if it has one.
 */
class TimedStatement {
  constructor(
    readonly statement: D1PreparedStatement,
    readonly gate?: WriteGate,
  ) {}
  bind(...values: unknown[]): TimedStatement {
    return new TimedStatement(this.statement.bind(...values), this.gate);
  }
  private call<T>(operation: () => Promise<T>): Promise<T> {
    // A read goes out at once (no extra turn of the event loop for a gate it does not have).
    return this.gate ? this.gate().then(() => timedDb(operation)) : timedDb(operation);
  }
  run() {
    return this.call(() => this.statement.run());
  }
  all() {
    return this.call(() => this.statement.all());
  }
  raw(options?: { columnNames: true }) {
    return this.call(() => (options ? this.statement.raw(options) : this.statement.raw()));
  }
  first(column?: string) {
    return this.call(() => (column === undefined ? this.statement.first() : this.statement.first(column)));
  }
}

/**
 * The database or session with its round trips timed; batch gets the binding's own statements back
 * (D1 checks their class). Only `prepare` and `batch` (all drizzle's D1 driver and the import's
 * raw batch use): the cast below makes it a D1Database for drizzle, but `exec`, `dump` and
 * `withSession` are not there, and a statement prepared outside it cannot join its batch. With a
 * `gate`, every statement but a SELECT waits for it, and so does a batch that holds one.
 */
function timed(client: D1Client, gate?: WriteGate): D1Database {
  const timedClient = {
    prepare: (query: string) => new TimedStatement(client.prepare(query), READ.test(query) ? undefined : gate),
    batch: (statements: TimedStatement[]) => {
      const gate = statements.find((statement) => statement.gate)?.gate;
      const send = () => timedDb(() => client.batch(statements.map((statement) => statement.statement)));
      return gate ? gate().then(send) : send();
    },
  };
  return timedClient as unknown as D1Database;
}

/**
 * The cookie that carries a browser's D1 session bookmark (read replicas, read-your-writes): one
 * per database (src/db/tenants.ts), since a bookmark is a position in one database's log.
 */
export const bookmarkCookie = (binding: string) => (binding === DEFAULT_DATABASE ? 'kontakte_d1' : `kontakte_d1_${binding}`);
const BOOKMARK = /^[A-Za-z0-9._:-]{1,200}$/;

/**
 * The bookmark cookie's Set-Cookie (HttpOnly, SameSite=Lax, Secure over HTTPS, Path = the app's
 * base): what hono's setCookie writes for these options, held to it in test/round-trips.test.ts.
 * Written here because hono's serializer carries checks and messages for prefixes, Max-Age,
 * Expires and Partitioned that this cookie never uses (568 B of the production bundle's gzip).
 */
export const bookmarkSetCookie = (name: string, bookmark: string, path: string, secure: boolean) =>
  `${name}=${encodeURIComponent(bookmark)}; Path=${path}; HttpOnly${secure ? '; Secure' : ''}; SameSite=Lax`;

/**
 * Whether a request came over HTTPS (its cookies are `Secure`): a Request's url is serialised, its
 * scheme first and in lower case, so this is `new URL(url).protocol === 'https:'` without parsing
 * the URL (a list page wrote three cookies, each parsing it).
 */
export const overHttps = (url: string) => url.startsWith('https:');

/**
 * A D1 session (Sessions API) for one request: reads may be served by a nearby read replica,
 * but never one older than `bookmark`, the position of this browser's last write. Without one,
 * the first query may go to any replica ('first-unconstrained'); writes always reach the
 * primary. drizzle's D1 driver uses only `prepare` and `batch`, which a session has: hence the
 * one cast in `timed` (the session is no request data). `gate`: see `WriteGate`.
 */
export function openSession(d1: D1Database, bookmark: string | undefined, gate?: WriteGate) {
  const session = d1.withSession(bookmark && BOOKMARK.test(bookmark) ? bookmark : 'first-unconstrained');
  return { db: drizzle(timed(session, gate)), bookmark: () => session.getBookmark() };
}

export type Database = ReturnType<typeof connect>;

/** Thrown when D1 cannot be reached: the page says to try again (503) and keeps the input. */
export class StorageUnavailableError extends Error {
  override readonly name = 'StorageUnavailableError';
}

/** The errors D1 documents as transient (developers.cloudflare.com/d1/best-practices/retry-queries). */
const TRANSIENT = /network connection lost|object to be reset|reset because its code was updated|transient issue/i;
const RETRY_DELAYS_MS = [40, 160];

/** drizzle wraps the driver's error (its message lists the query's parameters): find D1's own. */
export function rootCause(error: unknown): unknown {
  let current = error;
  while (current instanceof Error && current.cause !== undefined) current = current.cause;
  return current;
}

/** An HTTPException in the error or its causes (drizzle wraps what the driver throws). */
function httpExceptionIn(error: unknown): HTTPException | undefined {
  for (let current = error; current instanceof Error; current = current.cause) if (current instanceof HTTPException) return current;
  return undefined;
}

export function isTransientStorageError(error: unknown): boolean {
  const cause = rootCause(error);
  return cause instanceof Error && TRANSIENT.test(cause.message);
}

/**
 * Runs one storage operation. Transient D1 errors are retried with backoff: every operation of
 * the repository is safe to repeat (reads; creates carry a one-time token; updates and deletes
 * are guarded by version and recognise their own earlier success). What still fails becomes a
 * StorageUnavailableError carrying D1's own message only (drizzle's would put personal data
 * into logs).
 */
export async function guarded<T>(operation: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await operation();
    } catch (error) {
      // A refused write (the rate limit's answer) is no storage trouble: it passes as it is.
      const refusal = httpExceptionIn(error);
      if (refusal) throw refusal;
      const delay = RETRY_DELAYS_MS[attempt];
      if (delay === undefined || !isTransientStorageError(error))
        throw new StorageUnavailableError('D1 request failed', { cause: rootCause(error) });
      await new Promise((resolve) => setTimeout(resolve, delay * (0.75 + Math.random() / 2)));
    }
  }
}

/** An unguessable URL-safe token (base64url of `bytes` random bytes): contact ids, form tokens. */
export function randomToken(bytes: number): string {
  return toBase64url(crypto.getRandomValues(new Uint8Array(bytes)));
}
