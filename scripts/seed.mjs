// Writes the demo contacts for local development as SQL (fixed ids and ON CONFLICT, so running
// it again never duplicates them). The derived keys come from the app's own module, loaded
// through Node's type stripping; scripts/rebuild-keys.mjs brings older rows up to date.
import { writeFileSync } from 'node:fs';
import { derivedColumns } from '../src/contacts/derived.ts';
import { FIELDS } from '../src/contacts/fields.ts';

const ASSET = 'lindenhof-whg-12';
const demo = [
  {
    id: 'demo-kueche',
    position: 'Küchenbauer',
    company: 'Küchen Schmidt GmbH',
    title: '',
    firstName: 'Stefan',
    lastName: 'Schmidt',
    street: 'Hauptstraße 5',
    postalCode: '80331',
    city: 'München',
    country: 'Deutschland',
    phone: '+49 89 1234567',
    mobile: '+49 171 2345678',
    email: 'info@kuechen-schmidt.de',
    website: 'https://www.kuechen-schmidt.de',
    notes: 'Aufmaß am 12. März.\nAnsprechpartner für die Arbeitsplatte.',
    acceptedOn: '2024-02-29',
    warrantyUntil: '2029-02-28',
  },
  {
    id: 'demo-garten',
    position: 'Gartenbauer',
    company: 'Grünwerk Gartenbau',
    title: '',
    firstName: 'Lena',
    lastName: 'Özdemir',
    street: 'Am Anger 2',
    postalCode: '85521',
    city: 'Ottobrunn',
    country: 'Deutschland',
    phone: '089 / 987 65 43',
    mobile: '',
    email: 'lena@gruenwerk.de',
    website: '',
    notes: '',
  },
  {
    id: 'demo-innen',
    position: 'Innenarchitektin',
    company: '',
    title: 'Dr.',
    firstName: 'Julia',
    lastName: 'Ähler',
    street: '',
    postalCode: '',
    city: '',
    country: '',
    phone: '',
    mobile: '0172 555 0101',
    email: 'julia.aehler@example.de',
    website: 'https://aehler-interiors.example.de',
    notes: '',
  },
  {
    id: 'demo-fliesen',
    position: 'Fliesenleger',
    company: 'Fliesen Bauer & Söhne',
    title: '',
    firstName: '',
    lastName: '',
    street: 'Gewerbering 14',
    postalCode: '85716',
    city: 'Unterschleißheim',
    country: 'Deutschland',
    phone: '089 3100 200',
    mobile: '',
    email: '',
    website: '',
    notes: 'Fuge im Bad (Mangel Nr. 7) bis Ende April.',
    acceptedOn: '2022-05-10',
    warrantyUntil: '2027-05-10',
  },
  {
    id: 'demo-bauleiter',
    position: 'Bauleiter',
    company: 'PROPSTER Bau GmbH',
    title: '',
    firstName: 'Markus',
    lastName: 'Weiß',
    street: '',
    postalCode: '',
    city: '',
    country: '',
    phone: '',
    mobile: '+49 160 1112233',
    email: 'm.weiss@example.de',
    website: '',
    notes: '',
  },
];

const quote = (value) => (value === null ? 'NULL' : typeof value === 'number' ? String(value) : `'${String(value).replace(/'/g, "''")}'`);
const now = Date.parse('2026-11-01T09:00:00Z');
const statements = demo.map((contact) => {
  // Every field of FIELDS (form names are the column names), '' where the demo leaves one out.
  const values = Object.fromEntries(FIELDS.map((spec) => [spec.name, contact[spec.column] ?? '']));
  const row = {
    id: contact.id,
    asset_id: ASSET,
    ...values,
    version: 1,
    create_token: null,
    created_at: now,
    created_by: 'demo-anna',
    created_by_name: 'Anna Müller',
    updated_at: now,
    updated_by: 'demo-anna',
    updated_by_name: 'Anna Müller',
  };
  const derived = derivedColumns(values);
  Object.assign(row, {
    sort_key: derived.sortKey,
    search_key: derived.searchKey,
    group_key: derived.groupKey,
    bytes: derived.bytes,
    key_format: derived.keyFormat,
  });
  // Existing demo rows stay as they are (a developer may have edited them).
  return `INSERT INTO contacts (${Object.keys(row).join(', ')}) VALUES (${Object.values(row).map(quote).join(', ')}) ON CONFLICT(id) DO NOTHING;`;
});

const target = process.argv[2] ?? '.wrangler/seed.sql';
writeFileSync(target, `${statements.join('\n')}\n`);
console.log(`seed: ${demo.length} demo contacts for ${ASSET} -> ${target}`);
