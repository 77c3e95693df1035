/**
 * In place of drizzle-orm's SQLite `text` and `integer` column modules in the Worker's bundle
 * (wrangler.toml `[alias]`), as src/db/sqlite-columns.ts is for the other column types.
 *
 * src/db/schema.ts uses plain text and integer columns only: no `{ mode: 'json' }`,
 * `'timestamp'` or `'boolean'`. drizzle's `text()` and `integer()` name the builders of those
 * modes, so esbuild kept their classes (JSON, date and boolean mapping) for columns this app
 * never has. Here the builders and columns of the plain types are drizzle's, word for word (their
 * `entityKind` names too, which drizzle's `is()` compares), and a mode throws.
 * test/node/plain-columns.test.ts holds this module to drizzle's exports and to the columns
 * drizzle builds for the schema.
 */
import { entityKind } from 'drizzle-orm/entity';
import { SQLiteColumn, SQLiteColumnBuilder } from '../generated/sqlite-column-common.js';

type Config = { enum?: readonly string[]; length?: number; mode?: string };
// drizzle's builders keep their settings in a protected `config`.
type Settings = { config: Record<string, unknown> };

function plain(a?: string | Config, b?: Config): { name: string; config: Config } {
  const config = typeof a === 'object' ? a : (b ?? {});
  if (config.mode) throw new Error('not part of this build');
  return { name: typeof a === 'string' ? a : '', config };
}

export class SQLiteTextBuilder extends SQLiteColumnBuilder {
  static override readonly [entityKind]: string = 'SQLiteTextBuilder';
  constructor(name: string, config: Config) {
    super(name, 'string' as never, 'SQLiteText');
    (this as unknown as Settings).config.enumValues = config.enum;
    (this as unknown as Settings).config.length = config.length;
  }
  build(table: never) {
    return new SQLiteText(table, (this as unknown as Settings).config as never);
  }
}

export class SQLiteText extends SQLiteColumn {
  static override readonly [entityKind]: string = 'SQLiteText';
  override enumValues = (this as unknown as Settings).config.enumValues as string[] | undefined;
  length = (this as unknown as Settings).config.length;
  getSQLType() {
    const length = (this as unknown as Settings).config.length;
    return `text${length ? `(${length})` : ''}`;
  }
}

export function text(a?: string | Config, b?: Config) {
  const { name, config } = plain(a, b);
  return new SQLiteTextBuilder(name, config);
}

export class SQLiteBaseIntegerBuilder extends SQLiteColumnBuilder {
  static override readonly [entityKind]: string = 'SQLiteBaseIntegerBuilder';
  constructor(name: string, dataType: string, columnType: string) {
    super(name, dataType as never, columnType);
    (this as unknown as Settings).config.autoIncrement = false;
  }
  override primaryKey(config?: { autoIncrement?: boolean }) {
    if (config?.autoIncrement) (this as unknown as Settings).config.autoIncrement = true;
    (this as unknown as Settings).config.hasDefault = true;
    return super.primaryKey();
  }
}

export class SQLiteBaseInteger extends SQLiteColumn {
  static override readonly [entityKind]: string = 'SQLiteBaseInteger';
  autoIncrement = (this as unknown as Settings).config.autoIncrement;
  getSQLType() {
    return 'integer';
  }
}

export class SQLiteIntegerBuilder extends SQLiteBaseIntegerBuilder {
  static override readonly [entityKind]: string = 'SQLiteIntegerBuilder';
  constructor(name: string) {
    super(name, 'number', 'SQLiteInteger');
  }
  build(table: never) {
    return new SQLiteInteger(table, (this as unknown as Settings).config as never);
  }
}

export class SQLiteInteger extends SQLiteBaseInteger {
  static override readonly [entityKind]: string = 'SQLiteInteger';
}

export function integer(a?: string | Config, b?: Config) {
  return new SQLiteIntegerBuilder(plain(a, b).name);
}
export const int = integer;
