// Moves a tenant's assets to another database through the mover (src/mover/index.ts, deployed
// with scripts/mover/wrangler.toml), one step at a time, asset by asset; the steps and their order
// are in docs/architecture.md, "How a tenant moves". Every step is safe to repeat: it stops at
// the first asset that fails, says why, and a second run picks up from there.
//
//   MOVER_SECRET=… npm run move-tenant -- <step> --url https://kontakte-mover.….workers.dev \
//     --from DB --to DB_SEEBLICK --assets assets.txt [--replace] [--switched]
//
// steps: freeze | copy | status | finish | thaw. `--assets`: a file of the tenant's asset ids, one
// per line (from the platform, which knows its tenants; the app keeps no such list). `--replace`
// lets a copy replace other rows the target holds of an asset. `finish` deletes the old copy and
// needs `--switched`: the tenant's entry in TENANT_DATABASES is live and every live token carries
// the tenant.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const STEPS = ['freeze', 'copy', 'status', 'finish', 'thaw'];
const usage =
  'usage: MOVER_SECRET=… node scripts/move-tenant.mjs <freeze|copy|status|finish|thaw> --url URL --from DB --to DB_X --assets FILE [--replace] [--switched]';

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    url: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    assets: { type: 'string' },
    replace: { type: 'boolean' },
    switched: { type: 'boolean' },
  },
});
const [step] = positionals;
const secret = process.env.MOVER_SECRET ?? '';

function fail(message) {
  console.error(message);
  process.exit(2);
}
if (!STEPS.includes(step ?? '') || positionals.length !== 1 || !args.url || !args.from || !args.assets) fail(usage);
if (step !== 'freeze' && step !== 'thaw' && !args.to) fail(`${step} needs --to\n${usage}`);
if (!secret) fail('MOVER_SECRET is not set');
if (step === 'finish' && !args.switched)
  fail(
    'finish deletes the assets from --from: only once the tenant map sends them to --to and every live token carries the tenant (then add --switched)',
  );

const assets = readFileSync(args.assets, 'utf8')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith('#'));
if (assets.length === 0) fail(`${args.assets}: no asset ids`);

const query = new URLSearchParams({ from: args.from });
if (args.to && step !== 'freeze' && step !== 'thaw') query.set('to', args.to);
if (args.replace && step === 'copy') query.set('replace', '1');

const totals = { assets: 0, contacts: 0, versions: 0, bytes: 0 };
for (const [index, asset] of assets.entries()) {
  const path = `/assets/${encodeURIComponent(asset)}${step === 'status' ? '' : `/${step}`}`;
  let response;
  try {
    response = await fetch(new URL(`${path}?${query}`, args.url), {
      method: step === 'status' ? 'GET' : 'POST',
      headers: { Authorization: `Bearer ${secret}` },
    });
  } catch (error) {
    console.error(`${asset}: ${step} failed: ${error.cause ?? error}`);
    process.exit(1);
  }
  const text = await response.text();
  if (!response.ok) {
    console.error(`${asset}: ${step} failed with ${response.status}: ${text}`);
    console.error(
      `${index} of ${assets.length} assets done; nothing of ${asset} was changed by this step. Run it again once the cause is fixed.`,
    );
    process.exit(1);
  }
  const answer = JSON.parse(text);
  // What the step counted: the rows copied, removed, found in --from, or frozen there.
  const counted = { copy: answer.copied, finish: answer.removed, status: answer.from }[step] ?? answer;
  totals.assets += 1;
  totals.contacts += counted.contacts ?? 0;
  totals.versions += counted.versions ?? 0;
  totals.bytes += counted.bytes ?? 0;
  const identical = step === 'status' ? (answer.identical ? ' identical' : ' differs') : '';
  console.log(`${asset}: ${step} ok (${counted.contacts ?? 0} contacts, ${counted.versions ?? 0} versions)${identical}`);
}
console.log(
  `${step}: ${totals.assets} assets, ${totals.contacts} contacts, ${totals.versions} versions, ${totals.bytes} bytes (${args.from}${args.to ? ` → ${args.to}` : ''})`,
);
