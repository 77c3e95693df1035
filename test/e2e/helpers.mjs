// Shared by the browser tests (test/e2e/*.test.mjs): Debian's chromium through playwright-core,
// against the server scripts/e2e.mjs started (E2E_BASE_URL). Never a downloaded browser.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const BASE_URL = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:8787';
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const AXE_PATH = join(root, 'node_modules', 'axe-core', 'axe.min.js');
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export const ASSET = 'lindenhof-whg-12';
export const ASSET_NAME = 'Lindenhof, Wohnung 12';
export const listPath = (asset = ASSET) => `/assets/${asset}/contacts`;

/** A short unique tag, so tests never depend on each other's data or order. */
export const unique = () => `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;

/**
 * One browser with its own throwaway profile (a persistent context, as toolchain.md says).
 * Returns the context, its first page and close(), which also removes the profile.
 */
export async function openBrowser(options = {}) {
  const profile = await mkdtemp(join(tmpdir(), 'kontakte-e2e-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    locale: 'de-DE',
    baseURL: BASE_URL,
    acceptDownloads: true,
    viewport: { width: 1280, height: 900 },
    ...options,
  });
  context.setDefaultTimeout(15_000);
  const page = context.pages()[0] ?? (await context.newPage());
  const errors = [];
  const watch = (p) => {
    p.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
    p.on('console', (message) => {
      // A CSP violation or a script error shows up here; the server's 4xx answers do too
      // ("Failed to load resource"), which are expected (422, 409, 403 pages).
      if (message.type() === 'error' && !/Failed to load resource/.test(message.text())) errors.push(`console: ${message.text()}`);
    });
  };
  watch(page);
  context.on('page', watch);
  return {
    context,
    page,
    /** Script errors and CSP violations seen so far in any page of this browser. */
    errors,
    async close() {
      await context.close().catch(() => {});
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Runs `fn` with a fresh browser in which `user` (a dev-login name such as 'anna') is signed in,
 * or nobody when `user` is null, and closes the browser afterwards, also when `fn` fails.
 */
export async function withBrowser(user, fn, options = {}) {
  const browser = await openBrowser(options);
  try {
    if (user) await login(browser.page, user);
    return await fn(browser);
  } finally {
    await browser.close();
  }
}

/**
 * One browser for all tests of the calling describe block: opened with `user` signed in before
 * the first test, closed after the last. The returned handle's page, context and errors are
 * those of that browser once the tests run (read them inside a test, not at describe time).
 */
export function browserForSuite(user, options = {}) {
  const handle = { page: undefined, context: undefined, errors: [] };
  let browser;
  before(async () => {
    browser = await openBrowser(options);
    Object.assign(handle, { page: browser.page, context: browser.context, errors: browser.errors });
    if (user) await login(browser.page, user);
  });
  after(async () => {
    await browser?.close();
  });
  return handle;
}

/** Logs in through the dev login (contract §3) and waits for the page it redirects to. */
export async function login(page, user) {
  await page.goto('/dev/login');
  await page.locator(`input[name="user"][value="${user}"]`).check();
  await Promise.all([
    page.waitForURL((url) => !url.pathname.startsWith('/dev/')),
    page.getByRole('button', { name: /^(Anmelden|Sign in)$/ }).click(),
  ]);
}

/** Marks the window: the mark survives htmx swaps and disappears on any full page load. */
export async function markWindow(page) {
  await page.evaluate(() => {
    window.__e2eMark = 'same-document';
  });
}

export async function assertNoReload(page, what) {
  assert.equal(await page.evaluate(() => window.__e2eMark), 'same-document', `${what}: the page was reloaded instead of swapped`);
}

export async function assertReloaded(page, what) {
  assert.equal(await page.evaluate(() => window.__e2eMark), undefined, `${what}: expected a full page load`);
}

/**
 * Counts the htmx requests the element sends and finishes (answer swapped in). A request is
 * followed by its htmx context object from htmx:before:request on: once the swap has removed the
 * element, htmx fires the request's last events on the document with another source element.
 */
export async function watchHtmxRequests(locator) {
  await locator.evaluate((el) => {
    const counts = { started: 0, finished: 0 };
    window.__e2eRequests = counts;
    const sent = new Set();
    document.addEventListener('htmx:before:request', (event) => {
      if (event.detail?.ctx?.sourceElement !== el) return;
      sent.add(event.detail.ctx);
      counts.started += 1;
    });
    document.addEventListener('htmx:finally:request', (event) => {
      if (sent.delete(event.detail?.ctx)) counts.finished += 1;
    });
  });
  const page = locator.page();
  return {
    /** Requests sent so far. Input is handled in a page task of its own: evaluating after it sees its effect. */
    started: () => page.evaluate(() => window.__e2eRequests.started),
    /** Waits until every request sent so far is answered and swapped in. */
    async settled() {
      try {
        await page.waitForFunction(() => window.__e2eRequests.started === window.__e2eRequests.finished, undefined, { timeout: 5_000 });
      } catch {
        assert.fail(`htmx requests not settled: ${JSON.stringify(await page.evaluate(() => window.__e2eRequests))}`);
      }
    },
  };
}

let announcements = 0;
/** Everything the polite live region (#announcer) says from now on, in order (empty texts left out). */
export async function recordAnnouncements(page) {
  const said = [];
  announcements += 1;
  const name = `__announced${announcements}`;
  await page.exposeFunction(name, (text) => said.push(text));
  await page.evaluate((name) => {
    const region = document.getElementById('announcer');
    new MutationObserver(() => {
      if (region.textContent) window[name](region.textContent);
    }).observe(region, { childList: true, characterData: true, subtree: true });
  }, name);
  return said;
}

/**
 * Adds companies named `${prefix} 00`, `${prefix} 01`, … to `asset`'s book, posted from the page
 * itself as its form would (same origin, the session's cookie).
 */
export async function addCompanies(page, prefix, count, asset = ASSET) {
  await page.evaluate(
    async ({ action, prefix, count }) => {
      for (let index = 0; index < count; index += 1) {
        const company = `${prefix} ${String(index).padStart(2, '0')}`;
        const body = new URLSearchParams({ form_token: `${company}-${Math.random()}`, company });
        const response = await fetch(action, { method: 'POST', body, redirect: 'manual' });
        if (response.type !== 'opaqueredirect' && response.status !== 303) throw new Error(`create ${index}: ${response.status}`);
      }
    },
    { action: listPath(asset), prefix, count },
  );
}

/** Waits until the page-wide loading bar (body::before while an htmx request runs) shows. */
export async function waitForLoadingBar(page, what) {
  try {
    await page.waitForFunction(() => getComputedStyle(document.body, '::before').content !== 'none', undefined, { timeout: 5_000 });
  } catch {
    assert.fail(`${what}: the loading bar never showed`);
  }
}

/** What has keyboard focus, described for assertion messages. */
export async function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { tag: 'body', id: '', text: '', name: '' };
    return {
      tag: el.tagName.toLowerCase(),
      id: el.id,
      name: el.getAttribute('name') ?? '',
      text: (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 120),
    };
  });
}

/** Waits until focus is on the element with this id (focus moves right after the swap). */
export async function waitForFocus(page, id, what) {
  try {
    await page.waitForFunction((expected) => document.activeElement?.id === expected, id, { timeout: 5_000 });
  } catch {
    assert.fail(`${what}: expected focus on #${id}, got ${JSON.stringify(await focused(page))}`);
  }
}

/**
 * Presses Tab until the focused element matches `predicate` (run in the page); fails after
 * `max` presses. Returns how many presses it took.
 */
export async function tabTo(page, description, predicate, max = 60) {
  for (let presses = 1; presses <= max; presses += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(predicate)) return presses;
  }
  assert.fail(`keyboard: ${description} not reachable with ${max} Tab presses; focus is on ${JSON.stringify(await focused(page))}`);
}

/** Tab until the focused element's accessible text (or value) contains `text`. */
export function tabToText(page, text, max) {
  return tabTo(
    page,
    `"${text}"`,
    new Function(
      `const el = document.activeElement; if (!el || el === document.body) return false;
       const label = (el.textContent || '') + ' ' + (el.getAttribute('aria-label') || '') + ' ' + (el.value || '');
       return label.replace(/\\s+/g, ' ').includes(${JSON.stringify(text)});`,
    ),
    max,
  );
}

/** Fills the contact form by its visible labels (German). */
export async function fillContact(page, values) {
  const labels = {
    position: 'Position / Rolle',
    company: 'Unternehmen',
    title: 'Titel',
    first_name: 'Vorname',
    last_name: 'Nachname',
    street: 'Straße und Hausnummer',
    postal_code: 'PLZ',
    city: 'Ort',
    country: 'Land',
    phone: 'Telefonnummer',
    mobile: 'Mobilnummer',
    email: 'E-Mail-Adresse',
    website: 'Webseite des Unternehmens',
    notes: 'Notizen',
  };
  for (const [field, value] of Object.entries(values)) {
    await page.getByLabel(labels[field], { exact: true }).fill(value);
  }
}

/** Runs axe-core inside the page at WCAG 2.2 AA; the context needs bypassCSP (inline script). */
export async function axe(page) {
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) await page.addScriptTag({ path: AXE_PATH });
  const result = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
    AXE_TAGS,
  );
  return result.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact,
    help: violation.help,
    nodes: violation.nodes.map((node) => `${node.target.join(' ')}: ${node.failureSummary?.split('\n').slice(1).join(' ').trim()}`),
  }));
}

export async function assertNoAxeViolations(page, what) {
  const violations = await axe(page);
  assert.deepEqual(violations, [], `axe on ${what}: ${JSON.stringify(violations, null, 2)}`);
}

/** Waits for a download started by `action` and returns its name and text. */
export async function download(page, action) {
  const [file] = await Promise.all([page.waitForEvent('download'), action()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), text: await readFile(path, 'utf8') };
}

/** The (unfolded) vCard whose FN is `fn`, out of a file of several. */
export function cardWith(vcf, fn) {
  const unfolded = vcf.replace(/\r\n[ \t]/g, '');
  return unfolded
    .split('END:VCARD')
    .find((card) => card.split('\r\n').some((line) => /^FN[;:]/.test(line) && line.slice(line.indexOf(':') + 1) === fn));
}
