// Budgets (../shared/research/performance.md) and the Markdown report in docs/benchmarks.md.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { gzipSync } from 'node:zlib';
import { decodeMappings } from './sourcemap.mjs';

export const START = '<!-- bench:start -->';
export const END = '<!-- bench:end -->';

// ---- bundle contents from the source map ------------------------------------------------------

/** Bytes of the bundle per package (or per src/ file), from its source map. */
export function bundleBreakdown(code, map) {
  const lines = code.split('\n');
  const perSource = new Map();
  const codeOf = new Map();
  const mapped = decodeMappings(map.mappings);
  for (let li = 0; li < mapped.length; li++) {
    const points = mapped[li];
    const length = (lines[li] ?? '').length + 1;
    for (let i = 0; i < points.length; i++) {
      const end = i + 1 < points.length ? points[i + 1][0] : length;
      const name = points[i][1] < 0 ? '(unmapped)' : map.sources[points[i][1]];
      perSource.set(name, (perSource.get(name) ?? 0) + end - points[i][0]);
      if (!codeOf.has(name)) codeOf.set(name, []);
      codeOf.get(name).push(lines[li]?.slice(points[i][0], end) ?? '');
    }
  }
  const perPackage = new Map();
  const packageCode = new Map();
  for (const [name, bytes] of perSource) {
    const pkg = name.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
    // drizzle-orm's own source maps point at ../src/*.ts inside node_modules
    // lean-qr's nano build as the Worker bundles it (src/generated/lean-qr-nano.js, stop 53) is still lean-qr.
    const key = pkg
      ? pkg[1] === 'src'
        ? 'drizzle-orm'
        : pkg[1]
      : /lean-qr-nano\.js$/.test(name)
        ? 'lean-qr'
        : name.includes('/src/')
          ? 'app (src/)'
          : name;
    perPackage.set(key, (perPackage.get(key) ?? 0) + bytes);
    packageCode.set(key, (packageCode.get(key) ?? '') + codeOf.get(name).join(''));
  }
  // Each package's code gzipped on its own: an estimate of its share of the gzip total.
  const gzipOf = (key) => gzipSync(Buffer.from(packageCode.get(key) ?? '', 'utf8'), { level: 6 }).length;
  // Every app file, largest first, with its code gzipped on its own (what a feature costs).
  const appFiles = [...perSource]
    .filter(([name]) => !/node_modules\//.test(name) && name.includes('/src/'))
    .sort((a, b) => b[1] - a[1])
    .map(([name, bytes]) => ({
      name: name.replace(/^.*?\/src\//, 'src/'),
      bytes,
      gzip: gzipSync(Buffer.from(codeOf.get(name).join(''), 'utf8'), { level: 6 }).length,
    }));
  const zodLocales = [...perSource].filter(([name]) => /zod\/v4\/locales\//.test(name)).reduce((sum, [, b]) => sum + b, 0);
  const zodJsonSchema = [...perSource]
    .filter(([name]) => /zod\/v4\/.*(json-schema|to-json|from-json)/.test(name))
    .reduce((sum, [, b]) => sum + b, 0);
  return {
    packages: [...perPackage].sort((a, b) => b[1] - a[1]).map(([name, bytes]) => ({ name, bytes, gzip: gzipOf(name) })),
    appFiles,
    zodLocales,
    zodJsonSchema,
  };
}

// ---- budgets ----------------------------------------------------------------------------------

const KB = 1000;
const SIZES_FOR_REPORT = [50, 200, 1000];

export function evaluateBudgets(r) {
  const out = [];
  const add = (budget, target, measured, pass, note = '') =>
    out.push({ budget, target, measured, verdict: pass === undefined ? 'n/a' : pass ? 'PASS' : 'MISS', note });
  const kb = (bytes) => `${(bytes / KB).toFixed(1)} KB`;

  add(
    'first page, 50 contacts, gzip',
    '≤ 12 KB',
    kb(r.bytes.firstPage.gzip),
    r.bytes.firstPage.gzip <= 12 * KB,
    `${kb(r.bytes.firstPage.raw)} raw, inline CSS ${kb(r.bytes.anatomy.inlineCss.gzip)} gzip`,
  );
  if (r.js) {
    const scripts = r.js.scripts;
    const names = scripts.map((s) => (s.src ?? 'inline').replace(/^.*\//, '')).join(', ');
    const allDeferred = scripts.every((s) => s.src && (s.defer || s.async || s.module));
    const allFingerprinted = scripts.every((s) => s.fingerprinted);
    const allImmutable = scripts.every((s) => s.immutable);
    const notServed = scripts.filter((s) => s.src && s.status !== 200);
    const onlyHtmx = scripts.length === 1 && /htmx/.test(scripts[0].src ?? '');
    const gz = scripts.reduce((sum, s) => sum + (s.gzip ?? 0), 0);
    const ok = allDeferred && allFingerprinted && allImmutable && r.js.blockingStylesheets === 0 && notServed.length === 0;
    add(
      'JavaScript on first visit',
      'htmx only, deferred, fingerprinted, immutable',
      `${names} (${kb(gz)} gzip)`,
      ok && onlyHtmx,
      `${notServed.length ? `NOT SERVED: ${notServed.map((s) => `${s.src} → ${s.status}`).join(', ')} (public/static re-generated during the run?); ` : ''}${allDeferred ? 'all deferred' : 'NOT all deferred'}, ${allFingerprinted ? 'fingerprinted' : 'NOT fingerprinted'}, ${allImmutable ? 'immutable' : 'NOT immutable'}, ${r.js.blockingStylesheets} blocking stylesheets${r.js.lateStylesheets ? `, ${r.js.lateStylesheets} after the content` : ''}${
        onlyHtmx
          ? ''
          : '; besides htmx: ' +
            scripts
              .filter((s) => !/htmx/.test(s.src ?? ''))
              .map((s) => `${(s.src ?? 'inline').replace(/^.*\//, '')} ${s.gzip ?? 0} B gzip`)
              .join(', ')
      }`,
    );
  } else add('JavaScript on first visit', 'htmx only, deferred, fingerprinted, immutable', 'not checked (wrangler dev skipped)', undefined);
  add(
    'htmx fragment, one row, gzip',
    '≤ 1.5 KB',
    kb(r.bytes.oneRowFragment.gzip),
    r.bytes.oneRowFragment.gzip <= 1.5 * KB,
    `${r.bytes.oneRowFragment.rows} row(s)`,
  );
  add('htmx fragment, new-contact form, gzip', '≤ 2.5 KB', kb(r.bytes.formFragment.gzip), r.bytes.formFragment.gzip <= 2.5 * KB);
  add('htmx fragment, edit form, gzip', '≤ 2.5 KB', kb(r.bytes.editFragment.gzip), r.bytes.editFragment.gzip <= 2.5 * KB);
  {
    const parts = r.bundle.breakdown.packages ?? [];
    const gz = (name) => parts.find((p) => p.name === name)?.gzip;
    const appFile = (pattern) => r.bundle.breakdown.appFiles.find((f) => pattern.test(f.name));
    const newOnes = [
      gz('lean-qr') !== undefined ? `lean-qr (QR codes) ${kb(gz('lean-qr'))} gzip` : '',
      appFile(/vcard-import/)
        ? `src/contacts/vcard-import.ts (the .vcf parser, hand-written) ${kb(appFile(/vcard-import/).gzip)} gzip`
        : '',
      appFile(/ics\.ts/) ? `src/contacts/ics.ts ${kb(appFile(/ics\.ts/).gzip)} gzip` : '',
    ].filter(Boolean);
    // The production entry's bundle is what deploys (results before 2026-12-01 have only the one).
    const deployed = r.bundle.production ?? r.bundle;
    add(
      r.bundle.production ? 'Worker bundle (dry-run, --env production: what deploys), gzip' : 'Worker bundle (dry-run), gzip',
      '≤ 100 KB',
      kb(deployed.gzip),
      deployed.gzip <= 100 * KB,
      `${kb(deployed.raw)} raw${r.bundle.production ? `; the runners' bundle (the default entry, with the dev login) ${kb(r.bundle.gzip)} gzip` : ''}; this round's additions: ${newOnes.join(', ') || 'n/a'}`,
    );
  }

  // Worker time without the waits for D1 and the rate limiter (`app − db − limit`): what the CPU
  // limit counts. Before `limit;dur` existed, a write's local limiter (a Durable Object with
  // SQLite in the same workerd) counted as the Worker's own time: shown beside it.
  for (const [key, limit, stat, label] of [
    ['list@50', 0.5, 'mean', 'list of 50, mean'],
    ['list@200', 2, 'p99', 'list of 200, p99'],
    ['create@200', 2, 'p99', 'create with 200, p99'],
    ['full export@1000', 8, 'p99', 'export of 1,000, p99'],
  ]) {
    const m = r.single[key];
    const own = m?.own?.[stat];
    const cpu = m?.cpuPerRequestMs;
    add(
      `Worker time without D1 and rate-limit waits (app − db − limit): ${label}`,
      `≤ ${limit} ms`,
      own === undefined ? (m ? 'no `db;dur` in Server-Timing' : 'not measured') : `${fmt(own)} ms`,
      own === undefined ? undefined : own <= limit,
      [
        m?.serverTiming ? `app incl. local D1: mean ${fmt(m.serverTiming.mean)}, p99 ${fmt(m.serverTiming.p99)} ms` : '',
        m?.limitMean
          ? `waiting for the local rate limiter ${fmt(m.limitMean)} ms mean (taken out since 2026-12-01); by app − db alone, the wording of performance.md, ${fmt(m.ownWithLimit?.[stat])} ms: ${m.ownWithLimit?.[stat] <= limit ? 'within' : '**over**'} the budget`
          : '',
        cpu !== undefined ? `workerd process CPU ${fmt(cpu)} ms/request (incl. local D1 and HTTP)` : '',
        r.apart?.single?.[key]
          ? `with D1 in a workerd of its own (see "D1 apart"): ${fmt(r.apart.single[key].own?.[stat])} ms; that workerd's CPU (the Worker, HTTP, the D1 binding's JSON${key.startsWith('create') ? ', the local rate limiter' : ''}) ${fmt(r.apart.single[key].cpuPerRequestMs)} ms/request, ${fmt(r.apart.single.healthz?.cpuPerRequestMs)} for /healthz`
          : '',
      ]
        .filter(Boolean)
        .join('; '),
    );
  }

  // D1 round trips and rows per route (through the counting wrapper).
  if (r.routes) {
    for (const [route, m] of Object.entries(r.routes)) {
      const limit = m.kind === 'read' ? 1 : 2;
      add(
        `D1 round trips: ${route}`,
        `${m.kind === 'read' ? '' : '≤ '}${limit}`,
        `${fmt(m.maxRoundTrips)}`,
        m.maxRoundTrips <= limit && m.maxRoundTrips >= 1,
        `${fmt(m.calls)} calls; rows read ${fmt(m.rowsRead)}, written ${fmt(m.rowsWritten)} (mean of ${m.requests})`,
      );
    }
    const list = r.routes.list;
    if (list)
      add(
        'rows read by the list of 50',
        '≤ 2 × rows shown (100)',
        fmt(list.rowsRead),
        list.rowsRead <= 100,
        'page and total in one batch; the total is a kept count per asset (asset_usage), no count(*)',
      );
  }
  if (r.routesRtt) {
    const rtt = r.meta.settings.rttMs;
    // The budget is about the app on top of its round trips: each round trip counts as what the
    // emulated delay really took here (workerd's timer wakes late), measured in the same run.
    // The way in and out (client → Miniflare's entry → the Worker, no app, no D1) is measured as
    // a request that does nothing: the budget is what the app and its round trips add to it.
    const effective = Math.max(rtt, r.effectiveRttMs ?? rtt);
    const floor = r.harnessFloorMs ?? 0;
    // What the 5 ms must hold besides the delays, from the same route's run without them: the
    // Worker's own time and the local D1's work in its round trips (SQLite, and Miniflare's ~0.7 ms
    // per call even for `SELECT 1`; on Cloudflare the primary's work is inside the round trip).
    const beyond = (route) => {
      const local = r.routes?.[route];
      if (local?.own === undefined || local.db === undefined) return '';
      // (Results from before stop 77 have no `limit`: worked out from the means.)
      const waited = local.limit ?? (local.app ?? 0) - local.db - local.own;
      return `; without the delay, the Worker's own ${fmt(local.own)} ms and the local D1's work ${fmt(local.db)} ms${waited > 0.05 ? `, the local rate limiter's wait ${fmt(waited)} ms` : ''} (means)`;
    };
    for (const [route, m] of Object.entries(r.routesRtt)) {
      const trips = r.routes?.[route]?.maxRoundTrips ?? (m.kind === 'read' ? 1 : 2);
      const limit = (m.kind === 'read' ? 1 : 2) * effective + 5;
      const added = m.wall.p50 - floor;
      add(
        `p50 with ${rtt} ms per D1 round trip: ${route}`,
        `${m.kind === 'read' ? '≤ RTT + 5 ms' : '≤ 2 RTT + 5 ms'} (${fmt(limit)} ms)`,
        `${fmt(added)} ms`,
        added <= limit,
        `${fmt(m.wall.p50)} ms at the client minus ${fmt(floor)} ms for a request that does nothing; ${fmt(trips)} round trip(s) of ${fmt(effective)} ms each as emulated here${beyond(route)}`,
      );
    }
  }
  if (r.paced) {
    for (const [key, limit, label] of [
      ['list@50', 25, 'list of 50'],
      ['create@50', 40, 'create'],
      ['full export@1000', 80, 'export of 1,000'],
    ]) {
      const m = r.paced[key];
      if (!m) continue;
      const badOf = (run) => Object.entries(run?.statuses ?? {}).filter(([status]) => !/^(200|303)$/.test(status));
      const bad = [...badOf(m), ...badOf(m.settling)];
      const statusText = bad.length ? `; statuses other than 200/303 (both runs) ${bad.map(([k, n]) => `${k}×${n}`).join(' ')}` : '';
      add(
        `p99 at ${m.rate} requests/s (open loop): ${label}`,
        `≤ ${limit} ms`,
        `${fmt(m.p99)} ms`,
        m.p99 <= limit && bad.length === 0,
        `steady state (the second of two runs in a row; one run only before 2026-12-01): p50 ${fmt(m.p50)} ms, max ${fmt(m.max)} ms, achieved ${fmt(m.achievedRate)}/s${statusText}`,
      );
      // The first run after the phase before (not the budget's steady state, but shown as a row
      // of its own, so that a stall that grows cannot hide behind the second run).
      if (m.settling)
        add(
          `p99 at ${m.rate} requests/s, first run right after the single requests: ${label}`,
          'reported',
          `${fmt(m.settling.p99)} ms`,
          undefined,
          `p50 ${fmt(m.settling.p50)} ms, max ${fmt(m.settling.max)} ms, achieved ${fmt(m.settling.achievedRate)}/s; ${m.settling.p99 <= limit ? 'within' : 'over'} the steady-state budget of ${limit} ms${statusText}`,
        );
    }
  }

  const prod = r.load?.prod;
  if (prod) {
    const c10 = 10;
    const h = healthzRef(prod, c10);
    for (const [key, min, label] of [
      ['list@50', 0.2, 'list of 50'],
      ['full export@50', 0.25, 'full export of 50'],
      ['create@50', 0.2, 'create'],
    ]) {
      const m = prod[key]?.[c10];
      const one = r.single?.[key];
      const base = r.single?.healthz;
      if (m && h)
        add(
          `throughput vs /healthz, 10 connections: ${label}`,
          `≥ ${min * 100} %`,
          `${pct(m.rps / h.rps)} (${m.rps.toFixed(0)} vs ${h.rps.toFixed(0)} req/s)`,
          m.rps / h.rps >= min,
          one && base
            ? `workerd CPU per request ${fmt(one.cpuPerRequestMs)} ms vs ${fmt(base.cpuPerRequestMs)} ms for /healthz; of it waiting for the local D1 (in the same process) ${fmt(one.dbMean)} ms${one.limitMean ? `, for the local rate limiter (in the same process) ${fmt(one.limitMean)} ms` : ''}, the Worker's own ${fmt(one.own?.mean)} ms${apartShare(r, key)}`
            : '',
        );
    }
  }
  if (r.bigImport) {
    const b = r.bigImport;
    add(
      'import of 1,000 cards (Paid plan: may exceed 10 ms CPU)',
      'reported',
      `stage ${fmt(b.stage.cpuMs)} ms + ${b.preview ? `preview ${fmt(b.preview.cpuMs)} ms + ` : ''}confirm ${fmt(b.confirm.cpuMs)} ms workerd CPU`,
      undefined,
      `${b.ticked} cards, ${bytes(b.fileBytes)} B file; round trips ${b.stage.rt} + ${b.preview ? `${b.preview.rt} + ` : ''}${b.confirm.rt}; rows written ${fmt(b.stage.written)} + ${fmt(b.confirm.written)}; Server-Timing app ${fmt(b.stage.app)} + ${b.preview ? `${fmt(b.preview.app)} + ` : ''}${fmt(b.confirm.app)} ms`,
    );
  }
  add('throttled Regular 3G (CDP), CLS, usable without JS', 'see performance.md', 'not measured by this bench (browser tests)', undefined);
  return out;
}

/** The throughput share with D1 in a workerd of its own, as a clause for a budget row's cause. */
function apartShare(r, key) {
  const m = r.apart?.load?.[key]?.[10];
  const h = r.apart?.load ? healthzRef(r.apart.load, 10) : undefined;
  return m && h
    ? `; with D1 in a workerd of its own (see "D1 apart") ${pct(m.rps / h.rps)} (${m.rps.toFixed(0)} vs ${h.rps.toFixed(0)} req/s)`
    : '';
}

/** The do-nothing reference: the mean of /healthz at the start and at the end of the load runs. */
export function healthzRef(load, c) {
  const runs = [load.healthz?.[c], load.healthzEnd?.[c]].filter(Boolean);
  if (!runs.length) return undefined;
  const mean = (key) =>
    runs.every((x) => typeof x[key] === 'number') ? runs.reduce((sum, x) => sum + x[key], 0) / runs.length : undefined;
  const statuses = {};
  for (const run of runs) for (const [k, n] of Object.entries(run.status ?? {})) statuses[k] = (statuses[k] ?? 0) + n;
  return {
    rps: mean('rps'),
    p50: runs[0].p50,
    p99: runs[0].p99,
    // The D1 apart runner's CPU per request of each workerd (absent elsewhere).
    workerCpuMs: mean('workerCpuMs'),
    d1CpuMs: mean('d1CpuMs'),
    socketErrors: runs.reduce((sum, x) => sum + (x.socketErrors ?? 0), 0),
    status: statuses,
  };
}

const fmt = (n) =>
  n === undefined || n === null || Number.isNaN(n) ? 'n/a' : n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2);
const pct = (x) => `${(x * 100).toFixed(0)} %`;
const writeNote = (m) => {
  const s = m.status;
  const bad = s['409'] + s['429'] + s['4xx'] + s['5xx'];
  return bad ? `non-3xx: 409 ${s['409']}, 429 ${s['429']}, 4xx ${s['4xx']}, 5xx ${s['5xx']}` : '';
};

// ---- Markdown ---------------------------------------------------------------------------------

const table = (header, rows) =>
  [
    `| ${header.join(' | ')} |`,
    `|${header.map((h, i) => (i === 0 ? '---' : '---:')).join('|')}|`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
const bytes = (n) => (n === undefined ? 'n/a' : n.toLocaleString('en-US'));

function loadTable(load, connections) {
  const h = Object.fromEntries(connections.map((c) => [c, healthzRef(load, c)]));
  const header = [
    'scenario',
    'contacts',
    ...connections.flatMap((c) => [`c${c} req/s`, `c${c} vs /healthz`, `c${c} p50 ms`, `c${c} p99 ms`]),
    'notes',
  ];
  const rows = [];
  for (const [label, runs] of [
    ['/healthz (do-nothing route), first', load.healthz],
    ['/healthz, again at the end', load.healthzEnd],
  ]) {
    if (runs)
      rows.push([
        label,
        '–',
        ...connections.flatMap((c) => [runs[c].rps.toFixed(0), pct(runs[c].rps / h[c].rps), fmt(runs[c].p50), fmt(runs[c].p99)]),
        '',
      ]);
  }
  for (const [key, byC] of Object.entries(load)) {
    if (key === 'healthz' || key === 'healthzEnd') continue;
    const [name, size] = key.split('@');
    const notes = connections
      .map((c) => writeNote(byC[c]) && `c${c}: ${writeNote(byC[c])}`)
      .filter(Boolean)
      .join('; ');
    const socket = connections
      .map((c) => byC[c].socketErrors && `c${c}: ${byC[c].socketErrors} socket errors`)
      .filter(Boolean)
      .join('; ');
    rows.push([
      name,
      size,
      ...connections.flatMap((c) => [byC[c].rps.toFixed(0), pct(byC[c].rps / h[c].rps), fmt(byC[c].p50), fmt(byC[c].p99)]),
      [notes, socket].filter(Boolean).join('; '),
    ]);
  }
  return table(header, rows);
}

export function renderMarkdown(r) {
  const m = r.meta;
  const v = m.versions;
  const s = m.settings;
  const out = [];
  out.push('## Benchmark (generated by `npm run bench`)', '');
  out.push(
    `_Generated ${m.date.replace('T', ' ').replace(/\.\d+Z$/, ' UTC')} from commit \`${m.commit}\`; everything between the bench markers is rewritten on every run._`,
    '',
  );
  out.push(
    `**Machine:** ${m.machine.cpu}, ${m.machine.cores} cores, ${m.machine.memoryGiB} GiB RAM, ${m.machine.os} (kernel ${m.machine.kernel}); load average ${m.machine.loadAtStart[0]} at the start, ${m.machine.loadAtEnd[0]} at the end, up to ${m.machine.maxLoad1.toFixed(2)} during the load runs${m.machine.maxLoad1 > m.machine.cores ? ' — **other processes competed for the CPU: absolute figures are pessimistic, compare the ratios to /healthz**' : ''}.  `,
    `**Versions:** Node ${v.node}, wrangler ${v.wrangler}, miniflare ${v.miniflare}, workerd ${v.workerd}, hono ${v.hono}, drizzle-orm ${v['drizzle-orm']}, zod ${v.zod}, htmx.org ${v['htmx.org']}, ${v.wrk}.  `,
    `**Method:** wrk with one thread (the other core is workerd's), ${s.duration} s per run production-like and ${s.devDuration} s through \`wrangler dev\`, connections ${s.connections.join(' and ')}; short runs, so read ±10 % on req/s and more on p99. Requests carry no \`Accept-Encoding\` (the edge compresses outside the Worker). Reads use one session with ${s.readAssets} assets; writes rotate over ${s.writeUsers} users (the per-user \`WRITE_LIMITER\`, 60 writes per 10 s, would answer 429 otherwise) and creates over ${s.sinks} assets per run (the 1,000-contact cap). Total bench time ${m.totalSeconds} s.  `,
    `**Data:** ${r.data.rows.toLocaleString('en-US')} contacts in ${r.data.assets} assets of one local D1 (${r.data.layout}). Production-like = the \`wrangler deploy --dry-run\` bundle on one workerd through Miniflare's API with the same D1 file, vars, secret and rate-limit binding; \`wrangler dev\` = what \`npm start\` runs, on a copy of the same data.`,
    '',
  );

  out.push('### Budgets (../shared/research/performance.md; 1 KB = 1,000 B)', '');
  out.push(
    table(
      ['budget', 'target', 'measured', 'verdict', 'notes'],
      r.budgets.map((b) => [b.budget, b.target, b.measured, b.verdict === 'MISS' ? '**MISS**' : b.verdict, b.note]),
    ),
    '',
  );

  if (r.routes) {
    const rtt = s.rttMs;
    out.push('### Per route: D1 round trips, rows, Worker time, and latency with a far-away database', '');
    out.push(
      `Each route ${s.routeRepeat} times, one request at a time, on an asset of 50 contacts, through a wrapper around the D1 binding (scripts/bench/lib/d1-bench-worker.mjs) that counts the calls, the sequential round trips and D1's \`meta.rows_read\` / \`rows_written\`; then again with every round trip delayed by ${rtt} ms (a primary or replica ${rtt} ms away; one such delay took ${fmt(r.effectiveRttMs)} ms here at p50, workerd's timer waking late, and the budget counts a round trip as that). The budget applies to what a route adds to a request that does nothing (the way in and out through Miniflare's loopback: ${fmt(r.harnessFloorMs)} ms at p50), shown in brackets. Writes run as chains on contacts the run creates: create → update (co-buyer B) → merged update (A, from version 1, another field) → restore version 1 → delete → restore; imports stage 3 cards (the upload redirects to its preview, read at its own address since stop 64) and confirm them. "Worker ms" is \`app − db − limit\` from Server-Timing (the waits for D1 and for the rate limiter taken out) (whole-millisecond clock: read the mean). ![Per route: throughput share of /healthz, round trips, rows read](bench/chart.svg)`,
      '',
    );
    out.push(
      table(
        [
          'route',
          'round trips',
          'D1 calls',
          'rows read',
          'rows written',
          'Worker ms (app − db − limit)',
          'p50 local ms',
          `p50 at ${rtt} ms RTT (above a do-nothing request)`,
          'budget',
        ],
        Object.entries(r.routes).map(([route, m]) => {
          const far = r.routesRtt?.[route];
          const effective = Math.max(rtt, r.effectiveRttMs ?? rtt);
          const limit = (m.kind === 'read' ? 1 : 2) * effective + 5;
          return [
            route,
            fmt(m.maxRoundTrips),
            fmt(m.calls),
            fmt(m.rowsRead),
            fmt(m.rowsWritten),
            fmt(m.own),
            fmt(m.wall.p50),
            far ? `${fmt(far.wall.p50)} (${fmt(far.wall.p50 - (r.harnessFloorMs ?? 0))})` : 'n/a',
            `${m.kind === 'read' ? '1' : '≤ 2'} RT, ≤ ${fmt(limit)} ms`,
          ];
        }),
      ),
      '',
    );
  }
  if (r.paced && Object.keys(r.paced).length) {
    out.push(`### Latency at a fixed rate (${s.pacedSeconds} s per scenario, open loop, production-like)`, '');
    out.push(
      'Request i leaves at i / rate whatever the earlier ones do; its latency counts from then (no coordinated omission). The full export of 1,000 runs at 20/s: at ~15 ms of workerd CPU each, 100/s is beyond what one workerd thread can serve (a growing queue, not a latency). Each scenario runs twice in a row: the first run ("settling") takes what the phase before left behind (after 600 requests of the 1,000-contact routes, the workerd thread stalls once for 110-180 ms, most likely a major garbage collection, not traced), the second is the steady state the budget is about. "Longest in the Worker" is the request with the most `app` time in Server-Timing (of it `db` and `limit`, the waits for D1 and the rate limiter); "slowest" is the request with the highest latency, with its own app / db time; "client late" is the most any request left after its planned moment, and "client stalled" the longest this Node client’s event loop was blocked: a slow request with none of these was waiting in the runtime before or after the handler.',
      '',
    );
    out.push(
      table(
        [
          'scenario',
          'rate /s',
          'requests',
          'achieved /s',
          'p50 ms',
          'p99 ms',
          'max ms',
          'longest in the Worker (app / db / limit) ms',
          'slowest: latency (app / db) ms',
          'client late / stalled ms',
          'settling run: p99 / max ms (longest app / db)',
          'statuses (settling + steady)',
        ],
        Object.entries(r.paced).map(([key, m]) => [
          key.replace('@', ', '),
          m.rate,
          m.count,
          fmt(m.achievedRate),
          fmt(m.p50),
          fmt(m.p99),
          fmt(m.max),
          m.longest ? `${fmt(m.longest.appMs)} / ${fmt(m.longest.dbMs)} / ${fmt(m.longest.limitMs)}` : 'n/a',
          m.worst ? `${fmt(m.worst.latency)} (${fmt(m.worst.appMs)} / ${fmt(m.worst.dbMs)})` : 'n/a',
          m.maxLateMs === undefined ? 'n/a' : `${fmt(m.maxLateMs)} / ${fmt(m.clientLoopDelayMaxMs)}`,
          m.settling
            ? `${fmt(m.settling.p99)} / ${fmt(m.settling.max)}${m.settling.longest ? ` (${fmt(m.settling.longest.appMs)} / ${fmt(m.settling.longest.dbMs)})` : ''}`
            : 'n/a',
          [m.settling, m]
            .filter(Boolean)
            .map((run) =>
              Object.entries(run.statuses)
                .map(([k, n]) => `${k}×${n}`)
                .join(' '),
            )
            .join(' + '),
        ]),
      ),
      '',
    );
  }
  if (r.storage)
    out.push(
      `**Storage:** the seeded D1 file holds ${r.storage.contacts.toLocaleString('en-US')} contacts (each with its first version and the search keys) in ${bytes(r.storage.fileBytes)} B: ${bytes(r.storage.bytesPerContact)} B per contact, indexes included.`,
      '',
    );

  out.push('### Load, production-like (deployable bundle on one workerd)', '');
  out.push(loadTable(r.load.prod, s.connections), '');
  if (r.load.dev) {
    out.push('### Load through `wrangler dev`', '');
    out.push(loadTable(r.load.dev, s.connections), '');
  }

  out.push('### Time per request inside the Worker (production-like, one request at a time)', '');
  out.push(
    `\`Server-Timing: app;dur=\` as the app reports it (src/observability/request-log.ts)${r.serverTimingPresent ? '' : ' — **missing on some or all responses**'}. Locally workerd's clock advances during execution but in whole milliseconds, so single values are 0, 1, 2 …; the mean over many requests is finer. It is wall time of the handler and includes the local SQLite work (D1 runs in the same workerd). "workerd CPU" is the process's user+system CPU over the run divided by the requests (tick ${fmt(r.cpuTickMs)} ms): it also counts HTTP parsing, the D1 object and the request-log line.`,
    '',
  );
  const singleRows = Object.entries(r.single).map(([key, m]) => {
    const [name, size] = key.split('@');
    const statuses = Object.entries(m.statuses)
      .map(([k, n]) => `${k}×${n}`)
      .join(' ');
    return [
      name,
      size ?? '–',
      m.count,
      m.serverTiming ? fmt(m.serverTiming.p50) : 'n/a',
      m.serverTiming ? fmt(m.serverTiming.p99) : 'n/a',
      m.serverTiming ? fmt(m.serverTiming.mean) : 'n/a',
      m.dbMean === undefined ? '–' : fmt(m.dbMean),
      fmt(m.cpuPerRequestMs),
      `${fmt(m.wall.p50)} / ${fmt(m.wall.p99)}`,
      statuses,
    ];
  });
  out.push(
    table(
      [
        'scenario',
        'contacts',
        'requests',
        '`app` p50 ms',
        '`app` p99 ms',
        '`app` mean ms',
        '`db` mean ms',
        'workerd CPU ms/req',
        'client wall p50/p99 ms',
        'statuses',
      ],
      singleRows,
    ),
    '',
  );
  out.push('`db` is the `db;dur=` metric (time waiting for D1) when the app reports it; `–` means it does not (yet).', '');

  if (r.apart) {
    const a = r.apart;
    out.push('### D1 apart: the same bundle with its D1 in a workerd of its own (reported, not a budget verdict)', '');
    out.push(
      `On Cloudflare D1 runs elsewhere; above, Miniflare runs it in the Worker's own workerd, where its SQLite, its checks of every row and its RPC share the Worker's one thread. Here the deployable bundle runs on one workerd and a second workerd holds the local D1: every call of the app's D1 binding goes there as JSON over HTTP (scripts/bench/lib/d1-apart-worker.mjs and d1-host-worker.mjs; that JSON is inside the app's \`db\` wait, as the D1 binding's own JavaScript is on Cloudflare). The Worker's workerd still holds Miniflare's entry and the local rate limiter (writes). ${s.single} single requests per scenario, then wrk with 10 connections for ${s.duration} s; both workerd processes and wrk share the machine's ${m.machine.cores} cores.`,
      '',
    );
    if (a.error) out.push(`**Left out in this run:** ${a.error}.`, '');
    else {
      out.push('The list answered here byte for byte as in the runner above.', '');
      // /healthz ran twice under wrk (first and last): its figures are the mean of both.
      const ha = healthzRef(a.load, 10);
      const hp = r.load?.prod ? healthzRef(r.load.prod, 10) : undefined;
      const rows = Object.entries(a.single).map(([key, m]) => {
        const load = key === 'healthz' ? ha : a.load[key]?.[10];
        const main = key === 'healthz' ? hp : r.load?.prod?.[key]?.[10];
        const list = (counts) =>
          Object.entries(counts ?? {})
            .filter(([, n]) => n > 0)
            .map(([k, n]) => `${k}×${n}`)
            .join(' ');
        const wrkStatuses = load ? `${list(load.status) || '–'}${load.socketErrors ? `, socket errors ${load.socketErrors}` : ''}` : '–';
        return [
          key,
          fmt(m.own?.mean),
          fmt(m.cpuPerRequestMs),
          fmt(m.alsoCpuPerRequestMs),
          load ? load.rps.toFixed(0) : '–',
          load && ha && key !== 'healthz' ? pct(load.rps / ha.rps) : '–',
          main && hp && key !== 'healthz' ? pct(main.rps / hp.rps) : '–',
          load?.workerCpuMs === undefined ? '–' : `${fmt(load.workerCpuMs)} / ${fmt(load.d1CpuMs)}`,
          `${list(m.statuses)} / ${wrkStatuses}`,
        ];
      });
      out.push(
        table(
          [
            'scenario (one request at a time, then wrk c10)',
            'Worker ms (app − db − limit), mean',
            "the Worker's workerd, CPU ms/req",
            "D1's workerd, CPU ms/req",
            'req/s c10',
            'share of /healthz',
            'share above (D1 in the same workerd)',
            "under wrk: CPU ms/req, the Worker's / D1's workerd",
            'statuses single / wrk',
          ],
          rows,
        ),
        '',
      );
    }
  }

  if (r.d1) {
    out.push('### D1 inside workerd (diagnostic wrapper Worker, mean per call over many calls in one request)', '');
    const kinds = [
      ['list', 'a page of ≤ 100 (`SELECT *`) + count in one batch (the list of round 1)'],
      ['listSlim', 'the same batch, only the columns a list row shows (what the list reads now, plus its facts row)'],
      ['listPageOnly', 'the page alone (`SELECT *`), no count'],
      ['exportAll', 'export query, `SELECT *` (what allContacts does)'],
      ['exportSlim', 'export query, only the 16 columns a vCard needs'],
      ['count', "create's cap check (count of live contacts)"],
    ];
    out.push(
      table(
        ['D1 call', ...SIZES_FOR_REPORT.map((n) => `${n} contacts, ms`)],
        [
          ...kinds.map(([k, label]) => [label, ...SIZES_FOR_REPORT.map((n) => fmt(r.d1[`${k}@${n}`]))]),
          ['`SELECT 1` (fixed cost of a D1 round trip)', fmt(r.d1.ping), '', ''],
        ],
      ),
      '',
    );
  }

  out.push('### Bundle and start-up', '');
  const b = r.bundle;
  const st = r.startup;
  out.push(
    table(
      ['what', 'value'],
      [
        ...(b.production
          ? [
              [
                'production bundle `production.js` (--env production, what deploys) raw / gzip / brotli',
                `${bytes(b.production.raw)} B / ${bytes(b.production.gzip)} B / ${bytes(b.production.brotli)} B`,
              ],
            ]
          : []),
        [
          'bundle `index.js` (default entry, run by the bench) raw / gzip / brotli',
          `${bytes(b.raw)} B / ${bytes(b.gzip)} B / ${bytes(b.brotli)} B`,
        ],
        [
          `largest parts${b.breakdownOf === 'production' ? ' of the production bundle' : ''}: raw B (gzip B of that part alone), from the source map`,
          b.breakdown.packages
            .slice(0, 6)
            .map((p) => `${p.name} ${bytes(p.bytes)} (${bytes(p.gzip)})`)
            .join(', '),
        ],
        [
          `largest app files${b.breakdownOf === 'production' ? ' of the production bundle' : ''}, raw B (gzip B alone)`,
          b.breakdown.appFiles
            .slice(0, 8)
            .map((f) => `${f.name} ${bytes(f.bytes)} (${bytes(f.gzip)})`)
            .join(', '),
        ],
        [
          'of zod: locales (unused translations) / JSON-schema code',
          `${bytes(b.breakdown.zodLocales)} B / ${bytes(b.breakdown.zodJsonSchema)} B`,
        ],
        ['Miniflare ready with the bundle (workerd start + compile)', `${fmt(st.prodReadyMs)} ms`],
        ['Miniflare ready with an empty Worker (same set-up)', `${fmt(st.emptyReadyMs)} ms`],
        [
          'first request after start (list of 50, cold isolate)',
          `${fmt(st.firstRequestMs)} ms client, ${st.firstRequestServerTiming ?? 'n/a'} ms Server-Timing`,
        ],
        ['module evaluation of the bundle in Node (parse + global scope)', `${fmt(st.nodeImportMs)} ms`],
        ['`wrangler dev` until /healthz answers (build + two workerd)', st.devReadyMs ? `${fmt(st.devReadyMs)} ms` : 'skipped'],
      ],
    ),
    '',
  );

  out.push('### Bytes on the wire (bodies compressed here with node:zlib: gzip level 6, brotli quality 11)', '');
  const byteRows = [
    'firstPage',
    'resultsFragment',
    'oneRowFragment',
    'formFragment',
    'editFragment',
    'exportOne',
    'export50',
    'export1000',
  ].map((key) => {
    const e = r.bytes[key];
    return [e.what, bytes(e.raw), bytes(e.gzip), bytes(e.brotli), bytes(e.headerBytes)];
  });
  const f = r.floor;
  byteRows.push(
    [
      "floor: one contact's data (tab-separated fields; 1,000-contact average in brackets)",
      `${bytes(f.one.raw)} (${bytes(f.oneAverage)})`,
      bytes(f.one.gzip),
      bytes(f.one.brotli),
      '',
    ],
    ['floor: data of 50 contacts', bytes(f[50].raw), bytes(f[50].gzip), bytes(f[50].brotli), ''],
    ['floor: data of 1,000 contacts', bytes(f[1000].raw), bytes(f[1000].gzip), bytes(f[1000].brotli), ''],
    [
      'first page: its inline `<style>`',
      bytes(r.bytes.anatomy.inlineCss.raw),
      bytes(r.bytes.anatomy.inlineCss.gzip),
      bytes(r.bytes.anatomy.inlineCss.brotli),
      '',
    ],
    [
      `first page: its ${r.bytes.firstPage.rows} rows (${bytes(r.bytes.anatomy.perRowRaw)} B raw per row)`,
      bytes(r.bytes.anatomy.rows.raw),
      bytes(r.bytes.anatomy.rows.gzip),
      bytes(r.bytes.anatomy.rows.brotli),
      '',
    ],
  );
  out.push(table(['body', 'raw B', 'gzip B', 'brotli B', 'response headers B'], byteRows), '');

  if (r.js) {
    out.push('### Scripts of the first page (served by `wrangler dev` from public/)', '');
    out.push(
      table(
        ['src', 'status', 'defer', 'fingerprinted', 'Cache-Control', 'raw B', 'gzip B'],
        r.js.scripts.map((x) => [
          `\`${x.src}\``,
          x.status ?? 'n/a',
          x.defer ? 'yes' : 'no',
          x.fingerprinted ? 'yes' : 'no',
          x.cacheControl ?? 'n/a',
          bytes(x.raw),
          bytes(x.gzip),
        ]),
      ),
      '',
    );
  }

  out.push('### Query plans (SQLite `EXPLAIN QUERY PLAN` on the seeded file)', '');
  out.push(
    table(
      ['query', 'plan'],
      Object.entries(r.plans).map(([k, p]) => [k, `\`${p}\``]),
    ),
    '',
  );
  if (r.prodErrors?.length)
    out.push('### Errors logged by the Worker during the run', '', ...r.prodErrors.map((e) => `- \`${e.replace(/`/g, "'")}\``), '');
  return out.join('\n');
}

/** Replaces the generated section of docs/benchmarks.md, keeping everything else. */
export function writeReport(file, markdown) {
  const section = `${START}\n${markdown}\n${END}`;
  let text;
  if (!existsSync(file)) {
    text = `# Benchmarks\n\nHow fast and how small Kontakte is, measured locally. Run \`npm run bench\` (under 5 minutes on two cores; needs \`wrk\`). The section between the bench markers is generated; other sections (for example a load test) can live beside it.\n\n${section}\n`;
  } else {
    const current = readFileSync(file, 'utf8');
    const start = current.indexOf(START);
    const end = current.indexOf(END);
    text =
      start >= 0 && end > start
        ? current.slice(0, start) + section + current.slice(end + END.length)
        : `${current.trimEnd()}\n\n${section}\n`;
  }
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

/** The wrk/single-request scenario (asset of 50) that measures the same thing as a route. */
const SCENARIO_OF_ROUTE = {
  list: 'list@50',
  search: 'search@50',
  'export one': 'one vCard@50',
  'export all': 'full export@50',
  create: 'create@50',
  update: 'update@50',
};

/** Round 1 (2026-11-29, docs/benchmarks.md before this round): throughput share of /healthz. */
const BEFORE = { list: { shareOfHealthz: 0.11 }, 'export all': { shareOfHealthz: 0.16 }, create: { shareOfHealthz: 0.14 } };

/**
 * The figures the chart (scripts/bench/chart.mjs) and the cost model (scripts/bench/capacity.mjs)
 * read: docs/bench/results.json.
 */
export function benchSummary(r) {
  const h = r.load?.prod ? healthzRef(r.load.prod, 10) : undefined;
  const routes = Object.entries(r.routes ?? {}).map(([route, m]) => {
    const key = SCENARIO_OF_ROUTE[route];
    const c10 = key ? r.load?.prod?.[key]?.[10] : undefined;
    const single = key ? r.single?.[key] : undefined;
    const round = (x, digits = 3) => (x === undefined || x === null || Number.isNaN(x) ? null : Number(x.toFixed(digits)));
    return {
      route,
      kind: m.kind,
      roundTrips: m.maxRoundTrips,
      rowsRead: round(m.rowsRead, 1),
      rowsWritten: round(m.rowsWritten, 1),
      workerMs: round(single?.own?.mean ?? m.own),
      cpuMs: round(single?.cpuPerRequestMs),
      // The wait for the local rate limiter (writes): part of workerd's CPU, neither D1's nor the Worker's.
      limitMs: round(single?.limitMean),
      shareOfHealthz: c10 && h ? round(c10.rps / h.rps) : null,
      rttP50Ms: round(r.routesRtt?.[route]?.wall.p50, 1),
    };
  });
  return {
    meta: {
      date: r.meta.date,
      commit: r.meta.commit,
      machine: `${r.meta.machine.cpu}, ${r.meta.machine.cores} cores`,
    },
    rttMs: r.meta.settings.rttMs,
    routes,
    storage: r.storage,
    bigImport: r.bigImport
      ? {
          cards: r.bigImport.cards,
          cpuMs: Number((r.bigImport.stage.cpuMs + (r.bigImport.preview?.cpuMs ?? 0) + r.bigImport.confirm.cpuMs).toFixed(1)),
        }
      : undefined,
    before: BEFORE,
  };
}
