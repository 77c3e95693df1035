// Synthetic, deterministic contacts for the benchmark and the SQL that puts them straight into
// the local D1 SQLite file (the same rows the app writes: sort_key and search_key come from the
// app's own src/contacts/keys.ts, loaded through Node's type stripping).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { derivedColumns } from '../../../src/contacts/derived.ts';
import { FIELDS as CONTACT_FIELDS } from '../../../src/contacts/fields.ts';

/** mulberry32: small, fast, deterministic. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LAST = [
  'Müller',
  'Schmidt',
  'Schneider',
  'Fischer',
  'Weber',
  'Meyer',
  'Wagner',
  'Becker',
  'Schulz',
  'Hoffmann',
  'Schäfer',
  'Koch',
  'Bauer',
  'Richter',
  'Klein',
  'Wolf',
  'Schröder',
  'Neumann',
  'Schwarz',
  'Zimmermann',
  'Braun',
  'Krüger',
  'Hofmann',
  'Hartmann',
  'Lange',
  'Schmitt',
  'Werner',
  'Krause',
  'Meier',
  'Lehmann',
  'Köhler',
  'Herrmann',
  'König',
  'Walter',
  'Huber',
  'Kaiser',
  'Fuchs',
  'Peters',
  'Scholz',
  'Möller',
  'Weiß',
  'Jung',
  'Hahn',
  'Vogel',
  'Keller',
  'Günther',
  'Berger',
  'Winkler',
  'Roth',
  'Beck',
  'Lorenz',
  'Baumann',
  'Albrecht',
  'Böhm',
  'Winter',
  'Krämer',
  'Jäger',
  'Sommer',
  'Groß',
  'Seidel',
  'Brandt',
  'Haas',
  'Graf',
  'Dietrich',
  'Ziegler',
  'Kühn',
  'Engel',
  'Horn',
  'Bergmann',
  'Voigt',
  'Pfeiffer',
  'Özdemir',
  'Yılmaz',
  'Nowak',
  'Kowalski',
  'Ähler',
  'Üzüm',
  "O'Neill",
];
const FIRST = [
  'Anna',
  'Jonas',
  'Lena',
  'Lukas',
  'Sophie',
  'Maximilian',
  'Marie',
  'Felix',
  'Emma',
  'Paul',
  'Mia',
  'Leon',
  'Hannah',
  'Finn',
  'Lea',
  'Elias',
  'Jürgen',
  'Jörg',
  'Björn',
  'Sören',
  'Zoë',
  'Stefan',
  'Julia',
  'Markus',
  'Sabine',
  'Thomas',
  'Petra',
  'Michael',
  'Claudia',
  'Andreas',
  'Selin',
  'Mehmet',
  'Agnieszka',
  'René',
  'Chloé',
];
const TRADES = [
  'Küchen',
  'Elektro',
  'Sanitär',
  'Malerbetrieb',
  'Fliesen',
  'Gartenbau',
  'Schreinerei',
  'Dachdeckerei',
  'Pool & Wellness',
  'Bauunternehmung',
  'Heizung',
  'Parkett',
  'Fenster & Türen',
];
const FORMS = ['GmbH', 'GmbH & Co. KG', 'KG', 'e.K.', '& Söhne', 'AG', ''];
const POSITIONS = [
  'Küchenbauer',
  'Gartenbauer',
  'Poolbauer',
  'Innenarchitekt',
  'Innenarchitektin',
  'Fliesenleger',
  'Bauleiter',
  'Elektriker',
  'Installateur',
  'Maler',
  'Schreiner',
  'Dachdecker',
  'Architektin',
  'Hausverwaltung',
  'Notar',
  'Energieberater',
  '',
];
const STREETS = [
  'Hauptstraße',
  'Bahnhofstraße',
  'Gartenweg',
  'Am Anger',
  'Gewerbering',
  'Industriestraße',
  'Lindenallee',
  'Schulstraße',
  'Mühlweg',
  'Römerstraße',
  'Am Sonnenhügel',
];
const CITIES = [
  ['80331', 'München'],
  ['86150', 'Augsburg'],
  ['85521', 'Ottobrunn'],
  ['85716', 'Unterschleißheim'],
  ['85748', 'Garching'],
  ['85354', 'Freising'],
  ['85221', 'Dachau'],
  ['85435', 'Erding'],
  ['82319', 'Starnberg'],
  ['90402', 'Nürnberg'],
  ['97070', 'Würzburg'],
];
const NOTES = [
  'Aufmaß am 12. März.\nAnsprechpartner für die Arbeitsplatte.',
  'Gewährleistung bis Ende April; Mangel Nr. 7 (Fuge im Bad).',
  'Bitte vormittags anrufen.',
  'Angebot vom 3.2. liegt vor, Rückfrage zur Lieferzeit offen.',
  'Schlüsselübergabe über die Hausverwaltung.',
];

const ascii = (value) =>
  value
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** A contact as the form would submit it (the contract's field names). */
export function makeContact(random) {
  const pick = (list) => list[Math.floor(random() * list.length)];
  const chance = (p) => random() < p;
  const digits = (n) => Array.from({ length: n }, () => Math.floor(random() * 10)).join('');
  const person = chance(0.88);
  const firstName = person ? pick(FIRST) : '';
  const lastName = person ? pick(LAST) : '';
  const hasCompany = !person || chance(0.7);
  const company = hasCompany ? `${pick(TRADES)} ${pick(LAST)} ${pick(FORMS)}`.trim() : '';
  const [postalCode, city] = pick(CITIES);
  const hasAddress = chance(0.6);
  const domain = ascii(company || `${firstName}-${lastName}`) || 'example';
  return {
    position: pick(POSITIONS),
    company,
    title: person && chance(0.08) ? pick(['Dr.', 'Prof.', 'Dipl.-Ing.']) : '',
    first_name: firstName,
    last_name: lastName,
    street: hasAddress ? `${pick(STREETS)} ${1 + Math.floor(random() * 120)}` : '',
    postal_code: hasAddress ? postalCode : '',
    city: hasAddress ? city : '',
    country: hasAddress ? 'Deutschland' : '',
    phone: chance(0.8) ? (chance(0.5) ? `+49 89 ${digits(7)}` : `089 / ${digits(3)} ${digits(2)} ${digits(2)}`) : '',
    mobile: chance(0.5) ? `+49 1${digits(2)} ${digits(7)}` : '',
    email: chance(0.7) ? `${person ? ascii(`${firstName}.${lastName}`) : 'info'}@${domain}.de` : '',
    website: chance(0.4) ? `https://www.${domain}.de` : '',
    notes: chance(0.3) ? pick(NOTES) : '',
    // A third of the trades have a warranty end (the calendar and the warranty view have work).
    warranty_until: chance(0.3) ? `20${27 + Math.floor(random() * 5)}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}` : '',
  };
}

export function makeId(random) {
  return Array.from({ length: 20 }, () => ID_ALPHABET[Math.floor(random() * 64)]).join('');
}

/** The contact's fields, in form order: the app's own table (src/contacts/fields.ts). */
export const FIELDS = CONTACT_FIELDS.map((spec) => spec.name);

/** The row's derived columns, computed by the app's own code (src/contacts/derived.ts). */
export const keysOf = (contact) => {
  const derived = derivedColumns(Object.fromEntries(FIELDS.map((field) => [field, contact[field] ?? ''])));
  return {
    sort_key: derived.sortKey,
    search_key: derived.searchKey,
    group_key: derived.groupKey,
    bytes: derived.bytes,
    key_format: derived.keyFormat,
  };
};

/** The D1 SQLite file that `wrangler d1 migrations apply --local --persist-to <dir>` created. */
export function d1File(persistDir) {
  const dir = join(persistDir, 'v3', 'd1', 'miniflare-D1DatabaseObject');
  const files = readdirSync(dir).filter((name) => name.endsWith('.sqlite') && name !== 'metadata.sqlite');
  if (files.length !== 1) throw new Error(`expected one D1 database in ${dir}, found ${files.length}`);
  return join(dir, files[0]);
}

/**
 * Inserts `plan` ([{ assetId, count, seed }]) into the SQLite file; returns { [assetId]: [{ id, ...fields }] }.
 * node:sqlite is imported lazily so that its ExperimentalWarning can be filtered by the caller.
 */
export async function seed(file, plan) {
  const { DatabaseSync } = await import('node:sqlite');
  const db = new DatabaseSync(file);
  const columns = [
    'id',
    'asset_id',
    ...FIELDS,
    'sort_key',
    'search_key',
    'group_key',
    'bytes',
    'key_format',
    'version',
    'create_token',
    'created_at',
    'created_by',
    'created_by_name',
    'updated_at',
    'updated_by',
    'updated_by_name',
  ];
  const insert = db.prepare(`INSERT INTO contacts (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
  const now = Date.parse('2026-11-01T09:00:00Z');
  const out = {};
  db.exec('BEGIN');
  for (const { assetId, count, seed: s } of plan) {
    const random = prng(s);
    const rows = [];
    for (let i = 0; i < count; i++) {
      const contact = makeContact(random);
      const id = makeId(random);
      const { sort_key, search_key, group_key, bytes, key_format } = keysOf(contact);
      insert.run(
        id,
        assetId,
        ...FIELDS.map((f) => contact[f] ?? ''),
        sort_key,
        search_key,
        group_key,
        bytes,
        key_format,
        1,
        null,
        now,
        'bench-seed',
        'Bench Seed',
        now,
        'bench-seed',
        'Bench Seed',
      );
      rows.push({ id, ...contact });
    }
    out[assetId] = rows;
  }
  db.exec('COMMIT');
  db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  db.close();
  return out;
}

/** The query plans SQLite picks for the app's hot queries (for the notes on indexes). */
export async function queryPlans(file, assetId, contactId) {
  const { DatabaseSync } = await import('node:sqlite');
  const db = new DatabaseSync(file, { readOnly: true });
  const plan = (sql, ...params) =>
    db
      .prepare(`EXPLAIN QUERY PLAN ${sql}`)
      .all(...params)
      .map((row) => row.detail)
      .join('; ');
  const live = 'asset_id = ? AND deleted_at IS NULL';
  const result = {
    list: plan(`SELECT * FROM contacts WHERE ${live} ORDER BY sort_key, id LIMIT 100 OFFSET 0`, assetId),
    count: plan(`SELECT count(*) FROM contacts WHERE ${live}`, assetId),
    search: plan(`SELECT * FROM contacts WHERE ${live} AND instr(search_key, ?) > 0 ORDER BY sort_key, id LIMIT 100`, assetId, 'mul'),
    exportAll: plan(`SELECT * FROM contacts WHERE ${live} ORDER BY sort_key, id`, assetId),
    one: plan(`SELECT * FROM contacts WHERE ${live} AND id = ? LIMIT 1`, assetId, contactId),
    update: plan(`UPDATE contacts SET notes = 'x' WHERE ${live} AND id = ? AND version = ?`, assetId, contactId, 1),
    createCap: plan(`SELECT count(*) FROM contacts WHERE asset_id = ? AND deleted_at IS NULL`, assetId),
  };
  db.close();
  return result;
}
