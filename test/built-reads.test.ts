import { env } from 'cloudflare:workers';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { allContacts, deleteContact, listContacts, PURGE_AFTER_MS, phoneList, warrantyContacts } from '../src/contacts/repository';
import { connect } from '../src/db/client';
import { BuiltRead, builtOnce, runRead, runReads } from '../src/db/prepared';
import { contacts } from '../src/db/schema';
import { seedContacts } from './helpers';

// Issue 18 item 4: the list, the export, the printed list and the calendar build their SQL once
// per shape (src/db/prepared.ts). Everything a request varies must stay a value of that request.

const names = (rows: readonly { lastName: string }[]) => rows.map((row) => row.lastName).sort();

describe('reads built once per shape', () => {
  it('answer each asset with its own contacts, whichever asset built the statement first', async () => {
    const db = connect(env.DB);
    await seedContacts('built-a', 3, (i) => ({ last_name: `Anton${i}`, position: 'Maler', warranty_until: `2030-01-0${i + 1}` }));
    await seedContacts('built-b', 2, (i) => ({ last_name: `Berta${i}`, position: 'Fliesenleger', warranty_until: `2031-01-0${i + 1}` }));
    for (const [asset, expected] of [
      ['built-a', ['Anton0', 'Anton1', 'Anton2']],
      ['built-b', ['Berta0', 'Berta1']],
      ['built-a', ['Anton0', 'Anton1', 'Anton2']],
    ] as const) {
      const page = await listContacts(db, asset, {});
      expect(names(page.contacts)).toEqual(expected);
      expect(page.total).toBe(expected.length);
      expect(names((await listContacts(db, asset, { group: 'position' })).contacts)).toEqual(expected);
      expect(names((await listContacts(db, asset, { view: 'warranty' })).contacts)).toEqual(expected);
      expect(names(await allContacts(db, asset))).toEqual(expected);
      expect(names(await phoneList(db, asset))).toEqual(expected);
      expect(names(await warrantyContacts(db, asset))).toEqual(expected);
    }
  });

  it('take the time of each request: "Zuletzt gelöscht" goes when the last deletion is 30 days old', async () => {
    const db = connect(env.DB);
    const deletedAt = Date.UTC(2026, 10, 1);
    const [gone] = await seedContacts('built-deleted', 2, (i) => ({ last_name: `Gelöscht${i}` }));
    await deleteContact(db, 'built-deleted', gone ?? '', undefined, { userId: 'u', name: 'U' }, deletedAt);
    const hasDeleted = async (now: number) => (await listContacts(db, 'built-deleted', { now })).hasDeleted;
    expect(await hasDeleted(deletedAt + 60_000)).toBe(true);
    expect(await hasDeleted(deletedAt + PURGE_AFTER_MS + 60_000)).toBe(false);
    expect(await hasDeleted(deletedAt + 60_000)).toBe(true);
  });

  it('decode rows as drizzle does: mapWith applies, NULL stays null, columns keep their type', async () => {
    const db = connect(env.DB);
    await seedContacts('built-decode', 1, () => ({ last_name: 'Dekodiert' }));
    const selection = {
      id: contacts.id,
      version: contacts.version,
      deletedAt: contacts.deletedAt,
      answer: sql<number>`'42'`.mapWith(Number),
      nothing: sql<number | null>`NULL`.mapWith(Number),
    };
    const query = () =>
      db
        .select(selection)
        .from(contacts)
        .where(sql`${contacts.assetId} = ${sql.placeholder('asset')}`);
    const read = BuiltRead.of(selection, query());
    const byDrizzle = await db.select(selection).from(contacts).where(sql`${contacts.assetId} = ${'built-decode'}`);
    expect(byDrizzle).toHaveLength(1);
    expect(byDrizzle[0]).toMatchObject({ version: 1, deletedAt: null, answer: 42, nothing: null });
    expect(await runRead(db, read, { asset: 'built-decode' })).toEqual(byDrizzle);
    const [alone, inBatch] = await runReads(db, [read, { asset: 'built-decode' }], [read, { asset: 'built-decode' }]);
    expect(alone).toEqual(byDrizzle);
    expect(inBatch).toEqual(byDrizzle);
  });

  it('refuse a batch whose columns share a name (its row objects would drop one) instead of shifting values', async () => {
    const db = connect(env.DB);
    const selection = { first: sql<number>`1`, second: sql<number>`1` };
    const read = BuiltRead.of(selection, db.select(selection).from(sql`(select 1)`));
    expect(await runRead(db, read, {})).toEqual([{ first: 1, second: 1 }]);
    await expect(runReads(db, [read, {}], [read, {}])).rejects.toThrow('read returned 1 columns, 2 selected');
  });

  it('build a statement once for each shape and keep it', () => {
    const reads = builtOnce<{ id: string }>();
    const db = connect(env.DB);
    let builds = 0;
    const build = () => {
      builds += 1;
      return BuiltRead.of({ id: contacts.id }, db.select({ id: contacts.id }).from(contacts));
    };
    const first = reads('name none 0', build);
    expect(reads('name none 0', build)).toBe(first);
    expect(reads('name after 2', build)).not.toBe(first);
    expect(builds).toBe(2);
  });
});
