import { Column, type DriverValueDecoder, fillPlaceholders, is, SQL } from 'drizzle-orm';
import { type Database, guarded } from './client';

/**
 * Reads whose SQL drizzle builds once per isolate instead of on every request.
 *
 * drizzle builds a query's SQL anew each time it runs (about 0.1 ms for the list's two
 * statements, a fifth of the list's own time in the Worker), and its prepared queries cannot be
 * used where the list needs them: in a D1 batch, drizzle binds their placeholders unfilled
 * (drizzle-orm#2197). So the hot reads (list, export, print, calendar) let drizzle build their
 * statement once per shape with `sql.placeholder(...)` for every value, keep its SQL text, and
 * per request fill the placeholders (drizzle's `fillPlaceholders`), run it alone or in one
 * batch, and map each row with the same decoders drizzle's own mapping uses, looked up once
 * per statement instead of once per cell.
 */

/** What a select of a flat selection (`db.select({ a: column, b: sql`…` })`) offers. */
interface SelectBuilder<Row> {
  toSQL(): { sql: string; params: unknown[] };
  all(): Promise<Row[]>;
}

/** The selection of a read: flat, each value a column or an SQL expression. */
type Selection = Record<string, Column | SQL>;

/** A statement of a read built once: its SQL, its parameters (placeholders among them) and its row decoders. */
export class BuiltRead<Row> {
  private constructor(
    readonly sql: string,
    private readonly params: unknown[],
    private readonly keys: readonly string[],
    private readonly decoders: readonly DriverValueDecoder<unknown, unknown>[],
  ) {}

  /**
   * Builds `query`, which selects `selection` (the object passed to `db.select`): drizzle writes
   * the columns in that object's order, so the i-th value of a row is its i-th key.
   */
  static of<Row>(selection: Selection, query: SelectBuilder<Row>): BuiltRead<Row> {
    const { sql, params } = query.toSQL();
    const keys = Object.keys(selection);
    const decoders = keys.map((key) => {
      const field = selection[key];
      if (is(field, Column)) return field;
      // The decoder `.mapWith()` sets (drizzle's own row mapping reads the same property).
      if (is(field, SQL)) return (field as SQL & { decoder: DriverValueDecoder<unknown, unknown> }).decoder;
      throw new TypeError(`${key}: only columns and SQL expressions can be selected`);
    });
    return new BuiltRead<Row>(sql, params, keys, decoders);
  }

  /** The statement with this request's values for the placeholders. */
  bind(client: D1Database, values: Record<string, unknown>): D1PreparedStatement {
    return client.prepare(this.sql).bind(...fillPlaceholders(this.params, values));
  }

  /** One row from its values in column order, decoded as drizzle decodes them (null stays null). */
  row(values: readonly unknown[]): Row {
    const row: Record<string, unknown> = {};
    for (let i = 0; i < this.keys.length; i++) {
      const value = values[i];
      row[this.keys[i] as string] = value === null || value === undefined ? null : this.decoders[i]?.mapFromDriverValue(value);
    }
    return row as Row;
  }

  /** Rows of a batch result (objects keyed by column name, in column order). */
  rowsOf(result: D1Result): Row[] {
    return (result.results as Record<string, unknown>[]).map((object) => {
      const values = Object.values(object);
      // Two columns of one name would have become one key: drizzle's batch has the same limit.
      if (values.length !== this.keys.length) throw new Error(`read returned ${values.length} columns, ${this.keys.length} selected`);
      return this.row(values);
    });
  }
}

/**
 * A read built once per shape: `build()` runs on the first use of each `shape` (a key the caller
 * makes from everything that changes the SQL text, never from values) and is kept for the
 * isolate. The shapes of a read are few and fixed (orders times windows), so the cache is bounded
 * by the code, not by requests; a search, whose shape follows the words typed, is built per
 * request with `BuiltRead.of` instead.
 */
export function builtOnce<Row>() {
  const built = new Map<string, BuiltRead<Row>>();
  return (shape: string, build: () => BuiltRead<Row>): BuiltRead<Row> => {
    let read = built.get(shape);
    if (!read) {
      read = build();
      built.set(shape, read);
    }
    return read;
  };
}

/** The raw D1 client under drizzle (the timed binding or session of this request). */
function clientOf(db: Database): D1Database {
  return db.$client;
}

/** One read, one round trip; rows as arrays straight from D1 (no objects to take apart). */
export async function runRead<Row>(db: Database, read: BuiltRead<Row>, values: Record<string, unknown>): Promise<Row[]> {
  const rows = await guarded(() => read.bind(clientOf(db), values).raw());
  return rows.map((row) => read.row(row));
}

/** Two reads in one D1 batch: one round trip. */
export async function runReads<A, B>(
  db: Database,
  first: [BuiltRead<A>, Record<string, unknown>],
  second: [BuiltRead<B>, Record<string, unknown>],
): Promise<[A[], B[]]> {
  const client = clientOf(db);
  const [a, b] = await guarded(() => client.batch([first[0].bind(client, first[1]), second[0].bind(client, second[1])]));
  if (!a || !b) throw new Error('D1 batch answered fewer results than statements');
  return [first[0].rowsOf(a), second[0].rowsOf(b)];
}
