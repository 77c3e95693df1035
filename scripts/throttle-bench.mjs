// The slow-network benchmark of issue 5 (a benchmark that prints figures, not a test):
// headless Debian chromium, throttled through CDP to Lighthouse's "Regular 3G" as DevTools
// applies it (request latency 1,125 ms = 300 ms RTT × 3.75; 630 kbps down and up = 700 kbps
// × 0.9) and a 4× CPU slowdown, at a phone's 360×800. It measures, against the budgets in
// ../shared/research/performance.md:
//   - the list visible (first contentful paint of the list page; the heading and rows are in
//     the first paint: inline CSS, deferred scripts) and enhanced (DOMContentLoaded, after the
//     deferred htmx ran), on a first visit (empty cache) and a repeat visit;
//   - the add form usable: opened directly (a plain HTML form, usable at its first paint) after
//     the list and as the first page with an empty cache, and opened from the list the htmx way
//     (a fragment round trip until the form is painted);
//   - one fragment round trip: active search, from htmx's request to the swapped results painted.
// Budgets: list visible and forms usable <= 1.6 s; a fragment round trip <= 1.4 s.
// Run: `npx node scripts/throttle-bench.mjs [runs]` (default 5 runs, medians printed).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from './e2e.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.argv[2] ?? 5);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const KBPS = (kbps) => (kbps * 1024) / 8; // bytes per second, as Lighthouse/DevTools compute it
const REGULAR_3G = { offline: false, latency: 1125, downloadThroughput: KBPS(630), uploadThroughput: KBPS(630) };
const CPU_SLOWDOWN = 4;
const BUDGET = { visible: 1600, fragment: 1400 };
const LIST = '/assets/lindenhof-whg-12/contacts';

async function throttle(page, cdp) {
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', REGULAR_3G);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
}

/** Navigation figures of the page just loaded: FCP, LCP, DOMContentLoaded, load, bytes. */
function navigationFigures(page) {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        let lcp = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) lcp = Math.max(lcp, entry.startTime);
        }).observe({ type: 'largest-contentful-paint', buffered: true });
        setTimeout(() => {
          const [nav] = performance.getEntriesByType('navigation');
          const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
          const bytes = performance.getEntriesByType('resource').reduce((sum, r) => sum + r.transferSize, nav.transferSize);
          resolve({
            ttfb: nav.responseStart,
            fcp,
            lcp,
            dcl: nav.domContentLoadedEventEnd,
            load: nav.loadEventEnd,
            htmlBytes: nav.transferSize,
            bytes,
          });
        }, 100);
      }),
  );
}

/** Installs timers for the next htmx request: request sent, swapped, swapped content painted. */
function armFragmentTimer(page) {
  return page.evaluate(() => {
    window.__bench = {};
    document.addEventListener('htmx:before:request', () => {
      window.__bench.request ??= performance.now();
    });
    document.addEventListener('htmx:after:swap', () => {
      if (window.__bench.swap) return;
      window.__bench.swap = performance.now();
      requestAnimationFrame(() => setTimeout(() => (window.__bench.painted = performance.now()), 0));
    });
  });
}

async function fragmentTime(page) {
  await page.waitForFunction(() => window.__bench?.painted, null, { timeout: 20_000 });
  return page.evaluate(() => ({
    roundTrip: window.__bench.painted - window.__bench.request,
    swap: window.__bench.swap - window.__bench.request,
    start: window.__bench.request,
  }));
}

async function oneRun(context, cold) {
  const result = {};
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await throttle(page, cdp);
  // A new tab's first navigation costs any page 200-300 ms more at 4× CPU (the renderer starting;
  // measured at stop 48: the list 1,520-1,588 ms as a tab's first page, 1,324-1,400 ms as its
  // second; stop 47's code the same): the tab opens /healthz first, so that each page is measured
  // as a page, on a first visit (empty cache) and a repeat visit alike.
  await page.goto('/healthz');
  if (cold) {
    // The form opened directly with an empty cache (a link from elsewhere as the first page of a
    // visit): since stop 47 the other pages' stylesheet (src/views/pages.css) is a request of its
    // own in <head>, one round trip the list's first page does not wait for. Then the cache is
    // emptied again for the list's first visit. A browser that never came has no cookie either:
    // without `kontakte_css` such a page carries those rules inline (src/views/render.tsx).
    await cdp.send('Network.clearBrowserCache');
    await context.clearCookies({ name: 'kontakte_css' });
    await page.goto(`${LIST}/new`, { waitUntil: 'load' });
    result.formCold = await navigationFigures(page);
    await cdp.send('Network.clearBrowserCache');
  }

  // The list, as the first page of a visit.
  const response = await page.goto(LIST, { waitUntil: 'load' });
  await page.getByRole('heading', { level: 1 }).waitFor();
  result.list = await navigationFigures(page);
  result.list.encoding = response.headers()['content-encoding'] ?? 'identity';

  // The add form the htmx way: click, fragment round trip, form painted and focused.
  await armFragmentTimer(page);
  await page.getByRole('link', { name: 'Neuen Kontakt hinzufügen' }).click();
  await page.getByLabel('Unternehmen', { exact: true }).waitFor();
  result.formFragment = await fragmentTime(page);

  // Active search: one fragment round trip (measured from the request htmx sends after its 300 ms debounce).
  await page.goto(LIST, { waitUntil: 'load' });
  await armFragmentTimer(page);
  const typed = await page.evaluate(() => performance.now());
  await page.getByRole('searchbox').fill('garten');
  await page.locator('#results').getByText('1 Treffer für „garten“').waitFor();
  result.search = await fragmentTime(page);
  result.search.fromTyping = result.search.roundTrip + result.search.start - typed;

  // The add form opened directly (a link without JavaScript, a bookmark): usable at first paint.
  await page.goto(`${LIST}/new`, { waitUntil: 'load' });
  result.form = await navigationFigures(page);
  await page.close();
  return result;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const ms = (value) => `${Math.round(value).toLocaleString('en-US').padStart(6)} ms`;

function row(label, values, budget) {
  const m = median(values);
  const verdict = budget === undefined ? '' : m <= budget ? `  ok (budget ${budget} ms)` : `  OVER BUDGET (${budget} ms)`;
  console.log(`  ${label.padEnd(58)} ${ms(m)}  [${values.map((v) => Math.round(v)).join(', ')}]${verdict}`);
  return budget === undefined || m <= budget;
}

const server = await startServer({ log: join(root, 'test-results', 'throttle-server.log'), quiet: true });
const profile = mkdtempSync(join(tmpdir(), 'kontakte-throttle-'));
let allOk = true;
try {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: ARGS,
    locale: 'de-DE',
    baseURL: server.baseUrl,
    viewport: { width: 360, height: 800 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
  });
  context.setDefaultTimeout(30_000);
  const login = context.pages()[0] ?? (await context.newPage());
  await login.goto('/dev/login');
  await login.locator('input[name="user"][value="anna"]').check();
  await Promise.all([login.waitForURL((url) => url.pathname === LIST), login.getByRole('button', { name: 'Anmelden' }).click()]);
  await login.close();

  const runs = { cold: [], warm: [] };
  for (let i = 0; i < RUNS; i += 1) {
    runs.cold.push(await oneRun(context, true));
    runs.warm.push(await oneRun(context, false));
  }
  await context.close();

  console.log(
    `Regular 3G (latency ${REGULAR_3G.latency} ms, 630/630 kbps) + ${CPU_SLOWDOWN}x CPU, 360×800, headless chromium; median of ${RUNS} runs [each run]`,
  );
  const first = runs.cold[0].list;
  console.log(
    `  list page (5 demo contacts): ${first.htmlBytes} B HTML on the wire (${first.encoding}, headers included), ${first.bytes} B in all on a first visit`,
  );
  for (const kind of ['cold', 'warm']) {
    const r = runs[kind];
    console.log(kind === 'cold' ? 'First visit (empty cache):' : 'Repeat visit (htmx cached, immutable):');
    allOk =
      row(
        'list visible (first contentful paint)',
        r.map((x) => x.list.fcp),
        BUDGET.visible,
      ) && allOk;
    row(
      'list largest contentful paint',
      r.map((x) => x.list.lcp),
    );
    row(
      'list enhanced (DOMContentLoaded: deferred htmx has run)',
      r.map((x) => x.list.dcl),
    );
    allOk =
      row(
        'add form usable, opened directly (first contentful paint)',
        r.map((x) => x.form.fcp),
        BUDGET.visible,
      ) && allOk;
    if (kind === 'cold')
      allOk =
        row(
          'add form usable, opened directly as the first page (empty cache)',
          r.map((x) => x.formCold.fcp),
          BUDGET.visible,
        ) && allOk;
    allOk =
      row(
        'add form usable, opened from the list (htmx fragment)',
        r.map((x) => x.formFragment.roundTrip),
        BUDGET.fragment,
      ) && allOk;
    allOk =
      row(
        'fragment round trip: active search, request -> painted',
        r.map((x) => x.search.roundTrip),
        BUDGET.fragment,
      ) && allOk;
    row(
      'active search, first keystroke -> painted (incl. 300 ms debounce)',
      r.map((x) => x.search.fromTyping),
    );
  }
  console.log(allOk ? 'throttle-bench: every figure within its budget' : 'throttle-bench: some figures are over budget');
} catch (error) {
  console.error(`throttle-bench: ${error.stack ?? error.message}`);
  process.exitCode = 1;
} finally {
  await server.stop();
  rmSync(profile, { recursive: true, force: true });
}
