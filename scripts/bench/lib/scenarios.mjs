// The benchmark's workload: which assets hold what, the session tokens, and every scenario as
// both a wrk configuration (load) and a sequence of single requests (CPU per request).
import { readFileSync } from 'node:fs';
import { SignJWT } from 'jose';
import { makeContact, prng } from './data.mjs';

export const SIZES = [50, 200, 1000];
export const OTHER_ASSETS = [
  { assetId: 'other-a', count: 120 },
  { assetId: 'other-b', count: 400 },
];
/** Assets that creates go to under load, per size and connection count (spreads the cap). */
export const SINKS_PER_RUN = 20;
/** The single-request create measurement's sinks (3 × 100 places in the 1,000 class). */
export const CPU_SINKS = 3;
/** The cap is 1,000 per asset: the create sinks of the 1,000 class start below it. */
export const createStart = (size) => (size >= 1000 ? 900 : size);
/** Distinct users for writes: the per-user WRITE_LIMITER (60 per 10 s) would answer 429 otherwise. */
export const WRITE_USERS = 400;

/** The per-route measurements (lib/routes.mjs): 50 contacts for the counts, 50 for the RTT run, an empty one for a 1,000-card import. */
export const ROUTE_ASSETS = { count: 'routes-count', rtt: 'routes-rtt', import: 'routes-import' };

export const readAsset = (size) => `bench-${size}`;
export const updateAsset = (size, run) => `upd-${size}-${run}`;
export const sinkAsset = (size, run, k) => `sink-${size}-${run}-${k}`;

/** Every asset and how many contacts it starts with (runs: connection counts plus "cpu"). */
export function seedPlan(connections) {
  const runs = [...connections.map((c) => `c${c}`), 'cpu'];
  const plan = [];
  let seed = 1;
  for (const size of SIZES) {
    plan.push({ assetId: readAsset(size), count: size, seed: seed++ });
    for (const run of runs) {
      plan.push({ assetId: updateAsset(size, run), count: size, seed: seed++ });
      const sinks = run === 'cpu' ? CPU_SINKS : SINKS_PER_RUN;
      for (let k = 0; k < sinks; k++) plan.push({ assetId: sinkAsset(size, run, k), count: createStart(size), seed: seed++ });
    }
  }
  for (const other of OTHER_ASSETS) plan.push({ ...other, seed: seed++ });
  plan.push({ assetId: ROUTE_ASSETS.count, count: 50, seed: seed++ }, { assetId: ROUTE_ASSETS.rtt, count: 50, seed: seed++ });
  plan.push({ assetId: ROUTE_ASSETS.import, count: 0, seed: seed++ });
  return plan;
}

export async function makeTokenFactory(secret) {
  const key = new TextEncoder().encode(secret);
  const now = Math.floor(Date.now() / 1000);
  return async (sub, assets) =>
    new SignJWT({
      sub,
      name: `Bench ${sub}`,
      role: 'customer',
      assets: assets.map((id) => ({ id, name: `Wohnung ${id}` })),
      iss: 'propster',
      aud: 'propster-contacts',
    })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuedAt(now)
      .setExpirationTime(now + 6 * 3600)
      .sign(key);
}

const form = (fields) => new URLSearchParams(fields).toString();

/** Contact forms for creates and updates (the same generator as the seed, another seed). */
export function formBodies(count, seed) {
  const random = prng(seed);
  return Array.from({ length: count }, () => form(makeContact(random)));
}

/** Search terms: name prefixes, an umlaut spelled two ways, a company form, a miss. */
export const SEARCH_TERMS = ['mül', 'MUELLER', 'schmidt', 'bau', 'gmbh', 'anna', 'kü', 'zzz'];

/**
 * A returning browser's cookies: the session, and the name of the other pages' stylesheet it was
 * told (src/views/render.tsx), without which a page other than the list carries those rules
 * inline, as a browser's first page does (scripts/throttle-bench.mjs measures that one).
 */
const PAGES_CSS = /PAGES_CSS_PATH = "([^"]+)"/.exec(
  readFileSync(new URL('../../../src/generated/assets.ts', import.meta.url), 'utf8'),
)?.[1];
if (!PAGES_CSS) throw new Error('src/generated/assets.ts: no PAGES_CSS_PATH (npm run prepare-assets)');
export const cookieOf = (token) => `propster_session=${token}; kontakte_css=${encodeURIComponent(PAGES_CSS)}`;

/**
 * Builds the scenarios for one runtime. `seeded` maps asset ids to their seeded rows.
 * Each scenario: { name, size, wrk(connections) -> config, single() -> async iterator of requests }.
 */
export async function buildScenarios({ secret, seeded, connections }) {
  const token = await makeTokenFactory(secret);
  const reader = cookieOf(await token('bench-reader', [...SIZES.map(readAsset), ...OTHER_ASSETS.map((o) => o.assetId)]));
  const bodies = formBodies(64, 424242);
  const readHeaders = { Cookie: reader };
  const scenarios = [];

  const writerCookies = async (assetsOf) => {
    const cookies = [];
    for (let u = 0; u < WRITE_USERS; u++) cookies.push(cookieOf(await token(`bench-writer-${u}`, assetsOf(u))));
    return cookies;
  };

  for (const size of SIZES) {
    const asset = readAsset(size);
    const ids = seeded[asset].map((row) => row.id);
    const base = `/assets/${asset}/contacts`;
    const staticScenario = (name, requests) => ({
      name,
      size,
      wrk: () => ({ mode: 'static', requests: requests.map((r) => ({ method: 'GET', headers: readHeaders, ...r })) }),
      requests: () => requests.map((r) => ({ method: 'GET', headers: readHeaders, ...r })),
    });
    scenarios.push(staticScenario('list', [{ path: base }]));
    scenarios.push(
      staticScenario(
        'search',
        SEARCH_TERMS.map((q) => ({ path: `${base}?q=${encodeURIComponent(q)}` })),
      ),
    );
    scenarios.push(
      staticScenario(
        'one vCard',
        ids.map((id) => ({ path: `${base}/${id}.vcf` })),
      ),
    );
    scenarios.push(staticScenario('full export', [{ path: `/assets/${asset}/contacts.vcf` }]));

    // update: a dedicated asset per run, every contact at version 1 when the run starts
    const updateConfigs = {};
    for (const run of [...connections.map((c) => `c${c}`), 'cpu']) {
      const updAsset = updateAsset(size, run);
      updateConfigs[run] = {
        asset: updAsset,
        ids: seeded[updAsset].map((row) => row.id),
        cookies: await writerCookies(() => [updAsset]),
      };
    }
    scenarios.push({
      name: 'update',
      size,
      wrk: (c) => {
        const u = updateConfigs[`c${c}`];
        return { mode: 'update', prefix: `/assets/${u.asset}/contacts/`, ids: u.ids, bodies, cookies: u.cookies };
      },
      requests: () => {
        const u = updateConfigs.cpu;
        const versions = new Map(u.ids.map((id) => [id, 1]));
        let n = 0;
        return {
          next() {
            const id = u.ids[n % u.ids.length];
            const body = `${bodies[n % bodies.length]}&version=${versions.get(id)}`;
            const cookie = u.cookies[n % u.cookies.length];
            n += 1;
            return {
              method: 'POST',
              path: `/assets/${u.asset}/contacts/${id}`,
              headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
              body,
              write: true,
            };
          },
          after(request, response) {
            if (response.status === 303) {
              const id = request.path.split('/').pop();
              versions.set(id, versions.get(id) + 1);
            }
          },
        };
      },
    });

    // create: one-time token per request, writes spread over users (rate limit) and sinks (cap)
    const createConfigs = {};
    for (const run of [...connections.map((c) => `c${c}`), 'cpu']) {
      const sinks = run === 'cpu' ? CPU_SINKS : SINKS_PER_RUN;
      const cookies = await writerCookies((u) => [sinkAsset(size, run, u % sinks)]);
      createConfigs[run] = cookies.map((cookie, u) => ({ path: `/assets/${sinkAsset(size, run, u % sinks)}/contacts`, cookie }));
    }
    const runId = Math.random().toString(36).slice(2, 10);
    scenarios.push({
      name: 'create',
      size,
      // Each wrk run its own tokens too (wrk counts from 1 again): a second run must create.
      wrk: (c) => ({
        mode: 'create',
        targets: createConfigs[`c${c}`],
        bodies,
        token_prefix: `bench-${runId}-${size}-c${c}-${Math.random().toString(36).slice(2, 8)}-`,
      }),
      requests: () => {
        const targets = createConfigs.cpu;
        // Each source its own tokens: a second measurement (single, then paced) must create, not
        // replay the first one's submissions (a known token answers with the stored contact).
        const source = Math.random().toString(36).slice(2, 10);
        let n = 0;
        return {
          next() {
            const target = targets[n % targets.length];
            const body = `${bodies[n % bodies.length]}&form_token=bench-${runId}-${size}-cpu-${source}-${String(n).padStart(10, '0')}`;
            n += 1;
            return {
              method: 'POST',
              path: target.path,
              headers: { Cookie: target.cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
              body,
              write: true,
            };
          },
          after() {},
        };
      },
    });
  }
  return { scenarios, reader };
}

/** A uniform iterator over a scenario's single requests (static lists cycle). */
export function requestSource(scenario) {
  const made = scenario.requests();
  if (Array.isArray(made)) {
    let n = 0;
    return { next: () => made[n++ % made.length], after() {} };
  }
  return made;
}
