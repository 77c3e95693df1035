// Shared by the browser tests (test/e2e/*.test.mjs): Debian's chromium through playwright-core,
// against the server scripts/e2e.mjs started (E2E_BASE_URL). Never a downloaded browser.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
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

/** Logs in through the dev login (contract §3) and waits for the page it redirects to. */
export async function login(page, user) {
  await page.goto('/dev/login');
  await page.locator(`input[name="user"][value="${user}"]`).check();
  await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/dev/')), page.getByRole('button', { name: 'Anmelden' }).click()]);
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
    phone: 'Telefon',
    mobile: 'Mobil',
    email: 'E-Mail',
    website: 'Webseite',
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
  return unfolded.split('END:VCARD').find((card) => card.split('\r\n').some((line) => /^FN[;:]/.test(line) && line.slice(line.indexOf(':') + 1) === fn));
}

export const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
