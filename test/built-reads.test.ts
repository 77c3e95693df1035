import { env } from 'cloudflare:workers';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { encodeCursor, type ListOrder } from '../src/contacts/cursor';
import { EMPTY_FIELDS } from '../src/contacts/fields';
import {
  allContacts,
  contactHistory,
  createContact,
  deleteContact,
  findAnyContact,
  findContact,
  type ListOptions,
  listContacts,
  PURGE_AFTER_MS,
  phoneList,
  warrantyContacts,
  writeContact,
  writeOrReadState,
} from '../src/contacts/repository';
import { connect, StorageUnavailableError } from '../src/db/client';
import { BuiltRead, builtOnce, runRead, runReads, runStatements } from '../src/db/prepared';
import { contacts } from '../src/db/schema';
import { anna, seedContacts, send, type TestUser } from './helpers';

// Issue 18 item 4: the list, the export, the printed list and the calendar build their SQL once
// per shape (src/db/prepared.ts). Everything a request varies must stay a value of that request.

const names = (rows: readonly { lastName: string }[]) => rows.map((row) => row.lastName).sort();

describe('reads built once per shape', () => {
  it('answer each asset with its own contacts and facts, whichever asset built the statement first', async () => {
    const db = connect(env.DB);
    await seedContacts('built-a', 3, (i) => ({ last_name: `Anton${i}`, position: 'Maler', warranty_until: `2030-01-0${i + 1}` }));
    await seedContacts('built-b', 2, (i) => ({ last_name: `Berta${i}`, position: 'Fliesenleger', warranty_until: `2031-01-0${i + 1}` }));
    // One asset's rows carry keys of an older format: only its list offers to rebuild them.
    await env.DB.prepare("UPDATE contacts SET key_format = 0 WHERE asset_id = 'built-b'").run();
    for (const [asset, expected, staleKeys] of [
      ['built-a', ['Anton0', 'Anton1', 'Anton2'], false],
      ['built-b', ['Berta0', 'Berta1'], true],
      ['built-a', ['Anton0', 'Anton1', 'Anton2'], false],
    ] as const) {
      for (const options of [{}, { group: 'position' }, { view: 'warranty' }] satisfies ListOptions[]) {
        const page = await listContacts(db, asset, options);
        expect(names(page.contacts)).toEqual(expected);
        expect(page.total).toBe(expected.length);
        expect(page.staleKeys).toBe(staleKeys);
      }
      expect(names(await allContacts(db, asset))).toEqual(expected);
      expect(names(await phoneList(db, asset))).toEqual(expected);
      expect(names(await warrantyContacts(db, asset))).toEqual(expected);
    }
  });

  it('keep each order and window apart: pages after and through a row in every order, interleaved', async () => {
    const db = connect(env.DB);
    const people = [
      { last_name: 'Adler', position: 'Zimmerer', warranty_until: '2030-05-01' },
      { last_name: 'Bauer', position: 'Elektriker', warranty_until: '2020-01-01' },
      { last_name: 'Cramer', position: 'Architekt', warranty_until: '2030-03-01' },
      { last_name: 'Dorn', position: 'Maler', warranty_until: '2020-02-01' },
      { last_name: 'Engel', position: 'Installateur', warranty_until: '2030-04-01' },
    ];
    const ids = await seedContacts('built-shapes', people.length, (i) => people[i] ?? {});
    const found = await Promise.all(ids.map((id) => findContact(db, 'built-shapes', id)));
    const rows = found.filter((row) => row !== undefined);
    expect(rows).toHaveLength(people.length);
    // Three different orders of the same five people.
    const orders: {
      order: ListOrder;
      options: ListOptions;
      expected: string[];
      cursor: (row: (typeof rows)[number]) => (string | number)[];
    }[] = [
      { order: 'name', options: {}, expected: ['Adler', 'Bauer', 'Cramer', 'Dorn', 'Engel'], cursor: (r) => [r.sortKey, r.id] },
      {
        order: 'position',
        options: { group: 'position' },
        expected: ['Cramer', 'Bauer', 'Engel', 'Dorn', 'Adler'],
        cursor: (r) => [r.groupKey, r.sortKey, r.id],
      },
      {
        order: 'warranty',
        // Running ends first (soonest first), then ended ones (latest first), split at the
        // cursor's day: the first of its values.
        options: { view: 'warranty', now: Date.UTC(2026, 11, 1, 12) },
        expected: ['Cramer', 'Engel', 'Adler', 'Dorn', 'Bauer'],
        cursor: (r) => {
          const seconds = Date.parse(r.warrantyUntil) / 1000;
          return ['2026-12-01', r.warrantyUntil >= '2026-12-01' ? seconds : 100_000_000_000 - seconds, r.sortKey, r.id];
        },
      },
    ];
    const inOrder = (page: { contacts: readonly { lastName: string }[] }) => page.contacts.map((c) => c.lastName);
    for (let k = 0; k < 4; k += 1) {
      for (const { order, options, expected, cursor } of orders) {
        expect(inOrder(await listContacts(db, 'built-shapes', options))).toEqual(expected);
        const row = rows.find((r) => r.lastName === expected[k]);
        if (!row) throw new Error(`no row ${expected[k]}`);
        const token = encodeCursor(order, cursor(row));
        expect(inOrder(await listContacts(db, 'built-shapes', { ...options, after: token }))).toEqual(expected.slice(k + 1));
        expect(inOrder(await listContacts(db, 'built-shapes', { ...options, through: token }))).toEqual(expected.slice(0, k + 1));
      }
    }
  });

  it('through HTTP: two apartments in turn each get their own list, file, printout and calendar', async () => {
    const homes = [
      { id: 'built-http-a', name: 'Haus A', last: 'Amsel' },
      { id: 'built-http-b', name: 'Haus B', last: 'Birke' },
    ];
    for (const home of homes) await seedContacts(home.id, 2, (i) => ({ last_name: `${home.last}${i}`, warranty_until: '2031-06-30' }));
    for (const home of [...homes, ...homes]) {
      const user: TestUser = { ...anna, sub: `u-${home.id}`, assets: [{ id: home.id, name: home.name }] };
      const other = homes.find((h) => h !== home)?.last ?? '';
      const base = `/assets/${home.id}/contacts`;
      for (const path of [
        base,
        `${base}?group=position`,
        `${base}?view=warranty`,
        `${base}.vcf`,
        `${base}/print`,
        `${base}/warranty.ics`,
      ]) {
        const response = await send(path, { user });
        expect(response.status, path).toBe(200);
        const body = await response.text();
        expect(body, path).toContain(`${home.last}0`);
        expect(body, path).toContain(`${home.last}1`);
        expect(body, path).not.toContain(other);
      }
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

  it('decode rows as drizzle does: mapWith applies and NULL stays null, alone and in a batch', async () => {
    const db = connect(env.DB);
    await seedContacts('built-decode', 1, () => ({ last_name: 'Dekodiert' }));
    const selection = {
      id: contacts.id,
      version: contacts.version,
      deletedAt: contacts.deletedAt,
      answer: sql<number>`'42'`.mapWith(Number),
      nothing: sql<number | null>`NULL`.mapWith(Number),
    };
    const query = (fields: typeof selection) =>
      db
        .select(fields)
        .from(contacts)
        .where(sql`${contacts.assetId} = ${sql.placeholder('asset')}`);
    const read = BuiltRead.of(selection, query);
    const byDrizzle = await db.select(selection).from(contacts).where(sql`${contacts.assetId} = ${'built-decode'}`);
    expect(byDrizzle).toHaveLength(1);
    expect(byDrizzle[0]).toMatchObject({ version: 1, deletedAt: null, answer: 42, nothing: null });
    expect(await runRead(db, read, { asset: 'built-decode' })).toEqual(byDrizzle);
    const [alone, inBatch] = await runReads(db, [read, { asset: 'built-decode' }], [read, { asset: 'built-decode' }]);
    expect(alone).toEqual(byDrizzle);
    expect(inBatch).toEqual(byDrizzle);
  });

  it('take a batch’s rows as D1 gives them where each column is named as its key, and decode them where one must be', async () => {
    const db = connect(env.DB);
    await seedContacts('built-named', 2, (i) => ({ last_name: `Benannt${i}` }));
    const asset = sql`${contacts.assetId} = ${sql.placeholder('asset')}`;
    // As the list names its columns: each keeps its column's decoder, which changes no value.
    const named = {
      id: sql<string>`${contacts.id}`.mapWith(contacts.id).as('id'),
      lastName: sql<string>`${contacts.lastName}`.mapWith(contacts.lastName).as('lastName'),
    };
    const read = BuiltRead.of(named, (fields) => db.select(fields).from(contacts).where(asset).orderBy(contacts.lastName));
    const [batch] = await runStatements(db, [[read, { asset: 'built-named' }]]);
    const rows = read.rowsOf(batch as D1Result);
    expect(rows.map((row) => row.lastName)).toEqual(['Benannt0', 'Benannt1']);
    // No copy: the very objects of D1's answer.
    expect(rows[0]).toBe(batch?.results[0]);
    // Named as its key but changed by its decoder (or named otherwise): each row is made anew, decoded.
    const decoded = { id: sql<string>`${contacts.id}`.as('id'), answer: sql<number>`'42'`.mapWith(Number).as('answer') };
    const decodedRead = BuiltRead.of(decoded, (fields) => db.select(fields).from(contacts).where(asset));
    const [other] = await runStatements(db, [[decodedRead, { asset: 'built-named' }]]);
    const [row] = decodedRead.rowsOf(other as D1Result);
    expect(row?.answer).toBe(42);
    expect(row).not.toBe(other?.results[0]);
    // A name other than its key is refused where the statement is built, not read under the wrong key.
    expect(() => BuiltRead.of({ id: sql<string>`${contacts.id}`.as('other') }, (fields) => db.select(fields).from(contacts))).toThrow(
      'id: named other',
    );
  });

  it('refuse a batch whose columns share a name (its row objects would drop one) instead of shifting values', async () => {
    const db = connect(env.DB);
    const selection = { first: sql<string>`'x'`, second: sql<string>`'x'` };
    const read = BuiltRead.of(selection, (fields) => db.select(fields).from(sql`(select 1)`));
    expect(await runRead(db, read, {})).toEqual([{ first: 'x', second: 'x' }]);
    await expect(runReads(db, [read, {}], [read, {}])).rejects.toThrow('read 1 of 2 columns');
  });

  it('refuse a batch with a column named like an array index (its object would list it first) instead of shifting values', async () => {
    const db = connect(env.DB);
    const selection = { text: sql<string>`'x'`, number: sql<number>`1` };
    const read = BuiltRead.of(selection, (fields) => db.select(fields).from(sql`(select 1)`));
    expect(await runRead(db, read, {})).toEqual([{ text: 'x', number: 1 }]);
    await expect(runReads(db, [read, {}], [read, {}])).rejects.toThrow('named like an array index');
  });

  it('report a missing value as the bug it is, not as storage to try again', async () => {
    const db = connect(env.DB);
    const selection = { id: contacts.id };
    const read = BuiltRead.of(selection, (fields) =>
      db
        .select(fields)
        .from(contacts)
        .where(sql`${contacts.assetId} = ${sql.placeholder('asset')}`),
    );
    const missing = runRead(db, read, {});
    await expect(missing).rejects.toThrow('No value for placeholder "asset"');
    await expect(missing).rejects.not.toBeInstanceOf(StorageUnavailableError);
  });

  it('build a statement once for each shape and keep it', () => {
    const reads = builtOnce<{ id: string }>();
    const db = connect(env.DB);
    let builds = 0;
    const build = () => {
      builds += 1;
      return BuiltRead.of({ id: contacts.id }, (fields) => db.select(fields).from(contacts));
    };
    const first = reads('name none 0', build);
    expect(reads('name none 0', build)).toBe(first);
    expect(reads('name after 2', build)).not.toBe(first);
    expect(builds).toBe(2);
  });
});

describe('writes built once (an edit, a restore, a create)', () => {
  it('write each apartment’s contact with its own values, whichever apartment built the statement first', async () => {
    const db = connect(env.DB);
    const author = { userId: 'u-built', name: 'Built Writer' };
    const [a] = await seedContacts('built-wa', 1, () => ({ last_name: 'Anton', notes: 'a1' }));
    const [b] = await seedContacts('built-wb', 1, () => ({ last_name: 'Berta', notes: 'b1' }));
    if (!a || !b) throw new Error('not seeded');
    // An edit of A, then of B with the same version number: each lands on its own row only.
    const first = await writeOrReadState(db, 'built-wa', a, 1, { ...EMPTY_FIELDS, last_name: 'Anton', notes: 'a2' }, author, 1_000);
    const second = await writeOrReadState(db, 'built-wb', b, 1, { ...EMPTY_FIELDS, last_name: 'Berta', notes: 'b2' }, author, 2_000);
    expect(first.result.kind === 'written' && first.result.contact).toMatchObject({
      id: a,
      assetId: 'built-wa',
      notes: 'a2',
      version: 2,
      updatedAt: 1_000,
    });
    expect(second.result.kind === 'written' && second.result.contact).toMatchObject({
      id: b,
      assetId: 'built-wb',
      notes: 'b2',
      version: 2,
      updatedAt: 2_000,
    });
    // The same contact id asked in the wrong apartment: nothing written, nothing read.
    const stray = await writeOrReadState(db, 'built-wb', a, 2, { ...EMPTY_FIELDS, last_name: 'Anton', notes: 'stray' }, author);
    expect(stray.result.kind).toBe('stale');
    expect(stray.state.contact).toBeUndefined();
    expect((await findAnyContact(db, 'built-wa', a))?.notes).toBe('a2');
    // A stale edit reads the state since its version, each apartment its own.
    const stale = await writeOrReadState(db, 'built-wa', a, 1, { ...EMPTY_FIELDS, last_name: 'Anton', notes: 'late' }, author);
    expect(stale.result.kind).toBe('stale');
    expect(stale.state.contact?.notes).toBe('a2');
    expect(stale.state.versions.map((version) => [version.version, version.values.notes])).toEqual([
      [1, 'a1'],
      [2, 'a2'],
    ]);
    // Restoring version 1 in B (the restore's own statement and its revert mark), then in A.
    for (const [asset, id, value] of [
      ['built-wb', b, 'b1'],
      ['built-wa', a, 'a1'],
    ] as const) {
      const restored = await writeContact(
        db,
        asset,
        id,
        2,
        { ...EMPTY_FIELDS, last_name: asset === 'built-wa' ? 'Anton' : 'Berta', notes: value },
        author,
        {
          restore: true,
          now: 3_000,
        },
      );
      expect(restored.kind === 'written' && restored.contact).toMatchObject({ id, assetId: asset, notes: value, version: 3 });
      const { versions } = await contactHistory(db, asset, id);
      expect(versions.map((version) => [version.version, version.action, version.values.notes])).toEqual([
        [3, 'revert', value],
        [2, 'update', value === 'a1' ? 'a2' : 'b2'],
        [1, 'create', value],
      ]);
    }
  });

  it('create in each apartment with its own values and tokens, the cap checked per apartment', async () => {
    const db = connect(env.DB);
    const author = { userId: 'u-built', name: 'Built Writer' };
    const made = [];
    for (const asset of ['built-ca', 'built-cb', 'built-ca']) {
      made.push(
        await createContact(db, asset, { ...EMPTY_FIELDS, company: `Firma ${asset}` }, `token-${asset}-${made.length}`, author, 5_000),
      );
    }
    expect(made.map((result) => result.kind)).toEqual(['created', 'created', 'created']);
    for (const result of made) {
      if (result.kind !== 'created') continue;
      expect(await findContact(db, result.contact.assetId, result.contact.id)).toMatchObject({
        company: `Firma ${result.contact.assetId}`,
        createdAt: 5_000,
      });
    }
    // The first token again, in its apartment: the contact it made, not a second one.
    const again = await createContact(db, 'built-ca', { ...EMPTY_FIELDS, company: 'Firma built-ca' }, 'token-built-ca-0', author);
    expect(again.kind).toBe('duplicate');
    expect((await listContacts(db, 'built-ca')).total).toBe(2);
    expect((await listContacts(db, 'built-cb')).total).toBe(1);
  });
});
