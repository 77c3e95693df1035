// Single-request measurements: time inside the Worker (Server-Timing), CPU of the workerd
// process per request, and bytes on the wire.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { requestSource } from './scenarios.mjs';
import { cpuMs } from './servers.mjs';

/** Every `name;dur=ms` metric of a Server-Timing header. */
export function serverTimings(header) {
  const out = {};
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().split(';');
    const dur = params.map((p) => p.trim()).find((p) => p.startsWith('dur='));
    if (name && dur) out[name.trim()] = Number(dur.slice(4));
  }
  return out;
}

/** The whole request inside the Worker: `app;dur=` (or hono/timing's `total;dur=`), in ms. */
export function serverTiming(header) {
  const metrics = serverTimings(header);
  return metrics.app ?? metrics.total;
}

export const percentile = (sorted, p) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : undefined;

const mean = (values) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : undefined);

/** p50, p99 and mean of a list of milliseconds (sorted in place), or undefined when it is empty. */
const stats = (values) => {
  if (!values.length) return undefined;
  values.sort((a, b) => a - b);
  return { p50: percentile(values, 50), p99: percentile(values, 99), mean: mean(values) };
};

/** One request as the browser (or wrk) would send it; bodies identity-encoded like wrk's. */
export async function send(origin, request) {
  const headers = { 'Accept-Encoding': 'identity', ...request.headers };
  if (request.write) headers.Origin = origin;
  const started = performance.now();
  const response = await fetch(origin + request.path, { method: request.method, headers, body: request.body, redirect: 'manual' });
  const body = Buffer.from(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, body, wallMs: performance.now() - started };
}

/**
 * `count` requests of a scenario one after the other (after `warmup` unrecorded ones): the
 * in-Worker duration from Server-Timing and the runtime's CPU time per request.
 */
export async function measureSingle(server, scenario, { count, warmup, alsoPids = [] }) {
  const source = requestSource(scenario);
  const statuses = {};
  for (let i = 0; i < warmup; i++) {
    const request = source.next();
    source.after(request, await send(server.origin, request));
  }
  const durations = [];
  const dbDurations = [];
  const ownDurations = [];
  const limitDurations = [];
  const withLimit = [];
  const walls = [];
  let missing = 0;
  const pids = server.pids;
  const cpuBefore = cpuMs(pids);
  const alsoBefore = cpuMs(alsoPids);
  for (let i = 0; i < count; i++) {
    const request = source.next();
    const response = await send(server.origin, request);
    source.after(request, response);
    statuses[response.status] = (statuses[response.status] ?? 0) + 1;
    const metrics = serverTimings(response.headers.get('server-timing'));
    const dur = metrics.app ?? metrics.total;
    if (dur === undefined) missing += 1;
    else durations.push(dur);
    // Optional: time spent waiting for D1 (`db;dur=`), if the app reports it.
    if (metrics.db !== undefined) dbDurations.push(metrics.db);
    // The rate-limit binding's wait (`limit;dur`, writes only) is a wait like D1's: locally a
    // Durable Object with SQLite in the same workerd, in production a service beside the Worker.
    if (metrics.limit !== undefined) limitDurations.push(metrics.limit);
    if (metrics.db !== undefined && dur !== undefined) {
      ownDurations.push(Math.max(0, dur - metrics.db - (metrics.limit ?? 0)));
      withLimit.push(Math.max(0, dur - metrics.db));
    }
    walls.push(response.wallMs);
  }
  const cpuTotal = cpuMs(pids) - cpuBefore;
  const alsoTotal = cpuMs(alsoPids) - alsoBefore;
  walls.sort((a, b) => a - b);
  const timing = stats(durations);
  return {
    count,
    statuses,
    serverTiming: timing && { ...timing, max: durations.at(-1) },
    serverTimingMissing: missing,
    dbMean: mean(dbDurations),
    limitMean: mean(limitDurations),
    // app − db without the limiter's wait too, as measured before `limit;dur` existed
    ownWithLimit: stats(withLimit),
    // app − db − limit per request: the Worker's own share (what Cloudflare's CPU limit counts)
    own: stats(ownDurations),
    cpuPerRequestMs: cpuTotal / count,
    // The CPU of other processes over the same requests (the D1 apart runner's D1 workerd).
    ...(alsoPids.length ? { alsoCpuPerRequestMs: alsoTotal / count } : {}),
    wall: { p50: percentile(walls, 50), p99: percentile(walls, 99) },
  };
}

export function compressedSizes(buffer) {
  return {
    raw: buffer.length,
    gzip: gzipSync(buffer, { level: 6 }).length,
    brotli: brotliCompressSync(buffer, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buffer.length },
    }).length,
  };
}

/**
 * Latency at a fixed request rate (open loop): request i leaves at start + i / rate whatever the
 * earlier ones do, and its latency counts from that planned moment, so a stall shows up in the
 * requests that had to wait for it (no coordinated omission). A saturating load on two shared
 * cores measures queueing; this measures what one buyer waits at a given traffic.
 */
export async function measurePaced(server, scenario, { rate, count, warmup = 20 }) {
  const source = requestSource(scenario);
  for (let i = 0; i < warmup; i++) {
    const request = source.next();
    source.after(request, await send(server.origin, request));
  }
  const latencies = [];
  const statuses = {};
  // Where a slow request's time went: sent late by this (Node) client, inside the Worker
  // (Server-Timing app, of it db and limit), or neither (waiting in the runtime before or after
  // the handler, or this client stalled after the answer came: see its event-loop delay).
  let worst;
  let maxLate = 0;
  let longest;
  const loopDelay = monitorEventLoopDelay({ resolution: 5 });
  loopDelay.enable();
  const pids = server.pids;
  const cpuBefore = cpuMs(pids);
  const started = performance.now();
  const pending = [];
  for (let i = 0; i < count; i++) {
    const planned = started + (i * 1000) / rate;
    const wait = planned - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const request = source.next();
    const late = performance.now() - planned;
    maxLate = Math.max(maxLate, late);
    pending.push(
      send(server.origin, request).then((response) => {
        source.after(request, response);
        statuses[response.status] = (statuses[response.status] ?? 0) + 1;
        const latency = performance.now() - planned;
        latencies.push(latency);
        const metrics = serverTimings(response.headers.get('server-timing'));
        if (metrics.app !== undefined && (!longest || metrics.app > longest.appMs))
          longest = { appMs: metrics.app, dbMs: metrics.db, limitMs: metrics.limit, atMs: planned - started, latency };
        if (!worst || latency > worst.latency)
          worst = { latency, atMs: planned - started, lateMs: late, appMs: metrics.app, dbMs: metrics.db, limitMs: metrics.limit };
      }),
    );
  }
  await Promise.all(pending);
  const elapsed = performance.now() - started;
  loopDelay.disable();
  latencies.sort((a, b) => a - b);
  return {
    rate,
    count,
    achievedRate: (count * 1000) / elapsed,
    statuses,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies.at(-1),
    worst,
    maxLateMs: maxLate,
    longest,
    // The longest the client's event loop was blocked (the 5 ms sampling interval taken out).
    clientLoopDelayMaxMs: Math.max(0, loopDelay.max / 1e6 - 5),
    cpuPerRequestMs: (cpuMs(pids) - cpuBefore) / count,
  };
}
