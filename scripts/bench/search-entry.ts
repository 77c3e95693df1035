// Bundled by scripts/bench/search.mjs (esbuild) and run under Node: the repository's real search
// (listContacts: the SQL drizzle builds from src/contacts/keys.ts) against SQLite, the engine D1
// runs, through drizzle's sqlite-proxy driver on node:sqlite. What it measures is the query's
// cost over an asset at the cap; the Worker's own share of a search request is in the bench.
import { readdirSync, readFileSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { drizzle } from 'drizzle-orm/sqlite-proxy';
import { derivedColumns } from '../../src/contacts/derived';
import { EMPTY_FIELDS, FIELDS, type FieldValues } from '../../src/contacts/fields';
import { listContacts } from '../../src/contacts/repository';
import type { Database } from '../../src/db/client';

const sqlite = new DatabaseSync(':memory:');
for (const file of readdirSync('migrations')
  .filter((name) => name.endsWith('.sql'))
  .sort()) {
  for (const statement of readFileSync(`migrations/${file}`, 'utf8').split('--> statement-breakpoint'))
    if (statement.trim()) sqlite.exec(statement);
}
const captured: string[] = [];
const run = (query: string, params: unknown[], method: string) => {
  captured.push(query);
  const statement = sqlite.prepare(query);
  statement.setReturnArrays(true);
  if (method === 'run') {
    statement.run(...(params as never[]));
    return { rows: [] };
  }
  const rows = statement.all(...(params as never[]));
  return { rows: method === 'get' ? rows[0] : rows };
};
const proxy = drizzle(
  async (query, params, method) => run(query, params, method),
  async (batch) => batch.map((item) => run(item.sql, item.params, item.method)),
);
// The list's reads go to D1's own client (src/db/prepared.ts: `prepare().bind().raw()` and
// `batch()`, as `db.$client`), not through drizzle: the same calls on node:sqlite.
const statementOf = (query: string, params: unknown[] = []) => ({
  bind: (...values: unknown[]) => statementOf(query, values),
  raw: async () => {
    captured.push(query);
    const statement = sqlite.prepare(query);
    statement.setReturnArrays(true);
    return statement.all(...(params as never[]));
  },
  all: async () => {
    captured.push(query);
    return { results: sqlite.prepare(query).all(...(params as never[])), success: true, meta: {} };
  },
});
const client = {
  prepare: (query: string) => statementOf(query),
  batch: async (statements: ReturnType<typeof statementOf>[]) => Promise.all(statements.map((statement) => statement.all())),
};
const db = Object.assign(proxy, { $client: client }) as unknown as Database;

// ---- data: 1,000 contacts at the maximum field sizes, and 200 typical ones -------------------
const words = [
  'Küchen',
  'Schmidt',
  'Fliesen',
  'Müller',
  'Bauer',
  'Wasser',
  'Gewährleistung',
  'Keller',
  'Straße',
  'München',
  'Yılmaz',
  'Özdemir',
];
const fill = (max: number, seed: number) => {
  let text = '';
  for (let i = 0; text.length < max; i += 1) text += `${words[(seed + i * 7) % words.length]}${(seed * 31 + i) % 1000} `;
  return [...text].slice(0, max).join('').trim();
};
const insert = sqlite.prepare(
  `INSERT INTO contacts (id, asset_id, ${FIELDS.map((spec) => spec.name).join(', ')}, sort_key, search_key, group_key, key_format, bytes, version, created_at, created_by, created_by_name, updated_at, updated_by, updated_by_name)
   VALUES (${['?', '?', ...FIELDS.map(() => '?'), '?', '?', '?', '?', '?'].join(', ')}, 1, 1, 'b', 'B', 1, 'b', 'B')`,
);
function seed(assetId: string, count: number, make: (index: number) => FieldValues) {
  sqlite.exec('BEGIN');
  for (let index = 0; index < count; index += 1) {
    const values = make(index);
    const derived = derivedColumns(values);
    insert.run(
      `${assetId}-${index}`,
      assetId,
      ...FIELDS.map((spec) => values[spec.name]),
      derived.sortKey,
      derived.searchKey,
      derived.groupKey,
      derived.keyFormat,
      derived.bytes,
    );
  }
  sqlite.exec('COMMIT');
}
seed('cap', 1000, (index) => {
  const values: FieldValues = { ...EMPTY_FIELDS };
  for (const spec of FIELDS) {
    if (spec.kind === 'text' || spec.kind === 'notes') values[spec.name] = fill(spec.max, index + spec.max);
  }
  return {
    ...values,
    phone: `089 ${3100000 + index}`,
    mobile: `+49 171 ${5550000 + index}`,
    email: `kontakt${index}@firma-${index}.de`,
    website: `https://firma-${index}.de`,
    accepted_on: '',
    warranty_until: '',
  };
});
seed('typical', 200, (index) => ({
  ...EMPTY_FIELDS,
  first_name: ['Stefan', 'Anna', 'Lena', 'Jürgen'][index % 4] ?? '',
  last_name: `${words[index % words.length]} ${index}`,
  company: index % 3 ? `${words[(index + 3) % words.length]} GmbH` : '',
  position: ['Küchenbauer', 'Fliesenleger', 'Maler', 'Gartenbauer'][index % 4] ?? '',
  city: 'München',
  postal_code: '80331',
  street: `Hauptstraße ${index}`,
  phone: `089 ${3100000 + index}`,
  notes: index % 5 ? '' : 'Gewährleistung bis 2031, Wasserschaden im Keller',
}));
const keyBytes = sqlite
  .prepare(
    "SELECT sum(length(CAST(search_key AS BLOB))) AS keys, sum(length(CAST(sort_key AS BLOB))) AS sorts FROM contacts WHERE asset_id = 'cap'",
  )
  .get();

// ---- measure -----------------------------------------------------------------------------------
// The last two are a hostile buyer's: words every contact holds, so every term is tested on every
// row (12 words; 48, of which the needle cap keeps what fits: security review, stop 61).
const everywhere = words.map((word) => word.toLowerCase());
const queries = [
  'Stefan Schmidt',
  'küchen münchen',
  'wasser keller',
  '089 3100500',
  '+49 171 5550999',
  '3100',
  'zzz-nichts',
  'müller 42',
  everywhere.join(' '),
  everywhere.flatMap((word) => [1, 2, 3, 4].map((digit) => `${word}${digit}`)).join(' '),
];
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const results: { asset: string; query: string; medianMs: number; p95Ms: number; rows: number; total: number }[] = [];
for (const asset of ['typical', 'cap']) {
  for (const query of queries) {
    const times: number[] = [];
    let page = await listContacts(db, asset, { query });
    for (let run = 0; run < 15; run += 1) {
      const started = performance.now();
      page = await listContacts(db, asset, { query });
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    results.push({
      asset,
      query,
      medianMs: median(times),
      p95Ms: times[Math.floor(times.length * 0.95)] ?? 0,
      rows: page.contacts.length,
      total: page.total,
    });
  }
}
captured.length = 0;
await listContacts(db, 'cap', { query: 'küchen münchen' });
const searchSql = captured.find((query) => query.includes('instr(')) ?? '';
const plan = sqlite
  .prepare(`EXPLAIN QUERY PLAN ${searchSql}`)
  // Numbered parameters (?1, ?2: each distinct value bound once) or plain ones.
  .all(
    ...(new Array(
      Math.max(0, ...[...searchSql.matchAll(/\?(\d+)/g)].map((match) => Number(match[1]))) || (searchSql.match(/\?/g) ?? []).length,
    ).fill('x') as never[]),
  )
  .map((row) => (row as { detail: string }).detail);
console.log(JSON.stringify({ keyBytes, results, plan }));
