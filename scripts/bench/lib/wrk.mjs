// Drives one scenario with wrk (one thread: on two cores the other one belongs to workerd).
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), '..', 'lua', 'scenario.lua');

export function wrkVersion() {
  const result = spawnSync('wrk', ['--version'], { encoding: 'utf8' });
  if (result.error) return undefined;
  return `${result.stdout}${result.stderr}`
    .split('\n')[0]
    .replace(/\s+Copyright.*$/, '')
    .trim();
}

/** A Lua string literal for any JS string: printable ASCII kept, every other byte as \ddd. */
export function luaString(value) {
  let out = '"';
  for (const byte of Buffer.from(String(value), 'utf8')) {
    if (byte >= 0x20 && byte < 0x7f && byte !== 0x22 && byte !== 0x5c) out += String.fromCharCode(byte);
    else out += `\\${String(byte).padStart(3, '0')}`;
  }
  return `${out}"`;
}

export function luaValue(value) {
  if (value === null || value === undefined) return 'nil';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return luaString(value);
  if (Array.isArray(value)) return `{${value.map(luaValue).join(',\n')}}`;
  return `{${Object.entries(value)
    .map(([key, item]) => `[${luaString(key)}]=${luaValue(item)}`)
    .join(',\n')}}`;
}

/**
 * Runs wrk against `origin` for `seconds` with `connections`; `config` is the scenario table
 * (see lua/scenario.lua). Resolves to requests/s, latency percentiles (ms) and status counts.
 */
export async function runWrk({ origin, config, connections, seconds, workDir, label }) {
  const configFile = join(workDir, `${label.replace(/[^A-Za-z0-9_-]+/g, '_')}-c${connections}.lua`);
  writeFileSync(configFile, `return ${luaValue({ ...config, origin })}\n`);
  const args = ['-t1', `-c${connections}`, `-d${seconds}s`, '--timeout', '10s', '-s', SCRIPT, `${origin}/`, '--', configFile];
  const output = await new Promise((resolve, reject) => {
    const child = spawn('wrk', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`wrk ${label} exited ${code}: ${stderr}${stdout}`))));
  });
  const line = output.split('\n').find((candidate) => candidate.startsWith('BENCH_JSON '));
  if (!line) throw new Error(`wrk ${label}: no summary in output:\n${output}`);
  const raw = JSON.parse(line.slice('BENCH_JSON '.length));
  const seconds_ = raw.duration_us / 1e6;
  const ms = (us) => Math.round(us / 10) / 100;
  return {
    label,
    connections,
    requests: raw.requests,
    rps: raw.requests / seconds_,
    p50: ms(raw.latency_us.p50),
    p90: ms(raw.latency_us.p90),
    p99: ms(raw.latency_us.p99),
    max: ms(raw.latency_us.max),
    status: raw.status,
    socketErrors: raw.errors.connect + raw.errors.read + raw.errors.write + raw.errors.timeout,
  };
}
