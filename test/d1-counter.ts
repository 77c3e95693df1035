// A counting wrapper around the D1 binding (and its Sessions): every call that goes to the
// database — a statement's run/all/first/raw, or one batch — is one round trip. Rows read and
// written add up from D1's `meta`: raw() and first() drop it, so they are asked as all() and
// answered in their shape, as the bench's wrapper does (scripts/bench/lib/d1-bench-worker.mjs;
// stop 77: a page read by one raw() counted 0 rows, and its bound held whatever it read).

export interface D1Count {
  /** Every round trip waits this long first (a database that far away). */
  delayMs: number;
  roundTrips: number;
  rowsRead: number;
  rowsWritten: number;
  sessions: (string | undefined)[];
}

type Meta = { meta?: { rows_read?: number; rows_written?: number } };

function tally(count: D1Count, result: unknown) {
  for (const item of Array.isArray(result) ? result : [result]) {
    const meta = (item as Meta | null)?.meta;
    if (meta) {
      count.rowsRead += meta.rows_read ?? 0;
      count.rowsWritten += meta.rows_written ?? 0;
    }
  }
}

async function far(count: D1Count) {
  if (count.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, count.delayMs));
}

/** The real binding's statements, unwrapped again for batch (D1 checks their class). */
const originals = new WeakMap<object, D1PreparedStatement>();

function countedStatement(statement: D1PreparedStatement, count: D1Count): D1PreparedStatement {
  const wrapped = new Proxy(statement, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      if (property === 'bind')
        return (...args: unknown[]) => countedStatement(Reflect.apply(value, target, args) as D1PreparedStatement, count);
      const trip = async (call: () => Promise<unknown>) => {
        count.roundTrips += 1;
        await far(count);
        const result = await call();
        tally(count, result);
        return result;
      };
      if (property === 'raw')
        return async (options?: { columnNames?: boolean }) =>
          options?.columnNames
            ? trip(() => Reflect.apply(value, target, [options]))
            : ((await trip(() => target.all())) as D1Result<Record<string, unknown>>).results.map((row) => Object.values(row));
      if (property === 'first')
        return async (column?: string) => {
          const [row] = ((await trip(() => target.all())) as D1Result<Record<string, unknown>>).results;
          return row === undefined ? null : column ? row[column] : row;
        };
      if (property === 'run' || property === 'all') return (...args: unknown[]) => trip(() => Reflect.apply(value, target, args));
      return value.bind(target);
    },
  });
  originals.set(wrapped, statement);
  return wrapped;
}

function counted<T extends { prepare(query: string): D1PreparedStatement; batch(statements: D1PreparedStatement[]): Promise<unknown[]> }>(
  target: T,
  count: D1Count,
): T {
  return new Proxy(target, {
    get(inner, property, receiver) {
      const value: unknown = Reflect.get(inner, property, receiver);
      if (property === 'prepare') {
        return (query: string) => countedStatement(inner.prepare(query), count);
      }
      if (property === 'batch') {
        return async (statements: D1PreparedStatement[]) => {
          count.roundTrips += 1;
          await far(count);
          const result = await inner.batch(statements.map((statement) => originals.get(statement) ?? statement));
          tally(count, result);
          return result;
        };
      }
      if (property === 'withSession') {
        return (bookmark?: string) => {
          count.sessions.push(bookmark);
          return counted((inner as unknown as D1Database).withSession(bookmark), count);
        };
      }
      return typeof value === 'function' ? value.bind(inner) : value;
    },
  });
}

export function countingD1(d1: D1Database, delayMs = 0): { db: D1Database; count: D1Count } {
  const count: D1Count = { delayMs, roundTrips: 0, rowsRead: 0, rowsWritten: 0, sessions: [] };
  return { db: counted(d1, count), count };
}
