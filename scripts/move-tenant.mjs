// Moves a tenant's assets to another database through the mover (src/mover/index.ts, deployed
// with scripts/mover/wrangler.toml), one step at a time, asset by asset; the steps and their order
// are in docs/architecture.md, "How a tenant moves". It stops at the first asset that fails and
// says why; every step may be run again.
//
//   MOVER_SECRET=… npm run move-tenant -- <step> --url https://kontakte-mover.….workers.dev \
//     --from DB --to DB_SEEBLICK --assets assets.txt [--replace] [--switched] [--force]
//
// steps: freeze | copy | status | finish | thaw. `--assets`: a file of the tenant's asset ids, one
// per line (from the platform, which knows its tenants; the app keeps no such list). `--replace`
// lets a copy replace other rows the target holds of an asset. `status` exits 1 unless every
// asset is frozen, copied to --to and the same on both sides. `finish` deletes the old copy and
// needs `--switched`: the tenant's entry in TENANT_DATABASES is live and every live token carries
// the tenant. `thaw --force` thaws a finished move (only when the tenant moves back).
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const STEPS = ['freeze', 'copy', 'status', 'finish', 'thaw'];
const usage =
  'usage: MOVER_SECRET=… node scripts/move-tenant.mjs <freeze|copy|status|finish|thaw> --url URL --from DB --to DB_X --assets FILE [--replace] [--switched] [--force]';
/** A copy of an asset at its 10 MB budget takes seconds; a hung connection is not waited for. */
const TIMEOUT_MS = 5 * 60 * 1000;

function fail(message) {
  console.error(message);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      url: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      assets: { type: 'string' },
      replace: { type: 'boolean' },
      switched: { type: 'boolean' },
      force: { type: 'boolean' },
    },
  });
} catch (error) {
  fail(`${error.message}\n${usage}`);
}
const { values: args, positionals } = parsed;
const [step] = positionals;
const secret = process.env.MOVER_SECRET ?? '';

if (!STEPS.includes(step ?? '') || positionals.length !== 1 || !args.url || !args.from || !args.assets) fail(usage);
if (step !== 'freeze' && step !== 'thaw' && !args.to) fail(`${step} needs --to\n${usage}`);
if (!secret) fail('MOVER_SECRET is not set');
if (step === 'finish' && !args.switched)
  fail(
    'finish deletes the assets from --from: only once the tenant map sends them to --to and every live token carries the tenant (then add --switched)',
  );

let base;
try {
  base = new URL(args.url);
} catch {
  fail(`--url ${args.url}: not a URL`);
}
// The secret travels with every call: never in the clear, but to this machine.
if (base.protocol !== 'https:' && !['localhost', '127.0.0.1', '[::1]'].includes(base.hostname))
  fail(`--url ${args.url}: https only (the secret goes with every call)`);
let assets;
try {
  assets = readFileSync(args.assets, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
} catch (error) {
  fail(`--assets: ${error.message}`);
}
if (assets.length === 0) fail(`${args.assets}: no asset ids`);

const query = new URLSearchParams({ from: args.from });
if (args.to && step !== 'freeze' && step !== 'thaw') query.set('to', args.to);
if (args.replace && step === 'copy') query.set('replace', '1');
if (args.force && step === 'thaw') query.set('force', '1');

/** Stops at the asset that failed, with the reason. */
function stop(asset, index, reason) {
  console.error(`${asset}: ${step} failed: ${reason}`);
  console.error(`${index} of ${assets.length} assets done before it. Every step may be run again once the cause is fixed.`);
  process.exit(1);
}

const totals = { assets: 0, contacts: 0, versions: 0, bytes: 0 };
const notReady = [];
for (const [index, asset] of assets.entries()) {
  // Under --url's own path, if it has one (a route such as example.de/mover/).
  const path = `${base.pathname.replace(/\/$/, '')}/assets/${encodeURIComponent(asset)}${step === 'status' ? '' : `/${step}`}`;
  let response;
  let text;
  try {
    response = await fetch(new URL(`${path}?${query}`, base), {
      method: step === 'status' ? 'GET' : 'POST',
      headers: { Authorization: `Bearer ${secret}` },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    text = await response.text();
  } catch (error) {
    stop(asset, index, String(error.cause ?? error));
  }
  if (!response.ok) stop(asset, index, `${response.status} ${text}`);
  let answer;
  try {
    answer = JSON.parse(text);
  } catch {
    stop(asset, index, `not the mover's answer: ${text.slice(0, 200)}`);
  }
  // What the step counted: the rows copied, removed, found in --from, or frozen there.
  const counted = { copy: answer.copied, finish: answer.removed, status: answer.from }[step] ?? answer;
  totals.assets += 1;
  totals.contacts += counted.contacts ?? 0;
  totals.versions += counted.versions ?? 0;
  totals.bytes += counted.bytes ?? 0;
  const size = `${counted.contacts ?? 0} contacts, ${counted.versions ?? 0} versions`;
  if (step === 'status') {
    // Ready for the switch: frozen in --from, copied to --to, the same on both sides.
    const freeze = answer.from.frozen;
    const state = !freeze
      ? 'not frozen'
      : freeze.finished_at !== null
        ? 'finished'
        : freeze.copied_to !== args.to
          ? 'not copied'
          : answer.identical
            ? 'identical'
            : 'differs';
    if (state !== 'identical') notReady.push(asset);
    console.log(`${asset}: ${size}; ${state}`);
  } else console.log(`${asset}: ${step} ok (${size})`);
}
console.log(
  `${step}: ${totals.assets} assets, ${totals.contacts} contacts, ${totals.versions} versions, ${totals.bytes} bytes (${args.from}${args.to ? ` → ${args.to}` : ''})`,
);
if (notReady.length > 0) {
  console.error(`not ready for the switch: ${notReady.join(', ')}`);
  process.exit(1);
}
