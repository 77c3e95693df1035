import { and, asc, count, eq, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/d1';
import { type ContactRow, contacts } from '../db/schema';
import { StorageUnavailableError } from '../storage/errors';
import { timedDb } from '../observability/timing';
import { randomToken } from '../random';
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

export type Database = ReturnType<typeof connect>;

/** Plain query builder: the relational API (and its bundle weight) is not needed. */
export function connect(d1: D1Database) {
  return drizzle(d1);
}

/** The errors D1 documents as transient (developers.cloudflare.com/d1/best-practices/retry-queries). */
const TRANSIENT = /network connection lost|object to be reset|reset because its code was updated|transient issue/i;
const RETRY_DELAYS_MS = [40, 160];

/** drizzle wraps the driver's error (its message lists the query's parameters): find D1's own. */
export function rootCause(error: unknown): unknown {
  let current = error;
  while (current instanceof Error && current.cause !== undefined) current = current.cause;
  return current;
}

export function isTransientStorageError(error: unknown): boolean {
  const cause = rootCause(error);
  return cause instanceof Error && TRANSIENT.test(cause.message);
}

/**
 * Runs one storage operation. Transient D1 errors are retried with backoff: every operation here
 * is safe to repeat (reads; creates carry a one-time token; updates and deletes are guarded by
 * version and recognise their own earlier success). What still fails becomes a 503 that keeps
 * the user's input (StorageUnavailableError).
 */
async function guarded<T>(operation: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await timedDb(operation);
    } catch (error) {
      const delay = RETRY_DELAYS_MS[attempt];
      // Only D1's own message travels on: drizzle's wrapper would carry personal data into logs.
      if (delay === undefined || !isTransientStorageError(error)) throw new StorageUnavailableError('D1 request failed', { cause: rootCause(error) });
      await new Promise((resolve) => setTimeout(resolve, delay * (0.75 + Math.random() / 2)));
    }
  }
}

/** True when `contact` carries exactly the change this author made at `now` (a retried write whose first try had landed). */
function isOwnWrite(contact: Contact, author: Author, now: number): boolean {
  return contact.updatedBy === author.userId && contact.updatedAt === now;
}

function columnsFrom(input: ContactInput) {
  const fields = {
    position: input.position,
    company: input.company,
    title: input.title,
    firstName: input.first_name,
    lastName: input.last_name,
    street: input.street,
    postalCode: input.postal_code,
    city: input.city,
    country: input.country,
    phone: input.phone,
    mobile: input.mobile,
    email: input.email,
    website: input.website,
    notes: input.notes,
  };
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

/** The columns a vCard needs: the export reads 16 of the 27 (it is the heaviest read). */
const vcardColumns = {
  id: contacts.id,
  position: contacts.position,
  company: contacts.company,
  title: contacts.title,
  firstName: contacts.firstName,
  lastName: contacts.lastName,
  street: contacts.street,
  postalCode: contacts.postalCode,
  city: contacts.city,
  country: contacts.country,
  phone: contacts.phone,
  mobile: contacts.mobile,
  email: contacts.email,
  website: contacts.website,
  notes: contacts.notes,
  updatedAt: contacts.updatedAt,
} satisfies Record<keyof VCardContact, unknown>;

/** All live contacts of the asset, in list order, as the export needs them. */
export async function allContacts(db: Database, assetId: string): Promise<VCardContact[]> {
  return guarded(() => db.select(vcardColumns).from(contacts).where(live(assetId)).orderBy(asc(contacts.sortKey), asc(contacts.id)));
}

export async function findContact(db: Database, assetId: string, contactId: string): Promise<Contact | undefined> {
  const [row] = await guarded(() => db.select().from(contacts).where(and(live(assetId), eq(contacts.id, contactId))).limit(1));
  return row;
}

/** Also finds a deleted contact (for undo and for telling a conflict from a deletion). */
async function findAnyContact(db: Database, assetId: string, contactId: string): Promise<Contact | undefined> {
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
  const result = await guarded(() =>
    db.run(sql`
      INSERT INTO contacts (id, asset_id, position, company, title, first_name, last_name, street, postal_code, city,
        country, phone, mobile, email, website, notes, sort_key, search_key, version, create_token,
        created_at, created_by, created_by_name, updated_at, updated_by, updated_by_name)
      SELECT ${id}, ${assetId}, ${c.position}, ${c.company}, ${c.title}, ${c.firstName}, ${c.lastName}, ${c.street},
        ${c.postalCode}, ${c.city}, ${c.country}, ${c.phone}, ${c.mobile}, ${c.email}, ${c.website}, ${c.notes},
        ${c.sortKey}, ${c.searchKey}, 1, ${formToken}, ${now}, ${author.userId}, ${author.name}, ${now},
        ${author.userId}, ${author.name}
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
