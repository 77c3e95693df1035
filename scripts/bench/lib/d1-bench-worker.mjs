// The production-like runner's D1 wrapper (bench only, never deployed): serves the deployable
// bundle unchanged, but hands it a D1 binding that
//  - counts every call that goes to the database (a statement's run/all/first/raw, one batch)
//    and the sequential round trips among them (a call that starts while another is in flight
//    rides along: it does not add latency),
//  - adds up `meta.rows_read` / `meta.rows_written` as D1 reports them (what D1 bills),
//  - delays every call by BENCH_D1_RTT_MS (a far-away primary or replica),
// and reports them in the response header `x-bench-d1: calls=…; rt=…; read=…; written=…`.
// The same counting as test/d1-counter.ts, which the round-trip tests use inside workerd.
import app from './index.js';

const HEADER = 'x-bench-d1';

function tally(count, result) {
  for (const item of Array.isArray(result) ? result : [result]) {
    const meta = item?.meta;
    if (meta) {
      count.read += meta.rows_read ?? 0;
      count.written += meta.rows_written ?? 0;
    }
  }
}

/** One call to the database: delayed by the RTT, counted, its rows added up. */
async function roundTrip(count, rtt, call) {
  count.calls += 1;
  if (count.inFlight === 0) count.rt += 1;
  count.inFlight += 1;
  try {
    if (rtt > 0) await new Promise((resolve) => setTimeout(resolve, rtt));
    const result = await call();
    tally(count, result);
    return result;
  } finally {
    count.inFlight -= 1;
  }
}

const originals = new WeakMap();

function statement(inner, count, rtt) {
  const wrapped = new Proxy(inner, {
    get(target, property) {
      const value = Reflect.get(target, property);
      if (typeof value !== 'function') return value;
      if (property === 'bind') return (...args) => statement(value.apply(target, args), count, rtt);
      if (property === 'run' || property === 'all') return (...args) => roundTrip(count, rtt, () => value.apply(target, args));
      // raw() and first() drop D1's meta (rows read/written): asked as all(), answered in their
      // shape — the rows' values in column order, as drizzle-orm itself maps batch results.
      if (property === 'raw')
        return (options) =>
          options?.columnNames
            ? roundTrip(count, rtt, () => value.call(target, options))
            : roundTrip(count, rtt, () => target.all()).then((result) => result.results.map((row) => Object.values(row)));
      if (property === 'first')
        return (column) =>
          roundTrip(count, rtt, () => target.all()).then(({ results: [row] }) => (row === undefined ? null : column ? row[column] : row));
      return value.bind(target);
    },
  });
  originals.set(wrapped, inner);
  return wrapped;
}

function database(inner, count, rtt) {
  return new Proxy(inner, {
    get(target, property) {
      const value = Reflect.get(target, property);
      if (property === 'prepare') return (query) => statement(target.prepare(query), count, rtt);
      if (property === 'batch')
        // D1 checks the class of the statements in a batch: hand it the real ones.
        return (statements) => roundTrip(count, rtt, () => target.batch(statements.map((s) => originals.get(s) ?? s)));
      if (property === 'exec') return (query) => roundTrip(count, rtt, () => target.exec(query));
      if (property === 'withSession') return (bookmark) => database(target.withSession(bookmark), count, rtt);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** Only the delay, nothing counted or buffered: the latency run measures what a buyer waits. */
function delayed(inner, rtt) {
  const wait = () => new Promise((resolve) => setTimeout(resolve, rtt));
  const statement = (real) => {
    const wrapped = new Proxy(real, {
      get(target, property) {
        const value = Reflect.get(target, property);
        if (typeof value !== 'function') return value;
        if (property === 'bind') return (...args) => statement(value.apply(target, args));
        if (property === 'run' || property === 'all' || property === 'first' || property === 'raw')
          return (...args) => wait().then(() => value.apply(target, args));
        return value.bind(target);
      },
    });
    originals.set(wrapped, real);
    return wrapped;
  };
  const db = (real) =>
    new Proxy(real, {
      get(target, property) {
        const value = Reflect.get(target, property);
        if (property === 'prepare') return (query) => statement(target.prepare(query));
        if (property === 'batch') return (statements) => wait().then(() => target.batch(statements.map((s) => originals.get(s) ?? s)));
        if (property === 'exec') return (query) => wait().then(() => target.exec(query));
        if (property === 'withSession') return (bookmark) => db(target.withSession(bookmark));
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  return db(inner);
}

export default {
  async fetch(request, env, ctx) {
    const rtt = Number(env.BENCH_D1_RTT_MS ?? 0);
    // The emulated delay itself, without the app: workerd's timers wake a little late, so the
    // bench measures what one delayed round trip really costs here.
    if (new URL(request.url).pathname === '/__bench/sleep') {
      if (rtt > 0) await new Promise((resolve) => setTimeout(resolve, rtt));
      return new Response('ok');
    }
    if (rtt > 0) return app.fetch(request, { ...env, DB: delayed(env.DB, rtt) }, ctx);
    const count = { calls: 0, rt: 0, read: 0, written: 0, inFlight: 0 };
    const response = await app.fetch(request, { ...env, DB: database(env.DB, count, rtt) }, ctx);
    // The whole body first: a streamed answer may still read from D1 while it is sent.
    const body = await response.arrayBuffer();
    const headers = new Headers(response.headers);
    headers.set(HEADER, `calls=${count.calls}; rt=${count.rt}; read=${count.read}; written=${count.written}`);
    const empty = [101, 204, 205, 304].includes(response.status);
    return new Response(empty ? null : body, { status: response.status, statusText: response.statusText, headers });
  },
  scheduled: app.scheduled,
};
