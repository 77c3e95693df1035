import { and, asc, desc, eq, gt, gte, isNotNull, isNull, lt, ne, or, type Placeholder, type SQL, sql } from 'drizzle-orm';
import { SQLiteAsyncDialect } from 'drizzle-orm/sqlite-core';
// drizzle's own function, which the bundle takes from the generated copy of its module (wrangler.toml [alias] "drizzle-orm/utils").
import { getTableColumns } from 'drizzle-orm/utils';
import { type Database, guarded, randomToken } from '../db/client';
import { BuiltRead, builtOnce, runBatch, runRead, runStatements } from '../db/prepared';
import { assetUsage, type ContactRow, contacts, contactVersions, importStaging, type VersionRow } from '../db/schema';
import { kept } from '../kept';
import { type CursorValue, decodeCursor, encodeCursor, type ListOrder } from './cursor';
import { derivedColumns } from './derived';
import { columnsOf, EMPTY_FIELDS, FIELDS, type FieldName, type FieldValues, fieldValuesOf } from './fields';
import {
  A_SOUND,
  A_TRADE,
  KEY_FORMAT,
  type KeyTest,
  matchTest,
  NOT_THE_NAME,
  nameTest,
  otherHeadTest,
  parseQuery,
  type SearchTerm,
  seeksFirm,
  seeksPerson,
  soundTest,
  tradeTest,
} from './keys';
import { changedFields, told } from './merge';
import type { VCardContact } from './vcard';
import { berlinToday } from './warranty';

/** Every query of the contact book lives here, and every one is scoped by the asset id. */

// The asset's bounds (issue 14). The triggers of migrations/0003 enforce the same numbers;
// test/storage-bounds.test.ts holds the two equal and docs/architecture.md states the worst case.
export const MAX_CONTACTS_PER_ASSET = 1000;
/** Versions kept per contact, deleted or not (migration 0010; a deleted one kept only its last before). */
export const MAX_VERSIONS = 20;
/** Deleted contacts kept per asset, each for at most PURGE_AFTER_MS. */
export const MAX_DELETED = 1000;
export const PURGE_AFTER_MS = 30 * 24 * 60 * 60 * 1000;
/** Everything an asset stores: contacts, keys, versions (UTF-8 bytes plus a row overhead). */
export const STORAGE_BUDGET_BYTES = 10_000_000;
/**
 * What the triggers keep free of the budget by purging the oldest versions (migrations/0009):
 * more than twice the largest row, as a write needs room for its row and its version (hasRoom).
 */
export const BUDGET_HEADROOM_BYTES = 128 * 1024;

/**
 * The budget trigger's purge (migrations/0009) as one statement: the asset's (?1) oldest versions,
 * never a contact's current one, until ?2 bytes more leave it within ?3 (the budget less the
 * headroom). `guards` are further terms of no table: SQLite tests them once, before it scans, so
 * a write with room to spare reads no version. The import's confirmation and the platform's
 * anonymise run it, where the trigger's window per row would be too dear or never fires.
 * Written as pieces, one space apart: esbuild joins them into one string, where a template literal's
 * line breaks and indentation would stay in the bundle (46 B gzip with imports.ts's statements).
 */
export const purgeOldestSql = (guards = '') =>
  `DELETE FROM contact_versions WHERE rowid IN (` +
  ` SELECT rid FROM (` +
  ` SELECT v.rowid AS rid, v.bytes AS b,` +
  ` sum(v.bytes) OVER (ORDER BY v.created_at, v.contact_id, v.version ROWS UNBOUNDED PRECEDING) AS running` +
  ` FROM contact_versions v JOIN contacts c ON c.id = v.contact_id` +
  ` WHERE v.asset_id = ?1 AND v.version < c.version` +
  ` AND coalesce((SELECT bytes FROM asset_usage WHERE asset_id = ?1), 0) + ?2 > ?3${guards}` +
  ` )` +
  ` WHERE running - b < coalesce((SELECT bytes FROM asset_usage WHERE asset_id = ?1), 0) + ?2 - ?3` +
  ` )`;
export const PAGE_SIZE = 100;

export type Contact = ContactRow;

export interface Author {
  userId: string;
  name: string;
}

/** True when `contact` carries exactly the change this author made at `now` (a retried write whose first try had landed). */
function isOwnWrite(contact: Contact, author: Author, now: number): boolean {
  return contact.updatedBy === author.userId && contact.updatedAt === now;
}

/** The stored columns of a contact's values, with everything derived from them. */
export function columnsFrom(values: FieldValues) {
  return { ...columnsOf(values), ...derivedColumns(values) };
}

/** The columns a write sets from its values: the fields and what derives from them (placeholders of the same names). */
const writtenColumns = Object.keys(columnsFrom(EMPTY_FIELDS)) as (keyof ReturnType<typeof columnsFrom>)[];

/**
 * True while the asset has room for a write that needs `room` bytes (twice a row's bytes: the row
 * and its version), less the row it is `replacing` (an edit's own row): the triggers purge the
 * oldest versions before the budget is reached, so only live data can fill it.
 */
export const hasRoom = (assetId: string | Placeholder, room: number | Placeholder, replacing?: SQL.Aliased | typeof contacts.bytes) =>
  sql`coalesce((SELECT ${assetUsage.bytes} FROM ${assetUsage} WHERE ${assetUsage.assetId} = ${assetId}), 0)${replacing ? sql` - ${replacing}` : sql``} + ${room} <= ${STORAGE_BUDGET_BYTES}`;
export const liveCount = (assetId: string | Placeholder) =>
  sql`coalesce((SELECT ${assetUsage.live} FROM ${assetUsage} WHERE ${assetUsage.assetId} = ${assetId}), 0)`;

/** 20 characters of [A-Za-z0-9_-]: opaque, unguessable, safe in a URL. */
export const newContactId = () => randomToken(15);

/**
 * Columns of the contacts table by name, in the order given: the object a select takes, the same
 * as writing `{ id: contacts.id, … }` out (one object literal per selection cost more bundle).
 */
export const columnsNamed = <K extends keyof ContactRow>(...names: K[]) =>
  Object.fromEntries(names.map((name) => [name, contacts[name]])) as { [P in K]: (typeof contacts)[P] };

const live = (assetId: string | Placeholder) => and(eq(contacts.assetId, assetId), isNull(contacts.deletedAt));

/**
 * The columns a row of the list shows (and its section letter): the list reads only these, not
 * the ~35 of a contact — mapping and sending fewer columns is most of a list page's D1 cost.
 */
const listColumns = columnsNamed(
  'id',
  'title',
  'firstName',
  'lastName',
  'company',
  'position',
  'phone',
  'mobile',
  'email',
  'warrantyUntil',
  'sortKey',
);
/** A search's rows also carry the notes: a row found by a number or a label there shows that number (contact-list.tsx). */
export type ListContact = Pick<Contact, keyof typeof listColumns> & { notes?: string };
/**
 * The list's columns, each named as its key: D1's objects of the page are then its rows as they
 * come (BuiltRead.rowsOf), with no copy of 50 rows. Each keeps its column's decoder (`mapWith`):
 * the bundle's text and integer columns map nothing (src/db/plain-columns.ts), but a column that
 * did would make rowsOf read the rows by their values again, decoded.
 */
const namedListColumns = Object.fromEntries(
  Object.entries(listColumns).map(([key, column]) => [key, sql`${column}`.mapWith(column).as(key)]),
) as {
  [K in keyof ListContact]: SQL.Aliased<ListContact[K]>;
};

export interface ContactPage {
  contacts: ListContact[];
  /** Contacts in the asset, or matches of the search. */
  total: number;
  /** The order the rows are in (search results rank first by how the name or company starts). */
  order: ListOrder;
  /** Where the next page starts, when there is one. */
  next?: string;
  /** The cursor of the last row shown: the list "through" it is what this page leaves on screen. */
  through?: string;
  /** Whether this page starts after a cursor (then "Zurück zum Anfang" is offered). */
  continued: boolean;
  /** The asset has contacts deleted within 30 days ("Zuletzt gelöscht" is worth a link). */
  hasDeleted: boolean;
  /** A search: the latest of those that matches it. */
  deletedMatch?: string;
  /** Some of the asset's rows have keys of an older format (rebuildOldKeys brings them up to date). */
  staleKeys: boolean;
  /** The warranty view: the day its order splits running from ended ends at (its cursor's, else today). */
  day?: string;
  /** With `since`: how many contacts others added, changed and deleted after it, and who (the latest first). */
  /** `many`: read from the 100 latest versions since, which were not all of them. */
  changed?: { counts: number[]; by: string[]; many: boolean };
}

export interface ListOptions {
  query?: string;
  group?: 'position';
  /** Only contacts with a warranty end: running ones, the soonest end first, then ended ones, the latest first (no search). */
  view?: 'warranty';
  /** Rows after this cursor ("Weiter", "Mehr laden"). */
  after?: string;
  /** Rows from the start through this cursor (a reload after "Mehr laden" shows the same rows). */
  through?: string;
  now?: number;
  /** This user's last visit and id: what others changed since (ContactPage `changed`). */
  since?: { at: number; me: string };
}

/** A test of src/contacts/keys.ts as SQL: `instr()` only, so `%`, `_` and quotes are literal. */
function keyTestSql(test: KeyTest): SQL {
  if ('contains' in test) {
    // A test of the name's or head's words: the mark written in the SQL, the needle bound as in
    // the match test (one value: D1 binds at most 100 per statement; keys.ts MAX_QUERY_NEEDLES).
    const mark = MARKS[test.contains[0] ?? ''];
    return mark
      ? sql`instr(${contacts.searchKey}, ${sql.raw(mark)} || ${test.contains.slice(1)}) > 0`
      : sql`instr(${contacts.searchKey}, ${test.contains}) > 0`;
  }
  const parts = ('all' in test ? test.all : test.any).map(keyTestSql);
  return sql`(${sql.join(parts, 'all' in test ? sql` AND ` : sql` OR `)})`;
}

/** The search key's marks of the name's and the head's words and of their sounds (keys.ts) as SQL. */
const MARKS: Readonly<Record<string, string>> = { '\r': 'char(13)', ' ': "' '", '\x03': 'char(3)', '\x04': 'char(4)' };

/** Contacts with a warranty end: a literal '' so that the partial index contacts_asset_warranty applies. */
const hasWarrantyEnd = sql`${contacts.warrantyUntil} <> ''`;
/** The asset's live contacts that match every term of a search (all of them without one): list, export and print agree. */
function selection(assetId: string | Placeholder, terms: readonly SearchTerm[]): SQL | undefined {
  return terms.length ? and(live(assetId), keyTestSql(matchTest(terms))) : live(assetId);
}

/** The sort values of each order, id last (a cursor holds them for the last row shown). */
function orderOf(options: ListOptions, terms: readonly SearchTerm[]): { order: ListOrder; columns: SQL[] } {
  // ISO dates sort as text exactly as they do as dates.
  if (options.view === 'warranty')
    return {
      order: 'warranty',
      // Running warranties first, the soonest end first; then the ended ones, the latest first:
      // after a few years the ended 2-year ones pushed the running ones off a phone's screen
      // (review). "Today" is the first value of the cursor, so every page of one paging splits
      // at the same day (a constant in ORDER BY sorts nothing).
      columns: [
        sql`${sql.placeholder('today')}`,
        sql`(CASE WHEN ${contacts.warrantyUntil} >= ${sql.placeholder('today')} THEN unixepoch(${contacts.warrantyUntil}) ELSE 100000000000 - unixepoch(${contacts.warrantyUntil}) END)`,
        sql`${contacts.sortKey}`,
        sql`${contacts.id}`,
      ],
    };
  if (terms.length > 0) {
    // Terms that do not start a word of the name, company or position count 1, those that start
    // one but not of the contact's own name a quarter, a trade's word that names the head's trade
    // only half (keys.ts rank): 0 ranks first.
    // After "Herr"/"Frau", a firm without a person's name ranks half a term behind the people;
    // after "GmbH" or "Firma", a person without a company behind the firms.
    const query = options.query ?? '';
    const firms = [
      ...(seeksPerson(query) ? [sql`(CASE WHEN ${contacts.firstName} = '' AND ${contacts.lastName} = '' THEN 0.5 ELSE 0 END)`] : []),
      ...(seeksFirm(query) ? [sql`(CASE WHEN ${contacts.company} = '' THEN 0.5 ELSE 0 END)`] : []),
    ];
    const rank = sql`(${sql.join(
      [
        ...terms.map((term) => {
          const trade = tradeTest(term);
          const own = soundTest(term, true);
          const head = soundTest(term, false);
          return sql`(CASE WHEN ${keyTestSql(nameTest(term))} THEN 0 WHEN ${keyTestSql(otherHeadTest(term))} THEN ${sql.raw(String(NOT_THE_NAME))} ${
            trade ? sql`WHEN ${keyTestSql(trade)} THEN ${sql.raw(String(A_TRADE))} ` : sql``
          }${own && head ? sql`WHEN ${keyTestSql(own)} THEN ${sql.raw(String(A_TRADE))} WHEN ${keyTestSql(head)} THEN ${sql.raw(String(A_SOUND))} ` : sql``}ELSE 1 END)`;
        }),
        ...firms,
      ],
      sql` + `,
    )})`;
    // Searching while grouped by position: the groups stay, ranked within each.
    if (options.group === 'position')
      return { order: 'searchPosition', columns: [sql`${contacts.groupKey}`, rank, sql`${contacts.sortKey}`, sql`${contacts.id}`] };
    return { order: 'search', columns: [rank, sql`${contacts.sortKey}`, sql`${contacts.id}`] };
  }
  if (options.group === 'position')
    return { order: 'position', columns: [sql`${contacts.groupKey}`, sql`${contacts.sortKey}`, sql`${contacts.id}`] };
  return { order: 'name', columns: [sql`${contacts.sortKey}`, sql`${contacts.id}`] };
}

/**
 * One page of the asset's contacts in German order (or grouped by position, or ranked search
 * results), paged by key, with the total and whether anything was deleted lately: one round
 * trip. Without a search the total is the asset's kept count (no scan of the asset's rows).
 */
export async function listContacts(db: Database, assetId: string, options: ListOptions = {}): Promise<ContactPage> {
  // No words (the book's list, 'Mehr laden'): no terms, without the parser's work (1-2 % of a list of 50).
  const terms = options.view === 'warranty' || !options.query ? [] : parseQuery(options.query);
  const { order, columns } = orderOf(options, terms);
  const after = decodeCursor(options.after, order);
  const now = options.now ?? Date.now();
  const today = order === 'warranty' ? berlinToday(new Date(now)) : '';
  let through = after ? undefined : decodeCursor(options.through, order);
  // A reload of the warranty view on a later day starts from today's first page: its order and
  // badges as of the day the page was made had an end passed since read "endet morgen" (code
  // review). "Mehr laden" (`after`) goes on with the day of the rows it follows.
  if (through && String(through[0]) < today) through = undefined;
  const cursor = after ?? through ?? [];
  const window = after ? 'after' : through ? 'through' : 'none';
  const limit = through ? MAX_CONTACTS_PER_ASSET : PAGE_SIZE;
  const day = order === 'warranty' ? String(cursor[0] ?? today) : undefined;
  const values = {
    asset: assetId,
    limit: limit + 1,
    deletedSince: now - PURGE_AFTER_MS,
    ...Object.fromEntries(cursor.map((value, i) => [`cursor${i}`, value])),
    today: day,
    // Without a visit, a time after every version's: no row of the index is read.
    since: options.since?.at ?? now + 1,
    me: options.since?.me ?? '',
  };
  // A search's SQL follows the words typed: built per request. Every other list is one of a few
  // shapes, each built once: its key holds every argument of listStatements but the (absent)
  // terms, since the columns follow from the order (test/built-reads.test.ts pages every shape).
  const statements = () => listStatements(db, { order, columns, terms, window, cursorLength: cursor.length });
  const [page, facts] = terms.length
    ? statements()
    : [
        listPages(`${order} ${window} ${cursor.length}`, () => statements()[0]),
        listFacts(order === 'warranty' ? 'warranty' : 'kept', () => statements()[1]),
      ];
  const [pageResult, factResult] = await runBatch(db, [page, values], [facts, values]);
  // The rows without their cursor (a copy of each row without it cost 1 % of a list page): only
  // the last row shown needs it, decoded from its row once more.
  const rows = page.rowsOf(pageResult, 'cursor');
  const [fact] = facts.rowsOf(factResult);
  const shown = rows.slice(0, limit);
  const lastRow = shown.length > 0 ? (pageResult.results[shown.length - 1] as Record<string, unknown>) : undefined;
  // After a reload of "Mehr laden" (through a cursor) the rows beyond it are what the total
  // counts besides those shown (the same selection, read in the same batch).
  const more = rows.length > limit || (window === 'through' && shown.length < (fact?.total ?? 0));
  const lastCursor = lastRow ? encodeCursor(order, cursorValues(page.row(Object.values(lastRow)).cursor)) : undefined;
  return {
    contacts: shown,
    total: fact?.total ?? 0,
    order,
    next: more ? lastCursor : undefined,
    through: lastCursor,
    continued: after !== undefined,
    hasDeleted: fact?.hasDeleted === 1,
    deletedMatch: fact?.deletedMatch ?? undefined,
    staleKeys: fact?.staleKeys === 1,
    day,
    changed: changedOf(options.since && fact?.changed),
  };
}

type ListRow = ListContact & { cursor: string };
interface ListFacts {
  total: number;
  hasDeleted: number;
  deletedMatch: string | null;
  staleKeys: number;
  /** JSON: how many contacts, and who (the latest first). */
  changed: string | null;
}

/**
 * The list's fact of what others changed since the last visit, when there is any: each contact
 * counted once, as deleted where its latest change deleted it, else as added where it was added
 * since, else as changed; who, the latest first.
 */
function changedOf(json: string | null | undefined): ContactPage['changed'] {
  const changes = json ? (JSON.parse(json) as [string, string, string | null][]) : [];
  const kinds = new Map<string, number>();
  const by: string[] = [];
  for (const [id, action, name] of changes) {
    // This user's own (no name): only counted towards the 100, whose end the notice says (UX walkthrough, stop 77).
    if (name === null) continue;
    if (!by.includes(name)) by.push(name);
    const added = action === 'create' || action === 'import';
    const kind = kinds.get(id);
    if (kind === undefined) kinds.set(id, action === 'delete' ? 2 : added ? 0 : 1);
    else if (kind === 1 && added) kinds.set(id, 0);
  }
  const counts = [0, 0, 0];
  for (const kind of kinds.values()) counts[kind] = (counts[kind] ?? 0) + 1;
  return kinds.size ? { counts, by, many: changes.length >= MAX_CHANGES } : undefined;
}
const listPages = builtOnce<ListRow>();
const listFacts = builtOnce<ListFacts>();

/**
 * The list's two statements, one round trip: the page (one row more than shown, to know whether
 * another page follows) and one row of facts about the asset (each statement of a batch costs D1
 * time of its own, so the three facts share one). Every value is a placeholder (`asset`,
 * `limit`, `deletedSince`, `cursor0`…) except a search's words.
 */
function listStatements(
  db: Database,
  shape: { order: ListOrder; columns: SQL[]; terms: readonly SearchTerm[]; window: 'none' | 'after' | 'through'; cursorLength: number },
): [BuiltRead<ListRow>, BuiltRead<ListFacts>] {
  const { order, columns, terms } = shape;
  const asset = sql.placeholder('asset');
  const position = sql`(${sql.join(columns, sql`, `)})`;
  const cursor = sql`(${sql.join(
    Array.from({ length: shape.cursorLength }, (_, i) => sql.placeholder(`cursor${i}`)),
    sql`, `,
  )})`;
  const window =
    shape.window === 'after' ? sql`${position} > ${cursor}` : shape.window === 'through' ? sql`${position} <= ${cursor}` : undefined;
  const matching = order === 'warranty' ? and(live(asset), hasWarrantyEnd) : selection(asset, terms);
  const total = terms.length || order === 'warranty' ? sql`(select count(*) from ${contacts} where ${matching})` : liveCount(asset);
  const pageColumns = {
    ...namedListColumns,
    ...(terms.length ? { notes: sql<string>`${contacts.notes}`.as('notes') } : {}),
    cursor: sql<string>`json_array(${sql.join(columns, sql`, `)})`.as('cursor'),
  };
  const kept = and(eq(contacts.assetId, asset), isNotNull(contacts.deletedAt), gt(contacts.deletedAt, sql.placeholder('deletedSince')));
  const factColumns = {
    total: total.mapWith(Number),
    hasDeleted: sql<number>`exists (select 1 from ${contacts} where ${kept})`.mapWith(Number),
    // Of a search: the latest kept deleted one that matches it (its "Keine Treffer" then leads
    // there, to it: co-buyer walkthrough and code review, stop 75), beside the link at the page's
    // foot, which stays (code review).
    deletedMatch: terms.length
      ? sql<
          string | null
        >`(select ${contacts.id} from ${contacts} where ${and(kept, keyTestSql(matchTest(terms)))} order by ${contacts.deletedAt} desc limit 1)`
      : sql<string | null>`null`,
    staleKeys: sql<number>`exists (select 1 from ${contacts} where ${and(
      eq(contacts.assetId, asset),
      lt(contacts.keyFormat, KEY_FORMAT),
    )})`.mapWith(Number),
    // Since this user's last visit (`since`, `me`): each change of others, the latest first, as
    // JSON (contact, action, author; changedOf counts them: co-buyer walkthrough, stop 75). Of the
    // 100 latest versions since, by the versions' index of asset and time: at most 100 rows read,
    // also where this user's own versions are most of them (code review, stop 76); none without a visit.
    changed: sql<
      string | null
    >`(select json_group_array(json_array(contact_id, action, iif(author_id = ${sql.placeholder('me')}, null, author_name))) from (select ${contactVersions.contactId} as contact_id, ${contactVersions.action} as action, ${contactVersions.authorId} as author_id, ${contactVersions.authorName} as author_name from ${contactVersions} where ${and(
      eq(contactVersions.assetId, asset),
      gt(contactVersions.createdAt, sql.placeholder('since')),
    )} order by ${contactVersions.createdAt} desc limit ${sql.raw(String(MAX_CHANGES))}))`,
  };
  return [
    BuiltRead.of(pageColumns, (fields) =>
      db
        .select(fields)
        .from(contacts)
        .where(and(matching, window))
        .orderBy(...columns)
        .limit(sql.placeholder('limit')),
    ),
    BuiltRead.of(factColumns, (fields) => db.select(fields).from(sql`(select 1)`)),
  ];
}

/** One change of `changesSince`: a version, the fields it changed (where the one before is kept), and its contact's name now. */
export interface Change {
  contactId: string;
  version: number;
  action: string;
  authorName: string;
  createdAt: number;
  fields?: FieldName[];
  /** Of `fields`, those this user had changed in the version just before: their input replaced. */
  replaced: FieldName[];
  title: string;
  firstName: string;
  lastName: string;
  company: string;
  /** The contact is deleted now ("Zuletzt gelöscht"). */
  deleted: boolean;
  /** Of a restore of an earlier version still kept: that version's time and author (the history names it so). */
  from?: [number, string];
}

/** Whether notes `now` keep what `mine` did to `before`: every line it added there, none it removed back. */
function keptLines(before: string, mine: string, now: string) {
  const lines = (notes: string) => new Set(notes.split('\n'));
  const [was, is, after] = [lines(before), lines(mine), lines(now)];
  return [...is].every((line) => was.has(line) || after.has(line)) && [...was].every((line) => is.has(line) || !after.has(line));
}

/**
 * What others changed in the asset after `since` (this user's last visit), newest first, at most
 * 100 changes of the 500 latest versions since: each version with the fields it changed (against
 * the version before it, read by its key) and its contact's name as it is now (one round trip; the
 * name by a subquery: the app's drizzle copy has no joins, scripts/lib/drizzle-dialect.mjs).
 */
export async function changesSince(db: Database, assetId: string, since: number, me: string): Promise<Change[]> {
  const rows = await guarded(() =>
    db
      .select({
        contactId: contactVersions.contactId,
        version: contactVersions.version,
        action: contactVersions.action,
        authorName: contactVersions.authorName,
        createdAt: contactVersions.createdAt,
        after: contactVersions.fields,
        // Written out: drizzle names a column of the query's one table without it, which inside
        // these subqueries would be the subquery's own. The version before (p), this user's latest
        // up to it (m) and the one before that (q; none before a contact's first): what this user
        // saved that this change replaced, also with co-buyers' saves between (code review, stop 77).
        before: sql<
          string | null
        >`(select json_array(json(p.fields), json(m.fields), json(coalesce(q.fields, iif(m.version = 1, '{}', null)))) from contact_versions p left join contact_versions m on m.contact_id = p.contact_id and m.version = (select max(r.version) from contact_versions r where r.contact_id = p.contact_id and r.version <= p.version and r.author_id = ${me}) left join contact_versions q on q.contact_id = m.contact_id and q.version = m.version - 1 where p.contact_id = contact_versions.contact_id and p.version = contact_versions.version - 1)`,
        name: sql<string>`(select json_array(c.title, c.first_name, c.last_name, c.company, c.deleted_at is not null) from contacts c where c.id = contact_versions.contact_id and c.asset_id = contact_versions.asset_id)`,
        // A restore's version (its mark's "from", writeContact), while kept: as the history names it (UX walkthrough, stop 78).
        from: sql<
          string | null
        >`(select json_array(s.created_at, s.author_name) from contact_versions s where s.contact_id = contact_versions.contact_id and s.version = contact_versions.fields ->> '$.from')`,
      })
      .from(contactVersions)
      .where(
        and(
          eq(contactVersions.assetId, assetId),
          gt(contactVersions.createdAt, since),
          // Of the 500 latest versions since at most (rows read bounded where this user's own are most).
          sql`${contactVersions.createdAt} >= coalesce((select ${contactVersions.createdAt} from ${contactVersions} where ${and(
            eq(contactVersions.assetId, assetId),
            gt(contactVersions.createdAt, since),
          )} order by ${contactVersions.createdAt} desc limit 1 offset 499), 0)`,
          ne(contactVersions.authorId, me),
        ),
      )
      .orderBy(desc(contactVersions.createdAt), desc(contactVersions.version))
      .limit(MAX_CHANGES),
  );
  return rows.map(({ name, before, after, from, ...row }) => {
    const [title = '', firstName = '', lastName = '', company = '', deleted = 0] = JSON.parse(name ?? '[]') as [
      string,
      string,
      string,
      string,
      number,
    ];
    const [previous, mine, older] = (JSON.parse(before ?? '[]') as (object | null)[]).map((json) => json && valuesOf(json));
    const now = valuesOf(after);
    const fields = previous ? told(changedFields(previous, now), previous, now) : undefined;
    // What this user changed last, still so just before this change, which changed it; not notes
    // where every line this user added is still there and none removed is back, added to
    // (walkthrough, stop 80: a line added under hers read as "ersetzt"; code review: a line she
    // removed, put back, is her input replaced).
    const replaced =
      previous && mine && older
        ? changedFields(older, mine).filter(
            (name) =>
              fields?.includes(name) &&
              mine[name] === previous[name] &&
              !(name === 'notes' && keptLines(older.notes, mine.notes, now.notes)),
          )
        : [];
    return {
      ...row,
      fields,
      replaced,
      title,
      firstName,
      lastName,
      company,
      deleted: deleted === 1,
      from: from ? JSON.parse(from) : undefined,
    };
  });
}

/** The changes page shows at most this many (the newest). */
export const MAX_CHANGES = 100;

function cursorValues(json: string): CursorValue[] {
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed)
    ? parsed.filter((value): value is CursorValue => typeof value === 'string' || typeof value === 'number')
    : [];
}

/** The columns a vCard needs: the export reads these 16 of the row's columns (it is the heaviest read); the import's duplicates too. */
export const vcardColumns = columnsNamed('id', 'updatedAt', ...FIELDS.map((spec) => spec.column)) as {
  [K in keyof VCardContact]: (typeof contacts)[K];
};

/** What a warranty.ics event needs of a contact: its name, reach, end date and version (SEQUENCE). */
export type WarrantyEventRow = Pick<
  ContactRow,
  'id' | 'version' | 'position' | 'title' | 'firstName' | 'lastName' | 'company' | 'phone' | 'mobile' | 'email' | 'warrantyUntil'
>;

const warrantyEventColumns = columnsNamed(
  'id',
  'version',
  'position',
  'title',
  'firstName',
  'lastName',
  'company',
  'phone',
  'mobile',
  'email',
  'warrantyUntil',
);
const warrantyEvents = builtOnce<WarrantyEventRow>();

/** Every live contact of the asset with a warranty end, the soonest first: one query. */
export async function warrantyContacts(db: Database, assetId: string): Promise<WarrantyEventRow[]> {
  const read = warrantyEvents('all', () =>
    BuiltRead.of(warrantyEventColumns, (fields) =>
      db
        .select(fields)
        .from(contacts)
        .where(and(live(sql.placeholder('asset')), hasWarrantyEnd))
        .orderBy(asc(contacts.warrantyUntil), asc(contacts.sortKey), asc(contacts.id))
        .limit(MAX_CONTACTS_PER_ASSET),
    ),
  );
  return runRead(db, read, { asset: assetId });
}

/** All live contacts of the asset (or those the list's search `query` finds), in name order, as the export needs them. */
export async function allContacts(db: Database, assetId: string, query = ''): Promise<VCardContact[]> {
  return readInNameOrder(db, vcardReads, vcardColumns, assetId, query);
}
const vcardReads = builtOnce<VCardContact>();

/**
 * The asset's live contacts (or a search's matches) in name order: the export and the printed
 * list. Without a search the statement is built once; a search's follows its words.
 */
async function readInNameOrder<Row>(
  db: Database,
  reads: ReturnType<typeof builtOnce<Row>>,
  columns: { [K in keyof Row]: (typeof contacts)[K & keyof ContactRow] },
  assetId: string,
  query: string,
): Promise<Row[]> {
  const terms = parseQuery(query);
  // (Each key is the contacts column of its name, so a row is Row: drizzle infers it only for a
  // selection spelled out.)
  const read = () =>
    BuiltRead.of(columns as Record<string, typeof contacts.id>, (fields) =>
      db
        .select(fields)
        .from(contacts)
        .where(selection(sql.placeholder('asset'), terms))
        .orderBy(asc(contacts.sortKey), asc(contacts.id)),
    ) as unknown as BuiltRead<Row>;
  return runRead(db, terms.length ? read() : reads('all', read), { asset: assetId });
}

/** The columns of the printed phone list: no website or bookkeeping (a lighter read than the export's); the notes for their numbers. */
const phoneListColumns = columnsNamed(
  'id',
  'title',
  'firstName',
  'lastName',
  'company',
  'position',
  'phone',
  'mobile',
  'email',
  'street',
  'postalCode',
  'city',
  'country',
  'warrantyUntil',
  'notes',
);
export type PhoneListContact = { [K in keyof typeof phoneListColumns]: Contact[K] };

/** The printed phone list: the same selection as the list's search `query`, in name order, in one query. */
export async function phoneList(db: Database, assetId: string, query = ''): Promise<PhoneListContact[]> {
  return readInNameOrder(db, phoneListReads, phoneListColumns, assetId, query);
}
const phoneListReads = builtOnce<PhoneListContact>();

/** A live contact (its card's QR code, its .vcf, an edit's check). */
export async function findContact(db: Database, assetId: string, contactId: string): Promise<Contact | undefined> {
  const [row] = await runRead(db, contactRead(db, false), { asset: assetId, id: contactId });
  return row;
}

/** Also finds a deleted contact (its card and edit form, undo, telling a conflict from a deletion). */
export async function findAnyContact(db: Database, assetId: string, contactId: string): Promise<Contact | undefined> {
  const [row] = await runRead(db, contactRead(db, true), { asset: assetId, id: contactId });
  return row;
}

/** The columns of a created contact, in the order its INSERT names them. */
const createdColumns = [
  'id',
  'assetId',
  ...writtenColumns,
  'version',
  'createToken',
  'createdAt',
  'createdBy',
  'createdByName',
  'updatedAt',
  'updatedBy',
  'updatedByName',
] as const satisfies readonly (keyof typeof contacts.$inferInsert)[];

/**
 * The create's INSERT … SELECT … WHERE, built once: the cap and budget are checked inside the
 * statement itself (drizzle's insert builder has no WHERE on a VALUES insert), every column a
 * placeholder of its own name. Its template's texts have no line breaks, which with their
 * indentation would stay in the bundle (as purgeOldestSql's pieces, above).
 */
const insertStatement = () =>
  built('create', () =>
    BuiltRead.of({}, () => ({
      toSQL: () =>
        new SQLiteAsyncDialect().sqlToQuery(
          sql`INSERT INTO contacts (${sql.join(
            createdColumns.map((name) => sql.identifier(contacts[name].name)),
            sql`, `,
          )}) SELECT ${sql.join(
            createdColumns.map((name) => sql`${sql.placeholder(name)}`),
            sql`, `,
          )} WHERE ${liveCount(sql.placeholder('asset'))} < ${MAX_CONTACTS_PER_ASSET} AND ${hasRoom(
            sql.placeholder('asset'),
            sql.placeholder('room'),
          )} ON CONFLICT DO NOTHING`,
        ),
    })),
  );

export type CreateResult = { kind: 'created' | 'duplicate'; contact: Contact } | { kind: 'full' } | { kind: 'noRoom' };

/**
 * Creates a contact in one atomic statement that also enforces the per-asset cap and byte
 * budget (two creates racing for the last place cannot both win) and the one-time form token
 * (a resubmitted form finds the contact it created the first time). Its first version and the
 * asset's counters are written by the triggers of the same statement.
 */
export async function createContact(
  db: Database,
  assetId: string,
  input: FieldValues,
  formToken: string,
  author: Author,
  now = Date.now(),
): Promise<CreateResult> {
  const id = newContactId();
  const c = columnsFrom(input);
  const row = {
    id,
    assetId,
    ...c,
    version: 1,
    createToken: formToken,
    createdAt: now,
    createdBy: author.userId,
    createdByName: author.name,
    updatedAt: now,
    updatedBy: author.userId,
    updatedByName: author.name,
  } satisfies typeof contacts.$inferInsert;
  const insert = insertStatement();
  const params = insert.values({ ...row, asset: assetId, room: 2 * c.bytes });
  const result = await guarded(() =>
    db.$client
      .prepare(insert.sql)
      .bind(...params)
      .run(),
  );
  // `changes` counts the trigger's rows too: anything above 0 means the contact was inserted.
  if (result.meta.changes > 0) {
    // Exactly what was inserted: no second round trip to read it back.
    return { kind: 'created', contact: { ...row, deletedAt: null, importId: null } };
  }
  const [found, count] = await runStatements(db, [
    [tokenRead(db), { asset: assetId, token: formToken }],
    [liveRead(db), { asset: assetId }],
  ]);
  const [earlier] = tokenRead(db).rowsOf(found as D1Result);
  if (earlier) return { kind: 'duplicate', contact: earlier };
  const [usage] = liveRead(db).rowsOf(count as D1Result);
  return (usage?.live ?? 0) >= MAX_CONTACTS_PER_ASSET ? { kind: 'full' } : { kind: 'noRoom' };
}

/** A contact with the versions a merge needs: the one an edit started from and every later one. */
export interface ContactState {
  contact: Contact | undefined;
  /** Oldest first; the base version may be missing (purged), the newer ones are there. */
  versions: Version[];
}

export interface Version {
  version: number;
  action: string;
  values: FieldValues;
  authorId: string;
  authorName: string;
  createdAt: number;
  /** The version a restore (`revert`, `undo`) brought back, where the history's restore named it. */
  from?: number;
}

function versionOf(row: VersionRow): Version {
  const fields = JSON.parse(row.fields);
  return {
    version: row.version,
    action: row.action,
    from: fields.from,
    values: valuesOf(fields),
    authorId: row.authorId,
    authorName: row.authorName,
    createdAt: row.createdAt,
  };
}

/** A version's field values from its JSON (`fields`), or that JSON parsed. */
function valuesOf(fields: string | object): FieldValues {
  const parsed: unknown = typeof fields === 'string' ? JSON.parse(fields) : fields;
  const values: FieldValues = { ...EMPTY_FIELDS };
  for (const { name } of FIELDS) {
    const value: unknown = typeof parsed === 'object' && parsed !== null ? Reflect.get(parsed, name) : undefined;
    if (typeof value === 'string') values[name] = value;
  }
  return values;
}

/** Every column of a contact, in the table's order: what a write's RETURNING and a state read give back. */
const contactColumns = getTableColumns(contacts);
const built = builtOnce<unknown>();
/** A contact by its id (`asset`, `id`): also when deleted (`any`), or only while live. */
const contactRead = (db: Database, any: boolean) =>
  built(any ? 'any contact' : 'live contact', () =>
    BuiltRead.of(contactColumns, (fields) =>
      db
        .select(fields)
        .from(contacts)
        .where(
          and(
            any ? eq(contacts.assetId, sql.placeholder('asset')) : live(sql.placeholder('asset')),
            eq(contacts.id, sql.placeholder('id')),
          ),
        )
        .limit(1),
    ),
  ) as BuiltRead<Contact>;
const anyContactRead = (db: Database) => contactRead(db, true);
/** The asset's kept count of live contacts (`asset`; no row while the asset never had one). */
const liveRead = (db: Database) =>
  built('live count', () =>
    BuiltRead.of({ live: assetUsage.live }, (fields) =>
      db
        .select(fields)
        .from(assetUsage)
        .where(eq(assetUsage.assetId, sql.placeholder('asset'))),
    ),
  ) as BuiltRead<{ live: number }>;
/** The contact a create's one-time form token made (`asset`, `token`). */
const tokenRead = (db: Database) =>
  built('created by token', () =>
    BuiltRead.of(contactColumns, (fields) =>
      db
        .select(fields)
        .from(contacts)
        .where(and(eq(contacts.assetId, sql.placeholder('asset')), eq(contacts.createToken, sql.placeholder('token'))))
        .limit(1),
    ),
  ) as BuiltRead<Contact>;
const versionsRead = (db: Database) =>
  built('versions since', () =>
    BuiltRead.of(getTableColumns(contactVersions), (fields) =>
      db
        .select(fields)
        .from(contactVersions)
        .where(
          and(
            eq(contactVersions.assetId, sql.placeholder('asset')),
            eq(contactVersions.contactId, sql.placeholder('id')),
            gte(contactVersions.version, sql.placeholder('since')),
          ),
        )
        .orderBy(asc(contactVersions.version)),
    ),
  ) as BuiltRead<VersionRow>;

/** The two reads of a contact's state: the row (also when deleted) and its versions from `since` on. */
function stateQueries(db: Database, assetId: string, contactId: string, since: number): [BuiltRead<unknown>, Record<string, unknown>][] {
  const values = { asset: assetId, id: contactId, since };
  return [
    [anyContactRead(db), values],
    [versionsRead(db), values],
  ];
}

/** The state from the answers to stateQueries. */
function stateOf(db: Database, rows: D1Result, versions: D1Result): ContactState {
  return { contact: anyContactRead(db).rowsOf(rows)[0], versions: versionsRead(db).rowsOf(versions).map(versionOf) };
}

/** The contact (also when deleted) and its versions from `since` on, in one round trip. */
export async function contactState(db: Database, assetId: string, contactId: string, since: number): Promise<ContactState> {
  const [rows, versions] = await runStatements(db, stateQueries(db, assetId, contactId, since));
  return stateOf(db, rows as D1Result, versions as D1Result);
}

/** Every kept version of a contact, newest first (its history), in one round trip. */
export async function contactHistory(db: Database, assetId: string, contactId: string): Promise<ContactState> {
  const state = await contactState(db, assetId, contactId, 0);
  return { contact: state.contact, versions: state.versions.reverse() };
}

/** `unchanged`: an edit whose values were stored already: nothing was written (no version). */
export type WriteResult = { kind: 'written'; contact: Contact; unchanged?: true } | { kind: 'stale' } | { kind: 'full' | 'noRoom' };

/**
 * Writes `values` over the stored contact if it is still at `version` (no lost updates); a
 * deleted contact is restored with them when `restore` is set (like a create, within the cap).
 * Its version row is written by the trigger of the same statement.
 */
export async function writeContact(
  db: Database,
  assetId: string,
  contactId: string,
  version: number,
  values: FieldValues,
  author: Author,
  /**
   * `revive`: a deleted contact brought back with an edit's input; not a restored version.
   * `undo`: the restore is the card's "Rückgängig" of this user's restore (marked `undo`, not `revert`).
   * `from`: the version restored, kept with the mark (the history names it).
   */
  options: { restore?: boolean; revive?: boolean; undo?: boolean; from?: number; now?: number } = {},
): Promise<WriteResult> {
  const now = options.now ?? Date.now();
  const restore = options.restore ?? false;
  const write = updateStatement(db, restore);
  const written = writeValues(assetId, contactId, version, values, author, now);
  // A restored version is marked in the history in the same batch (the trigger writes every
  // other write of a live contact as an update): "aus einer früheren Fassung wiederhergestellt".
  // Not a revive: if a co-buyer's undo brought the contact back first, it is an edit, said so.
  const [updated] =
    restore && !options.revive
      ? write.rowsOf(
          (
            await runStatements(db, [
              [write, written],
              [revertMark(db), { ...written, mark: options.undo ? 'undo' : 'revert', from: options.from ?? null }],
            ])
          )[0] as D1Result,
        )
      : await runRead(db, write, written);
  if (updated) return { kind: 'written', contact: updated };
  if (!restore) return failedWrite(await findAnyContact(db, assetId, contactId), version, author, now, false, values);
  // A deleted contact that could not come back: the cap or the byte budget, told apart by the
  // asset's live count, read with the row in one round trip after the write (not atomic with it:
  // a co-buyer's create or delete in between can tip the message, which is then the true one a
  // moment later).
  const [found, count] = await runStatements(db, [
    [anyContactRead(db), { asset: assetId, id: contactId }],
    [liveRead(db), { asset: assetId }],
  ]);
  const failed = failedWrite(anyContactRead(db).rowsOf(found as D1Result)[0], version, author, now, true, values);
  const [usage] = liveRead(db).rowsOf(count as D1Result);
  return failed.kind === 'full' && (usage?.live ?? 0) < MAX_CONTACTS_PER_ASSET ? { kind: 'noRoom' } : failed;
}

/**
 * An edit in one round trip when nobody saved in between (the common case): the write of
 * writeContact and, in the same batch after it, the contact's state since `version`, which a
 * stale edit needs for its merge (src/contacts/edits.ts) without a second round trip to read it.
 */
export async function writeOrReadState(
  db: Database,
  assetId: string,
  contactId: string,
  version: number,
  values: FieldValues,
  author: Author,
  now = Date.now(),
): Promise<{ result: WriteResult; state: ContactState }> {
  const write = updateStatement(db, false);
  const [updated, rows, versions] = await runStatements(db, [
    [write, writeValues(assetId, contactId, version, values, author, now)],
    ...stateQueries(db, assetId, contactId, version),
  ]);
  const state = stateOf(db, rows as D1Result, versions as D1Result);
  const [row] = write.rowsOf(updated as D1Result);
  return { result: row ? { kind: 'written', contact: row } : failedWrite(state.contact, version, author, now, false, values), state };
}

/** The placeholders' values of a write (updateStatement, revertMark). */
function writeValues(assetId: string, contactId: string, version: number, values: FieldValues, author: Author, now: number) {
  const columns = columnsFrom(values);
  return {
    ...columns,
    asset: assetId,
    id: contactId,
    version,
    next: version + 1,
    room: 2 * columns.bytes,
    now,
    authorId: author.userId,
    authorName: author.name,
  };
}

/**
 * The conditional UPDATE of a write (its version row comes from the trigger of the statement),
 * built once per kind: an edit or a restore (of a version, or of a deleted contact).
 */
function updateStatement(db: Database, restore: boolean): BuiltRead<Contact> {
  return built(restore ? 'restore' : 'edit', () => {
    // One placeholder object per name: each is bound once (BuiltRead.of), the field values of SET
    // and of the "changes something" test alike.
    const placeholders = new Map<string, Placeholder>();
    const value = (name: string) => kept(placeholders, name, sql.placeholder);
    const asset = value('asset');
    return BuiltRead.of(contactColumns, (fields) =>
      db
        .update(contacts)
        .set({
          ...Object.fromEntries(writtenColumns.map((name) => [name, sql`${value(name)}`])),
          deletedAt: null,
          version: sql`${contacts.version} + 1`,
          updatedAt: sql`${value('now')}`,
          updatedBy: sql`${value('authorId')}`,
          updatedByName: sql`${value('authorName')}`,
        })
        .where(
          and(
            eq(contacts.assetId, asset),
            eq(contacts.id, value('id')),
            eq(contacts.version, value('version')),
            restore ? sql`(${contacts.deletedAt} IS NULL OR ${liveCount(asset)} < ${MAX_CONTACTS_PER_ASSET})` : isNull(contacts.deletedAt),
            // The row it replaces makes room: on a full book an edit that does not grow the contact
            // (a typo, shorter notes) is saved; its old version goes by the budget trigger.
            hasRoom(asset, value('room'), contacts.bytes),
            // An edit that changes nothing writes nothing: no empty version that would push real ones
            // out of the 20 kept, no "Zuletzt geändert von" for a look (failedWrite answers it). A
            // restore is always a new version (contract §4), also of values that are current.
            restore ? undefined : or(...FIELDS.map((spec) => ne(contacts[spec.column], value(spec.column)))),
          ),
        )
        .returning(fields),
    );
  }) as BuiltRead<Contact>;
}

/**
 * Marks the version row that a restore of an older version has just written as `revert` (`mark`;
 * `undo` where it undid this user's restore: co-buyer walkthrough, stop 75). Only
 * that row matches: the next version, an update (a contact that comes back from deleted stays
 * `restore`), by this user at this very time; when the write changed nothing, nothing matches
 * (unless the same user saved the same contact in the same millisecond elsewhere, which a retry
 * takes for its own write too: see isOwnWrite).
 */
function revertMark(db: Database): BuiltRead<unknown> {
  return built('revert mark', () =>
    // No RETURNING, so no rows to type: only its SQL is kept.
    BuiltRead.of({}, () => ({
      toSQL: () =>
        db
          .update(contactVersions)
          // The version restored is kept in its fields' JSON, which only versionOf reads it from.
          .set({ action: sql`${sql.placeholder('mark')}`, fields: sql`json_set(fields, '$.from', ${sql.placeholder('from')})` })
          .where(
            and(
              eq(contactVersions.assetId, sql.placeholder('asset')),
              eq(contactVersions.contactId, sql.placeholder('id')),
              eq(contactVersions.version, sql.placeholder('next')),
              eq(contactVersions.action, 'update'),
              eq(contactVersions.authorId, sql.placeholder('authorId')),
              eq(contactVersions.createdAt, sql.placeholder('now')),
            ),
          )
          .toSQL(),
    })),
  );
}

/** Why a write changed no row, from the row as it is now. */
function failedWrite(
  current: Contact | undefined,
  version: number,
  author: Author,
  now: number,
  restore: boolean,
  values: FieldValues,
): WriteResult {
  // A retried write whose first try had landed finds its own change.
  if (current && current.version === version + 1 && isOwnWrite(current, author, now)) return { kind: 'written', contact: current };
  if (!current || current.version !== version) return { kind: 'stale' };
  // An edit with nothing to change: stored as it is, which is what was asked for.
  if (!restore && current.deletedAt === null && FIELDS.every((spec) => current[spec.column] === values[spec.name]))
    return { kind: 'written', contact: current, unchanged: true };
  // Deleted at this very version: not written, and the caller sees it as deleted.
  if (current.deletedAt !== null) return restore ? { kind: 'full' } : { kind: 'stale' };
  return { kind: 'noRoom' };
}

export type DeleteResult =
  | { kind: 'deleted'; contact: Contact }
  | { kind: 'conflict'; current: Contact }
  /** `current`: deleted by someone else (not yet for good). */
  | { kind: 'gone'; current?: Contact };

/** Soft delete (undo and "Zuletzt gelöscht" stay possible); the triggers keep the bounds. */
export async function deleteContact(
  db: Database,
  assetId: string,
  contactId: string,
  version: number | undefined,
  author: Author,
  now = Date.now(),
): Promise<DeleteResult> {
  const matches = and(live(assetId), eq(contacts.id, contactId), version === undefined ? undefined : eq(contacts.version, version));
  const [deleted] = await guarded(() =>
    db
      .update(contacts)
      .set({ deletedAt: now, version: sql`${contacts.version} + 1`, updatedAt: now, updatedBy: author.userId, updatedByName: author.name })
      .where(matches)
      .returning(),
  );
  if (deleted) return { kind: 'deleted', contact: deleted };
  const current = await findAnyContact(db, assetId, contactId);
  if (!current) return { kind: 'gone' };
  // This author's delete of the version sent, sent again (a double tap without JS, "Erneut
  // senden" after an answer lost on the way), or retried inside: the same answer, with its undo.
  // Someone else's delete: said as such (review: a bare 404).
  if (current.deletedAt !== null)
    return isOwnWrite(current, author, now) || (current.updatedBy === author.userId && current.version === (version ?? -2) + 1)
      ? { kind: 'deleted', contact: current }
      : { kind: 'gone', current: current.updatedBy === author.userId ? undefined : current };
  return { kind: 'conflict', current };
}

export type RestoreResult =
  | { kind: 'restored'; contact: Contact }
  | { kind: 'full' }
  | { kind: 'gone' }
  | { kind: 'changed'; current: Contact };

/**
 * Undo of a delete, by any co-buyer; like a create, it respects the cap atomically. With the
 * deleted `version` the undo was offered for: a contact restored and deleted again since (a
 * co-buyer's choice) stays deleted ('changed'; review: an old "Rückgängig" undid it).
 */
export async function restoreContact(
  db: Database,
  assetId: string,
  contactId: string,
  author: Author,
  version?: number,
  now = Date.now(),
): Promise<RestoreResult> {
  const [restored] = await guarded(() =>
    db
      .update(contacts)
      .set({ deletedAt: null, version: sql`${contacts.version} + 1`, updatedAt: now, updatedBy: author.userId, updatedByName: author.name })
      .where(
        and(
          eq(contacts.assetId, assetId),
          eq(contacts.id, contactId),
          isNotNull(contacts.deletedAt),
          version === undefined ? undefined : eq(contacts.version, version),
          sql`${liveCount(assetId)} < ${MAX_CONTACTS_PER_ASSET}`,
        ),
      )
      .returning(),
  );
  if (restored) return { kind: 'restored', contact: restored };
  const current = await findAnyContact(db, assetId, contactId);
  if (!current) return { kind: 'gone' };
  if (current.deletedAt === null) return { kind: 'restored', contact: current };
  return version === undefined || current.version === version ? { kind: 'full' } : { kind: 'changed', current };
}

/** What the import page says of the latest import its undo would delete from: see lastImport. */
export interface LastImport {
  importId: string;
  /** When its contacts came. */
  at: number;
  /** How many it would delete. */
  count: number;
  /** The first of them in name order (the undo deletes for good: named before it is chosen). */
  contacts: Pick<Contact, 'title' | 'firstName' | 'lastName' | 'company'>[];
}

/**
 * This user's latest import of which "Import rückgängig" would still delete something: the
 * contacts it added that nobody changed or deleted since (version 1), and when they came. A
 * co-buyer's import is not offered: its undo deletes for good what that co-buyer brought in.
 */
export async function lastImport(db: Database, assetId: string, userId: string, named = 10): Promise<LastImport | undefined> {
  const untouched = and(
    eq(contacts.assetId, assetId),
    isNotNull(contacts.importId),
    eq(contacts.createdBy, userId),
    eq(contacts.version, 1),
    isNull(contacts.deletedAt),
  );
  const latest = db
    .select({ importId: contacts.importId })
    .from(contacts)
    .where(untouched)
    .groupBy(contacts.importId)
    .orderBy(desc(sql`max(${contacts.createdAt})`))
    .limit(1);
  const rows = await guarded(() =>
    db
      .select({
        importId: contacts.importId,
        // Over all its rows, before the limit: how many, and when the import came.
        count: sql<number>`count(*) over ()`.mapWith(Number),
        at: sql<number>`max(${contacts.createdAt}) over ()`.mapWith(Number),
        ...columnsNamed('title', 'firstName', 'lastName', 'company'),
      })
      .from(contacts)
      .where(and(untouched, eq(contacts.importId, latest)))
      .orderBy(asc(contacts.sortKey), asc(contacts.id))
      .limit(named),
  );
  const [first] = rows;
  if (!first?.importId) return undefined;
  return {
    importId: first.importId,
    count: first.count,
    at: first.at,
    contacts: rows.map(({ title, firstName, lastName, company }) => ({ title, firstName, lastName, company })),
  };
}

/** A deleted contact that can still be restored (for the undo notice). */
export async function findDeletedContact(db: Database, assetId: string, contactId: string): Promise<Contact | undefined> {
  const contact = await findAnyContact(db, assetId, contactId);
  return contact && contact.deletedAt !== null ? contact : undefined;
}

/** "Zuletzt gelöscht": the asset's deleted contacts of the last 30 days, newest first. */
export async function deletedContacts(db: Database, assetId: string, now = Date.now()): Promise<Contact[]> {
  return guarded(() =>
    db
      .select()
      .from(contacts)
      .where(and(eq(contacts.assetId, assetId), isNotNull(contacts.deletedAt), gt(contacts.deletedAt, now - PURGE_AFTER_MS)))
      .orderBy(desc(contacts.deletedAt), desc(contacts.id))
      .limit(MAX_DELETED),
  );
}

export type PurgeResult =
  | { kind: 'purged'; contact: Contact }
  | { kind: 'changed'; current: Contact }
  /** gone for good already (by this request sent twice, a co-buyer, the scheduled purge) */
  | { kind: 'missing' }
  | { kind: 'gone' };

/**
 * "Endgültig löschen": a deleted contact and (by the trigger) all its versions, for good, if it is
 * still at `version` (the one "Zuletzt gelöscht" showed): a co-buyer may have restored, changed
 * and deleted it again since, and that change is not what the user chose to delete. One round
 * trip; a second only to tell why nothing was deleted.
 */
export async function purgeContact(db: Database, assetId: string, contactId: string, version: number | undefined): Promise<PurgeResult> {
  const matches = and(
    eq(contacts.assetId, assetId),
    eq(contacts.id, contactId),
    isNotNull(contacts.deletedAt),
    version === undefined ? undefined : eq(contacts.version, version),
  );
  const [purged] = await guarded(() => db.delete(contacts).where(matches).returning());
  if (purged) return { kind: 'purged', contact: purged };
  const current = await findAnyContact(db, assetId, contactId);
  // Without a version, only a deleted contact can be meant (as before versions were sent).
  if (!current) return { kind: version === undefined ? 'gone' : 'missing' };
  if (version === undefined && current.deletedAt === null) return { kind: 'gone' };
  return { kind: 'changed', current };
}

/** An asset being moved to another database (migrations/0008): this one refuses its writes. */
const notFrozen = sql`asset_id NOT IN (SELECT asset_id FROM frozen_assets)`;

/**
 * The scheduled purge (DSGVO): deleted contacts older than 30 days, of every asset but one being
 * moved (its copy is purged in its new database, this one deleted when the move ends).
 */
export async function purgeExpired(db: Database, now = Date.now()): Promise<number> {
  const [purged] = await guarded(() =>
    db.batch([
      db
        .delete(contacts)
        .where(and(isNotNull(contacts.deletedAt), lt(contacts.deletedAt, now - PURGE_AFTER_MS), notFrozen))
        .returning({ id: contacts.id }),
      // Uploads never confirmed go after their hour, too (their cards are personal data).
      db.delete(importStaging).where(and(lt(importStaging.createdAt, now - 60 * 60 * 1000), notFrozen)),
    ]),
  );
  return purged.length;
}

/** Resale: everything of an asset goes (contacts, deleted ones, versions by the trigger, counters). */
export async function wipeAsset(db: Database, assetId: string): Promise<void> {
  await guarded(() =>
    db.batch([
      db.delete(contacts).where(eq(contacts.assetId, assetId)),
      db.delete(contactVersions).where(eq(contactVersions.assetId, assetId)),
      db.delete(assetUsage).where(eq(assetUsage.assetId, assetId)),
      db.delete(importStaging).where(eq(importStaging.assetId, assetId)),
    ]),
  );
}

/**
 * A former co-buyer's name leaves the asset's book: on contacts and in every version. A version's
 * `bytes` counts its author's name (migrations/0007): both it and the asset's count follow the new
 * name, so the budget keeps counting what the rows hold (a review: a long replacement left up to
 * 300 B per version uncounted). The count moves first, while the old names are still there to measure.
 * A longer name can take the asset over its headroom: its oldest versions then go at once, as
 * after a write (the budget trigger fires only on a version's insert: new contacts were refused
 * as "no room" until the asset's next write; data-safety review, stop 67). A second statement,
 * after the batch: the trigger's way, on each renamed row, counted a purged row's growth twice.
 */
export async function anonymiseAuthor(db: Database, assetId: string, userId: string, replacement: string): Promise<void> {
  const authored = and(eq(contactVersions.assetId, assetId), eq(contactVersions.authorId, userId));
  const growth = sql`length(CAST(${replacement} AS BLOB)) - length(CAST(${contactVersions.authorName} AS BLOB))`;
  await guarded(() =>
    db.batch([
      db
        .update(assetUsage)
        .set({ bytes: sql`${assetUsage.bytes} + (select coalesce(sum(${growth}), 0) from ${contactVersions} where ${authored})` })
        .where(eq(assetUsage.assetId, assetId)),
      db
        .update(contacts)
        .set({ createdByName: replacement })
        .where(and(eq(contacts.assetId, assetId), eq(contacts.createdBy, userId))),
      db
        .update(contacts)
        .set({ updatedByName: replacement })
        .where(and(eq(contacts.assetId, assetId), eq(contacts.updatedBy, userId))),
      db
        .update(contactVersions)
        .set({ authorName: replacement, bytes: sql`${contactVersions.bytes} + ${growth}` })
        .where(authored),
    ]),
  );
  await guarded(() =>
    db.$client
      .prepare(purgeOldestSql())
      .bind(assetId, 0, STORAGE_BUDGET_BYTES - BUDGET_HEADROOM_BYTES)
      .run(),
  );
}

/**
 * Rebuilds the keys of up to `limit` of the asset's rows whose keys an older format built
 * (src/contacts/keys.ts KEY_FORMAT): the list does it in the background when it sees such rows,
 * scripts/rebuild-keys.mjs for all rows at deploy. Idempotent; returns how many were rebuilt.
 */
export async function rebuildOldKeys(db: Database, assetId: string, limit = 200): Promise<number> {
  const rows = await guarded(() =>
    db
      .select()
      .from(contacts)
      .where(and(eq(contacts.assetId, assetId), lt(contacts.keyFormat, KEY_FORMAT)))
      .limit(limit),
  );
  if (rows.length === 0) return 0;
  const updates = rows.map((row) =>
    db
      .update(contacts)
      .set(derivedColumns(fieldValuesOf(row)))
      // Only the values read: an edit since (by a Worker still of the older format, during a
      // deploy) keeps its own keys and older format, for the next rebuild.
      .where(and(eq(contacts.id, row.id), eq(contacts.version, row.version), lt(contacts.keyFormat, KEY_FORMAT))),
  );
  const [first, ...rest] = updates;
  if (first) await guarded(() => db.batch([first, ...rest]));
  return rows.length;
}
