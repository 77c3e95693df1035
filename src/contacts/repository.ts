import { and, asc, count, eq, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import { type Database, guarded, randomToken } from '../db/client';
import { type ContactRow, contacts } from '../db/schema';
import { type ContactFields, columnsOf, FIELDS } from './fields';
import { searchKey, searchNeedles, sortKey } from './keys';
import type { ContactInput } from './schema';
import type { VCardContact } from './vcard';

/** Every query of the contact book lives here, and every one is scoped by the asset id. */

export const MAX_CONTACTS_PER_ASSET = 1000;
export const PAGE_SIZE = 100;
/** Deleted contacts stay restorable this long, then the next delete in the asset purges them. */
export const PURGE_AFTER_MS = 30 * 24 * 60 * 60 * 1000;

export type Contact = ContactRow;

export interface Author {
  userId: string;
  name: string;
}

/** True when `contact` carries exactly the change this author made at `now` (a retried write whose first try had landed). */
function isOwnWrite(contact: Contact, author: Author, now: number): boolean {
  return contact.updatedBy === author.userId && contact.updatedAt === now;
}

/** The stored columns of a contact's input, with the keys derived from them. */
function columnsFrom(input: ContactInput) {
  const fields: ContactFields = columnsOf(input);
  return { ...fields, sortKey: sortKey(fields), searchKey: searchKey(fields) };
}

/** 20 characters of [A-Za-z0-9_-]: opaque, unguessable, safe in a URL. */
export const newContactId = () => randomToken(15);

const live = (assetId: string) => and(eq(contacts.assetId, assetId), isNull(contacts.deletedAt));

export interface ContactPage {
  contacts: Contact[];
  total: number;
  page: number;
  pageCount: number;
}

/** One page of the asset's contacts in German order, optionally filtered by a search query. */
export async function listContacts(db: Database, assetId: string, options: { query?: string; page?: number } = {}): Promise<ContactPage> {
  const needles = searchNeedles(options.query ?? '');
  // instr() instead of LIKE: %, _ and quotes match literally, and D1's LIKE pattern limit never
  // applies. A needle never holds the separator, so it cannot match across fields or halves.
  const where = needles
    ? and(live(assetId), or(sql`instr(${contacts.searchKey}, ${needles.plain}) > 0`, sql`instr(${contacts.searchKey}, ${needles.folded}) > 0`))
    : live(assetId);
  const page = Math.max(1, Math.floor(options.page ?? 1));
  const [rows, totals] = await guarded(() =>
    db.batch([
      db
        .select()
        .from(contacts)
        .where(where)
        .orderBy(asc(contacts.sortKey), asc(contacts.id))
        .limit(PAGE_SIZE)
        .offset((page - 1) * PAGE_SIZE),
      db.select({ total: count() }).from(contacts).where(where),
    ]),
  );
  const total = totals[0]?.total ?? 0;
  return { contacts: rows, total, page, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

/** The columns a vCard needs: the export reads these 16 of the row's columns (it is the heaviest read). */
const vcardColumns = {
  id: contacts.id,
  updatedAt: contacts.updatedAt,
  ...Object.fromEntries(FIELDS.map((spec) => [spec.column, contacts[spec.column]])),
} as { [K in keyof VCardContact]: (typeof contacts)[K] };

/** All live contacts of the asset, in list order, as the export needs them. */
export async function allContacts(db: Database, assetId: string): Promise<VCardContact[]> {
  return guarded(() => db.select(vcardColumns).from(contacts).where(live(assetId)).orderBy(asc(contacts.sortKey), asc(contacts.id)));
}

export async function findContact(db: Database, assetId: string, contactId: string): Promise<Contact | undefined> {
  const [row] = await guarded(() => db.select().from(contacts).where(and(live(assetId), eq(contacts.id, contactId))).limit(1));
  return row;
}

/** Also finds a deleted contact (for undo and for telling a conflict from a deletion). */
export async function findAnyContact(db: Database, assetId: string, contactId: string): Promise<Contact | undefined> {
  const [row] = await guarded(() =>
    db.select().from(contacts).where(and(eq(contacts.assetId, assetId), eq(contacts.id, contactId))).limit(1),
  );
  return row;
}

export type CreateResult = { kind: 'created' | 'duplicate'; contact: Contact } | { kind: 'full' };

/**
 * Creates a contact in one atomic statement that also enforces the per-asset cap (two creates
 * racing for the last place cannot both win) and the one-time form token (a resubmitted form
 * finds the contact it created the first time).
 */
export async function createContact(
  db: Database,
  assetId: string,
  input: ContactInput,
  formToken: string,
  author: Author,
  now = Date.now(),
): Promise<CreateResult> {
  const id = newContactId();
  const c = columnsFrom(input);
  const row = {
    id, assetId, ...c, version: 1, createToken: formToken, createdAt: now, createdBy: author.userId,
    createdByName: author.name, updatedAt: now, updatedBy: author.userId, updatedByName: author.name,
  } satisfies typeof contacts.$inferInsert;
  // INSERT … SELECT … WHERE: the cap is checked inside the statement itself (drizzle's insert
  // builder has no WHERE on a VALUES insert), with every column named from the row above.
  const names = Object.keys(row) as (keyof typeof row)[];
  const result = await guarded(() =>
    db.run(sql`
      INSERT INTO contacts (${sql.join(names.map((name) => sql.identifier(contacts[name].name)), sql`, `)})
      SELECT ${sql.join(names.map((name) => sql`${row[name]}`), sql`, `)}
      WHERE (SELECT count(*) FROM contacts WHERE asset_id = ${assetId} AND deleted_at IS NULL) < ${MAX_CONTACTS_PER_ASSET}
      ON CONFLICT DO NOTHING`),
  );
  if (result.meta.changes === 1) {
    // Exactly what was inserted: no second round trip to read it back.
    const contact: Contact = {
      id, assetId, ...c, version: 1, createToken: formToken, createdAt: now, createdBy: author.userId,
      createdByName: author.name, updatedAt: now, updatedBy: author.userId, updatedByName: author.name, deletedAt: null,
    };
    return { kind: 'created', contact };
  }
  const [earlier] = await guarded(() =>
    db
      .select()
      .from(contacts)
      .where(and(eq(contacts.assetId, assetId), eq(contacts.createToken, formToken)))
      .limit(1),
  );
  return earlier ? { kind: 'duplicate', contact: earlier } : { kind: 'full' };
}

export type UpdateResult = { kind: 'updated'; contact: Contact } | { kind: 'conflict'; current: Contact } | { kind: 'gone'; current?: Contact };

/** Updates only if nobody changed the contact since `version` was read (no lost updates). */
export async function updateContact(
  db: Database,
  assetId: string,
  contactId: string,
  version: number,
  input: ContactInput,
  author: Author,
  now = Date.now(),
): Promise<UpdateResult> {
  const [updated] = await guarded(() =>
    db
      .update(contacts)
      .set({ ...columnsFrom(input), version: sql`${contacts.version} + 1`, updatedAt: now, updatedBy: author.userId, updatedByName: author.name })
      .where(and(live(assetId), eq(contacts.id, contactId), eq(contacts.version, version)))
      .returning(),
  );
  if (updated) return { kind: 'updated', contact: updated };
  const current = await findAnyContact(db, assetId, contactId);
  if (current && current.deletedAt === null) {
    if (current.version === version + 1 && isOwnWrite(current, author, now)) return { kind: 'updated', contact: current };
    return { kind: 'conflict', current };
  }
  return { kind: 'gone', current };
}

export type DeleteResult = { kind: 'deleted'; contact: Contact } | { kind: 'conflict'; current: Contact } | { kind: 'gone' };

/** Soft delete (undo stays possible); purges the asset's long-deleted contacts in the same batch. */
export async function deleteContact(
  db: Database,
  assetId: string,
  contactId: string,
  version: number | undefined,
  author: Author,
  now = Date.now(),
): Promise<DeleteResult> {
  const matches = and(live(assetId), eq(contacts.id, contactId), version === undefined ? undefined : eq(contacts.version, version));
  const [deleted] = await guarded(async () => {
    const [rows] = await db.batch([
      db
        .update(contacts)
        .set({ deletedAt: now, version: sql`${contacts.version} + 1`, updatedAt: now, updatedBy: author.userId, updatedByName: author.name })
        .where(matches)
        .returning(),
      db
        .delete(contacts)
        .where(and(eq(contacts.assetId, assetId), isNotNull(contacts.deletedAt), lt(contacts.deletedAt, now - PURGE_AFTER_MS))),
    ]);
    return rows;
  });
  if (deleted) return { kind: 'deleted', contact: deleted };
  const current = await findAnyContact(db, assetId, contactId);
  if (!current) return { kind: 'gone' };
  if (current.deletedAt !== null) return isOwnWrite(current, author, now) ? { kind: 'deleted', contact: current } : { kind: 'gone' };
  return { kind: 'conflict', current };
}

export type RestoreResult = { kind: 'restored'; contact: Contact } | { kind: 'full' } | { kind: 'gone' };

/** Undo of a delete; like a create, it respects the cap atomically. */
export async function restoreContact(db: Database, assetId: string, contactId: string, author: Author, now = Date.now()): Promise<RestoreResult> {
  const [restored] = await guarded(() =>
    db
      .update(contacts)
      .set({ deletedAt: null, version: sql`${contacts.version} + 1`, updatedAt: now, updatedBy: author.userId, updatedByName: author.name })
      .where(
        and(
          eq(contacts.assetId, assetId),
          eq(contacts.id, contactId),
          isNotNull(contacts.deletedAt),
          sql`(SELECT count(*) FROM contacts WHERE asset_id = ${assetId} AND deleted_at IS NULL) < ${MAX_CONTACTS_PER_ASSET}`,
        ),
      )
      .returning(),
  );
  if (restored) return { kind: 'restored', contact: restored };
  const current = await findAnyContact(db, assetId, contactId);
  if (!current) return { kind: 'gone' };
  if (current.deletedAt === null) return { kind: 'restored', contact: current };
  return { kind: 'full' };
}

/** A deleted contact that can still be restored (for the undo notice). */
export async function findDeletedContact(db: Database, assetId: string, contactId: string): Promise<Contact | undefined> {
  const contact = await findAnyContact(db, assetId, contactId);
  return contact && contact.deletedAt !== null ? contact : undefined;
}
