import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { appFor } from '../src/app';
import { countingD1 } from './d1-counter';
import { anna, ORIGIN, seedContacts, textOf, tokenFor } from './helpers';

// Searches per user (SEARCH_LIMITER, production only: wrangler.toml): a script searching long
// queries stalled the other assets of its database (security review, stop 61). The binding is
// given to the Worker here as production gives it; what it answers is the test's.

const LIST = '/assets/whg-12/contacts';

type Answer = 'pass' | 'refuse' | 'fail';

async function get(
  path: string,
  limiter: Answer | { every: Answer; long: Answer },
  headers: Record<string, string> = {},
  method = 'GET',
  form?: Record<string, string>,
) {
  const keys: string[] = [];
  const { db, count } = countingD1(env.DB);
  const answers = typeof limiter === 'string' ? { every: limiter, long: limiter } : limiter;
  const binding = (name: 'every' | 'long') => ({
    async limit(options: { key: string }) {
      keys.push(`${name} ${options.key}`);
      if (answers[name] === 'fail') throw new Error('limiter down');
      return { success: answers[name] === 'pass' };
    },
  });
  const vars = { ...env, DB: db, SEARCH_LIMITER: binding('every'), LONG_SEARCH_LIMITER: binding('long') };
  const all = new Headers({ Cookie: `propster_session=${await tokenFor(anna)}`, ...headers });
  if (form) {
    all.set('Content-Type', 'application/x-www-form-urlencoded');
    all.set('Origin', ORIGIN);
  }
  const ctx = createExecutionContext();
  const body = form ? new URLSearchParams(form).toString() : undefined;
  const response = await appFor(vars).fetch(new Request(`${ORIGIN}${path}`, { method, headers: all, body, redirect: 'manual' }), vars, ctx);
  const text = await response.text();
  const roundTrips = count.roundTrips;
  await waitOnExecutionContext(ctx);
  return { response, text, keys, roundTrips };
}

describe('searches per user', () => {
  it('asks the limiter for every search, keyed by the user, and for nothing else', async () => {
    const [id] = await seedContacts('whg-12', 3, (index) => ({ company: `Firma ${index}`, warranty_until: index ? '' : '2029-05-10' }));
    for (const path of [
      `${LIST}?q=firma`,
      `${LIST}?q=firma&part=results`,
      `${LIST}/print?q=firma`,
      `${LIST}.vcf?q=firma`,
      // However many slashes the router reads past (review: "contacts//" passed unasked).
      `${LIST}/?q=firma`,
      `${LIST}//?q=firma`,
      `${LIST}/print//?q=firma`,
      `${LIST}.vcf//?q=firma`,
    ]) {
      const { response, keys } = await get(path, 'pass');
      expect(response.status, path).toBe(200);
      expect(keys, path).toEqual(['every search:u-anna']);
      expect((await get(path, 'refuse')).response.status, path).toBe(429);
    }
    // A query of more than six words also counts against the long searches' limit.
    const long = `${LIST}?q=${encodeURIComponent('firma eins zwei drei vier fünf sechs')}`;
    expect((await get(long, 'pass')).keys).toEqual(['every search:u-anna', 'long search:u-anna']);
    expect((await get(long, { every: 'pass', long: 'refuse' })).response.status).toBe(429);
    const six = `${LIST}?q=${encodeURIComponent('firma eins zwei drei vier fünf')}`;
    const short = await get(six, { every: 'pass', long: 'refuse' });
    expect(short.response.status).toBe(200);
    expect(short.keys).toEqual(['every search:u-anna']);
    // The list, an empty search, a card that carries the search for its way back, the calendar:
    // no search, nothing asked (the list's one round trip stays one).
    for (const path of [
      LIST,
      `${LIST}?q=`,
      `${LIST}?q=%20`,
      `${LIST}/${id}?q=firma`,
      `${LIST}/print`,
      `${LIST}.vcf`,
      `${LIST}/warranty.ics`,
    ]) {
      const { response, keys } = await get(path, 'refuse');
      expect(response.status, path).toBe(200);
      expect(keys, path).toEqual([]);
    }
    // A write is the write limiter's, not this one's.
    const write = await get(LIST, 'refuse', {}, 'POST', { form_token: 'search-limit-write-1', company: 'Neu GmbH' });
    expect(write.response.status).toBe(303);
    expect(write.keys).toEqual([]);
  });

  it('refuses a search over the limit with 429 before reading anything, said as too many searches', async () => {
    const refused = await get(`${LIST}?q=firma`, 'refuse');
    expect(refused.response.status).toBe(429);
    expect(refused.roundTrips).toBe(0);
    const text = textOf(refused.text);
    expect(text).toContain('Zu viele Suchen');
    expect(text).toContain(
      'Sie haben in kurzer Zeit sehr viele Suchen gesendet. Bitte warten Sie einen Moment und suchen Sie dann erneut.',
    );
    expect(text).not.toContain('Änderungen');
    const english = await get(`${LIST}/print?q=firma`, 'refuse', { 'Accept-Language': 'en' });
    expect(english.response.status).toBe(429);
    expect(textOf(english.text)).toContain('You sent a great many searches in a short time. Please wait a moment and search again.');
    // Search as you type (htmx): the same answer, whose words app.js shows above the search field.
    const typed = await get(`${LIST}?q=firma&part=results`, 'refuse', { 'HX-Request': 'true' });
    expect(typed.response.status).toBe(429);
    expect(typed.text).toMatch(/<section class="error"[^>]*>[\s\S]*<p>Sie haben in kurzer Zeit sehr viele Suchen gesendet/);
  });

  it('lets a search pass when the limiter fails (a brake on reads, not a guard of data)', async () => {
    await seedContacts('whg-12', 1, () => ({ company: 'Firma Ausfall' }));
    const { response, text } = await get(`${LIST}?q=ausfall`, 'fail');
    expect(response.status).toBe(200);
    expect(textOf(text)).toContain('Firma Ausfall');
  });
});
