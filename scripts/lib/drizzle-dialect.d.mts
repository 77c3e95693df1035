/** The methods of drizzle-orm's SQLite dialect that the Worker's bundle leaves out. */
export const LEFT_OUT: readonly string[];
/** The dialect's methods the app reaches only with nothing to do (joins, CTEs: always none). */
export const ONLY_EMPTY: readonly string[];
/** The stand-in of such a method: its early return, and a throw were it ever given a join or CTE. */
export function onlyEmpty(method: string): string;
/** Texts of the dialect's methods left out, by what they are: only queries the app never writes reach them. */
export const DIALECT_LEFT_OUT: Readonly<Record<string, string>>;
/** drizzle's dialect text without DIALECT_LEFT_OUT; throws for a text not found exactly once. */
export function withoutDialectTexts(source: string): string;
/** The dialect's imports the bundle takes from a stand-in of its own (drizzle's specifier → the stand-in's). */
export const STAND_INS: Readonly<Record<string, string>>;
/** drizzle-orm/sqlite-core/dialect.js's text as src/generated/sqlite-dialect.js (see drizzle-dialect.mjs). */
export function trimDialect(source: string): string;
/** The dialect's classes the bundle never makes nor tests for, each made by a call marked pure (esbuild drops them). */
export const PURE_CLASSES: readonly string[];
/** A module's text with each class of `names` made by a call marked pure (the same class, the same name). */
export function asPureClasses(source: string, names?: readonly string[], file?: string): string;
/** The classes of drizzle's errors.js the bundle never makes, made by pure calls in src/generated/drizzle-errors.js. */
export const ERRORS_PURE_CLASSES: readonly string[];
/** drizzle-orm/errors.js's text as src/generated/drizzle-errors.js. */
export function trimErrors(source: string): string;
/** The methods of drizzle's QueryPromise the Worker's bundle leaves out. */
export const QUERY_PROMISE_LEFT_OUT: readonly string[];
/** drizzle-orm/query-promise.js's text as src/generated/drizzle-query-promise.js. */
export function trimQueryPromise(source: string): string;
/** A relative import of sqlite-core/dialect.js as drizzle-orm's package specifier. */
export function packageSpecifier(from: string): string;
/** What the Worker's bundle leaves out of drizzle-orm's SQLite select, update, insert and delete builders. */
export const BUILDERS_LEFT_OUT: Record<
  'select' | 'update' | 'insert' | 'delete',
  {
    readonly methods: readonly string[];
    readonly fields: readonly string[];
    readonly functions: readonly string[];
    readonly constants: readonly string[];
  }
>;
/** Texts of the builders' members left out, by builder and what they are, in the order they are left out. */
export const BUILDER_TEXTS_LEFT_OUT: Record<'select' | 'update' | 'insert' | 'delete', Readonly<Record<string, string>>>;
/** Texts of every builder replaced, each found once after BUILDER_TEXTS_LEFT_OUT. */
export const BUILDER_EDITS: readonly { name: string; from: string; to: string }[];
/** What every builder runs a query with besides `await` and a batch (prepare() and its four runners), which the app never calls on a builder. */
export const RUNNERS_LEFT_OUT: readonly string[];
/** The class of each builder's module whose members RUNNERS_LEFT_OUT are. */
export const RUNNER_OWNER: Record<'select' | 'update' | 'insert' | 'delete', string>;
/** Texts of each builder replaced once RUNNERS_LEFT_OUT are out: its execute() and its _prepare(). */
export const RUNNER_EDITS: Record<'select' | 'update' | 'insert' | 'delete', readonly { name: string; from: string; to: string }[]>;
/** A builder's module text without its BUILDER_TEXTS_LEFT_OUT; throws for a text not found exactly once. */
export function withoutBuilderTexts(kind: 'select' | 'update' | 'insert' | 'delete', source: string): string;
/** drizzle-orm/sqlite-core/query-builders/<kind>.js's text as src/generated/sqlite-<kind>.js. */
export function trimBuilder(kind: 'select' | 'update' | 'insert' | 'delete', source: string): string;
/** A relative import of a module in sqlite-core/query-builders/ as drizzle-orm's package specifier. */
export function builderSpecifier(from: string): string;
/** What the Worker's bundle leaves out of drizzle-orm's SQLite database class (sqlite-core/db.js). */
export const DATABASE_LEFT_OUT: { readonly methods: readonly string[]; readonly fields: readonly string[] };
export const DATABASE_CONSTRUCTOR_EDIT: { readonly from: RegExp; readonly to: string };
/** db.js's imports the bundle takes from a stand-in of its own. */
export const DATABASE_STAND_INS: Readonly<Record<string, string>>;
export const BUILDER_STAND_INS: Readonly<Record<string, string>>;
/** drizzle-orm/sqlite-core/db.js's text as src/generated/sqlite-db.js. */
export function trimDatabase(source: string, options?: { unread?: boolean }): string;
/** What the Worker's bundle leaves out of drizzle-orm's session modules: whole classes, and methods of the session class. */
export const SESSIONS_LEFT_OUT: Record<'sqlite' | 'd1', { readonly classes: readonly string[]; readonly methods: readonly string[] }>;
/** Texts of the session modules left out (the prepared query's joinsNotNullableMap), each found once. */
export const SESSION_TEXTS_LEFT_OUT: Record<'sqlite' | 'd1', readonly string[]>;
/** Methods of each session module's prepared query class the Worker's bundle leaves out. */
export const PREPARED_LEFT_OUT: Record<'sqlite' | 'd1', { readonly class: string; readonly methods: readonly string[] }>;
/** The sessions' imports the bundle takes from a stand-in of its own or from the other generated session. */
export const SESSION_STAND_INS: Record<'sqlite' | 'd1', Readonly<Record<string, string>>>;
/** What src/generated/sqlite-session.js exports (and d1-session.js too, for drizzle's sqlite-core index). */
export const SQLITE_SESSION_EXPORTS: readonly string[];
/** drizzle-orm/sqlite-core/session.js's ('sqlite') or d1/session.js's ('d1') text as src/generated/<kind>-session.js. */
export function trimSession(kind: 'sqlite' | 'd1', source: string, options?: { unread?: boolean }): string;
/** A relative import of d1/session.js as drizzle-orm's package specifier. */
export function d1Specifier(from: string): string;
/** drizzle's SQL builder by its package specifier, as the generated files' imports would name it. */
export const SQL_SPECIFIER: string;
/** The generated SQL builder the generated files import in its place (src/generated/drizzle-sql.js). */
export const GENERATED_SQL: string;
/** The generated modules the generated files import in place of drizzle's, by its package specifier. */
export const GENERATED: Readonly<Record<string, string>>;
/** A package specifier, or the generated module the generated files import in its place. */
export function generatedFor(to: string): string;
/** The members of drizzle's SQLiteColumnBuilder the Worker's bundle leaves out. */
export const COLUMN_LEFT_OUT: readonly string[];
/** SQLiteColumnBuilder's members of references left out: its list and buildForeignKeys. */
export const COLUMN_FOREIGN_KEYS_LEFT_OUT: readonly string[];
/** common.js's imports the bundle takes from its stand-ins. */
export const COLUMN_STAND_INS: Readonly<Record<string, string>>;
/** The types of src/generated/sqlite-column-common.js: drizzle's own. */
export const COLUMN_COMMON_TYPES: string;
/** drizzle-orm/sqlite-core/columns/common.js's text as src/generated/sqlite-column-common.js. */
export function trimColumnCommon(source: string): string;
/** The members of drizzle's ColumnBuilder the Worker's bundle leaves out. */
export const COLUMN_BUILDER_LEFT_OUT: readonly string[];
/** drizzle-orm/column-builder.js's text as src/generated/drizzle-column-builder.js (see drizzle-dialect.mjs). */
export function trimColumnBuilder(source: string): string;
/** D1's prepared query's methods whose branch for a query without fields throws: each with the names drizzle takes from `this`, and those kept. */
export const RAW_QUERY_BRANCHES: readonly (readonly [method: string, names: string, kept: string])[];
/** The texts of D1's prepared query left out for a custom result mapper (and, in its batch mappers, for no fields). */
export const CUSTOM_MAPPER_LEFT_OUT: readonly string[];
/** SQLiteColumn's naming of a column's unique constraint, left out of its constructor. */
export const COLUMN_UNIQUE_NAME: string;
/** A column builder's config as drizzle starts it, and as the bundle's does. */
export const COLUMN_BUILDER_CONFIG: { readonly from: string; readonly to: string };
/** The keys of a column's config the bundle's column builder no longer starts it with. */
export const COLUMN_CONFIG_LEFT_OUT: readonly string[];
/** The lines of the column builder's notNull(), default() and primaryKey() that set those keys of its config, left out. */
export const COLUMN_CONFIG_WRITES: RegExp;
/** D1's session and prepared query without its query logger: each text `from` found `count` times, and what takes its place. */
export const LOGGER_LEFT_OUT: readonly { from: string; to: string; count: number }[];
/** Texts of drizzle's dialect replaced, each found once: a delete's and an update's order by and limit, then the parameters their methods no longer read and an update's joins (`names`: what each leaves out), and buildSelection() for one table (`count`: found that many times, 1 if not given). */
export const DIALECT_EDITS: readonly { name: string; names?: readonly string[]; count?: number; from: string; to: string }[];
/** D1's session and prepared query without the NoopCache it handed on (after LOGGER_LEFT_OUT). */
export const CACHE_LEFT_OUT: readonly { from: string; to: string; count: number }[];
/** The SQLite prepared query's test for a query it runs without a cache, and what takes its place. */
export const QUERY_WITHOUT_CACHE: { from: string; to: string };
/** What each builder carries that nothing in the bundle reads (withList, distinct, isPartialSelect, _, an update's joins, an insert's select): exact texts, each found once. */
export const BUILDER_FIELDS_LEFT_OUT: Record<
  'select' | 'update' | 'insert' | 'delete',
  readonly { name: string; from: string; to: string }[]
>;
/** A builder's text written shorter (the select's orderBy() without its copy of the columns): exact texts, each found once. */
export const BUILDER_REWRITES: Record<'select' | 'update' | 'insert' | 'delete', readonly { name: string; from: string; to: string }[]>;
/** What the database class keeps that nothing of the bundle reads (its result kind, a schema, query and $cache): exact texts, each found once. */
export const DATABASE_UNREAD_LEFT_OUT: readonly { name: string; from: string; to: string }[];
/** What the sessions are handed and keep that nothing of the bundle reads: exact texts, each found once. */
export const SESSION_UNREAD_LEFT_OUT: Record<'sqlite' | 'd1', readonly { name: string; from: string; to: string }[]>;
/** D1's batch binding each query's own statement, also one without parameters (drizzle prepared its SQL again). */
export const D1_BATCH_BIND: { name: string; from: string; to: string };
/** `text` with each edit (found once) made; throws otherwise. */
export function editedOnce(text: string, file: string, edits: readonly { name: string; from: string; to: string }[]): string;
/** DrizzleQueryError's constructor's end, its captureStackTrace() and second setting of the cause (see drizzle-dialect.mjs). */
export const QUERY_ERROR_TAIL: string;
