// `npm run bench:import`: the .vcf import's parser (src/contacts/vcard-import.ts) on typical and on
// hostile files within the upload limit, the CPU a single upload can cost before anything is
// stored. Prints figures (median of 3 runs in Node, each file in a process of its own whose old
// generation is capped at 128 MB, a Worker isolate's memory: a file that needs more fails there,
// "out of memory"; the cap leaves out the upload's bytes and the young generation, so passing it
// is a sign, not a proof, that a file fits a Worker); asserts nothing (speed is not a test).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'kontakte-import-'));
const run = `
const { parseVcf } = await import('./vcard-import.mjs');
const card = (body) => 'BEGIN:VCARD\\r\\nVERSION:3.0\\r\\nN:Viele;Werte;;;\\r\\n' + body + 'END:VCARD\\r\\n';
const typical = (i) => 'BEGIN:VCARD\\r\\nVERSION:3.0\\r\\nN:Müller' + i + ';Anna;;;\\r\\nFN:Anna Müller' + i + '\\r\\nORG:Fliesen ' + i + ' GmbH\\r\\nTEL;TYPE=WORK:089 ' + i + '\\r\\nTEL;TYPE=CELL:0171 ' + i + '\\r\\nEMAIL:a' + i + '@fliesen.de\\r\\nADR;TYPE=WORK:;;Hauptstr. ' + i + ';München;;80331;Deutschland\\r\\nNOTE:Aufmaß am 12. März\\r\\nEND:VCARD\\r\\n';
const files = [
  ['1,000 typical cards', Array.from({ length: 1000 }, (_, i) => typical(i)).join('')],
  ['one label of 10,000 letters for 10,000 numbers', card('a.X-ABLabel:' + 'L'.repeat(10000) + '\\r\\n' + 'a.TEL:089 1\\r\\n'.repeat(10000))],
  ['one label of 60,000 letters for 10,000 numbers', card('a.X-ABLabel:' + 'L'.repeat(60000) + '\\r\\n' + 'a.TEL:089 1\\r\\n'.repeat(10000))],
  ['1 MB of valid phone numbers in one card', card('TEL:089 123\\r\\n'.repeat(80000))],
  ['1 MB of invalid phone numbers in one card', card('TEL:ab\\r\\n'.repeat(120000))],
  ['1 MB of addresses in one card', card('ADR:;;Straße;Ort;;12345;D\\r\\n'.repeat(35000))],
  // Properties whose value is skipped (photos, keys) or tiny, each kept until the text limit:
  // within the 5 MB upload, one request took 175 MB before stop 61 (security review).
  ['4.8 MB of empty KEY lines in one card', card('KEY:\\r\\n'.repeat(800000))],
  ['4.8 MB of empty KEY lines ending in LF alone', card('KEY:\\n'.repeat(950000))],
  ['4.8 MB of PHOTO:x lines in one card', card('PHOTO:x\\r\\n'.repeat(530000))],
  ['4 MB of one-letter names in one card', card('N:x\\r\\n'.repeat(800000))],
  ['4.8 MB of lines without a name', card('x\\r\\n'.repeat(1600000))],
];
const only = Number(process.argv[2]);
if (Number.isNaN(only)) {
  console.log(files.length);
  process.exit(0);
}
for (const [name, text] of files.slice(only, only + 1)) {
  const bytes = new TextEncoder().encode(text);
  const times = [];
  let result;
  for (let i = 0; i < 3; i += 1) {
    const start = performance.now();
    result = parseVcf(bytes);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  console.log(JSON.stringify({ name, kb: bytes.length / 1024, ms: times[1], cards: result.ok ? result.cards.length : result.error }));
}
`;
try {
  const build = spawnSync(
    join(root, 'node_modules', '.bin', 'esbuild'),
    [
      'src/contacts/vcard-import.ts',
      '--bundle',
      '--platform=node',
      '--format=esm',
      `--outfile=${join(dir, 'vcard-import.mjs')}`,
      '--log-level=error',
    ],
    { cwd: root, stdio: 'inherit' },
  );
  if (build.status !== 0) process.exit(build.status ?? 1);
  writeFileSync(join(dir, 'run.mjs'), run);
  const node = (...args) =>
    spawnSync(process.execPath, ['--no-warnings', '--max-old-space-size=128', join(dir, 'run.mjs'), ...args], {
      cwd: dir,
      encoding: 'utf8',
    });
  const listed = node();
  const count = Number(listed.stdout);
  // A run that lists nothing measures nothing: said, never a silent pass (review).
  if (listed.status !== 0 || !(count > 0)) throw new Error(`the file list did not run: ${listed.stderr}`);
  console.log('file                                              size     parse ms   cards (heap ≤ 128 MB)');
  let failed = false;
  for (let index = 0; index < count; index += 1) {
    const out = node(String(index));
    if (out.status !== 0) {
      failed = true;
      console.log(`file ${index}: out of memory or failed (exit ${out.status})`);
      console.error(out.stderr.split('\n').slice(0, 5).join('\n'));
      continue;
    }
    const r = JSON.parse(out.stdout);
    console.log(`${r.name.padEnd(48)} ${`${r.kb.toFixed(0)} KB`.padStart(8)} ${r.ms.toFixed(0).padStart(10)}   ${r.cards}`);
  }
  if (failed) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
