import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

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
    sortKey: text('sort_key').notNull(),
    searchKey: text('search_key').notNull(),
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
  (table) => [
    index('contacts_asset_list').on(table.assetId, table.deletedAt, table.sortKey, table.id),
    uniqueIndex('contacts_asset_create_token')
      .on(table.assetId, table.createToken)
      .where(sql`create_token IS NOT NULL`),
  ],
);

export type ContactRow = typeof contacts.$inferSelect;
