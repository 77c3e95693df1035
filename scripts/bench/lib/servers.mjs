// Starting and stopping the two runtimes the benchmark drives, and reading their CPU time.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from '../../lib/net.mjs';

/** Runs a command to completion (inherits nothing, captures output); throws on failure. */
export function run(command, args, options) {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (${result.status ?? result.signal}):\n${result.stdout}\n${result.stderr}`);
  }
  return result;
}

/** Polls `url` until it answers 200 or the deadline passes. */
export async function waitForOk(url, timeoutMs, isAlive = () => true) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive()) throw new Error(`server for ${url} exited early`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {}
    await sleep(50);
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms`);
}

// ---- CPU time of processes (Linux /proc) ------------------------------------------------------

const CLOCK_TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

function statOf(pid) {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = text.lastIndexOf(')');
    const comm = text.slice(text.indexOf('(') + 1, close);
    const fields = text.slice(close + 2).split(' ');
    // fields[0] is field 3 (state); utime is field 14, stime 15, ppid field 4.
    return { pid, comm, ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return undefined;
  }
}

/** Every descendant of `rootPid` (including itself) with its name and CPU ticks. */
export function processTree(rootPid) {
  const all = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((name) => statOf(Number(name)))
    .filter(Boolean);
  const children = new Map();
  for (const stat of all) {
    if (!children.has(stat.ppid)) children.set(stat.ppid, []);
    children.get(stat.ppid).push(stat);
  }
  const out = [];
  const walk = (pid) => {
    for (const child of children.get(pid) ?? []) {
      out.push(child);
      walk(child.pid);
    }
  };
  const self = statOf(rootPid);
  if (self) out.push(self);
  walk(rootPid);
  return out;
}

/** CPU milliseconds (user + system) used so far by the given pids. */
export function cpuMs(pids) {
  let ticks = 0;
  for (const pid of pids) ticks += statOf(pid)?.ticks ?? 0;
  return (ticks * 1000) / CLOCK_TICKS;
}

export const CPU_TICK_MS = 1000 / CLOCK_TICKS;

// ---- production-like: the dry-run bundle on one workerd through Miniflare's API ---------------

/**
 * Serves the deployable bundle with Miniflare (v5, driven through the v4 option shape).
 * `persistRoot` is a `--persist-to` directory (Miniflare's resource path is its `v3` folder).
 * `d1: false` leaves the D1 binding out (the "D1 apart" runner reaches it through a service
 * binding instead); `serviceBindings` as Miniflare takes them.
 */
/** The files under public/ as the ASSETS binding answers them (a Miniflare service binding in Node). */
function staticFiles(root) {
  const types = {
    css: 'text/css; charset=utf-8',
    js: 'text/javascript; charset=utf-8',
    svg: 'image/svg+xml',
    txt: 'text/plain; charset=utf-8',
  };
  return async (request) => {
    const path = new URL(request.url).pathname;
    const file = join(root, 'public', path);
    if (!file.startsWith(join(root, 'public', 'static'))) return new Response('Not Found', { status: 404 });
    try {
      return new Response(readFileSync(file), { headers: { 'Content-Type': types[path.split('.').pop()] ?? 'application/octet-stream' } });
    } catch {
      return new Response('Not Found', { status: 404 });
    }
  };
}

export async function startMiniflare({
  root,
  bundleDir,
  persistRoot,
  bindings,
  compatibilityDate,
  compatibilityFlags,
  ratelimits,
  script = 'index.js',
  imports = [],
  d1 = true,
  serviceBindings,
}) {
  const { Miniflare, convertV4MiniflareOptions } = await import(join(root, 'node_modules', 'miniflare', 'dist', 'src', 'index.js'));
  const errors = [];
  // This instance's workerd is the one that was not there before (the bench may run two at once).
  const before = new Set(processTree(process.pid).map((p) => p.pid));
  const started = performance.now();
  const mf = new Miniflare(
    convertV4MiniflareOptions({
      host: '127.0.0.1',
      port: await freePort(),
      resourcePersistencePath: join(persistRoot, 'v3'),
      // The app logs one JSON line per request (src/observability/request-log.ts); keep the
      // terminal quiet and only remember errors.
      handleStructuredLogs: (log) => {
        if (log.level === 'error' && errors.length < 20) errors.push(log.message.slice(0, 500));
      },
      workers: [
        {
          name: 'kontakte',
          // The entry plus, for a wrapper, the bundle it imports (listed: no automatic discovery).
          modules: [script, ...imports].map((file) => ({ type: 'ESModule', path: join(bundleDir, file) })),
          modulesRoot: bundleDir,
          compatibilityDate,
          compatibilityFlags,
          d1Databases: d1 ? { DB: '00000000-0000-0000-0000-000000000000' } : {},
          ratelimits,
          bindings,
          // The static files' ASSETS binding: the Worker reads its critical CSS from it once per
          // isolate (src/views/render.tsx); without it every page tried, failed and linked the
          // file (stop 60's first run: "inline CSS 0.0 KB"). A binding of its own, not Miniflare's
          // asset router, which would put a hop in front of every request that production's
          // edge does not have.
          serviceBindings: { ASSETS: staticFiles(root), ...serviceBindings },
        },
      ],
    }),
  );
  const url = await mf.ready;
  const readyMs = performance.now() - started;
  const workerd = processTree(process.pid).filter((p) => p.comm.startsWith('workerd') && !before.has(p.pid));
  return {
    name: 'production-like',
    origin: url.origin,
    readyMs,
    pids: workerd.map((p) => p.pid),
    errors,
    async stop() {
      await mf.dispose();
    },
  };
}

// ---- wrangler dev (what `npm start` runs) -----------------------------------------------------

export async function startWranglerDev({ root, env, persistRoot, vars, logFile }) {
  const port = await freePort();
  const inspectorPort = await freePort();
  const args = [
    'dev',
    '--local',
    '--ip',
    '127.0.0.1',
    '--port',
    String(port),
    '--inspector-port',
    String(inspectorPort),
    '--persist-to',
    persistRoot,
    '--show-interactive-dev-session=false',
    '--log-level',
    'warn',
  ];
  for (const [key, value] of Object.entries(vars)) args.push('--var', `${key}:${value}`);
  const log = createWriteStream(logFile);
  const started = performance.now();
  // Own process group, so that stopping it ends wrangler and both workerd processes.
  const child = spawn(join(root, 'node_modules', '.bin', 'wrangler'), args, {
    cwd: root,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  let exited = false;
  child.on('exit', () => {
    exited = true;
  });
  const origin = `http://127.0.0.1:${port}`;
  await waitForOk(`${origin}/healthz`, 60_000, () => !exited);
  const readyMs = performance.now() - started;
  return {
    name: 'wrangler dev',
    origin,
    readyMs,
    get pids() {
      return processTree(child.pid).map((p) => p.pid);
    },
    errors: [],
    async stop() {
      if (exited) return;
      const done = new Promise((resolve) => child.once('exit', resolve));
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {}
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {}
      }, 5000);
      await done;
      clearTimeout(timer);
      log.end();
    },
  };
}
