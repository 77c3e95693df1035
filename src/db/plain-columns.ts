/**
 * In place of drizzle-orm's SQLite `text` and `integer` column modules in the Worker's bundle
 * (wrangler.toml `[alias]`), as src/db/sqlite-columns.ts is for the other column types.
 *
 * src/db/schema.ts uses plain text and integer columns only: no `{ mode: 'json' }`,
 * `'timestamp'` or `'boolean'`. drizzle's `text()` and `integer()` name the builders of those
 * modes, so esbuild kept their classes (JSON, date and boolean mapping) for columns this app
 * never has. Here the builders and columns of the plain types are drizzle's, word for word (their
 * `entityKind` names too, which drizzle's `is()` compares), and a mode throws; but for what only
 * drizzle-kit reads of a column (a text's `enumValues` and `length`, an integer's `autoIncrement`,
 * its SQL type `getSQLType()`, declared here for TypeScript alone) and the builder's settings only
 * they were made of (an integer's `primaryKey()` of its own, which set them): nothing in the bundle
 * reads them (drizzle-kit reads the schema with drizzle's own columns: only the Worker's build and
 * its tests take this alias; 94 B gzip). test/node/plain-columns.test.ts holds this module to
 * drizzle's exports, to the columns drizzle builds for the schema but those, and the bundle to no
 * reader of them.
 */
import { entityKind } from 'drizzle-orm/entity';
import { SQLiteColumn, SQLiteColumnBuilder } from '../generated/sqlite-column-common.js';

type Config = { enum?: readonly string[]; length?: number; mode?: string };
// drizzle's builders keep their settings in a protected `config`.
type Settings = { config: Record<string, unknown> };

/** A column's name (drizzle's getColumnNameAndConfig), its config only read for a mode (the rest is drizzle-kit's). */
function plainName(a?: string | Config, b?: Config): string {
  const config = typeof a === 'object' ? a : (b ?? {});
  if (config.mode) throw new Error('not part of this build');
  return typeof a === 'string' ? a : '';
}

export class SQLiteTextBuilder extends SQLiteColumnBuilder {
  static override readonly [entityKind]: string = 'SQLiteTextBuilder';
  constructor(name: string) {
    super(name, 'string' as never, 'SQLiteText');
  }
  build(table: never) {
    return new SQLiteText(table, (this as unknown as Settings).config as never);
  }
}

export class SQLiteText extends SQLiteColumn {
  static override readonly [entityKind]: string = 'SQLiteText';
  declare getSQLType: () => string;
}

export function text(a?: string | Config, b?: Config) {
  return new SQLiteTextBuilder(plainName(a, b));
}

export class SQLiteBaseIntegerBuilder extends SQLiteColumnBuilder {
  static override readonly [entityKind]: string = 'SQLiteBaseIntegerBuilder';
}

export class SQLiteBaseInteger extends SQLiteColumn {
  static override readonly [entityKind]: string = 'SQLiteBaseInteger';
  declare getSQLType: () => string;
}

export class SQLiteIntegerBuilder extends SQLiteBaseIntegerBuilder {
  static override readonly [entityKind]: string = 'SQLiteIntegerBuilder';
  constructor(name: string) {
    super(name, 'number' as never, 'SQLiteInteger');
  }
  build(table: never) {
    return new SQLiteInteger(table, (this as unknown as Settings).config as never);
  }
}

export class SQLiteInteger extends SQLiteBaseInteger {
  static override readonly [entityKind]: string = 'SQLiteInteger';
}

export function integer(a?: string | Config, b?: Config) {
  return new SQLiteIntegerBuilder(plainName(a, b));
}
export const int = integer;
