// `npm run bench:search`: the search of issue 12 over 200 typical contacts and over 1,000
// contacts at the maximum field sizes (the worst case: a full scan of the keys), with the
// query plan SQLite picks. Prints figures; asserts nothing (speed is not a test).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'kontakte-search-'));
try {
  const out = join(dir, 'search.mjs');
  const build = spawnSync(
    join(root, 'node_modules', '.bin', 'esbuild'),
    ['scripts/bench/search-entry.ts', '--bundle', '--platform=node', '--format=esm', `--outfile=${out}`, '--log-level=error'],
    { cwd: root, stdio: 'inherit' },
  );
  if (build.status !== 0) process.exit(build.status ?? 1);
  const run = spawnSync(process.execPath, ['--no-warnings', out], { cwd: root, encoding: 'utf8' });
  if (run.status !== 0) {
    console.error(run.stderr);
    process.exit(run.status ?? 1);
  }
  const { keyBytes, results, plan } = JSON.parse(run.stdout);
  console.log(
    `search keys of 1,000 contacts at the maximum sizes: ${(keyBytes.keys / 1e6).toFixed(2)} MB search keys, ${(keyBytes.sorts / 1e3).toFixed(0)} KB sort keys`,
  );
  console.log('asset    query                  median ms   p95 ms   shown  total');
  for (const r of results) {
    console.log(
      `${r.asset.padEnd(8)} ${(r.query.length > 22 ? `"${r.query.slice(0, 14)}…" (${r.query.split(' ').length} words)` : JSON.stringify(r.query)).padEnd(22)} ${r.medianMs.toFixed(2).padStart(9)} ${r.p95Ms.toFixed(2).padStart(8)} ${String(r.rows).padStart(7)} ${String(r.total).padStart(6)}`,
    );
  }
  console.log(`query plan: ${plan.join('; ')}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
