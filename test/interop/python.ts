// Runs one of the round-trip scripts (scripts/*_roundtrip.py) with Debian's /usr/bin/python3 over
// files written to a fresh temporary directory, and returns its JSON report. Strict on purpose:
// without the Python module (Debian's python3-vobject, python3-icalendar) every test that calls
// this fails with a message saying what to install; it never skips (a failing hook would only
// mark the tests skipped). CI (.ci/run) installs them; `npm test` does not run this suite,
// `npm run test:interop` does.
import * as childProcess from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';

const PYTHON = '/usr/bin/python3';

export type RoundTripReport<Count extends string> = { files: number; mismatches: unknown[] } & Record<Count, number>;

function requireModule(module: string, debianPackage: string): void {
  const probe = childProcess.spawnSync(PYTHON, ['-c', `import ${module}`], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error(
      `${PYTHON} cannot import ${module} (apt-get install python3 ${debianPackage}): ${probe.error?.message ?? probe.stderr.trim()}`,
    );
  }
}

function isReport<Count extends string>(value: unknown, count: Count): value is RoundTripReport<Count> {
  return (
    typeof value === 'object' &&
    value !== null &&
    'files' in value &&
    typeof value.files === 'number' &&
    count in value &&
    typeof Reflect.get(value, count) === 'number' &&
    'mismatches' in value &&
    Array.isArray(value.mismatches)
  );
}

/**
 * Writes `files` (file name → text) to a temporary directory, runs scripts/`script` on it and
 * returns its report, whose number of parsed cards or events is under `count`.
 */
export function runRoundTrip<Count extends string>(
  { script, module, debianPackage, count }: { script: string; module: string; debianPackage: string; count: Count },
  files: Record<string, string>,
): RoundTripReport<Count> {
  requireModule(module, debianPackage);
  const dir = fs.mkdtempSync(`${os.tmpdir()}/kontakte-${module}-`);
  try {
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(`${dir}/${name}`, text, 'utf8');
    const path = new URL(`../../scripts/${script}`, import.meta.url).pathname;
    const run = childProcess.spawnSync(PYTHON, [path, dir], { encoding: 'utf8' });
    if (run.error) throw new Error(`could not start ${PYTHON}: ${run.error.message}`);
    let report: unknown;
    try {
      report = JSON.parse(run.stdout);
    } catch {
      throw new Error(`${script} printed no report (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
    }
    if (!isReport(report, count)) throw new Error(`unexpected report: ${run.stdout}`);
    return report;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
