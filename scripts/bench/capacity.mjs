// `npm run capacity [results.json]`: the cost and capacity model to a million apartments, computed
// from the bench's measured figures (docs/bench/results.json: rows read and written, D1 round
// trips and CPU per route, bytes stored per contact) and the stated assumptions below. Prints the
// section and rewrites docs/architecture.md between `<!-- capacity:start -->` and
// `<!-- capacity:end -->` (the prose around the markers is kept). `--print` only prints.
//
// capacityModel() and renderCapacityMarkdown() are pure: the bench (scripts/bench/run.mjs) and the
// tests call them directly.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const RESULTS_FILE = join(root, 'docs', 'bench', 'results.json');
export const EXAMPLE_FILE = join(root, 'docs', 'bench', 'results.example.json');
export const ARCHITECTURE_FILE = join(root, 'docs', 'architecture.md');
export const START_MARKER = '<!-- capacity:start -->';
export const END_MARKER = '<!-- capacity:end -->';

/** The route names the bench measures, in the order the tables show them. */
export const ROUTES = [
  'list',
  'search',
  'card',
  'qr',
  'print',
  'export one',
  'export all',
  'warranty.ics',
  'create',
  'update',
  'merged update',
  'restore version',
  'delete',
  'restore',
  'import stage',
  'import preview',
  'import confirm',
];

/**
 * The published prices and limits, as read on 2026-11-30 (Workers Paid, Standard usage model).
 * GB are decimal (10^9 bytes), as D1 counts them.
 */
export const CLOUDFLARE = {
  readOn: '2026-11-30',
  urls: {
    workersPricing: 'https://developers.cloudflare.com/workers/platform/pricing/',
    workersLimits: 'https://developers.cloudflare.com/workers/platform/limits/',
    d1Pricing: 'https://developers.cloudflare.com/d1/platform/pricing/',
    d1Limits: 'https://developers.cloudflare.com/d1/platform/limits/',
  },
  workers: {
    baseUsd: 5,
    requestsIncluded: 10e6,
    usdPerMillionRequests: 0.3,
    cpuMsIncluded: 30e6,
    usdPerMillionCpuMs: 0.02,
    cpuMsPerInvocationDefault: 30_000,
  },
  d1: {
    rowsReadIncluded: 25e9,
    usdPerMillionRowsRead: 0.001,
    rowsWrittenIncluded: 50e6,
    usdPerMillionRowsWritten: 1,
    storageGbIncluded: 5,
    usdPerGbMonth: 0.75,
    maxDatabaseGb: 10,
    maxAccountStorageGb: 1000,
    databasesPerAccount: 50_000,
    bindingsPerWorker: 5_000,
    queriesPerInvocation: 1_000,
  },
};

/**
 * What the model assumes; every figure is printed with the result.
 * `mix`: requests per active buyer per month, per route (a page view or a write each).
 */
export const DEFAULT_ASSUMPTIONS = {
  scales: [10_000, 100_000, 1_000_000],
  buyersPerApartment: 1.8,
  activeShare: 0.25,
  mix: {
    list: 6,
    search: 2,
    card: 4,
    qr: 0.5,
    print: 0.1,
    'export one': 0.5,
    'export all': 0.2,
    'warranty.ics': 0.2,
    create: 1.5,
    update: 0.5,
    'merged update': 0.02,
    'restore version': 0.02,
    delete: 0.2,
    restore: 0.02,
    'import stage': 0.05,
    // Every upload is followed to its preview (stop 64).
    'import preview': 0.05,
    'import confirm': 0.04,
  },
  contactsPerApartment: 25,
  contactsCap: 1_000,
  // The bench measures list, search, print and the exports on an asset of 50 contacts; their rows
  // read grow with the asset (a page holds 100), so they are scaled to contactsPerApartment.
  measuredAssetContacts: 50,
  perAssetRoutes: ['list', 'search', 'print', 'export all', 'warranty.ics'],
  busiestDayShare: 0.1,
  busiestHourShare: 0.15,
  d1QueryMs: 1,
  targetUtilisation: 0.5,
  maxFill: 0.8,
};

/** @param {unknown} value */
const isRecord = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
/** @param {unknown} value */
const isNumberOrNull = (value) => value === null || value === undefined || (typeof value === 'number' && Number.isFinite(value));

/**
 * Checks the shape of a results.json (it comes from a file, so nothing is taken on trust) and
 * returns it; throws with the path of the first thing that is wrong.
 * @param {unknown} data
 */
export function parseResults(data) {
  if (!isRecord(data)) throw new Error('results: not an object');
  if (!Array.isArray(data.routes)) throw new Error('results.routes: not an array');
  data.routes.forEach((route, i) => {
    if (!isRecord(route) || typeof route.route !== 'string') throw new Error(`results.routes[${i}].route: not a string`);
    for (const key of ['roundTrips', 'rowsRead', 'rowsWritten']) {
      if (typeof route[key] !== 'number' || !Number.isFinite(route[key]) || route[key] < 0) {
        throw new Error(`results.routes[${i}].${key}: not a number ≥ 0`);
      }
    }
    for (const key of ['workerMs', 'cpuMs', 'shareOfHealthz', 'rttP50Ms']) {
      if (!isNumberOrNull(route[key])) throw new Error(`results.routes[${i}].${key}: not a number or null`);
    }
  });
  if (!isRecord(data.storage) || typeof data.storage.bytesPerContact !== 'number' || !(data.storage.bytesPerContact > 0)) {
    throw new Error('results.storage.bytesPerContact: not a number > 0');
  }
  if (data.before !== undefined && !isRecord(data.before)) throw new Error('results.before: not an object');
  return data;
}

const positive = (n) => Math.max(0, n);
const usd = (units, included, pricePerMillion) => (positive(units - included) / 1e6) * pricePerMillion;

/**
 * The cost and capacity model.
 * @param {ReturnType<typeof parseResults>} results the bench's results.json
 * @param {typeof DEFAULT_ASSUMPTIONS} assumptions
 */
export function capacityModel(results, assumptions = DEFAULT_ASSUMPTIONS) {
  const a = assumptions;
  const cf = CLOUDFLARE;
  const measured = new Map(results.routes.map((r) => [r.route, r]));
  const warnings = [];

  // Per route and per active buyer and month.
  const routes = [];
  for (const [name, perBuyer] of Object.entries(a.mix)) {
    const r = measured.get(name);
    if (!r) {
      warnings.push(`route "${name}" is in the mix but not in the results: left out`);
      continue;
    }
    const scale = a.perAssetRoutes.includes(name) ? a.contactsPerApartment / a.measuredAssetContacts : 1;
    // What Cloudflare bills is the Worker's own CPU: the time without the D1 wait (`workerMs`);
    // workerd's whole CPU (`cpuMs`, local D1 and HTTP included) only where that is missing.
    const cpuSource = typeof r.workerMs === 'number' ? 'workerMs' : typeof r.cpuMs === 'number' ? 'cpuMs' : 'none';
    if (cpuSource === 'none') warnings.push(`route "${name}" has neither cpuMs nor workerMs: counted as 0 ms CPU`);
    const cpuMs = cpuSource === 'cpuMs' ? r.cpuMs : cpuSource === 'workerMs' ? r.workerMs : 0;
    // workerd's CPU minus the Worker's own time and the local rate limiter's wait (writes) is
    // local SQLite's: a measured D1 time per round trip.
    const d1Ms =
      typeof r.cpuMs === 'number' && typeof r.workerMs === 'number' && r.roundTrips > 0
        ? positive(r.cpuMs - r.workerMs - (r.limitMs ?? 0)) / r.roundTrips
        : null;
    routes.push({
      route: name,
      perActiveBuyer: perBuyer,
      roundTrips: r.roundTrips,
      rowsRead: r.rowsRead * scale,
      rowsWritten: r.rowsWritten,
      cpuMs,
      cpuSource,
      d1MsPerRoundTrip: d1Ms,
    });
  }
  for (const r of results.routes) {
    if (!(r.route in a.mix)) warnings.push(`route "${r.route}" is measured but not in the mix: no traffic assumed`);
  }

  const perBuyer = { requests: 0, roundTrips: 0, rowsRead: 0, rowsWritten: 0, cpuMs: 0 };
  let d1MsWeighted = 0;
  let d1MsWeight = 0;
  for (const r of routes) {
    perBuyer.requests += r.perActiveBuyer;
    perBuyer.roundTrips += r.perActiveBuyer * r.roundTrips;
    perBuyer.rowsRead += r.perActiveBuyer * r.rowsRead;
    perBuyer.rowsWritten += r.perActiveBuyer * r.rowsWritten;
    perBuyer.cpuMs += r.perActiveBuyer * r.cpuMs;
    if (r.d1MsPerRoundTrip !== null) {
      d1MsWeighted += r.perActiveBuyer * r.roundTrips * r.d1MsPerRoundTrip;
      d1MsWeight += r.perActiveBuyer * r.roundTrips;
    }
  }
  const measuredD1QueryMs = d1MsWeight > 0 ? d1MsWeighted / d1MsWeight : null;
  // The slower of the assumed and the locally measured query time: one database's throughput.
  const queryMs = Math.max(a.d1QueryMs, measuredD1QueryMs ?? 0);
  const databaseQps = 1000 / queryMs;
  const roundTripsPerRequest = perBuyer.requests > 0 ? perBuyer.roundTrips / perBuyer.requests : 0;

  const bytesPerContact = results.storage.bytesPerContact;
  const bytesPerApartment = a.contactsPerApartment * bytesPerContact;
  // The worst case is an asset at its byte budget (1,000 contacts with their versions and 1,000
  // deleted ones): the bench measures what that budget takes on disk, indexes included.
  const worstBytesPerApartment = Math.max(a.contactsCap * bytesPerContact, results.storage.worstBytesPerAsset ?? 0);
  const plannedDatabaseBytes = cf.d1.maxDatabaseGb * 1e9 * a.maxFill;
  const apartmentsPerDatabase = Math.floor(plannedDatabaseBytes / bytesPerApartment);
  const worstApartmentsPerDatabase = Math.floor(plannedDatabaseBytes / worstBytesPerApartment);
  const maxRoundTrips = Math.max(0, ...results.routes.map((r) => r.roundTrips));
  // The heaviest single request: a route of the mix, or the 1,000-card import (workerd CPU).
  const maxCpuMs = Math.max(0, ...routes.map((r) => r.cpuMs), results.bigImport?.cpuMs ?? 0);

  const scales = a.scales.map((apartments) => {
    const buyers = apartments * a.buyersPerApartment;
    const activeBuyers = buyers * a.activeShare;
    const requests = activeBuyers * perBuyer.requests;
    const cpuMs = activeBuyers * perBuyer.cpuMs;
    const rowsRead = activeBuyers * perBuyer.rowsRead;
    const rowsWritten = activeBuyers * perBuyer.rowsWritten;
    const storageGb = (apartments * bytesPerApartment) / 1e9;
    const worstStorageGb = (apartments * worstBytesPerApartment) / 1e9;
    const peakRps = (requests * a.busiestDayShare * a.busiestHourShare) / 3600;
    const peakQps = peakRps * roundTripsPerRequest;
    const usableQps = databaseQps * a.targetUtilisation;
    const plannedGb = plannedDatabaseBytes / 1e9;
    const databasesBySize = Math.max(1, Math.ceil(storageGb / plannedGb));
    const databasesByThroughput = Math.max(1, Math.ceil(peakQps / usableQps));
    const databases = Math.max(databasesBySize, databasesByThroughput);
    const worstDatabases = Math.max(Math.ceil(worstStorageGb / plannedGb), databasesByThroughput, 1);

    const workers = {
      base: cf.workers.baseUsd,
      requests: usd(requests, cf.workers.requestsIncluded, cf.workers.usdPerMillionRequests),
      cpu: usd(cpuMs, cf.workers.cpuMsIncluded, cf.workers.usdPerMillionCpuMs),
    };
    const d1 = {
      rowsRead: usd(rowsRead, cf.d1.rowsReadIncluded, cf.d1.usdPerMillionRowsRead),
      rowsWritten: usd(rowsWritten, cf.d1.rowsWrittenIncluded, cf.d1.usdPerMillionRowsWritten),
      storage: positive(storageGb - cf.d1.storageGbIncluded) * cf.d1.usdPerGbMonth,
      worstStorage: positive(worstStorageGb - cf.d1.storageGbIncluded) * cf.d1.usdPerGbMonth,
    };
    const workersTotal = workers.base + workers.requests + workers.cpu;
    const d1Total = d1.rowsRead + d1.rowsWritten + d1.storage;
    const total = workersTotal + d1Total;
    // What the usage costs when the account's included amounts are already spent elsewhere.
    const metered =
      (requests / 1e6) * cf.workers.usdPerMillionRequests +
      (cpuMs / 1e6) * cf.workers.usdPerMillionCpuMs +
      (rowsRead / 1e6) * cf.d1.usdPerMillionRowsRead +
      (rowsWritten / 1e6) * cf.d1.usdPerMillionRowsWritten +
      storageGb * cf.d1.usdPerGbMonth;

    const limits = [
      limit(
        'database-size',
        `${cf.d1.maxDatabaseGb} GB per D1 database (planned fill ${pct(a.maxFill)})`,
        plannedGb,
        storageGb,
        worstStorageGb,
      ),
      limit(
        'database-throughput',
        `one database, ${round(databaseQps).toLocaleString('en-US')} queries/s (at ${pct(a.targetUtilisation)} load)`,
        usableQps,
        peakQps,
        peakQps,
      ),
      limit(
        'account-storage',
        `${cf.d1.maxAccountStorageGb / 1000} TB D1 storage per account (raised on request)`,
        cf.d1.maxAccountStorageGb,
        storageGb,
        worstStorageGb,
      ),
      limit(
        'bindings-per-worker',
        `~${cf.d1.bindingsPerWorker.toLocaleString('en-US')} D1 bindings per Worker`,
        cf.d1.bindingsPerWorker,
        databases,
        worstDatabases,
      ),
      limit(
        'databases-per-account',
        `${cf.d1.databasesPerAccount.toLocaleString('en-US')} D1 databases per account`,
        cf.d1.databasesPerAccount,
        databases,
        worstDatabases,
      ),
      limit(
        'queries-per-invocation',
        `${cf.d1.queriesPerInvocation.toLocaleString('en-US')} D1 queries per Worker invocation`,
        cf.d1.queriesPerInvocation,
        maxRoundTrips,
        maxRoundTrips,
      ),
      limit(
        'cpu-per-invocation',
        `${cf.workers.cpuMsPerInvocationDefault / 1000} s CPU per invocation (default)`,
        cf.workers.cpuMsPerInvocationDefault,
        maxCpuMs,
        maxCpuMs,
      ),
    ];
    const included = {
      requests: requests / cf.workers.requestsIncluded,
      cpuMs: cpuMs / cf.workers.cpuMsIncluded,
      rowsRead: rowsRead / cf.d1.rowsReadIncluded,
      rowsWritten: rowsWritten / cf.d1.rowsWrittenIncluded,
      storage: storageGb / cf.d1.storageGbIncluded,
    };
    return {
      apartments,
      buyers,
      activeBuyers,
      requests,
      cpuMs,
      rowsRead,
      rowsWritten,
      storageGb,
      worstStorageGb,
      peakRps,
      peakQps,
      databasesBySize,
      databasesByThroughput,
      databases,
      worstDatabases,
      included,
      cost: {
        workers: { ...workers, total: workersTotal },
        d1: { ...d1, total: d1Total },
        total,
        perApartment: total / apartments,
        metered,
      },
      limits,
    };
  });

  return {
    source: isRecord(results.meta) ? results.meta : {},
    assumptions: a,
    cloudflare: cf,
    routes,
    perActiveBuyer: perBuyer,
    roundTripsPerRequest,
    measuredD1QueryMs,
    queryMs,
    databaseQps,
    bytesPerContact,
    apartmentsPerDatabase,
    worstApartmentsPerDatabase,
    worstBytesPerApartment,
    worstFromBudget: (results.storage.worstBytesPerAsset ?? 0) > a.contactsCap * bytesPerContact,
    cpuSources: [...new Set(routes.map((r) => r.cpuSource))],
    scales,
    warnings,
  };
}

/** A published limit against the model's typical and worst-case value. */
function limit(key, label, bound, value, worst) {
  return { key, label, limit: bound, value, worst, binds: value > bound, bindsWorst: worst > bound };
}

const round = (n) => Math.round(n);
/** A share as a percentage: one decimal, or two significant digits below 1%. */
const pct = (share) => {
  const percent = share * 100;
  return `${percent === 0 || percent >= 1 ? +percent.toFixed(1) : +percent.toPrecision(2)}%`;
};

/** 1234 → "1,234", 7_125_000 → "7.13 M", 2.5e9 → "2.5 B": three significant digits beyond 10,000. */
export function formatCount(n) {
  if (!Number.isFinite(n)) return String(n);
  const abs = Math.abs(n);
  const sig = (x) => String(+x.toPrecision(3));
  if (abs >= 1e9) return `${sig(n / 1e9)} B`;
  if (abs >= 1e6) return `${sig(n / 1e6)} M`;
  if (abs >= 1e4) return `${sig(n / 1e3)} k`;
  return (+n.toPrecision(3)).toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** USD with cents, grouped: 1234.5 → "$1,234.50". */
export function formatUsd(n) {
  return `$${n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

const formatGb = (gb) => (gb >= 1000 ? `${formatCount(gb / 1000)} TB` : `${formatCount(gb)} GB`);
const scaleName = (apartments) => `${formatCount(apartments).replace(' ', '\u202f')} apartments`;

/**
 * The section between the capacity markers (Markdown).
 * @param {ReturnType<typeof capacityModel>} model
 * @param {{ example?: boolean }} [options] example: the figures are the example fixture's, not a measurement
 */
export function renderCapacityMarkdown(model, options = {}) {
  const a = model.assumptions;
  const cf = model.cloudflare;
  const s = model.scales;
  const lines = [];
  const row = (cells) => lines.push(`| ${cells.join(' | ')} |`);
  const src = model.source;
  const measuredOn = [src.date, src.commit && `commit ${src.commit}`, src.machine].filter(Boolean).join(', ');

  lines.push(
    `_Computed by \`npm run capacity\` (scripts/bench/capacity.mjs) from the bench's measured figures${measuredOn ? ` (${measuredOn})` : ''}` +
      ' and the assumptions below; rewritten on every run, edit the script rather than this section._',
    ...(options.example
      ? [
          '',
          '**These figures come from the example fixture (docs/bench/results.example.json), not from a measurement: run `npm run bench`.**',
        ]
      : []),
    '',
    '**Assumptions.**',
    '',
    `- ${a.buyersPerApartment} buyers per apartment; ${pct(a.activeShare)} of buyers use Kontakte in a given month.`,
    `- ${a.contactsPerApartment} contacts per apartment typically with ${model.bytesPerContact.toLocaleString('en-US')} bytes each (measured: the row with its first version, search keys and indexes);` +
      (model.worstFromBudget
        ? ` in the worst case an apartment at its storage budget, ${formatCount(model.worstBytesPerApartment / 1e6)} MB (1,000 contacts with their versions and 1,000 deleted ones: the 10 MB budget as it lies on disk, measured).`
        : ` in the worst case ${a.contactsCap.toLocaleString('en-US')} contacts (the cap), ${formatCount(model.worstBytesPerApartment / 1e6)} MB.`),
    `- Rows read of ${a.perAssetRoutes.join(', ')} are measured on an asset of ${a.measuredAssetContacts} contacts and scaled to ${a.contactsPerApartment}.`,
    `- Worker CPU is the Worker's own time per request without the waits for D1 and the rate limiter (\`app − db − limit\`, what Cloudflare bills)${model.cpuSources.includes('cpuMs') ? "; where that was not measured, workerd's whole CPU including local D1 (marked ¹)" : ''}.`,
    `- Peak: ${pct(a.busiestDayShare)} of a month's requests fall on the busiest day, ${pct(a.busiestHourShare)} of that day's in its busiest hour.`,
    `- One D1 database runs one query at a time: ${formatCount(model.databaseQps)} queries/s at ${+model.queryMs.toFixed(2)} ms a query` +
      ` (the larger of ${a.d1QueryMs} ms assumed and ${model.measuredD1QueryMs === null ? 'nothing' : `${+model.measuredD1QueryMs.toFixed(2)} ms`} measured locally per round trip),` +
      ` planned at ${pct(a.targetUtilisation)} load; a database is planned to be filled to ${pct(a.maxFill)} of ${cf.d1.maxDatabaseGb} GB.`,
    '',
    'Requests per active buyer and month, and what one request costs:',
    '',
  );
  row(['route', 'per active buyer / month', 'D1 round trips', 'rows read', 'rows written', 'CPU ms']);
  row(['---', '---:', '---:', '---:', '---:', '---:']);
  for (const r of model.routes) {
    const cpu = r.cpuSource === 'none' ? '–' : `${+r.cpuMs.toFixed(2)}${r.cpuSource === 'cpuMs' ? ' ¹' : ''}`;
    row([r.route, String(r.perActiveBuyer), String(r.roundTrips), formatCount(r.rowsRead), formatCount(r.rowsWritten), cpu]);
  }
  const p = model.perActiveBuyer;
  row([
    '**all**',
    `**${formatCount(p.requests)}**`,
    formatCount(p.roundTrips),
    formatCount(p.rowsRead),
    formatCount(p.rowsWritten),
    formatCount(p.cpuMs),
  ]);

  lines.push('', '**Per month.**', '');
  row(['', ...s.map((x) => scaleName(x.apartments))]);
  row(['---', ...s.map(() => '---:')]);
  row(['buyers (active)', ...s.map((x) => `${formatCount(x.buyers)} (${formatCount(x.activeBuyers)})`)]);
  row(['Worker requests', ...s.map((x) => formatCount(x.requests))]);
  row(['Worker CPU ms', ...s.map((x) => formatCount(x.cpuMs))]);
  row(['D1 rows read', ...s.map((x) => formatCount(x.rowsRead))]);
  row(['D1 rows written', ...s.map((x) => formatCount(x.rowsWritten))]);
  row(['D1 storage (worst case)', ...s.map((x) => `${formatGb(x.storageGb)} (${formatGb(x.worstStorageGb)})`)]);
  row(['peak requests/s (D1 queries/s)', ...s.map((x) => `${formatCount(x.peakRps)} (${formatCount(x.peakQps)})`)]);
  row(['D1 databases needed (worst case)', ...s.map((x) => `${x.databases} (${x.worstDatabases})`)]);
  row(['Workers: base + requests + CPU', ...s.map((x) => formatUsd(x.cost.workers.total))]);
  row(['D1: rows read + written + storage', ...s.map((x) => formatUsd(x.cost.d1.total))]);
  row(['**total per month**', ...s.map((x) => `**${formatUsd(x.cost.total)}**`)]);
  row(['usage alone, none of it included', ...s.map((x) => formatUsd(x.cost.metered))]);
  row(['per 1,000 apartments and month', ...s.map((x) => formatUsd(x.cost.perApartment * 1000))]);
  row([
    'share of the included amounts used (requests, CPU, rows read, rows written, storage)',
    ...s.map((x) =>
      [x.included.requests, x.included.cpuMs, x.included.rowsRead, x.included.rowsWritten, x.included.storage].map(pct).join(' / '),
    ),
  ]);
  lines.push(
    '',
    `The worst case fills every apartment to its storage budget (storage ${formatUsd(s.at(-1)?.cost.d1.worstStorage ?? 0)} a month at the largest scale instead);` +
      ` one planned database holds about ${formatCount(model.apartmentsPerDatabase)} typical apartments or ${formatCount(model.worstApartmentsPerDatabase)} full ones.`,
    '',
    '**Published limits** (✓ holds, **binds** where the model exceeds it; typical / worst case):',
    '',
  );
  row(['limit', ...s.map((x) => scaleName(x.apartments))]);
  row(['---', ...s.map(() => '---')]);
  const first = s[0];
  for (const [i, l] of (first?.limits ?? []).entries()) {
    row([
      l.label,
      ...s.map((x) => {
        const m = x.limits[i];
        if (!m) return '';
        const mark = (value, binds) => `${formatLimitValue(m.key, value)} ${binds ? '**binds**' : '✓'}`;
        return m.value === m.worst ? mark(m.value, m.binds) : `${mark(m.value, m.binds)} / ${mark(m.worst, m.bindsWorst)}`;
      }),
    ]);
  }
  if (model.warnings.length > 0) lines.push('', ...model.warnings.map((w) => `- Note: ${w}.`));
  lines.push(
    '',
    `Prices and limits (Workers Paid, Standard usage model; read ${cf.readOn}): Workers $${cf.workers.baseUsd} a month with` +
      ` ${formatCount(cf.workers.requestsIncluded)} requests (then $${cf.workers.usdPerMillionRequests.toFixed(2)} per million) and` +
      ` ${formatCount(cf.workers.cpuMsIncluded)} CPU ms (then $${cf.workers.usdPerMillionCpuMs} per million) included;` +
      ` D1 ${formatCount(cf.d1.rowsReadIncluded)} rows read (then $${cf.d1.usdPerMillionRowsRead} per million),` +
      ` ${formatCount(cf.d1.rowsWrittenIncluded)} rows written (then $${cf.d1.usdPerMillionRowsWritten.toFixed(2)} per million) and` +
      ` ${cf.d1.storageGbIncluded} GB (then $${cf.d1.usdPerGbMonth} per GB-month) included.` +
      ` Sources: ${cf.urls.workersPricing}, ${cf.urls.workersLimits}, ${cf.urls.d1Pricing}, ${cf.urls.d1Limits}.`,
  );
  return `${lines.join('\n')}\n`;
}

function formatLimitValue(key, value) {
  if (key === 'database-size' || key === 'account-storage') return formatGb(value);
  if (key === 'database-throughput') return `${formatCount(value)}/s`;
  if (key === 'cpu-per-invocation') return `${formatCount(value)} ms`;
  return formatCount(value);
}

/**
 * Replaces what lies between the capacity markers in `document` with `section`.
 * @param {string} document
 * @param {string} section
 */
export function replaceBetweenMarkers(document, section) {
  const start = document.indexOf(START_MARKER);
  const end = document.indexOf(END_MARKER);
  if (start < 0 || end < start) throw new Error(`the document has no ${START_MARKER} … ${END_MARKER} section`);
  return `${document.slice(0, start + START_MARKER.length)}\n${section}${document.slice(end)}`;
}

/**
 * Reads and checks a results file. Without an explicit file, docs/bench/results.json, or the
 * example beside it while the bench has not written one yet (`fellBack`).
 * @param {string} [file]
 */
export function loadResults(file) {
  const fellBack = file === undefined && !existsSync(RESULTS_FILE);
  const path = file ?? (fellBack ? EXAMPLE_FILE : RESULTS_FILE);
  return { path, fellBack, results: parseResults(JSON.parse(readFileSync(path, 'utf8'))) };
}

function main(argv) {
  const printOnly = argv.includes('--print');
  const file = argv.find((arg) => !arg.startsWith('--'));
  const { path, fellBack, results } = loadResults(file);
  if (fellBack)
    console.warn(`capacity: ${relative(root, RESULTS_FILE)} does not exist yet (npm run bench writes it); using ${relative(root, path)}`);
  const section = renderCapacityMarkdown(capacityModel(results), { example: path === EXAMPLE_FILE });
  console.log(section);
  if (printOnly) return;
  writeFileSync(ARCHITECTURE_FILE, replaceBetweenMarkers(readFileSync(ARCHITECTURE_FILE, 'utf8'), section));
  console.warn(`capacity: rewrote the section of ${relative(root, ARCHITECTURE_FILE)} from ${relative(root, path)}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main(process.argv.slice(2));
