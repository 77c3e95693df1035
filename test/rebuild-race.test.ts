import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { derivedColumns } from '../src/contacts/derived';
import { EMPTY_FIELDS, fieldValuesOf } from '../src/contacts/fields';
import { KEY_FORMAT } from '../src/contacts/keys';
import { findContact, rebuildOldKeys } from '../src/contacts/repository';
import { connect } from '../src/db/client';

// The keys' rebuild (a new KEY_FORMAT, 9d299d4: every row) reads rows, then writes their keys:
// a buyer's edit in between, saved by the Worker still running the older format (deploy.mjs
// rebuilds before it deploys; the list's read-repair beside a Worker not yet updated), is at
// the older format too, and must not get the keys of the values it replaced.

const ASSET = 'rebuild-race';

describe('the rebuild of old keys', () => {
  it('never writes keys made from values an edit replaced since they were read', async () => {
    const before = { ...EMPTY_FIELDS, lastName: 'Huber', firstName: 'Sepp', phone: '089 111111' };
    const old = derivedColumns(before);
    await env.DB.prepare(
      `INSERT INTO contacts (id, asset_id, first_name, last_name, phone, sort_key, search_key, group_key, key_format, bytes, created_at, created_by, created_by_name, updated_at, updated_by, updated_by_name)
       VALUES ('race-row', ?, 'Sepp', 'Huber', '089 111111', ?, ?, ?, 10, ?, 1, 'u', 'U', 1, 'u', 'U')`,
    )
      .bind(ASSET, old.sortKey, old.searchKey, old.groupKey, old.bytes)
      .run();
    // Between the rebuild's read and its write, a co-buyer's edit (new last name and number),
    // saved by a Worker of the older format: its keys as that format made them.
    const after = { ...before, lastName: 'Gartner', phone: '0171 2222222' };
    const edited = derivedColumns(after);
    let raced = false;
    const binding = {
      prepare: (query: string) => env.DB.prepare(query),
      batch: async (statements: D1PreparedStatement[]) => {
        if (!raced) {
          raced = true;
          await env.DB.prepare(
            `UPDATE contacts SET last_name = 'Gartner', phone = '0171 2222222', sort_key = ?, search_key = ?, group_key = ?, bytes = ?,
               key_format = 10, version = version + 1, updated_at = 2 WHERE id = 'race-row'`,
          )
            .bind(edited.sortKey, edited.searchKey, edited.groupKey, edited.bytes)
            .run();
        }
        return env.DB.batch(statements);
      },
    } as unknown as D1Database;
    await rebuildOldKeys(connect(binding), ASSET);
    expect(raced).toBe(true);
    const row = await findContact(connect(env.DB), ASSET, 'race-row');
    expect(row?.lastName).toBe('Gartner');
    const keys = derivedColumns(fieldValuesOf(row as NonNullable<typeof row>));
    // Its keys are of the values it holds (or of the older format, for the next rebuild), never of those replaced.
    expect(row?.keyFormat === KEY_FORMAT ? row?.searchKey : keys.searchKey, 'search key of the replaced values').toBe(keys.searchKey);
    expect(row?.keyFormat === KEY_FORMAT ? row?.sortKey : keys.sortKey).toBe(keys.sortKey);
    expect(row?.bytes === keys.bytes || row?.keyFormat !== KEY_FORMAT).toBe(true);
  });
});
