// `npm run load`: a bounded load and soak test against the local server (loopback only).
// Several simulated customers of several apartments list, search, create, edit and delete for
// LOAD_SECONDS (default 130); afterwards every acknowledged write must be present exactly once,
// in its own apartment and nowhere else. Prints figures and writes them to docs/benchmarks.md.
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SignJWT } from 'jose';
import { startServer } from './e2e.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SECONDS = Number(process.env.LOAD_SECONDS ?? 130);
const ASSETS = ['load-a', 'load-b', 'load-c', 'load-d'];
const USERS_PER_ASSET = 3;
/** Each user thinks between actions: well under the 60 writes / 10 s rate limit. */
const THINK_MS = 150;

if (!existsSync(join(root, '.dev.vars'))) copyFileSync(join(root, '.dev.vars.example'), join(root, '.dev.vars'));
const secret = /SESSION_SECRET="?([^"\n]+)"?/.exec(readFileSync(join(root, '.dev.vars'), 'utf8'))?.[1];
if (!secret) throw new Error('SESSION_SECRET missing in .dev.vars');

// The same local server as the browser tests: free ports, throwaway D1 state, log in test-results/.
const server = await startServer({ log: join(root, 'test-results', 'load-server.log') });
const origin = server.baseUrl;

async function tokenFor(sub, assets) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ sub, name: `Last ${sub}`, role: 'customer', assets: assets.map((id) => ({ id, name: `Wohnung ${id}` })) })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer('propster')
    .setAudience('propster-contacts')
    .setIssuedAt(now)
    .setExpirationTime(now + 3 * 3600)
    .sign(new TextEncoder().encode(secret));
}

const latencies = [];
const counts = { requests: 0, errors: 0, conflicts: 0, rateLimited: 0 };
const errorSamples = [];

async function call(user, method, path, form) {
  const headers = { Cookie: `propster_session=${user.token}` };
  let body;
  if (form) {
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
    headers.Origin = origin;
    body = new URLSearchParams(form).toString();
  }
  const started = performance.now();
  let response;
  try {
    response = await fetch(`${origin}${path}`, { method, headers, body, redirect: 'manual' });
    await response.arrayBuffer();
  } catch (error) {
    counts.requests += 1;
    counts.errors += 1;
    if (errorSamples.length < 5) errorSamples.push(`${method} ${path}: ${error.message}`);
    return undefined;
  }
  latencies.push(performance.now() - started);
  counts.requests += 1;
  if (response.status === 409) counts.conflicts += 1;
  else if (response.status === 429) counts.rateLimited += 1;
  else if (response.status >= 400) {
    counts.errors += 1;
    if (errorSamples.length < 5) errorSamples.push(`${method} ${path}: ${response.status}`);
  }
  return response;
}

/** What the server acknowledged, to check afterwards: contact id → expected company or deleted. */
const acknowledged = new Map();

async function customer(user, deadline) {
  let sequence = 0;
  const mine = [];
  while (Date.now() < deadline) {
    sequence += 1;
    const roll = Math.random();
    const list = `/assets/${user.asset}/contacts`;
    if (roll < 0.35) await call(user, 'GET', list);
    else if (roll < 0.5)
      await call(user, 'GET', `${list}?q=${encodeURIComponent(['mül', 'firma', 'bau', user.sub.slice(-2)][sequence % 4])}`);
    else if (roll < 0.55) await call(user, 'GET', `${list}.vcf`);
    else if (roll < 0.8 || mine.length === 0) {
      const company = `Firma ${user.sub} ${sequence}`;
      const response = await call(user, 'POST', list, {
        form_token: `load-${user.sub}-${sequence}-token`,
        company,
        last_name: 'Müller',
        position: 'Bau',
      });
      if (response?.status === 303) {
        const id = new URL(response.headers.get('location'), origin).searchParams.get('saved');
        acknowledged.set(id, { asset: user.asset, company, version: 1 });
        mine.push(id);
      }
    } else if (roll < 0.93) {
      const id = mine[Math.floor(Math.random() * mine.length)];
      const state = acknowledged.get(id);
      const company = `${state.company.split(' v')[0]} v${state.version + 1}`;
      const response = await call(user, 'POST', `${list}/${id}`, {
        version: String(state.version),
        company,
        last_name: 'Müller',
        position: 'Bau',
      });
      if (response?.status === 303) acknowledged.set(id, { ...state, company, version: state.version + 1 });
    } else {
      const id = mine.splice(Math.floor(Math.random() * mine.length), 1)[0];
      const state = acknowledged.get(id);
      const response = await call(user, 'POST', `${list}/${id}/delete`, { version: String(state.version) });
      if (response?.status === 303) acknowledged.set(id, { ...state, deleted: true });
      else mine.push(id);
    }
    await new Promise((resolve) => setTimeout(resolve, THINK_MS));
  }
}

/** Reads every apartment back through the export and compares with what was acknowledged. */
async function verify(users) {
  const problems = [];
  const seen = new Map();
  for (const asset of ASSETS) {
    const user = users.find((candidate) => candidate.asset === asset);
    const response = await fetch(`${origin}/assets/${asset}/contacts.vcf`, { headers: { Cookie: `propster_session=${user.token}` } });
    const text = await response.text();
    for (const match of text.matchAll(/^UID:kontakte-([A-Za-z0-9_-]+)\r$/gm)) {
      const id = match[1];
      if (seen.has(id)) problems.push(`${id} appears in ${seen.get(id)} and ${asset}`);
      seen.set(id, asset);
    }
    for (const card of text.split('END:VCARD').filter((part) => part.includes('UID:'))) {
      const id = /UID:kontakte-([A-Za-z0-9_-]+)/.exec(card)[1];
      const company = /\r\nORG(?:;[^:]*)?:([^\r]*)/.exec(card)?.[1];
      const expected = acknowledged.get(id);
      if (expected && !expected.deleted && expected.company !== company) problems.push(`${id}: ${company} ≠ ${expected.company}`);
    }
  }
  for (const [id, state] of acknowledged) {
    const where = seen.get(id);
    if (state.deleted && where) problems.push(`${id} was deleted but is in ${where}`);
    if (!state.deleted && where !== state.asset) problems.push(`${id} expected in ${state.asset}, found in ${where ?? 'none'}`);
  }
  return problems;
}

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

const users = [];
for (const asset of ASSETS) {
  for (let index = 0; index < USERS_PER_ASSET; index += 1) {
    const sub = `load-${asset}-${index}`;
    users.push({ sub, asset, token: await tokenFor(sub, [asset]) });
  }
}
console.log(`load: ${users.length} customers on ${ASSETS.length} apartments for ${SECONDS} s against ${origin} (wrangler dev, local D1)`);
const started = Date.now();
let elapsed;
let problems;
try {
  await Promise.all(users.map((user) => customer(user, started + SECONDS * 1000)));
  elapsed = (Date.now() - started) / 1000;
  problems = await verify(users);
} finally {
  await server.stop();
}
const live = [...acknowledged.values()].filter((state) => !state.deleted).length;
const rows = [
  ['duration', `${elapsed.toFixed(0)} s`],
  ['customers / apartments', `${users.length} / ${ASSETS.length}`],
  ['requests', String(counts.requests)],
  ['throughput', `${(counts.requests / elapsed).toFixed(1)} requests/s`],
  ['latency p50 / p99', `${percentile(latencies, 50).toFixed(1)} ms / ${percentile(latencies, 99).toFixed(1)} ms`],
  ['errors (4xx other than 409/429, 5xx, network)', String(counts.errors)],
  ['409 conflicts / 429 rate limited', `${counts.conflicts} / ${counts.rateLimited}`],
  ['acknowledged writes checked', `${acknowledged.size} contacts (${live} live)`],
  ['lost, duplicated or misplaced', String(problems.length)],
];
const table = ['| figure | value |', '|---|---|', ...rows.map(([name, value]) => `| ${name} | ${value} |`)].join('\n');
console.log(table);
if (errorSamples.length) console.log('error samples:', errorSamples);
if (problems.length) console.log('problems:', problems.slice(0, 10));

const docPath = join(root, 'docs', 'benchmarks.md');
const section = `<!-- load:start -->
## Load and soak (\`npm run load\`)

${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; through \`wrangler dev\` with local D1; each customer waits ${THINK_MS} ms between actions (35 % list, 15 % search, 5 % export, 25 % create, 13 % edit, 7 % delete).

${table}
<!-- load:end -->`;
const doc = existsSync(docPath) ? readFileSync(docPath, 'utf8') : '# Benchmarks\n';
writeFileSync(
  docPath,
  doc.includes('<!-- load:start -->')
    ? doc.replace(/<!-- load:start -->[\s\S]*<!-- load:end -->/, section)
    : `${doc.trimEnd()}\n\n${section}\n`,
);
process.exit(counts.errors === 0 && problems.length === 0 ? 0 : 1);
