// Rebuilds the derived keys (sort, search, group) and row sizes of every contact whose keys were
// built by an older format of src/contacts/keys.ts. The keys are computed by the Worker's own
// code (loaded here with Node's type stripping), so a SQL migration cannot rebuild them.
// Idempotent and resumable: each batch updates only rows still below KEY_FORMAT, in batches of
// 200, until none is left. Run by `npm start` (local D1) and `npm run deploy` (remote).
//   node scripts/rebuild-keys.mjs <database> --local|--remote [--env NAME] [--persist-to DIR]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { derivedColumns } from '../src/contacts/derived.ts';
import { FIELDS } from '../src/contacts/fields.ts';
import { KEY_FORMAT } from '../src/contacts/keys.ts';
import { wranglerEnv } from './wrangler-env.mjs';

const BATCH = 200;
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const wrangler = join(root, 'node_modules', '.bin', 'wrangler');
const [database, ...flags] = process.argv.slice(2);
if (!database || !flags.some((flag) => flag === '--local' || flag === '--remote')) {
  console.error('usage: node scripts/rebuild-keys.mjs <database> --local|--remote [--env NAME] [--persist-to DIR]');
  process.exit(2);
}

const quote = (value) => (typeof value === 'number' ? String(value) : `'${String(value).replace(/'/g, "''")}'`);

function d1(args) {
  const result = spawnSync(wrangler, ['d1', 'execute', database, ...flags, ...args], {
    cwd: root,
    env: wranglerEnv(root),
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.status !== 0) {
    console.error(result.stderr || result.stdout);
    process.exit(result.status ?? 1);
  }
  return result.stdout;
}

const dir = mkdtempSync(join(tmpdir(), 'kontakte-keys-'));
let total = 0;
try {
  for (;;) {
    const columns = FIELDS.map((spec) => spec.name).join(', ');
    // Not the rows of an asset frozen for a move (migrations/0008): that database refuses their
    // writes, and their copy is brought up to date in the new database (here at its next deploy,
    // and by the app when its list is shown).
    const output = d1([
      '--json',
      '--command',
      `SELECT id, version, ${columns} FROM contacts WHERE key_format < ${KEY_FORMAT} AND asset_id NOT IN (SELECT asset_id FROM frozen_assets) LIMIT ${BATCH}`,
    ]);
    const rows = JSON.parse(output).flatMap((result) => result.results ?? []);
    if (rows.length === 0) break;
    const statements = rows.map((row) => {
      const values = Object.fromEntries(FIELDS.map((spec) => [spec.name, String(row[spec.name] ?? '')]));
      const derived = derivedColumns(values);
      return `UPDATE contacts SET sort_key = ${quote(derived.sortKey)}, search_key = ${quote(derived.searchKey)}, group_key = ${quote(derived.groupKey)}, bytes = ${derived.bytes}, key_format = ${derived.keyFormat} WHERE id = ${quote(row.id)} AND version = ${Number(row.version)} AND key_format < ${KEY_FORMAT};`;
    });
    const file = join(dir, 'batch.sql');
    writeFileSync(file, `${statements.join('\n')}\n`);
    d1(['--file', file]);
    total += rows.length;
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(`rebuild-keys: ${total} contact(s) brought to key format ${KEY_FORMAT}`);
