import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

declare global {
  /** true in the Worker's build and its workers tests (wrangler.toml `define`), undefined for drizzle-kit and node. */
  var KONTAKTE_WORKER: true | undefined;
}

/**
 * `text(name).notNull()` and `integer(name).notNull()`: NOT NULL is drizzle-kit's (it writes the
 * migrations from here) and the row types'. In the Worker's build drizzle's notNull() does nothing
 * (its column builder there returns itself, src/generated/drizzle-column-builder.js, and its
 * columns keep no notNull, src/generated/drizzle-column.js), so there these are `text` and
 * `integer` themselves, without a call per column (37 B of the gzip budget).
 * test/node/schema-columns.test.ts holds the Worker's tables to drizzle-kit's but for that.
 */
const notNullText = (name: string) => text(name).notNull();
const notNullInteger = (name: string) => integer(name).notNull();
const requiredText = (globalThis.KONTAKTE_WORKER ? text : notNullText) as typeof notNullText;
const requiredInteger = (globalThis.KONTAKTE_WORKER ? integer : notNullInteger) as typeof notNullInteger;
/** A text field stored as '' when empty: NOT NULL DEFAULT ''. */
const blankText = (name: string) => requiredText(name).default('');

/**
 * The indexes and keys below are for drizzle-kit, which writes migrations/ from them; the Worker
 * runs the migrations' SQL and never builds them (drizzle calls a table's extra config only in
 * `getTableConfig`), so its build leaves them out (about 200 B of the gzip budget): each
 * callback tests `globalThis.KONTAKTE_WORKER` itself, which esbuild folds away there.
 * test/node/no-constraints.test.ts holds drizzle-kit's view of them.
 */
/**
 * One contact of one asset's shared contact book. Every optional text field is stored as ''
 * when empty, so comparisons and exports never need to tell NULL from empty.
 * `sort_key` and `search_key` are derived on write (src/contacts/keys.ts): SQLite has no German
 * collation and no ICU, and both sorting and umlaut-folded search must page in SQL.
 */
export const contacts = sqliteTable(
  'contacts',
  {
    id: text('id').primaryKey(),
    assetId: requiredText('asset_id'),
    position: blankText('position'),
    company: blankText('company'),
    title: blankText('title'),
    firstName: blankText('first_name'),
    lastName: blankText('last_name'),
    street: blankText('street'),
    postalCode: blankText('postal_code'),
    city: blankText('city'),
    country: blankText('country'),
    phone: blankText('phone'),
    mobile: blankText('mobile'),
    email: blankText('email'),
    website: blankText('website'),
    notes: blankText('notes'),
    /** "Abnahme am" and "Gewährleistung bis": ISO calendar dates `YYYY-MM-DD`, '' when none. */
    acceptedOn: blankText('accepted_on'),
    warrantyUntil: blankText('warranty_until'),
    sortKey: requiredText('sort_key'),
    searchKey: requiredText('search_key'),
    /** The position in dictionary form, for the list grouped by position (`?group=position`). */
    groupKey: blankText('group_key'),
    /** Which format of src/contacts/keys.ts built the keys (KEY_FORMAT); older rows are rebuilt. */
    keyFormat: requiredInteger('key_format').default(0),
    /** What the row takes in storage (fields and keys, UTF-8): the asset's byte budget counts it. */
    bytes: requiredInteger('bytes').default(0),
    /** The .vcf import that created the contact, for "Import rückgängig". */
    importId: text('import_id'),
    version: requiredInteger('version').default(1),
    /** The one-time token of the form that created the contact: a resubmission finds it. */
    createToken: text('create_token'),
    createdAt: requiredInteger('created_at'),
    createdBy: requiredText('created_by'),
    createdByName: requiredText('created_by_name'),
    updatedAt: requiredInteger('updated_at'),
    updatedBy: requiredText('updated_by'),
    updatedByName: requiredText('updated_by_name'),
    deletedAt: integer('deleted_at'),
  },
  (table) =>
    globalThis.KONTAKTE_WORKER
      ? []
      : [
          index('contacts_asset_list').on(table.assetId, table.deletedAt, table.sortKey, table.id),
          index('contacts_asset_group').on(table.assetId, table.deletedAt, table.groupKey, table.sortKey, table.id),
          // The warranty view (`?view=warranty`) and warranty.ics: only rows with an end date.
          index('contacts_asset_warranty')
            .on(table.assetId, table.deletedAt, table.warrantyUntil, table.sortKey, table.id)
            .where(sql`warranty_until <> ''`),
          index('contacts_asset_key_format').on(table.assetId, table.keyFormat),
          index('contacts_asset_deleted').on(table.assetId, table.deletedAt).where(sql`deleted_at IS NOT NULL`),
          index('contacts_asset_import').on(table.assetId, table.importId).where(sql`import_id IS NOT NULL`),
          uniqueIndex('contacts_asset_create_token').on(table.assetId, table.createToken).where(sql`create_token IS NOT NULL`),
        ],
);

export type ContactRow = typeof contacts.$inferSelect;

/**
 * Every state a contact has had: written by triggers on `contacts` (migrations/0003), so no write
 * path can forget it. `fields` is the contact's field values as JSON keyed by column name.
 * Bounded: 20 per live contact, only the last one of a deleted contact, the asset's byte budget.
 */
export const contactVersions = sqliteTable(
  'contact_versions',
  {
    contactId: requiredText('contact_id'),
    version: requiredInteger('version'),
    assetId: requiredText('asset_id'),
    /** create, update, delete, restore (from deleted), revert (an older version restored), undo (a revert undone by its "Rückgängig") or import. */
    action: requiredText('action'),
    fields: requiredText('fields'),
    authorId: requiredText('author_id'),
    authorName: requiredText('author_name'),
    createdAt: requiredInteger('created_at'),
    bytes: requiredInteger('bytes'),
  },
  (table) =>
    globalThis.KONTAKTE_WORKER
      ? []
      : [
          primaryKey({ columns: [table.contactId, table.version] }),
          index('contact_versions_asset_created').on(table.assetId, table.createdAt),
        ],
);

export type VersionRow = typeof contactVersions.$inferSelect;

/** What each asset holds, kept by the same triggers: live contacts (the cap) and bytes (the budget). */
export const assetUsage = sqliteTable('asset_usage', {
  assetId: text('asset_id').primaryKey(),
  live: requiredInteger('live').default(0),
  bytes: requiredInteger('bytes').default(0),
  /**
   * Version rows ever written for the asset (each create, edit, delete, restore, imported row):
   * only grows, and moves with the asset (src/mover). The import's book state (src/contacts/imports.ts).
   */
  writes: requiredInteger('writes').default(0),
});

/**
 * A .vcf upload between its preview and its confirmation (an hour at most): the parsed cards as
 * JSON, scoped to the asset. `status` turns to 'done' in the same atomic batch that inserts the
 * contacts, so a double submit imports once; the undo finds the contacts by `contacts.import_id`
 * and turns it 'undone' (a preview confirmed then imports nothing).
 */
export const importStaging = sqliteTable(
  'import_staging',
  {
    importId: text('import_id').primaryKey(),
    assetId: requiredText('asset_id'),
    createdBy: requiredText('created_by'),
    createdAt: requiredInteger('created_at'),
    cards: requiredText('cards'),
    status: requiredText('status').default('staged'),
    doneToken: text('done_token'),
    imported: requiredInteger('imported').default(0),
  },
  (table) => (globalThis.KONTAKTE_WORKER ? [] : [index('import_staging_asset').on(table.assetId, table.createdAt)]),
);
