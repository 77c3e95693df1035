import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

declare global {
  /** true in the Worker's build and its workers tests (wrangler.toml `define`), undefined for drizzle-kit and node. */
  var KONTAKTE_WORKER: true | undefined;
}

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
    assetId: text('asset_id').notNull(),
    position: text('position').notNull().default(''),
    company: text('company').notNull().default(''),
    title: text('title').notNull().default(''),
    firstName: text('first_name').notNull().default(''),
    lastName: text('last_name').notNull().default(''),
    street: text('street').notNull().default(''),
    postalCode: text('postal_code').notNull().default(''),
    city: text('city').notNull().default(''),
    country: text('country').notNull().default(''),
    phone: text('phone').notNull().default(''),
    mobile: text('mobile').notNull().default(''),
    email: text('email').notNull().default(''),
    website: text('website').notNull().default(''),
    notes: text('notes').notNull().default(''),
    /** "Abnahme am" and "Gewährleistung bis": ISO calendar dates `YYYY-MM-DD`, '' when none. */
    acceptedOn: text('accepted_on').notNull().default(''),
    warrantyUntil: text('warranty_until').notNull().default(''),
    sortKey: text('sort_key').notNull(),
    searchKey: text('search_key').notNull(),
    /** The position in dictionary form, for the list grouped by position (`?group=position`). */
    groupKey: text('group_key').notNull().default(''),
    /** Which format of src/contacts/keys.ts built the keys (KEY_FORMAT); older rows are rebuilt. */
    keyFormat: integer('key_format').notNull().default(0),
    /** What the row takes in storage (fields and keys, UTF-8): the asset's byte budget counts it. */
    bytes: integer('bytes').notNull().default(0),
    /** The .vcf import that created the contact, for "Import rückgängig". */
    importId: text('import_id'),
    version: integer('version').notNull().default(1),
    /** The one-time token of the form that created the contact: a resubmission finds it. */
    createToken: text('create_token'),
    createdAt: integer('created_at').notNull(),
    createdBy: text('created_by').notNull(),
    createdByName: text('created_by_name').notNull(),
    updatedAt: integer('updated_at').notNull(),
    updatedBy: text('updated_by').notNull(),
    updatedByName: text('updated_by_name').notNull(),
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
    contactId: text('contact_id').notNull(),
    version: integer('version').notNull(),
    assetId: text('asset_id').notNull(),
    /** create, update, delete, restore (from deleted), revert (an older version restored), undo (a revert undone by its "Rückgängig") or import. */
    action: text('action').notNull(),
    fields: text('fields').notNull(),
    authorId: text('author_id').notNull(),
    authorName: text('author_name').notNull(),
    createdAt: integer('created_at').notNull(),
    bytes: integer('bytes').notNull(),
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
  live: integer('live').notNull().default(0),
  bytes: integer('bytes').notNull().default(0),
  /**
   * Version rows ever written for the asset (each create, edit, delete, restore, imported row):
   * only grows, and moves with the asset (src/mover). The import's book state (src/contacts/imports.ts).
   */
  writes: integer('writes').notNull().default(0),
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
    assetId: text('asset_id').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: integer('created_at').notNull(),
    cards: text('cards').notNull(),
    status: text('status').notNull().default('staged'),
    doneToken: text('done_token'),
    imported: integer('imported').notNull().default(0),
  },
  (table) => (globalThis.KONTAKTE_WORKER ? [] : [index('import_staging_asset').on(table.assetId, table.createdAt)]),
);
