import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { appFor } from '../src/app';
import { CRITICAL_CSS_HASH, CRITICAL_CSS_PATH, PAGES_CSS_PATH } from '../src/generated/assets';
import { anna, ORIGIN, tokenFor } from './helpers';

// The critical rules are inline on every page but not in the Worker's script (bundle budget): the
// Worker reads the static file once per isolate. This file's isolate starts with neither read.

const LIST = `/assets/${anna.assets[0]?.id}/contacts`;

async function page(path: string, assets: Fetcher): Promise<string> {
  const vars = { ...env, ASSETS: assets };
  const ctx = createExecutionContext();
  const headers = { Cookie: `propster_session=${await tokenFor(anna)}` };
  const response = await appFor(vars).fetch(new Request(`${ORIGIN}${path}`, { headers }), vars, ctx);
  await waitOnExecutionContext(ctx);
  expect(response.status, path).toBe(200);
  return response.text();
}

/** The static files as a broken binding would answer: a network error, or a 503. */
const failing = (how: 'throws' | 'fails'): Fetcher =>
  ({
    fetch: async () => {
      if (how === 'throws') throw new Error('network');
      return new Response('unavailable', { status: 503 });
    },
  }) as unknown as Fetcher;

describe('the critical stylesheet read from the static files', () => {
  it('is linked while it cannot be read, inline once it was, and inline from then on', async () => {
    const link = `<link rel="stylesheet" href="${CRITICAL_CSS_PATH}"/>`;
    for (const how of ['throws', 'fails'] as const) {
      const head = (await page(LIST, failing(how))).split('</head>')[0] ?? '';
      // Styled all the same: the file, which the CSP allows as 'self'.
      expect(head, how).toContain(link);
      expect(head, how).not.toContain('<style>');
    }
    const file = await env.ASSETS.fetch(new Request(`${ORIGIN}${CRITICAL_CSS_PATH}`));
    expect(file.headers.get('content-type')).toMatch(/^text\/css/);
    const rules = await file.text();
    // The CSP's hash is the file's: the inline copy is allowed.
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(rules));
    expect(`sha256-${btoa(String.fromCharCode(...new Uint8Array(digest)))}`).toBe(CRITICAL_CSS_HASH);

    const read = (await page(LIST, env.ASSETS)).split('</head>')[0] ?? '';
    expect(read).toContain(`<style>${rules}</style>`);
    expect(read).not.toContain(CRITICAL_CSS_PATH);
    // Read once per isolate: a binding that fails later changes nothing.
    const later = (await page(`${LIST}/new`, failing('throws'))).split('</head>')[0] ?? '';
    expect(later).toContain(`<style>${rules}</style>`);
    expect(later).not.toContain(CRITICAL_CSS_PATH);
    // The other pages' rules, not read, are linked in the head as for a browser that has them.
    expect(later).toContain(`<link rel="stylesheet" href="${PAGES_CSS_PATH}"/>`);
  });
});
