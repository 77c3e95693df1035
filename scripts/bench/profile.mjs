// Where the Worker's time goes, request by request: runs the deployable bundle inside Node
// (same V8 as workerd) against an in-memory SQLite with a minimal D1 shim, times each scenario
// with microsecond resolution (workerd's clock has whole milliseconds) and, with --profile,
// attributes V8 CPU samples to packages and functions through the bundle's source map.
//
//   npx node scripts/bench/profile.mjs [--bundle <dir with index.js>] [--profile] [--count 300]
//     [--only <regex>] [--dump <dir>] [--path <GET path>]…  (--dump writes each scenario's first
//     body, to diff two bundles; --path adds a GET as the bench's reader as a scenario of its own)
//
// Not a budget measurement (no D1 RPC, no workerd HTTP): a tool to find and check fixes.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { decodeMappings } from './lib/sourcemap.mjs';

process.removeAllListeners('warning');
process.on('warning', (warning) => {
  if (warning.name !== 'ExperimentalWarning') console.warn(warning);
});

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { values: args } = parseArgs({
  options: {
    bundle: { type: 'string' },
    profile: { type: 'boolean' },
    count: { type: 'string' },
    only: { type: 'string' },
    dump: { type: 'string' },
    path: { type: 'string', multiple: true },
  },
});
const COUNT = Number(args.count ?? 300);
const { DatabaseSync } = await import('node:sqlite');
const { seed } = await import('./lib/data.mjs');
const { buildScenarios, seedPlan, requestSource } = await import('./lib/scenarios.mjs');
const { run } = await import('./lib/servers.mjs');
const { wranglerEnv } = await import(pathToFileURL(join(root, 'scripts', 'wrangler-env.mjs')).href);

let work;
let bundleDir = args.bundle;
if (!bundleDir) {
  work = mkdtempSync(join(tmpdir(), 'kontakte-profile-'));
  bundleDir = join(work, 'bundle');
  run(join(root, 'node_modules', '.bin', 'wrangler'), ['deploy', '--dry-run', '--outdir', bundleDir], {
    cwd: root,
    env: { ...wranglerEnv(root), XDG_CONFIG_HOME: join(work, 'config') },
  });
}

// ---- D1 shim over node:sqlite (the subset drizzle-orm/d1 uses) --------------------------------
work ??= mkdtempSync(join(tmpdir(), 'kontakte-profile-'));
const dbFile = join(work, 'd1.sqlite');
const sqlite = new DatabaseSync(dbFile);
for (const file of readdirSync(join(root, 'migrations'))
  .filter((f) => f.endsWith('.sql'))
  .sort()) {
  for (const statement of readFileSync(join(root, 'migrations', file), 'utf8').split('--> statement-breakpoint')) sqlite.exec(statement);
}
sqlite.close();
const seeded = await seed(dbFile, seedPlan([10]));
const db = new DatabaseSync(dbFile);
// Keep disk syncs out of the picture: this tool looks at the JavaScript.
db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF;');
const toSql = (v) => (typeof v === 'boolean' ? Number(v) : v);
class Statement {
  constructor(sql, params = []) {
    this.sql = sql;
    this.params = params;
  }
  bind(...params) {
    return new Statement(this.sql, params.map(toSql));
  }
  #stmt() {
    return db.prepare(this.sql);
  }
  async all() {
    return this.allSync();
  }
  allSync() {
    // Objects made as workerd's D1 binding makes them from its rows and columns (Object.fromEntries,
    // so every row has the same shape): node:sqlite's own row objects are slower to read.
    const found = this.#stmt().all(...this.params);
    const columns = found.length > 0 ? Object.keys(found[0]) : [];
    const results = found.map((row) => Object.fromEntries(Object.values(row).map((cell, i) => [columns[i], cell])));
    return { results, success: true, meta: { changes: 0 } };
  }
  async raw() {
    return this.#stmt()
      .all(...this.params)
      .map((row) => Object.values(row));
  }
  async first(column) {
    const row = this.#stmt().get(...this.params);
    return column ? row?.[column] : (row ?? null);
  }
  async run() {
    const info = this.#stmt().run(...this.params);
    return { success: true, results: [], meta: { changes: Number(info.changes), last_row_id: Number(info.lastInsertRowid) } };
  }
}
const d1 = {
  prepare: (sql) => new Statement(sql),
  async batch(statements) {
    db.exec('BEGIN');
    try {
      const out = statements.map((s) =>
        /^\s*(select|with)|returning/i.test(s.sql)
          ? s.allSync()
          : { results: [], meta: { changes: Number(db.prepare(s.sql).run(...s.params).changes) } },
      );
      db.exec('COMMIT');
      return out;
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  },
  // D1's Sessions API (src/db/client.ts): one local database, so a session is the database itself.
  withSession() {
    return { prepare: d1.prepare, batch: d1.batch, getBookmark: () => null };
  },
};
const ratelimit = { limit: async () => ({ success: true }) };

// ---- the Worker -----------------------------------------------------------------------------
const worker = (await import(pathToFileURL(join(bundleDir, 'index.js')).href)).default;
const secret = 'profile-secret-0123456789abcdef-0123456789';
const env = {
  DB: d1,
  WRITE_LIMITER: ratelimit,
  SESSION_SECRET: secret,
  SESSION_COOKIE: 'propster_session',
  SESSION_ISSUER: 'propster',
  SESSION_AUDIENCE: 'propster-contacts',
  LOGIN_URL: '/dev/login',
  PLATFORM_NAME: 'PROPSTER Kundenplattform',
  PLATFORM_URL: '/',
  // The static files as the ASSETS binding serves them (the critical CSS is read from there).
  ASSETS: {
    fetch: async (url) => {
      try {
        return new Response(readFileSync(join(root, 'public', new URL(url).pathname)), { headers: { 'Content-Type': 'text/css' } });
      } catch {
        return new Response('', { status: 404 });
      }
    },
  },
};
const ctx = { waitUntil() {}, passThroughOnException() {} };
const origin = 'https://kontakte.example';
const silence = console.log;
console.log = () => {}; // the request log line per request
const { scenarios, reader } = await buildScenarios({ secret, seeded, connections: [10] });
// --path /assets/bench-50/contacts/warranty.ics: any GET as the bench's reader, as its own scenario.
for (const path of args.path ?? [])
  scenarios.push({ name: path, size: 'path', requests: () => [{ method: 'GET', path, headers: { Cookie: reader } }] });
// A merged update (the 2-round-trip write the RTT budget misses on): each request edits one
// field from the version before the last save, which changed another field, so every request
// merges (base v-1, theirs v, mine) and writes once more. Made from the update scenario's asset.
{
  const update = scenarios.find((s) => s.name === 'update');
  if (update) {
    const plain = update.requests();
    const first = plain.next();
    const [path, cookie] = [first.path, first.headers.Cookie];
    const form = new URLSearchParams(first.body);
    form.delete('version');
    scenarios.push({
      name: 'merged update',
      size: update.size,
      requests: () => {
        // The stored values per version (the seeded version 1 is not needed: it is overwritten).
        const stored = new Map();
        let current; // the stored version: read from the edit form first (the update scenario may have saved)
        let n = 0;
        const fields = ['notes', 'position'];
        return {
          next() {
            if (current === undefined) return { method: 'GET', path: `${path}/edit`, headers: { Cookie: cookie } };
            // Requests 0 and 1 save plainly (versions 2 and 3); from then on each one starts from
            // the version before the last save and changes the other field: a merge.
            const base = n < 2 ? current : current - 1;
            const body = new URLSearchParams(stored.get(base) ?? form);
            body.set(fields[n % 2], `Merge ${n}`);
            body.set('version', String(base));
            n += 1;
            return {
              method: 'POST',
              path,
              headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
              body: body.toString(),
              write: true,
            };
          },
          after(request, response) {
            if (current === undefined) {
              current = Number(/name="version" value="(\d+)"/.exec(Buffer.from(response.body).toString())?.[1]);
              if (!current) throw new Error(`no version in the edit form (${response.status})`);
              return;
            }
            if (response.status !== 303) throw new Error(`merged update answered ${response.status} to ${request.body.slice(-40)}`);
            const sent = new URLSearchParams(request.body);
            const field = fields[(n - 1) % 2];
            const next = new URLSearchParams(stored.get(current) ?? form);
            next.set(field, sent.get(field));
            next.delete('version');
            current += 1;
            stored.set(current, next);
            stored.delete(current - 3);
          },
        };
      },
    });
  }
}
const call = async (request) => {
  const headers = new Headers(request.headers);
  if (request.write) headers.set('Origin', origin);
  const response = await worker.fetch(
    new Request(origin + request.path, { method: request.method, headers, body: request.body, redirect: 'manual' }),
    env,
    ctx,
  );
  const body = await response.arrayBuffer();
  return { status: response.status, headers: response.headers, body };
};

// ---- profiler (node:inspector) ----------------------------------------------------------------
let session;
if (args.profile) {
  const inspector = await import('node:inspector/promises');
  session = new inspector.Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 50 });
}
const map = JSON.parse(readFileSync(join(bundleDir, 'index.js.map'), 'utf8'));
const sourceAt = buildSourceLookup(map);

const healthz = { name: 'healthz', size: '', requests: () => [{ method: 'GET', path: '/healthz', headers: {} }] };
const rows = [];
for (const scenario of [healthz, ...scenarios]) {
  const key = `${scenario.name}@${scenario.size}`;
  if (args.only && !new RegExp(args.only).test(key)) continue;
  const source = requestSource(scenario);
  if (args.dump) {
    const { mkdirSync, writeFileSync } = await import('node:fs');
    mkdirSync(args.dump, { recursive: true });
    const first = await call(scenario.requests ? requestSource(scenario).next() : source.next());
    const text = Buffer.from(first.body)
      .toString('utf8')
      .replace(/x-request-id[^\n]*/gi, '');
    writeFileSync(
      join(args.dump, `${key.replace(/[^A-Za-z0-9@]+/g, '_')}.txt`),
      `${first.status} ${first.headers.get('location') ?? ''}\n${text}`,
    );
  }
  const count = scenario.name === 'full export' && scenario.size >= 1000 ? Math.ceil(COUNT / 3) : COUNT;
  for (let i = 0; i < 30; i++) {
    const request = source.next();
    source.after(request, await call(request));
  }
  if (session) await session.post('Profiler.start');
  const times = [];
  const own = []; // app − db − limit from the app's Server-Timing (Node's clock is fine-grained)
  const statuses = {};
  for (let i = 0; i < count; i++) {
    const request = source.next();
    const started = performance.now();
    const response = await call(request);
    times.push(performance.now() - started);
    const timing = Object.fromEntries(
      (response.headers.get('server-timing') ?? '').split(',').map((m) => {
        const [name, dur] = m.trim().split(';dur=');
        return [name, Number(dur)];
      }),
    );
    if (Number.isFinite(timing.app) && Number.isFinite(timing.db)) own.push(timing.app - timing.db - (timing.limit || 0));
    source.after(request, response);
    statuses[response.status] = (statuses[response.status] ?? 0) + 1;
  }
  let top = '';
  if (session) {
    const { profile } = await session.post('Profiler.stop');
    top = summarise(profile);
  }
  times.sort((a, b) => a - b);
  const p = (q) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)];
  const ownMean = own.length ? own.reduce((a, b) => a + b, 0) / own.length : Number.NaN;
  rows.push({ key, p50: p(0.5), p99: p(0.99), mean: times.reduce((a, b) => a + b, 0) / times.length, ownMean, statuses, top });
}
console.log = silence;
console.log('scenario              p50 ms   p99 ms  mean ms  own ms     statuses (own: app − db − limit)');
for (const r of rows) {
  console.log(
    `${r.key.padEnd(20)} ${r.p50.toFixed(3).padStart(7)}  ${r.p99.toFixed(3).padStart(7)}  ${r.mean.toFixed(3).padStart(7)}  ${(Number.isNaN(r.ownMean) ? '-' : r.ownMean.toFixed(3)).padStart(9)}  ${JSON.stringify(r.statuses)}`,
  );
  if (r.top) console.log(r.top);
}
db.close();
rmSync(work, { recursive: true, force: true });

/** Self time per package and the heaviest functions (bundle positions mapped back to sources). */
function summarise(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const dt = profile.timeDeltas;
  for (let i = 0; i < profile.samples.length; i++) self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + (dt[i] ?? 0));
  const perPackage = new Map();
  const perFunction = new Map();
  let total = 0;
  for (const [id, us] of self) {
    const frame = byId.get(id).callFrame;
    let where;
    let originalName;
    if (frame.url.endsWith('index.js') && frame.url.includes(bundleDir.split('/').pop())) {
      const found = sourceAt(frame.lineNumber, frame.columnNumber);
      const src = found?.source ?? '?';
      if (found?.name) originalName = found.name;
      const pkg = src.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
      where = pkg ? (pkg[1] === 'src' ? 'drizzle-orm' : pkg[1]) : src.replace(/^.*?\/src\//, 'src/');
    } else if (frame.url.startsWith('node:') || frame.url === '')
      where = frame.functionName ? `(runtime) ${frame.url || 'native'}` : '(runtime/gc/idle)';
    else where = frame.url.replace(/^.*node_modules\//, '');
    if (where === '(runtime/gc/idle)' && frame.functionName === '(idle)') continue;
    total += us;
    const group = where.startsWith('src/') ? 'app src/' : where;
    perPackage.set(group, (perPackage.get(group) ?? 0) + us);
    const fn = `${originalName && originalName !== frame.functionName ? `${originalName} (${frame.functionName || 'anon'})` : frame.functionName || '(anonymous)'} [${where}]`;
    perFunction.set(fn, (perFunction.get(fn) ?? 0) + us);
  }
  const fmt = (entries) =>
    [...entries]
      .sort((a, b) => b[1] - a[1])
      .slice(0, Number(process.env.PROFILE_TOP ?? 12))
      .map(([k, us]) => `      ${((100 * us) / total).toFixed(1).padStart(5)} %  ${k}`)
      .join('\n');
  // Inclusive time of the app's own functions (src/): where a page's time goes, callees included.
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const nameOf = (id) => {
    const frame = byId.get(id).callFrame;
    if (!(frame.url.endsWith('index.js') && frame.url.includes(bundleDir.split('/').pop()))) return undefined;
    const found = sourceAt(frame.lineNumber, frame.columnNumber);
    if (!found?.source?.includes('/src/') || /node_modules/.test(found.source)) return undefined;
    return `${found.name ?? frame.functionName ?? '(anonymous)'} [${found.source.replace(/^.*?\/src\//, 'src/')}]`;
  };
  const inclusive = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const seen = new Set();
    for (let id = profile.samples[i]; id !== undefined; id = parent.get(id)) {
      const name = nameOf(id);
      if (name && !seen.has(name)) {
        seen.add(name);
        inclusive.set(name, (inclusive.get(name) ?? 0) + (dt[i] ?? 0));
      }
    }
  }
  return `    by package (self time):\n${fmt(perPackage)}\n    heaviest functions:\n${fmt(perFunction)}\n    app functions, inclusive:\n${fmt(inclusive)}`;
}

/** (generated line, column) -> original source path, for the bundle's source map. */
function buildSourceLookup(sourceMap) {
  const lines = decodeMappings(sourceMap.mappings);
  return (line, column) => {
    const points = lines[line];
    if (!points?.length) return undefined;
    let lo = 0;
    let hi = points.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (points[mid][0] <= column) lo = mid;
      else hi = mid - 1;
    }
    const s = points[lo][1];
    if (s < 0) return undefined;
    // The name of the function starting here: the nearest named segment at or after it.
    let n = -1;
    for (let i = lo; i < Math.min(points.length, lo + 4) && n < 0; i++) n = points[i][2];
    return { source: sourceMap.sources[s], name: n >= 0 ? sourceMap.names[n] : undefined };
  };
}
