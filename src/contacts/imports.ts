import { and, desc, eq, gt, isNull, lt, notInArray, or, sql } from 'drizzle-orm';
import { type Database, guarded, randomToken } from '../db/client';
import { assetUsage, contacts, importStaging } from '../db/schema';
import { complement } from './complement';
import { FIELDS, type FieldValues, fieldValuesOf } from './fields';
import { fold, ofCompany, phoneDigits } from './keys';
import {
  type Author,
  BUDGET_HEADROOM_BYTES,
  columnsFrom,
  columnsNamed,
  liveCount,
  MAX_CONTACTS_PER_ASSET,
  newContactId,
  purgeOldestSql,
  STORAGE_BUDGET_BYTES,
  vcardColumns,
} from './repository';
import { displayName, utf8Length } from './vcard';
import type { ImportedCard } from './vcard-import';

/**
 * The queries of the .vcf import (issue 16): staging an upload for its preview, the atomic
 * import of the ticked cards, and the undo. Every query is scoped by the asset id.
 */

/** How long a staged upload waits for its confirmation. */
export const STAGED_FOR_MS = 60 * 60 * 1000;
/**
 * Uploads an asset keeps waiting for confirmation at once: a new one replaces the oldest (its
 * preview then asks for the file again). With the upload's size limit this bounds what staging
 * holds per asset (docs/architecture.md, "Bounds"); a confirmed upload keeps no cards.
 */
export const MAX_STAGED_PER_ASSET = 4;
/**
 * The most a staged upload's cards may take as JSON: D1 refuses a row over 2,000,000 bytes. A file
 * within the upload limit (1 MiB of text) stays far below it, unless its values are mostly quotes
 * or backslashes, which JSON doubles: such a file is refused as too large.
 */
export const MAX_STAGED_BYTES = 1_900_000;

/** A card as the preview shows it and the confirmation imports it. */
export interface StagedCard {
  index: number;
  values: FieldValues;
  importable: boolean;
  /** What the preview says of each problem: its field and outcome (the value is in the card's notes or cut). */
  problems: Omit<ImportedCard['problems'][number], 'value'>[];
  ignored: string[];
  /** Likely a contact the book already has (its UID, same e-mail, phone digits, or name and company): its name; IN_FILE. */
  duplicateOf?: string;
  /** The id of the book's contact it likely is (the preview's link to complete it). */
  duplicateId?: string;
  /** That contact holds every value of the card already: nothing to complete, no link (UX walkthrough, stop 74). */
  complete?: true;
  /** The card's UID where it is our export's, `kontakte-<contact id>` (at most 40 characters). */
  uid?: string;
  /** Listed by its FN alone (no N): a name that may be a firm's ("Fliesen Bauer"). */
  fn?: true;
  /** A group, no contact (ImportedCard.group): its members in the file. */
  group?: number;
}

/** `duplicateOf` of a card another importable card of the same file already is, with at least as many values (no name is a line break). */
export const IN_FILE = '\n';

export interface Staged {
  importId: string;
  cards: StagedCard[];
  createdAt: number;
  status: string;
  imported: number;
}

const newImportId = () => randomToken(15);

/** The asset's live contacts, as far as duplicates are recognised by them. */
function duplicateQuery(db: Database, assetId: string) {
  // Every value: the name as the list shows it, title and all ("Dr. Julia Ähler": walkthrough,
  // stop 66), and what a card would complete (StagedCard.complete); not the derived columns (the
  // search key is most of a row's bytes: the bench's preview took 2.3 ms longer with them).
  return db
    .select({ ...vcardColumns, acceptedOn: contacts.acceptedOn, warrantyUntil: contacts.warrantyUntil })
    .from(contacts)
    .where(and(eq(contacts.assetId, assetId), isNull(contacts.deletedAt)));
}

type DuplicateRow = Awaited<ReturnType<typeof duplicateQuery>>[number];

/**
 * The book's state, of a row of asset_usage: its live count, its bytes and how many version rows
 * it ever wrote (every write adds one, where a same-length edit of a contact at its 20 kept
 * versions leaves the bytes as they were: its oldest version gives way). A count, not the newest
 * version row's rowid: SQLite gives a rowid freed by "Endgültig löschen" to the next row, and a
 * move to another database renumbers them (migrations/0011).
 */
const BOOK = `live || '.' || bytes || '.' || writes`;
/** The book's state as DuplicateIndex['book'] (the SQL the confirm compares with is BOOK_STATE). */
const bookQuery = (db: Database, assetId: string) =>
  db
    .select({ state: sql<string>`${sql.raw(BOOK)}` })
    .from(assetUsage)
    .where(eq(assetUsage.assetId, assetId));
const BOOK_STATE = `coalesce((SELECT ${BOOK} FROM asset_usage WHERE asset_id = ?9), '0.0')`;

/** Which contact a card likely duplicates (its UID, same e-mail, phone digits, or name and company), and how many live. */
export interface DuplicateIndex {
  /**
   * The cards with what each likely duplicates: a contact's name (the preview says which: UX
   * review), or IN_FILE for a card that another importable card of the same file already is, with at least as many values.
   */
  mark: <T extends Pick<StagedCard, 'values' | 'importable' | 'uid' | 'fn'>>(
    cards: readonly T[],
  ) => (T & Pick<StagedCard, 'duplicateOf' | 'duplicateId' | 'complete'>)[];
  live: number;
  /**
   * The state of the book the marks were read in ("live.bytes.writes" of asset_usage,
   * which every write changes): a confirm is refused when it changed since.
   */
  book: string;
}

function indexOf(rows: readonly DuplicateRow[], [usage]: readonly { state: string }[]): DuplicateIndex {
  // Each key with the contacts that have it, and the person each is: folded first and last name.
  type Person = [first: string, last: string];
  const index = new Map<string, [shown: string, person: Person, id: string][]>();
  const byId = new Map(rows.map((row) => [row.id, row]));
  const name = (first: string, last: string, company: string) => `n:${fold(`${first} ${last}`).trim()}|${fold(company).trim()}`;
  const person = (values: { first: string; last: string }): Person => [fold(values.first).trim(), fold(values.last).trim()];
  // Not the same, as far as the names tell: a person against a firm's own entry (a new
  // colleague at the firm's number), other last names, or first names without a word in common
  // ("Julia" is "Julia Maria", "L." is "Lena"; a name left out says nothing: reviews).
  const same = (a: string, b: string) => a === b || (/^\p{L}\.?$/u.test(a) && b.startsWith(a[0] ?? ''));
  const others = ([firstA, lastA]: Person, [firstB, lastB]: Person) =>
    (`${firstB}${lastB}` === '' && `${firstA}${lastA}` !== '') ||
    (lastA !== '' && lastB !== '' && lastA !== lastB) ||
    (firstA !== '' && firstB !== '' && !firstA.split(/\s+/).some((a) => firstB.split(/\s+/).some((b) => same(a, b) || same(b, a))));
  // A name alone that may be a firm's: a card's FN ("Fliesen Bauer"), a contact's last name of
  // more than one word (no surname alone: "Schmidt" the neighbour is no firm "Schmidt": code review).
  const lastOnly = (title: string, first: string, last: string, company: string) =>
    title || first || company || !last ? '' : name('', '', last);
  const details = (email: string, ...numbers: string[]) => [
    email ? `e:${email.toLowerCase()}` : '',
    ...numbers.map((number) => (number ? `p:${phoneDigits(number)}` : '')),
  ];
  for (const row of rows) {
    const entry: [string, Person, string] = [displayName(row), person({ first: row.firstName, last: row.lastName }), row.id];
    // Our export's UID names the contact it was: that one, whatever its name now (a backup read
    // back after a co-buyer corrected a name came in twice, ticked: buyer review, stop 60).
    for (const key of [
      `kontakte-${row.id}`,
      name(row.firstName, row.lastName, row.company),
      // A name alone ("Fliesen Bauer" in a card of FN only) may be a firm's: under that too.
      /\s/.test(row.lastName.trim()) ? lastOnly(row.title, row.firstName, row.lastName, row.company) : '',
      ...details(row.email, row.phone, row.mobile),
    ]) {
      if (!key) continue;
      const entries = index.get(key);
      if (entries) entries.push(entry);
      else index.set(key, [entry]);
    }
  }
  const mark: DuplicateIndex['mark'] = (cards) => {
    type Marked = (typeof cards)[number] & Pick<StagedCard, 'duplicateOf' | 'duplicateId' | 'complete'>;
    // Each key of the file's ticked cards: the card's index (`kept`: an unticked twin's richer one).
    const inFile = new Map<string, number>();
    const peopleInFile = new Map<string, [Person, number][]>();
    const kept = new Map<number, number>();
    const filled = (card: Marked) => Object.values(card.values).filter(Boolean).length;
    const marked: Marked[] = [];
    const names: string[] = [];
    for (const [at, card] of cards.entries()) {
      // A card that cannot be imported is said as that alone, not also as a likely duplicate
      // ("daher zunächst nicht angehakt" beside "kann nicht übernommen werden": UX review).
      if (!card.importable) {
        marked.push({ ...card });
        continue;
      }
      const { values } = card;
      // A card of FN that is its company's name ("Elektro Maier" at "Elektro Maier GmbH") is the
      // firm's own entry, as one of FN and ORG alike: no person (walkthrough, stop 72: it was
      // "Elektro Maier" the person, never the firm's contact at that number).
      const last = card.fn && !values.title && ofCompany(values.last_name, values.company) ? '' : values.last_name;
      const named = values.first_name || last || values.company ? name(values.first_name, last, values.company) : '';
      const keys = [named, ...details(values.email, values.phone, values.mobile)].filter(Boolean);
      // A card listed under its e-mail address (no name in it) names no person.
      const who = person({ first: values.first_name, last: last === values.email ? '' : last });
      // The name first: the contact the preview names is the one of the same name. An e-mail
      // address or a number is a firm's as often as a person's: it is no match between two
      // people the names tell apart (buyer review: a new colleague at a firm already in the book
      // was unticked as "vorhanden als" the firm's other contact).
      // A card of a name alone is the firm's entry of that name (walkthrough, stop 71: a phone's
      // "Fliesen Bauer" of FN only was a person, never the same as the book's firm).
      const [duplicateOf, , duplicateId] =
        index.get(card.uid ?? '')?.[0] ??
        keys.flatMap((key) => index.get(key) ?? []).find(([, other]) => !others(who, other)) ??
        (card.fn ? index.get(lastOnly(values.title, values.first_name, values.last_name, values.company))?.[0] : undefined) ??
        [];
      // Within the file only the same name and company counts (a card without either: its last
      // detail): colleagues in one export often share an office's number or e-mail address.
      // But one person twice, by the same number or address (an Android export's account contact
      // and its SIM copy, "0171 …" with the firm and "+49 171 …" without: interop review, stop
      // 62), as the book's contacts count: both name a person, and the names do not tell them apart.
      const own = keys.at(named ? 0 : -1);
      const reach = keys.slice(named ? 1 : 0);
      const someone = who.join('') !== '';
      names[at] = who.join('\n');
      let twin = own === undefined ? undefined : inFile.get(own);
      twin ??= someone ? reach.flatMap((key) => peopleInFile.get(key) ?? []).find(([other]) => !others(who, other))?.[1] : undefined;
      while (twin !== undefined && kept.has(twin)) twin = kept.get(twin);
      const other = twin === undefined ? undefined : marked[twin];
      if (!duplicateOf && other) {
        // Of the two, the one with more values stays ticked, the first of equals (interop review,
        // stop 62: a richer later card was the one unticked); but only of one name: "Schmidt"
        // could be Anna or Lena Schmidt, and took both their ticks (code review, stop 63). One
        // of a contact the book has already is that contact's copy too.
        if (other.duplicateOf || filled(card) <= filled(other) || names[twin as number] !== who.join('\n')) {
          marked.push({ ...card, duplicateOf: other.duplicateOf ?? IN_FILE, duplicateId: other.duplicateId });
          continue;
        }
        marked[twin as number] = { ...other, duplicateOf: IN_FILE };
        kept.set(twin as number, at);
      }
      if (own && !inFile.has(own)) inFile.set(own, at);
      if (someone)
        for (const key of reach) {
          const people = peopleInFile.get(key);
          if (people) people.push([who, at]);
          else peopleInFile.set(key, [[who, at]]);
        }
      marked.push({ ...card, duplicateOf, duplicateId });
    }
    // Nothing the book's contact lacks: the file read again offered "ergänzen" at every card, to
    // say there was nothing (UX walkthrough, stop 74). As the completed form's complement() finds it.
    for (const card of marked) {
      const row = card.duplicateId && byId.get(card.duplicateId);
      if (!row) continue;
      const { filled, noted } = complement(fieldValuesOf(row), card.values, String);
      if (!filled.length && !noted.length) card.complete = true;
    }
    return marked;
  };
  return { mark, live: rows.length, book: usage?.state ?? '0.0' };
}

/** The asset's contacts, as far as duplicates are recognised by them. */
export async function duplicateIndex(db: Database, assetId: string): Promise<DuplicateIndex> {
  return indexOf(...(await guarded(() => db.batch([duplicateQuery(db, assetId), bookQuery(db, assetId)]))));
}

/**
 * Stages an upload for its preview (and removes the asset's expired stagings and its oldest
 * unconfirmed ones beyond MAX_STAGED_PER_ASSET): its import id. The staged cards carry no
 * duplicate marks: the preview, at its own address (findStaged with `index`), marks them against
 * the contacts of that moment. (Stop 64: the upload answered the preview itself, so Back from the
 * list and a reload sent the file again; it now redirects there.)
 */
export async function stageImport(
  db: Database,
  assetId: string,
  cards: StagedCard[],
  author: Author,
  now = Date.now(),
): Promise<string | undefined> {
  const json = JSON.stringify(cards);
  if (utf8Length(json) > MAX_STAGED_BYTES) return undefined;
  const importId = newImportId();
  await guarded(() =>
    db.batch([
      db.delete(importStaging).where(
        and(
          eq(importStaging.assetId, assetId),
          or(
            lt(importStaging.createdAt, now - STAGED_FOR_MS),
            and(
              eq(importStaging.status, 'staged'),
              notInArray(
                importStaging.importId,
                db
                  .select({ id: importStaging.importId })
                  .from(importStaging)
                  .where(and(eq(importStaging.assetId, assetId), eq(importStaging.status, 'staged')))
                  .orderBy(desc(importStaging.createdAt))
                  .limit(MAX_STAGED_PER_ASSET - 1),
              ),
            ),
          ),
        ),
      ),
      // A retry of a batch that landed but whose answer was lost finds its own row (same id).
      db.insert(importStaging).values({ importId, assetId, createdBy: author.userId, createdAt: now, cards: json }).onConflictDoNothing(),
    ]),
  );
  return importId;
}

/**
 * An upload of this asset's, staged within the last hours; only the buyer's own (`by`): the
 * preview shows the whole file, unticked cards too, and its import and undo are that buyer's
 * (security review, stop 61: a co-buyer with the address saw it and imported it in his name).
 */
export async function findStaged(
  db: Database,
  assetId: string,
  importId: string,
  by: string,
  now = Date.now(),
): Promise<Staged | undefined> {
  return stagedOf(importId, (await guarded(() => stagedQuery(db, assetId, importId, by, now)))[0]);
}

/** findStaged, and the asset's DuplicateIndex read in the same round trip: the preview's page. */
export async function findStagedWith(
  db: Database,
  assetId: string,
  importId: string,
  by: string,
): Promise<[Staged | undefined, DuplicateIndex]> {
  const [[row], rows, usage] = await guarded(() =>
    db.batch([stagedQuery(db, assetId, importId, by, Date.now()), duplicateQuery(db, assetId), bookQuery(db, assetId)]),
  );
  return [stagedOf(importId, row), indexOf(rows, usage)];
}

const stagedQuery = (db: Database, assetId: string, importId: string, by: string, now: number) =>
  db
    .select()
    .from(importStaging)
    .where(
      and(
        eq(importStaging.assetId, assetId),
        eq(importStaging.importId, importId),
        eq(importStaging.createdBy, by),
        gt(importStaging.createdAt, now - STAGED_FOR_MS),
      ),
    )
    .limit(1);

function stagedOf(importId: string, row: typeof importStaging.$inferSelect | undefined): Staged | undefined {
  if (!row) return undefined;
  const parsed: unknown = JSON.parse(row.cards);
  return {
    importId,
    cards: Array.isArray(parsed) ? (parsed as StagedCard[]) : [],
    createdAt: row.createdAt,
    status: row.status,
    imported: row.imported,
  };
}

export type ImportOutcome =
  | { kind: 'imported'; count: number }
  | { kind: 'already'; count: number }
  | { kind: 'undone' }
  | { kind: 'full' }
  | { kind: 'noRoom' }
  | { kind: 'changed' }
  | { kind: 'gone' };

/** Columns of an imported row, in the order the JSON rows carry them. */
const IMPORT_COLUMNS = [
  'id',
  'asset_id',
  ...FIELDS.map((spec) => spec.name),
  'sort_key',
  'search_key',
  'group_key',
  'key_format',
  'bytes',
  'version',
  'import_id',
  'created_at',
  'created_by',
  'created_by_name',
  'updated_at',
  'updated_by',
  'updated_by_name',
] as const;
/**
 * The bytes of JSON (UTF-8) each INSERT's one parameter carries. D1's 100 KB limit is on a
 * statement's SQL text (here about 1.5 KB), a bound string may take 2 MB: chunks keep each
 * statement's work small, far below both.
 */
const CHUNK_BYTES = 90_000;

/**
 * Imports the chosen cards all or nothing, in one batch: the staging row turns 'done' only when
 * the asset has room for all of them (cap and byte budget), and every INSERT (bulk, through
 * json_each of one JSON parameter per chunk) only happens when that first statement did. A
 * double submit finds the row done and imports nothing again, nor does a preview confirmed after
 * its import was undone (its duplicates are out of date: the file is uploaded anew). Nor does a
 * preview whose `book` changed since (a co-buyer imported the same file, say): its duplicate
 * marks are out of date, the buyer sees them anew first ('changed').
 */
export async function confirmImport(
  db: Database,
  assetId: string,
  staged: Staged,
  chosen: readonly StagedCard[],
  author: Author,
  book: string | undefined,
  now = Date.now(),
): Promise<ImportOutcome> {
  const doneToken = randomToken(12);
  const rows = chosen.map((card) => {
    const c = columnsFrom(card.values);
    const byColumn: Record<(typeof IMPORT_COLUMNS)[number], string | number> = {
      id: newContactId(),
      asset_id: assetId,
      ...card.values,
      sort_key: c.sortKey,
      search_key: c.searchKey,
      group_key: c.groupKey,
      key_format: c.keyFormat,
      bytes: c.bytes,
      version: 1,
      import_id: staged.importId,
      created_at: now,
      created_by: author.userId,
      created_by_name: author.name,
      updated_at: now,
      updated_by: author.userId,
      updated_by_name: author.name,
    };
    return IMPORT_COLUMNS.map((column) => byColumn[column]);
  });
  const bytes = rows.reduce((sum, row) => sum + Number(row[IMPORT_COLUMNS.indexOf('bytes')]), 0);
  const chunks: unknown[][][] = [];
  let size = 0;
  for (const row of rows) {
    const length = utf8Length(JSON.stringify(row));
    if (chunks.length === 0 || size + length > CHUNK_BYTES) {
      chunks.push([]);
      size = 0;
    }
    chunks.at(-1)?.push(row);
    size += length;
  }
  // One D1 batch of plain statements (drizzle cannot batch a raw INSERT … SELECT): all or nothing.
  const client = db.$client;
  // Room: the cap, and the byte budget as the triggers keep it. Old versions (not a contact's
  // current one) give way for new rows, as for any other write (migrations/0009): when the book is
  // full of history, what counts is the rest of it; the triggers then purge while the rows go in.
  const claim = client
    .prepare(
      `UPDATE import_staging SET status = 'done', done_token = ?1, imported = ?2, cards = '[]'` +
        ` WHERE import_id = ?3 AND asset_id = ?4 AND status = 'staged' AND created_at > ?5` +
        ` AND coalesce((SELECT live FROM asset_usage WHERE asset_id = ?4), 0) + ?2 <= ?6` +
        ` AND (coalesce((SELECT bytes FROM asset_usage WHERE asset_id = ?4), 0) + ?7 <= ?8` +
        ` OR coalesce((SELECT bytes FROM asset_usage WHERE asset_id = ?4), 0)` +
        ` - coalesce((SELECT sum(v.bytes) FROM contact_versions v JOIN contacts c ON c.id = v.contact_id` +
        ` WHERE v.asset_id = ?4 AND v.version < c.version), 0) + ?7 <= ?8)` +
        ` AND ${book === undefined ? '?9' : BOOK_STATE} = ?10` +
        ` RETURNING import_id`,
    )
    .bind(
      doneToken,
      rows.length,
      staged.importId,
      assetId,
      now - STAGED_FOR_MS,
      MAX_CONTACTS_PER_ASSET,
      2 * bytes,
      STORAGE_BUDGET_BYTES,
      book === undefined ? 0 : assetId,
      book ?? 0,
    );
  // Where old versions must give way, the oldest go once, before the rows: left to the budget
  // trigger, its window over all of the book's versions ran for every imported row (9.5 s for 525
  // cards into a book of 8,500 versions, holding the database; 0.14 s so: review). The room is
  // counted as for the claim (each row twice), a little more than the rows take. Only when claimed.
  const makeRoom = client
    .prepare(
      // The guards stand in the innermost WHERE: terms of no table, SQLite tests them once before
      // it scans, so an import with room to spare reads no version (outside, the window ran on
      // every import: rows read by the bench's confirm 38 → 339).
      purgeOldestSql(
        ` AND EXISTS (SELECT 1 FROM import_staging WHERE import_id = ?4 AND done_token = ?5)` +
          ` AND NOT EXISTS (SELECT 1 FROM contacts WHERE id = ?6)`,
      ),
    )
    .bind(assetId, 2 * bytes, STORAGE_BUDGET_BYTES - BUDGET_HEADROOM_BYTES, staged.importId, doneToken, rows[0]?.[0] ?? '');
  const columns = IMPORT_COLUMNS.join(', ');
  const values = IMPORT_COLUMNS.map((_, index) => `json_extract(j.value, '$[${index}]')`).join(', ');
  // A chunk whose first row is stored already is not inserted again, and old versions give way
  // only before the first is (above): `guarded` repeats a batch whose answer was lost after D1
  // applied it, whose claim then finds the upload done (code reviews: the rows' ids met
  // themselves, UNIQUE, a 503 said to try an import that was done; the repeat made room twice).
  const inserts = chunks.map((chunk) =>
    client
      .prepare(
        `INSERT INTO contacts (${columns}) SELECT ${values} FROM json_each(?) AS j` +
          ` WHERE EXISTS (SELECT 1 FROM import_staging WHERE import_id = ? AND done_token = ?)` +
          ` AND NOT EXISTS (SELECT 1 FROM contacts WHERE id = ?)`,
      )
      .bind(JSON.stringify(chunk), staged.importId, doneToken, chunk[0]?.[0]),
  );
  const [claimResult] = await guarded(() => client.batch([claim, makeRoom, ...inserts]));
  const claimed = claimResult?.results ?? [];
  if (claimed.length > 0) return { kind: 'imported', count: rows.length };
  const current = await findStaged(db, assetId, staged.importId, author.userId, now);
  if (!current) return { kind: 'gone' };
  if (current.status === 'done') return { kind: 'already', count: current.imported };
  if (current.status === 'undone') return { kind: 'undone' };
  const [row] = await guarded(() =>
    db
      .select({
        fits: sql<number>`${liveCount(assetId)} + ${rows.length} <= ${MAX_CONTACTS_PER_ASSET}`,
        changed: sql<number>`${book ?? null} <> coalesce((${bookQuery(db, assetId)}), '0.0')`,
      })
      .from(sql`(SELECT 1)`),
  );
  return { kind: Number(row?.changed) ? 'changed' : Number(row?.fits) ? 'noRoom' : 'full' };
}

export interface UndoResult {
  removed: number;
  /** Contacts of the import someone changed (or deleted) since: kept, by name. */
  kept: { id: string; company: string; firstName: string; lastName: string; title: string }[];
}

/**
 * "Import rückgängig": removes exactly the import's contacts nobody changed since (version 1),
 * and only for the buyer who imported them: a co-buyer's undo removes nothing (it would delete
 * for good what someone else imported; security review). The upload turns 'undone' in the same
 * batch: the list no longer offers its undo, its preview no longer imports (the contacts kept
 * would come twice), and the list's notice after the undo without JS is said only for an
 * upload that was undone (`undoneImport`). An upload the daily purge removed comes back as an
 * undone row of no cards for that, if contacts of that import are or were here.
 */
export async function undoImport(db: Database, assetId: string, importId: string, userId: string, now = Date.now()): Promise<UndoResult> {
  const [removed, kept, marked] = await guarded(() =>
    db.batch([
      db
        .delete(contacts)
        .where(
          and(
            eq(contacts.assetId, assetId),
            eq(contacts.importId, importId),
            eq(contacts.createdBy, userId),
            eq(contacts.version, 1),
            isNull(contacts.deletedAt),
          ),
        )
        .returning({ id: contacts.id }),
      keptQuery(db, assetId, importId),
      db
        .update(importStaging)
        .set({ status: 'undone' })
        .where(
          and(
            eq(importStaging.assetId, assetId),
            eq(importStaging.importId, importId),
            eq(importStaging.createdBy, userId),
            eq(importStaging.status, 'done'),
          ),
        )
        .returning({ importId: importStaging.importId }),
    ]),
  );
  // The daily purge removed the upload's row: it comes back, undone, for an import that was here
  // (a second round trip on that path only; a made-up id writes nothing: code review).
  if (!marked.length && (removed.length || kept.length))
    await guarded(() =>
      db
        .insert(importStaging)
        .values({ importId, assetId, createdBy: userId, createdAt: now, cards: '[]', status: 'undone' })
        .onConflictDoNothing(),
    );
  return { removed: removed.length, kept };
}

/**
 * After an undo without JS: the import's contacts kept (read anew), if this upload of the asset
 * was undone; else nothing, so that a link made up says no removal.
 */
export async function undoneImport(db: Database, assetId: string, importId: string): Promise<UndoResult['kept'] | undefined> {
  const [undone, kept] = await guarded(() =>
    db.batch([
      db
        .select({ status: importStaging.status })
        .from(importStaging)
        .where(and(eq(importStaging.assetId, assetId), eq(importStaging.importId, importId), eq(importStaging.status, 'undone'))),
      keptQuery(db, assetId, importId),
    ]),
  );
  return undone.length ? kept : undefined;
}

/** The import's contacts still in the book: after its undo, those changed since (kept). */
export function keptQuery(db: Database, assetId: string, importId: string) {
  return db
    .select(columnsNamed('id', 'company', 'firstName', 'lastName', 'title'))
    .from(contacts)
    .where(and(eq(contacts.assetId, assetId), eq(contacts.importId, importId), isNull(contacts.deletedAt)));
}
