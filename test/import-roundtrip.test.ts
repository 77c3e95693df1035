import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { FIELDS } from '../src/contacts/fields';
import type { ContactInput } from '../src/contacts/schema';
import { seedContacts, send } from './helpers';
import { confirm, household, previewOf, upload } from './import-helpers';

// Export all as .vcf, import the same file into an empty book of another apartment: everything
// typed is back (contract §7: only the "(0)" in TEL and CATEGORIES may differ; the warranty dates
// are no part of a vCard).

const COLUMNS = FIELDS.map((spec) => `${spec.column.replace(/[A-Z]/g, (ch) => `_${ch.toLowerCase()}`)} AS ${spec.name}`).join(', ');
const valuesOf = async (assetId: string) =>
  (await env.DB.prepare(`SELECT ${COLUMNS} FROM contacts WHERE asset_id = ?`).bind(assetId).all<ContactInput>()).results;

const sortKey = (v: ContactInput) => JSON.stringify([v.last_name, v.first_name, v.company, v.notes]);

async function roundTrip(from: string, to: string, contacts: Partial<ContactInput>[]) {
  await seedContacts(from, contacts.length, (index) => contacts[index] ?? {});
  const exported = await send(`/assets/${from}/contacts.vcf`, { user: household(from) });
  expect(exported.status).toBe(200);
  const file = await exported.text();
  const user = household(to);
  const preview = previewOf(await (await upload(user, file)).text());
  const { all } = preview;
  expect(all).toHaveLength(contacts.length);
  expect((await confirm(user, preview, all)).status).toBe(303);
  const before = (await valuesOf(from)).sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
  const after = (await valuesOf(to)).sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
  return { before, after, file };
}

describe('export → import into another apartment', () => {
  it('gives every typed value back (warranty dates aside, which the contract leaves out)', async () => {
    const contacts: Partial<ContactInput>[] = [
      {
        position: 'Küchenbauer',
        company: 'Küchen Berger GmbH & Co. KG',
        title: 'Dr.',
        first_name: 'Klaus',
        last_name: 'Berger',
        street: 'Hof 3, Hinterhaus',
        postal_code: '80331',
        city: 'München',
        country: 'Deutschland',
        phone: '089 123456',
        mobile: '0171 2345678',
        email: 'Klaus.Berger@Example.DE',
        website: 'https://berger.example/kontakt?x=1,2;3',
        notes: 'Zeile 1\nZeile 2; mit Semikolon, Komma \\ Backslash \\n kein Umbruch\n\n  eingerückt',
      },
      { company: 'Fliesen Yılmaz', title: 'Prof.' },
      { first_name: 'Ayşe' },
      { first_name: 'Hans', last_name: 'Müller, jun.' },
      { title: 'Dr., Prof.', last_name: 'Schmidt' },
      { last_name: 'Wiener', city: 'Wien', country: 'Österreich', postal_code: 'A-1010' },
      { position: 'Bauleiter', company: 'A; B' },
      { first_name: 'שרה', last_name: 'כהן', notes: '😀 emoji' },
      { first_name: 'Anna Maria', last_name: 'von Berg', company: 'von Berg' },
      { last_name: 'Berger', company: 'Berger' },
      { first_name: 'Νίκος', last_name: 'ΠΑΠΑΔΟΠΟΥΛΟΣ' },
      { company: 'Name; mit, allem \\ drin' },
      { last_name: 'Voll', notes: 'n'.repeat(2000) },
      // One number as phone and mobile, typed two ways: both come back (the phone was left empty: buyer review, stop 60).
      { company: 'Huber Bau', phone: '+49 171 9876543', mobile: '0171 9876543' },
    ];
    const { before, after } = await roundTrip('rt-a', 'rt-b', contacts);
    expect(after).toEqual(before);
  });
});
