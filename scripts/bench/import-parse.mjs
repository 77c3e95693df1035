// `npm run bench:import`: the .vcf import's parser (src/contacts/vcard-import.ts) on typical and on
// hostile files within the upload limit, the CPU a single upload can cost before anything is
// stored. Prints figures (median of 3 runs in Node); asserts nothing (speed is not a test).
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
];
for (const [name, text] of files) {
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
  const out = spawnSync(process.execPath, ['--no-warnings', join(dir, 'run.mjs')], { cwd: dir, encoding: 'utf8' });
  if (out.status !== 0) {
    console.error(out.stderr);
    process.exit(out.status ?? 1);
  }
  console.log('file                                              size     parse ms   cards');
  for (const line of out.stdout.trim().split('\n')) {
    const r = JSON.parse(line);
    console.log(`${r.name.padEnd(48)} ${`${r.kb.toFixed(0)} KB`.padStart(8)} ${r.ms.toFixed(0).padStart(10)}   ${r.cards}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
