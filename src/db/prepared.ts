import { Column, type DriverValueDecoder, fillPlaceholders, is, noopDecoder, SQL } from 'drizzle-orm';
import { kept } from '../kept';
import { type Database, guarded, StorageUnavailableError } from './client';

/**
 * Statements whose SQL drizzle builds once per isolate instead of on every request.
 *
 * drizzle builds a query's SQL anew each time it runs (about 0.1 ms for the list's two
 * statements in the Node profile; building them and mapping the rows cell by cell took about
 * 0.25 of the list's 0.85 ms in workerd), and its prepared queries cannot be used where the list
 * needs them: in a D1 batch, drizzle binds their placeholders unfilled (drizzle-orm#2197). So
 * the hot reads (list, export, print, calendar) let drizzle build their statement once per
 * shape with `sql.placeholder(...)` for every value, keep its SQL text, and per request fill the
 * placeholders (drizzle's `fillPlaceholders`), run it alone or in one batch, and map each row
 * with the same decoders drizzle's own mapping uses, looked up once per statement instead of
 * once per cell. The writes (an edit's conditional UPDATE … RETURNING and the reads in its batch,
 * a restore's revert mark, the create's INSERT) and a contact read by its id are built the same
 * way: building an edit's took about a quarter of a merged edit's own time in the Node profile
 * (`scripts/bench/profile.mjs --only "merged update"`).
 */

/** What a select of a flat selection (`db.select({ a: column, b: sql`…` })`), or a write with its RETURNING, offers. */
interface SelectBuilder<Row> {
  toSQL(): { sql: string; params: unknown[] };
  /** Only its type is used: the rows a statement gives back (none for a write without RETURNING). */
  all?(): Promise<Row[]>;
}

/** The selection of a read: flat, each value a column, an SQL expression or one named as its key (`.as(key)`). */
type Selection = Record<string, Column | SQL | SQL.Aliased>;

/** Whether a decoder gives back what the driver gave (drizzle's text and plain integer columns, `sql` without `.mapWith`). */
const keepsValue = (decoder: DriverValueDecoder<unknown, unknown>) =>
  decoder === noopDecoder || decoder.mapFromDriverValue === Column.prototype.mapFromDriverValue;

/** A statement of a read built once: its SQL, its parameters (placeholders among them) and its row decoders. */
export class BuiltRead<Row> {
  /**
   * How a batch answer's objects are read, settled on the first (see `rowsOf`): as they come, where
   * each column is named as its key, in order, and no decoder changes a value; else by their values.
   */
  private asTheyCome: boolean | undefined;

  private constructor(
    readonly sql: string,
    private readonly params: unknown[],
    private readonly keys: readonly string[],
    private readonly decoders: readonly DriverValueDecoder<unknown, unknown>[],
  ) {}

  /**
   * Builds the select `query` makes of `selection` (`(fields) => db.select(fields)…`): drizzle
   * writes the columns in that object's order, so the i-th value of a row is its i-th key, and
   * the row type is the one drizzle infers for that very selection.
   */
  static of<S extends Selection, Row>(selection: S, query: (fields: S) => SelectBuilder<Row>): BuiltRead<Row> {
    const built = query(selection).toSQL();
    // Each distinct value is bound once (`?N`): D1 binds at most 100 per statement, and a search's
    // words stand in its filter, its rank, the rank's window and its order. (A placeholder is one
    // object per name here; drizzle writes every value as `?` and names in double quotes.)
    const params: unknown[] = [];
    let next = 0;
    const sql = built.sql.replace(/\?/g, () => {
      const value = built.params[next++];
      const known = params.indexOf(value);
      return `?${known < 0 ? params.push(value) : known + 1}`;
    });
    if (next !== built.params.length) throw new Error(`${built.params.length} values for ${next} parameters`);
    const keys = Object.keys(selection);
    const decoders = keys.map((key) => {
      const field = selection[key];
      if (is(field, Column)) return field;
      // The decoder `.mapWith()` sets (drizzle's own row mapping reads the same property).
      if (is(field, SQL)) return (field as SQL & { decoder: DriverValueDecoder<unknown, unknown> }).decoder;
      if (is(field, SQL.Aliased)) {
        if (field.fieldAlias !== key) throw new TypeError(`${key}: named ${field.fieldAlias}`);
        return (field.sql as SQL & { decoder: DriverValueDecoder<unknown, unknown> }).decoder;
      }
      throw new TypeError(`${key}: not a column or SQL`);
    });
    return new BuiltRead<Row>(sql, params, keys, decoders);
  }

  /**
   * This request's values for the placeholders, in parameter order. Outside `guarded`: a missing
   * value is a bug to see, not storage trouble to retry and show as "try again".
   */
  values(values: Record<string, unknown>): unknown[] {
    return fillPlaceholders(this.params, values);
  }

  /**
   * One row from its values in column order, decoded as drizzle decodes them (null stays null);
   * without the column `omit` where one is named (the list's cursor, which only its last row needs).
   */
  row(values: readonly unknown[]): Row;
  row<K extends keyof Row & string>(values: readonly unknown[], omit: K): Omit<Row, K>;
  row(values: readonly unknown[], omit?: string): Row {
    if (values.length !== this.keys.length) throw new Error(`read ${values.length} of ${this.keys.length} columns`);
    const row: Record<string, unknown> = {};
    for (let i = 0; i < this.keys.length; i++) {
      const key = this.keys[i] as string;
      if (key === omit) continue;
      const value = values[i];
      row[key] = value === null || value === undefined ? null : this.decoders[i]?.mapFromDriverValue(value);
    }
    return row as Row;
  }

  /**
   * Rows of a batch result: D1 answers a batch with objects keyed by column name, in column order.
   * Where every column is named as its key (a selection of `sql`…`.as(key)`) and kept as D1 gives
   * it, those objects are the rows (the list's page: copying its 50 rows value by value was a
   * tenth of its own time in the Node profile), the column `omit` left in them. Otherwise each is
   * read by its values: two columns of one name would become one key (drizzle's batch has the
   * same limit), and a name like "1" would move to the front of the object: both are refused, not
   * read shifted.
   */
  rowsOf(result: D1Result): Row[];
  rowsOf<K extends keyof Row & string>(result: D1Result, omit: K): Omit<Row, K>[];
  rowsOf(result: D1Result, omit?: keyof Row & string): Row[] {
    const objects = result.results as Record<string, unknown>[];
    const first = objects[0];
    if (first && this.asTheyCome === undefined) {
      const names = Object.keys(first);
      if (names.some((name) => /^(0|[1-9][0-9]*)$/.test(name))) throw new Error('a column named like an array index');
      this.asTheyCome =
        names.length === this.keys.length && names.every((name, i) => name === this.keys[i]) && this.decoders.every(keepsValue);
    }
    if (this.asTheyCome) return objects as Row[];
    return objects.map((object) => (omit === undefined ? this.row(Object.values(object)) : (this.row(Object.values(object), omit) as Row)));
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
  return (shape: string, build: () => BuiltRead<Row>): BuiltRead<Row> => kept(built, shape, build);
}

/** The raw D1 client under drizzle (the timed binding or session of this request). */
function clientOf(db: Database): D1Database {
  return db.$client;
}

/** One read, one round trip; rows as arrays straight from D1 (no objects to take apart). */
export async function runRead<Row>(db: Database, read: BuiltRead<Row>, values: Record<string, unknown>): Promise<Row[]> {
  const client = clientOf(db);
  const params = read.values(values);
  const rows = await guarded(() =>
    client
      .prepare(read.sql)
      .bind(...params)
      .raw(),
  );
  return rows.map((row) => read.row(row));
}

/** Two reads in one D1 batch: one round trip. */
export async function runReads<A, B>(
  db: Database,
  first: [BuiltRead<A>, Record<string, unknown>],
  second: [BuiltRead<B>, Record<string, unknown>],
): Promise<[A[], B[]]> {
  const [a, b] = await runBatch(db, first, second);
  return [first[0].rowsOf(a), second[0].rowsOf(b)];
}

/** Two reads in one D1 batch, answered as D1 answers them (each read's `rowsOf` decodes them). */
export async function runBatch<A, B>(
  db: Database,
  first: [BuiltRead<A>, Record<string, unknown>],
  second: [BuiltRead<B>, Record<string, unknown>],
): Promise<[D1Result, D1Result]> {
  const [a, b] = await runStatements(db, [first, second]);
  return [a as D1Result, b as D1Result];
}

/**
 * Built statements (reads, or writes with their RETURNING) in one D1 batch: one round trip, one
 * transaction. Answered as D1 answers them, one result per statement in order.
 */
export async function runStatements(
  db: Database,
  statements: readonly [BuiltRead<unknown>, Record<string, unknown>][],
): Promise<D1Result[]> {
  const client = clientOf(db);
  const params = statements.map(([read, values]) => read.values(values));
  const results = await guarded(() => client.batch(statements.map(([read], i) => client.prepare(read.sql).bind(...(params[i] ?? [])))));
  // D1 answers every statement of a batch or throws; a short answer is storage trouble all the same.
  if (results.length < statements.length || results.some((result) => !result))
    throw new StorageUnavailableError('D1 batch answer too short');
  return results;
}
