// Every route a buyer uses, one request at a time against the D1 wrapper Worker
// (d1-bench-worker.mjs): D1 calls, sequential round trips, rows read and written as D1 reports
// them, Worker time (Server-Timing) and the latency at the client. Run once without delay (the
// counts) and once with every D1 round trip delayed by an RTT (a far-away database).
//
// Writes form chains on contacts the run creates itself, so that every step is what it claims
// to be: create → update (co-buyer B) → merged update (A, from the version before B's save,
// another field) → restore version 1 → delete → restore; and imports: stage → confirm.
import { makeContact, prng } from './data.mjs';
import { percentile, send, serverTimings } from './measure.mjs';
import { cookieOf, makeTokenFactory, SEARCH_TERMS } from './scenarios.mjs';

/** The routes in report order, with what the budgets expect of them. */
export /** The book's state a preview was read in (its form's hidden `book`). */
const bookOf = (html) => /<input type="hidden" name="book" value="([^"]*)"/.exec(html)?.[1] ?? '';

const ROUTES = [
  { route: 'list', kind: 'read' },
  { route: 'search', kind: 'read' },
  { route: 'card', kind: 'read' },
  { route: 'qr', kind: 'read' },
  { route: 'print', kind: 'read' },
  { route: 'export one', kind: 'read' },
  { route: 'export all', kind: 'read' },
  { route: 'warranty.ics', kind: 'read' },
  { route: 'create', kind: 'write' },
  { route: 'update', kind: 'write' },
  { route: 'merged update', kind: 'write' },
  { route: 'restore version', kind: 'write' },
  { route: 'delete', kind: 'write' },
  { route: 'restore', kind: 'write' },
  { route: 'import stage', kind: 'write' },
  // The preview at its own address, where the upload redirects (stop 64).
  { route: 'import preview', kind: 'read' },
  { route: 'import confirm', kind: 'write' },
];

/** The wrapper's `x-bench-d1` header as numbers. */
export function d1Header(value) {
  const out = {};
  for (const part of (value ?? '').split(';')) {
    const [k, v] = part.trim().split('=');
    if (k) out[k] = Number(v);
  }
  return out;
}

const formOf = (values) => new URLSearchParams(values);

function vcardsOf(run, n) {
  return Array.from(
    { length: 3 },
    (_, k) =>
      `BEGIN:VCARD\r\nVERSION:3.0\r\nN:Import${run}x${n}x${k};Bench;;;\r\nFN:Bench Import${run}x${n}x${k}\r\nTEL:+49 89 ${1000000 + n * 3 + k}\r\nEND:VCARD\r\n`,
  ).join('');
}

/**
 * Runs every route `repeat` times on `asset` (seeded with `rows`; the reads come first, while it
 * holds exactly those). Returns { routes: { [route]: { statuses, calls, rt, read, written, app, db, own, wall } },
 * sleepP50 } — the latter the client's p50 of a request that only waits one emulated round trip.
 */
export async function measureRoutes(origin, { secret, asset, rows, repeat, run }) {
  const token = await makeTokenFactory(secret);
  const cookie = async (sub) => cookieOf(await token(sub, [asset]));
  const reader = await cookie(`routes-reader-${run}`);
  // Writers change per chain: the per-user write limit (60 per 10 s) stays far away.
  const writers = [];
  for (let k = 0; k < repeat * 2; k++) writers.push(await cookie(`routes-writer-${run}-${k}`));
  const base = `/assets/${asset}/contacts`;
  const ids = rows.map((row) => row.id);
  const samples = Object.fromEntries(ROUTES.map(({ route }) => [route, []]));

  const call = async (route, request, expect) => {
    const response = await send(origin, request);
    if (!expect.includes(response.status))
      throw new Error(`${route}: ${request.method} ${request.path} answered ${response.status}, expected ${expect.join('/')}`);
    if (route) {
      const d1 = d1Header(response.headers.get('x-bench-d1'));
      const timing = serverTimings(response.headers.get('server-timing'));
      samples[route].push({ status: response.status, ...d1, app: timing.app, db: timing.db, limit: timing.limit, wall: response.wallMs });
    }
    return response;
  };
  const get = (route, path, headers = {}) => call(route, { method: 'GET', path, headers: { Cookie: reader, ...headers } }, [200]);
  const post = (route, path, who, form, expect = [303]) =>
    call(
      route,
      {
        method: 'POST',
        path,
        write: true,
        headers: { Cookie: who, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: formOf(form).toString(),
      },
      expect,
    );

  // ---- the emulated round trip alone (no app, no D1) ----------------------------------------
  const sleeps = [];
  for (let n = 0; n < 40; n++) sleeps.push((await send(origin, { method: 'GET', path: '/__bench/sleep', headers: {} })).wallMs);
  sleeps.sort((x, y) => x - y);

  // ---- reads (the asset holds exactly its seeded rows) -------------------------------------
  await get(undefined, base); // warm the isolate
  for (let n = 0; n < repeat; n++) {
    const id = ids[n % ids.length];
    await get('list', base);
    await get('search', `${base}?q=${encodeURIComponent(SEARCH_TERMS[n % SEARCH_TERMS.length])}`);
    await get('card', `${base}/${id}`);
    await get('qr', `${base}/${id}/qr.svg`);
    await get('print', `${base}/print`);
    await get('export one', `${base}/${id}.vcf`);
    await get('export all', `${base}.vcf`);
    await get('warranty.ics', `${base}/warranty.ics`);
  }

  // ---- write chains ---------------------------------------------------------------------------
  const random = prng(9000 + run.length);
  for (let n = 0; n < repeat; n++) {
    const a = writers[2 * n];
    const b = writers[2 * n + 1];
    const start = makeContact(random);
    const created = await post('create', base, a, { ...start, form_token: `routes-${run}-${n}-${Date.now()}` });
    const id = new URL(created.headers.get('location'), origin).searchParams.get('saved');
    if (!id) throw new Error(`create answered no ?saved= id (${created.headers.get('location')})`);
    const path = `${base}/${id}`;
    // B changes the phone (version 1 → 2); A, still on version 1, changes the notes: merged.
    await post('update', path, b, { ...start, phone: `+49 89 ${2000000 + n}`, version: '1' });
    await post('merged update', path, a, { ...start, notes: `Zusammengeführt ${n}`, version: '1' });
    await post('restore version', `${path}/history/1/restore`, a, { version: '3' });
    await post('delete', `${path}/delete`, b, { version: '4' });
    await post('restore', `${path}/restore`, b, {});
  }
  for (let n = 0; n < repeat; n++) {
    const who = writers[n];
    const form = new FormData();
    form.set('file', new File([vcardsOf(run, n)], 'kontakte.vcf', { type: 'text/vcard' }));
    const staged = await call(
      'import stage',
      { method: 'POST', path: `${base}/import`, write: true, headers: { Cookie: who }, body: form },
      [303],
    );
    const preview = await get('import preview', staged.headers.get('location'), { Cookie: who });
    const html = preview.body.toString('utf8');
    const importId = /action="[^"]*\/contacts\/import\/([A-Za-z0-9_-]+)"/.exec(html)?.[1];
    const ticked = [...html.matchAll(/name="card" value="(\d+)" checked=""/g)].map((m) => ['card', m[1]]);
    if (!importId || ticked.length !== 3) throw new Error(`import preview without its form (${importId}, ${ticked.length} ticked)`);
    // As a browser sends it: with the book's state the preview was read in (compared in the claim).
    await post('import confirm', `${base}/import/${importId}`, who, [['book', bookOf(html)], ...ticked]);
  }

  const out = {};
  for (const { route, kind } of ROUTES) {
    const list = samples[route];
    const mean = (key) => {
      const values = list.map((s) => s[key]).filter((v) => typeof v === 'number' && !Number.isNaN(v));
      return values.length ? values.reduce((x, y) => x + y, 0) / values.length : undefined;
    };
    const walls = list.map((s) => s.wall).sort((x, y) => x - y);
    const owns = list
      .filter((s) => s.app !== undefined && s.db !== undefined)
      .map((s) => Math.max(0, s.app - s.db - (s.limit ?? 0)))
      .sort((x, y) => x - y);
    out[route] = {
      kind,
      requests: list.length,
      statuses: [...new Set(list.map((s) => s.status))],
      calls: mean('calls'),
      roundTrips: mean('rt'),
      maxRoundTrips: Math.max(...list.map((s) => s.rt ?? 0)),
      rowsRead: mean('read'),
      rowsWritten: mean('written'),
      app: mean('app'),
      db: mean('db'),
      limit: mean('limit'),
      own: owns.length ? owns.reduce((x, y) => x + y, 0) / owns.length : undefined,
      wall: { p50: percentile(walls, 50), p99: percentile(walls, 99), mean: mean('wall') },
    };
  }
  return { routes: out, sleepP50: percentile(sleeps, 50) };
}

/** A .vcf of `count` typical cards (the seed's generator), as a phone's export would hold them. */
export function vcardFile(count, seed) {
  const random = prng(seed);
  const esc = (value) => value.replace(/\\/g, '\\\\').replace(/,/g, '\\,').replace(/;/g, '\\;').replace(/\n/g, '\\n');
  const cards = [];
  for (let i = 0; i < count; i++) {
    const c = makeContact(random);
    const lines = ['BEGIN:VCARD', 'VERSION:3.0', `N:${esc(c.last_name)};${esc(c.first_name)};;${esc(c.title)};`];
    lines.push(`FN:${esc([c.title, c.first_name, c.last_name].filter(Boolean).join(' ') || c.company || `Kontakt ${i}`)}`);
    if (c.company) lines.push(`ORG:${esc(c.company)}`);
    if (c.position) lines.push(`TITLE:${esc(c.position)}`);
    if (c.phone) lines.push(`TEL;TYPE=WORK,VOICE:${c.phone}`);
    if (c.mobile) lines.push(`TEL;TYPE=CELL:${c.mobile}`);
    if (c.email) lines.push(`EMAIL;TYPE=INTERNET:${c.email}`);
    if (c.website) lines.push(`URL:${c.website}`);
    if (c.street || c.city) lines.push(`ADR;TYPE=WORK:;;${esc(c.street)};${esc(c.city)};;${c.postal_code};${esc(c.country)}`);
    if (c.notes) lines.push(`NOTE:${esc(c.notes)}`);
    lines.push('END:VCARD');
    cards.push(lines.join('\r\n'));
  }
  return `${cards.join('\r\n')}\r\n`;
}

/**
 * A 1,000-card import into an empty asset: staging and confirming, each with its D1 round trips,
 * rows, Worker time and the workerd process CPU (`cpu()` → ms so far).
 */
export async function measureBigImport(origin, { secret, asset, count, cpu }) {
  const token = await makeTokenFactory(secret);
  const who = `propster_session=${await token('routes-importer', [asset])}`;
  const file = vcardFile(count, 77);
  const step = async (request, expect) => {
    const before = cpu();
    const response = await send(origin, request);
    const cpuMs = cpu() - before;
    if (response.status !== expect) throw new Error(`${request.path} answered ${response.status}, expected ${expect}`);
    const timing = serverTimings(response.headers.get('server-timing'));
    return { response, cpuMs, app: timing.app, db: timing.db, wall: response.wallMs, ...d1Header(response.headers.get('x-bench-d1')) };
  };
  const form = new FormData();
  form.set('file', new File([file], 'kontakte.vcf', { type: 'text/vcard' }));
  const base = `/assets/${asset}/contacts`;
  const stage = await step({ method: 'POST', path: `${base}/import`, write: true, headers: { Cookie: who }, body: form }, 303);
  // The preview at the address the upload redirects to (stop 64): its page of 1,000 cards.
  const preview = await step({ method: 'GET', path: stage.response.headers.get('location'), headers: { Cookie: who } }, 200);
  const html = preview.response.body.toString('utf8');
  const importId = /action="[^"]*\/contacts\/import\/([A-Za-z0-9_-]+)"/.exec(html)?.[1];
  const ticked = [...html.matchAll(/name="card" value="(\d+)" checked=""/g)].map((m) => ['card', m[1]]);
  const confirm = await step(
    {
      method: 'POST',
      path: `${base}/import/${importId}`,
      write: true,
      headers: { Cookie: who, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams([['book', bookOf(html)], ...ticked]).toString(),
    },
    303,
  );
  const strip = ({ response, ...rest }) => rest;
  return {
    cards: count,
    fileBytes: Buffer.byteLength(file),
    ticked: ticked.length,
    stage: strip(stage),
    preview: strip(preview),
    confirm: strip(confirm),
  };
}
