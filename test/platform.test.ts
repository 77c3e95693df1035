import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Bindings } from '../src/env';
import worker from '../src/index';
import production from '../src/production';
import { anna, hiddenFields, jonas, ORIGIN, seedContacts, send, textOf, tokenFor } from './helpers';

const LIST = '/assets/whg-12/contacts';

/** The Worker (the entry of local development, with the dev login) with other vars, as another deployment would configure it. */
async function fetchWith(vars: Partial<Bindings>, path: string, init: RequestInit = {}, entry = worker): Promise<Response> {
  const ctx = createExecutionContext();
  const response = await entry.fetch(new Request(`${ORIGIN}${path}`, { redirect: 'manual', ...init }), { ...env, ...vars }, ctx);
  await waitOnExecutionContext(ctx);
  return response;
}

describe('security headers', () => {
  it('are on pages and on error pages alike', async () => {
    for (const response of [await send(LIST, { user: anna }), await send(LIST), await send('/nowhere', { user: anna })]) {
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('unsafe-eval');
      expect(csp).toContain("frame-ancestors 'none'");
      expect(response.headers.get('strict-transport-security')).toMatch(/max-age=31536000/);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('same-origin');
      expect(response.headers.get('content-type')).toMatch(/^text\/html; charset=utf-8$/i);
      expect(response.headers.get('x-request-id')).toMatch(/^[\w-]+$/);
    }
  });

  it('hash-allows exactly the inline critical CSS and loads htmx deferred from a fingerprinted path', async () => {
    const response = await send(LIST, { user: anna });
    const html = await response.text();
    const css = /<style>([^<]*)<\/style>/.exec(html)?.[1] ?? '';
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(css));
    const hash = btoa(String.fromCharCode(...new Uint8Array(digest)));
    expect(response.headers.get('content-security-policy')).toContain(`'sha256-${hash}'`);
    expect(html).toMatch(/<script src="\/static\/htmx-[0-9a-f]{12}\.min\.js" defer=""><\/script>/);
    expect(html).toContain('<!DOCTYPE html>');
    // The page names its user for the script's drafts (one user's input never fills another's form).
    expect(html).toContain(`<body data-user="${anna.sub}">`);
  });

  it('serves fingerprinted static files immutable', async () => {
    const html = await (await send(LIST, { user: anna })).text();
    const path = /src="(\/static\/htmx-[^"]+)"/.exec(html)?.[1] ?? '';
    const file = await env.ASSETS.fetch(new Request(`${ORIGIN}${path}`));
    expect(file.status).toBe(200);
    expect(file.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });
});

describe('same-origin writes (CSRF)', () => {
  it('refuses cross-site, sibling-origin and origin-less writes with a 403 page, storing nothing', async () => {
    const attempts: Record<string, string>[] = [
      { Origin: 'https://evil.example' },
      { Origin: 'https://kunden.example.de' },
      { Origin: 'null' },
      { 'Sec-Fetch-Site': 'cross-site' },
      {},
    ];
    for (const headers of attempts) {
      const response = await send(LIST, { user: anna, sameOrigin: false, headers, form: { company: 'CSRF GmbH' } });
      expect(response.status, JSON.stringify(headers)).toBe(403);
      expect(textOf(await response.text())).toContain('Anfrage abgelehnt');
    }
    expect(await (await send(LIST, { user: anna })).text()).not.toContain('CSRF GmbH');
  });

  it('accepts Sec-Fetch-Site: same-origin where no Origin is sent', async () => {
    const response = await send(LIST, {
      user: anna,
      sameOrigin: false,
      headers: { 'Sec-Fetch-Site': 'same-origin' },
      form: { company: 'Ohne Origin GmbH' },
    });
    expect(response.status).toBe(303);
  });

  it('checks the session before the origin: 401 comes first', async () => {
    expect((await send(LIST, { sameOrigin: false, form: { company: 'X' } })).status).toBe(401);
  });
});

describe('limits and methods', () => {
  it('answers a 2 MB body with a 413 page and stores nothing', async () => {
    const response = await send(LIST, { user: anna, form: { company: 'Riesig GmbH', notes: 'x'.repeat(2 * 1024 * 1024) } });
    expect(response.status).toBe(413);
    const html = await response.text();
    expect(textOf(html)).toContain('Zu lange Eingaben');
    // Where the input is, and a way on (review: a dead end).
    expect(textOf(html)).toContain('Gehen Sie bitte mit der Zurück-Taste Ihres Browsers zum Formular zurück');
    // Refused before the route, it still leads back to this apartment's list, not to the start (review).
    expect(html).toContain(`<a class="button" href="${LIST}">Zurück zu den Kontakten</a>`);
    // With htmx the form stays on screen (src/client/app.js shows these words above it): no Back to name.
    const inPlace = await send(LIST, { user: anna, htmx: true, form: { company: 'Riesig GmbH', notes: 'x'.repeat(2 * 1024 * 1024) } });
    expect(inPlace.status).toBe(413);
    const fragment = textOf(await inPlace.text());
    expect(fragment).toContain(
      'Ihre Eingaben sind zu lang, um sie auf einmal zu speichern. Bitte kürzen Sie sie, zum Beispiel die Notizen.',
    );
    expect(fragment).not.toContain('Zurück-Taste');
    expect(await (await send(LIST, { user: anna })).text()).not.toContain('Riesig GmbH');
  });

  it('answers a wrong method on a known path with 405 and Allow', async () => {
    const response = await send(LIST, { user: anna, method: 'PATCH' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toContain('POST');
  });

  it('ignores _method and X-HTTP-Method-Override', async () => {
    const response = await send(`${LIST}/doesnotexist`, {
      user: anna,
      form: { _method: 'DELETE' },
      headers: { 'X-HTTP-Method-Override': 'DELETE' },
    });
    expect(response.status).toBe(404);
  });

  it('limits writes per user with a 429 page', async () => {
    const spammer = { ...anna, sub: 'u-spammer' };
    // 60 writes per 10 s window: 125 writes sent at once span at most two windows, so at most
    // 120 can pass whatever the timing, and the rest must be refused.
    const responses = await Promise.all(
      Array.from({ length: 125 }, (_, index) =>
        send(LIST, { user: spammer, form: { form_token: `spam-token-${index}-abcdefgh`, company: `Spam ${index}` } }),
      ),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 303).length).toBeLessThanOrEqual(120);
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(5);
    expect(statuses.every((status) => status === 303 || status === 429)).toBe(true);
    // Exactly the writes that were let through are stored; a refused one left nothing behind.
    const stored = await env.DB.prepare("select count(*) as n from contacts where company like 'Spam %'").first();
    expect(stored?.n).toBe(statuses.filter((status) => status === 303).length);
    const limited = responses.find((response) => response.status === 429);
    expect(textOf((await limited?.text()) ?? '')).toContain('Zu viele Änderungen');
    // Reading stays possible, and other users are not affected.
    expect((await send(LIST, { user: spammer })).status).toBe(200);
    expect((await send(LIST, { user: anna, form: { company: 'Anna darf' } })).status).toBe(303);
  });
});

describe('dev login (contract §3)', () => {
  it('does not exist without DEV_LOGIN=true', async () => {
    expect((await send('/dev/login')).status).toBe(404);
    expect((await send('/dev/login', { form: { user: 'anna' } })).status).toBe(404);
  });

  it('refuses a cross-site or origin-less login post', async () => {
    const attempts: Record<string, string>[] = [{ Origin: 'https://evil.example' }, {}];
    for (const headers of attempts) {
      const response = await fetchWith({ DEV_LOGIN: 'true' }, '/dev/login', {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'user=anna',
      });
      expect(response.status).toBe(403);
      expect(response.headers.get('set-cookie')).toBeNull();
    }
  });

  it('lists demo users and sets a cookie the Worker accepts', async () => {
    const page = await fetchWith({ DEV_LOGIN: 'true' }, '/dev/login');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<form method="post" action="/dev/login" class="stack">');
    const text = textOf(html);
    expect(text).toContain('Anna Müller');
    expect(text).toContain('Jonas Müller');
    expect(text).toContain('project_manager');
    // A third co-buyer of the same apartment, for what two others save at once (stop 77).
    const lena = await fetchWith({ DEV_LOGIN: 'true' }, '/dev/login', {
      method: 'POST',
      headers: { Origin: ORIGIN, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'user=lena',
    });
    expect(lena.status).toBe(303);
    const lenaCookie = /propster_session=([^;]+)/.exec(lena.headers.get('set-cookie') ?? '')?.[1] ?? '';
    expect((await send('/', { token: lenaCookie })).headers.get('location')).toBe('/assets/lindenhof-whg-12/contacts');
    const login = await fetchWith({ DEV_LOGIN: 'true' }, '/dev/login', {
      method: 'POST',
      headers: { Origin: ORIGIN, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'user=anna',
    });
    expect(login.status).toBe(303);
    const cookie = /propster_session=([^;]+)/.exec(login.headers.get('set-cookie') ?? '')?.[1] ?? '';
    expect(login.headers.get('set-cookie')).toMatch(/HttpOnly/i);
    const home = await send('/', { token: cookie });
    expect(home.status).toBe(303);
    expect(home.headers.get('location')).toBe('/assets/lindenhof-whg-12/contacts');
  });
});

describe('the production entry (src/production.ts)', () => {
  it('serves the app but has no dev login, whatever DEV_LOGIN says', async () => {
    const cookie = { Cookie: `propster_session=${await tokenFor(anna)}` };
    const list = await fetchWith({}, LIST, { headers: cookie }, production);
    expect(list.status).toBe(200);
    expect(await list.text()).toContain('Kontakte');
    // Its routes answer 404 as the dev login does without DEV_LOGIN=true (contract §3), with or without a session.
    for (const headers of [cookie, {}]) {
      expect((await fetchWith({ DEV_LOGIN: 'true' }, '/dev/login', { headers }, production)).status).toBe(404);
    }
    const post = await fetchWith(
      { DEV_LOGIN: 'true' },
      '/dev/login',
      { method: 'POST', headers: { Origin: ORIGIN, 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'user=anna' },
      production,
    );
    expect(post.status).toBe(404);
    expect(post.headers.get('set-cookie')).toBeNull();
    // The same request to the development entry logs in.
    const dev = await fetchWith({ DEV_LOGIN: 'true' }, '/dev/login', {
      method: 'POST',
      headers: { Origin: ORIGIN, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'user=anna',
    });
    expect(dev.status).toBe(303);
    expect(dev.headers.get('set-cookie') ?? '').toContain('propster_session=');
  });
});

describe('dev login return address', () => {
  it('goes back to a path on this origin, never elsewhere', async () => {
    const post = (returnTo: string) =>
      fetchWith({ DEV_LOGIN: 'true' }, '/dev/login', {
        method: 'POST',
        headers: { Origin: ORIGIN, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ user: 'anna', returnTo }).toString(),
      });
    expect((await post('/assets/lindenhof-whg-12/contacts/new')).headers.get('location')).toBe('/assets/lindenhof-whg-12/contacts/new');
    for (const hostile of ['//evil.example/x', 'https://evil.example/', '/\\evil.example', 'javascript:alert(1)']) {
      expect((await post(hostile)).headers.get('location'), hostile).toBe('/');
    }
    const page = await (await fetchWith({ DEV_LOGIN: 'true' }, '/dev/login?returnTo=%2Fassets%2Fx%2Fcontacts%2Fnew')).text();
    expect(page).toContain('<input type="hidden" name="returnTo" value="/assets/x/contacts/new"/>');
  });
});

describe('drafts in the browser', () => {
  it('marks forms that echo unsaved input, and clears the draft once the save is confirmed', async () => {
    const fresh = await (await send(`${LIST}/new`, { user: anna })).text();
    expect(fresh).toContain(`data-draft="${LIST}"`);
    expect(fresh).not.toContain('data-draft-server');
    expect(fresh).toMatch(/<p class="draft-note" data-draft-note="true" hidden="">/);
    const invalid = await (await send(LIST, { user: anna, form: { form_token: 'draft-token-0123456789', email: 'x' } })).text();
    expect(invalid).toContain('data-draft-server="shown"');
    const expired = await (await send(LIST, { form: { form_token: 'draft-token-expired-01', company: 'Abgelaufen' } })).text();
    expect(expired).toContain('data-draft-server="pending"');
    const saved = await send(LIST, { user: anna, htmx: true, form: { form_token: 'draft-token-0123456789', company: 'Entwurf GmbH' } });
    expect(await saved.text()).toContain(`data-draft-clear="${LIST}"`);
  });
});

describe('session expiry without losing input', () => {
  it('answers a create without a session with 401 and the typed values in a form to send again', async () => {
    const response = await send(LIST, {
      form: { form_token: 'expired-token-0123456789', company: 'Küchen Schmidt 🍳', notes: 'Bitte\nnicht verlieren' },
    });
    expect(response.status).toBe(401);
    const html = await response.text();
    expect(textOf(html)).toContain('Anmeldung abgelaufen');
    expect(html).toContain('value="Küchen Schmidt 🍳"');
    expect(html).toContain('Bitte\nnicht verlieren</textarea>');
    expect(html).toContain('name="form_token" value="expired-token-0123456789"');
    expect(html).toContain(`action="${LIST}"`);
    expect(html).toContain('href="https://kunden.example.de/login?returnTo=%2Fassets%2Fwhg-12%2Fcontacts%2Fnew"');
  });

  it("gives the login a way back with one leading slash, never another host's address (security review)", async () => {
    const response = await send('//evil.example/x?y=1');
    expect(response.status).toBe(401);
    const html = await response.text();
    expect(html).toContain('returnTo=%2Fevil.example%2Fx%3Fy%3D1"');
    expect(html).not.toContain('returnTo=%2F%2F');
  });

  it('keeps an edit with its version, and answers htmx with a fragment', async () => {
    const response = await send(`${LIST}/abc123`, { htmx: true, form: { version: '4', last_name: 'Weiß' } });
    expect(response.status).toBe(401);
    const html = await response.text();
    expect(html).not.toContain('<html');
    expect(html).toContain('name="version" value="4"');
    expect(html).toContain('value="Weiß"');
    expect(html).toContain('returnTo=%2Fassets%2Fwhg-12%2Fcontacts%2Fabc123%2Fedit');
  });

  it("keeps a clash's choice of the whole address in the 401 form, and that form saves it once signed in (code review)", async () => {
    // Anna and Jonas change different parts of one address: one choice of the two whole addresses.
    const [id] = await seedContacts('whg-12', 1, () => ({
      company: 'Adresse nach Ablauf GmbH',
      street: 'Hauptstraße 5',
      postal_code: '80331',
      city: 'München',
    }));
    const base = {
      version: '1',
      company: 'Adresse nach Ablauf GmbH',
      street: 'Hauptstraße 5',
      postal_code: '80331',
      city: 'München',
      phone: '089 1',
    };
    expect((await send(`${LIST}/${id}`, { user: jonas, form: { ...base, street: 'Industriestraße 7', city: 'Garching' } })).status).toBe(
      303,
    );
    const clash = await send(`${LIST}/${id}`, { user: anna, form: { ...base, postal_code: '80333' } });
    expect(clash.status).toBe(409);
    const html = await clash.text();
    const choices = [...html.matchAll(/<input type="radio" name="address" value="([^"]+)"/g)].map((m) =>
      (m[1] ?? '').replaceAll('&quot;', '"'),
    );
    expect(choices).toHaveLength(2);
    // She picks Jonas's address after her session ran out.
    const now = Math.floor(Date.now() / 1000);
    const token = await tokenFor(anna, { iat: now - 7200, exp: now - 3600 });
    const choice = { ...hiddenFields(html.slice(0, html.indexOf('</form>'))), address: choices[1] ?? '' };
    const expired = await send(`${LIST}/${id}`, { token, form: choice });
    expect(expired.status).toBe(401);
    const page = await expired.text();
    const shown = (name: string) => page.match(new RegExp(`name="${name}"[^>]*value="([^"]*)"`))?.[1];
    expect([shown('street'), shown('postal_code'), shown('city'), shown('phone')]).toEqual([
      'Industriestraße 7',
      '80331',
      'Garching',
      '089 1',
    ]);
    // Sent again as the page holds it, once signed in: that address is stored, nothing emptied.
    const again: Record<string, string> = { ...hiddenFields(page) };
    for (const m of page.matchAll(/<input (?![^>]*type="hidden")[^>]*name="([a-z_]+)"[^>]*value="([^"]*)"/g))
      again[m[1] ?? ''] = m[2] ?? '';
    expect((await send(`${LIST}/${id}`, { user: anna, form: again })).status).toBe(303);
    expect(await env.DB.prepare('SELECT street, postal_code, city, phone FROM contacts WHERE id = ?').bind(id).first()).toEqual({
      street: 'Industriestraße 7',
      postal_code: '80331',
      city: 'Garching',
      phone: '089 1',
    });
  });

  it("keeps a clash's choice of both warranty dates in the 401 form (stop 65)", async () => {
    const [id] = await seedContacts('whg-12', 1, () => ({
      company: 'Frist nach Ablauf GmbH',
      accepted_on: '2024-03-12',
      warranty_until: '2029-03-12',
    }));
    const base = { version: '1', company: 'Frist nach Ablauf GmbH', accepted_on: '2024-03-12', warranty_until: '2029-03-12' };
    expect((await send(`${LIST}/${id}`, { user: jonas, form: { ...base, accepted_on: '', warranty_until: '' } })).status).toBe(303);
    const clash = await send(`${LIST}/${id}`, { user: anna, form: { ...base, warranty_until: '', warranty_years: '2' } });
    expect(clash.status).toBe(409);
    const html = await clash.text();
    const now = Math.floor(Date.now() / 1000);
    const token = await tokenFor(anna, { iat: now - 7200, exp: now - 3600 });
    const choice = { ...hiddenFields(html.slice(0, html.indexOf('</form>'))), warranty: '["2024-03-12","2026-03-12"]' };
    const expired = await send(`${LIST}/${id}`, { token, form: choice });
    expect(expired.status).toBe(401);
    const page = await expired.text();
    const shown = (name: string) => page.match(new RegExp(`name="${name}"[^>]*value="([^"]*)"`))?.[1];
    expect([shown('accepted_on'), shown('warranty_until')]).toEqual(['2024-03-12', '2026-03-12']);
  });

  it('sends the same form again after login and stores it once', async () => {
    const form = { form_token: 'resend-token-0123456789', company: 'Wieder da GmbH' };
    expect((await send(LIST, { form })).status).toBe(401);
    expect((await send(LIST, { user: anna, form })).status).toBe(303);
    expect((await send(LIST, { user: anna, form })).status).toBe(303);
    const { results } = await env.DB.prepare("SELECT id FROM contacts WHERE company = 'Wieder da GmbH'").all();
    expect(results).toHaveLength(1);
  });

  it('leads an action sent without a session (undo, restore, import) back to the page it was sent from, never to the action', async () => {
    const undo = await send(`${LIST}/abc123/restore`, { form: {}, headers: { Referer: `${ORIGIN}${LIST}?deleted=abc123` } });
    expect(undo.status).toBe(401);
    const html = await undo.text();
    expect(textOf(html)).toContain('es wurde nichts geändert');
    expect(html).toContain('href="https://kunden.example.de/login?returnTo=%2Fassets%2Fwhg-12%2Fcontacts%3Fdeleted%3Dabc123"');
    // Without a page of this app to go back to: the asset's list.
    for (const referer of [undefined, 'https://evil.example/assets/whg-12/contacts/x']) {
      const restore = await send(`${LIST}/abc123/history/2/restore`, { form: {}, headers: referer ? { Referer: referer } : {} });
      expect(await restore.text()).toContain('returnTo=%2Fassets%2Fwhg-12%2Fcontacts"');
    }
    // An asset id that is no valid percent-encoding: 401 all the same, back to the asset list (review: 500).
    const malformed = await send('/assets/%ZZ/contacts/abc/restore', { form: {} });
    expect(malformed.status).toBe(401);
    expect(await malformed.text()).toContain('returnTo=%2F"');
    // A page read without a session comes back to itself, as before.
    const read = await (await send(`${LIST}/deleted`)).text();
    expect(read).toContain('returnTo=%2Fassets%2Fwhg-12%2Fcontacts%2Fdeleted"');
    expect(textOf(read)).toContain('Um Ihre Kontakte zu sehen');
  });

  it('drops the values of a cross-site post', async () => {
    const response = await send(LIST, {
      sameOrigin: false,
      headers: { Origin: 'https://evil.example' },
      form: { company: 'Untergeschoben' },
    });
    expect(response.status).toBe(401);
    expect(await response.text()).not.toContain('Untergeschoben');
  });
});

describe('living under a path prefix (BASE_PATH)', () => {
  const prefixed = { BASE_PATH: '/kontakte' };

  it('serves every route, link, form and redirect under the prefix', async () => {
    const cookie = `propster_session=${await tokenFor(anna)}`;
    const home = await fetchWith(prefixed, '/kontakte/', { headers: { Cookie: cookie } });
    expect(home.status).toBe(303);
    expect(home.headers.get('location')).toBe('/kontakte/assets/whg-12/contacts');
    const create = await fetchWith(prefixed, '/kontakte/assets/whg-12/contacts', {
      method: 'POST',
      headers: { Cookie: cookie, Origin: ORIGIN, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ form_token: 'prefix-token-0123456789', company: 'Präfix GmbH' }).toString(),
    });
    expect(create.status).toBe(303);
    const location = create.headers.get('location') ?? '';
    expect(location).toMatch(/^\/kontakte\/assets\/whg-12\/contacts\/[A-Za-z0-9_-]+\?saved=/);
    const card = await (await fetchWith(prefixed, location, { headers: { Cookie: cookie } })).text();
    expect(card).toContain('Präfix GmbH');
    expect(card).toMatch(/use href="\/kontakte\/static\/icons-[0-9a-f]{12}\.svg#card"/);
    const list = await (await fetchWith(prefixed, '/kontakte/assets/whg-12/contacts', { headers: { Cookie: cookie } })).text();
    expect(list).toContain('Präfix GmbH');
    expect(list).toMatch(/href="\/kontakte\/assets\/whg-12\/contacts\/[A-Za-z0-9_-]+"/);
    expect(list).toContain('href="/kontakte/assets/whg-12/contacts/new"');
    expect(list).toContain('hx-get="/kontakte/assets/whg-12/contacts/new"');
    expect(list).toContain('href="/kontakte/assets/whg-12/contacts.vcf"');
    expect(list).toContain('action="/kontakte/assets/whg-12/contacts"');
    expect(list).toMatch(/src="\/kontakte\/static\/htmx-[0-9a-f]{12}\.min\.js"/);
    // The other language at its foot, kept for the prefix's pages only (since stop 75).
    const listBack = encodeURIComponent('/kontakte/assets/whg-12/contacts');
    expect(list).toContain(`<form method="post" action="/kontakte/language/en?back=${listBack}">`);
    const english = await fetchWith(prefixed, `/kontakte/language/en?back=${listBack}`, {
      method: 'POST',
      headers: { Cookie: cookie, Origin: ORIGIN },
    });
    expect(english.headers.get('Set-Cookie')).toBe('kontakte_lang=en; Path=/kontakte; HttpOnly; Secure; SameSite=Lax; Max-Age=31536000');
    expect(english.headers.get('Location')).toBe('/kontakte/assets/whg-12/contacts');
    // No page, or one outside the prefix (the platform's own): the start.
    for (const back of ['', '?back=%2Fassets%2Fwhg-12%2Fcontacts', '?back=%2Fkontakte'])
      expect(
        (await fetchWith(prefixed, `/kontakte/language/en${back}`, { method: 'POST', headers: { Origin: ORIGIN } })).headers.get(
          'Location',
        ),
      ).toBe('/kontakte/');
    expect(list).not.toMatch(/(href|action|src|hx-get|hx-post)="\/(assets|static)\//);
    const id = new URL(location, ORIGIN).searchParams.get('saved');
    const vcard = await fetchWith(prefixed, `/kontakte/assets/whg-12/contacts/${id}.vcf`, { headers: { Cookie: cookie } });
    expect(vcard.status).toBe(200);
    expect(await vcard.text()).toContain('ORG;CHARSET=UTF-8:Präfix GmbH');
    const script = /src="(\/kontakte\/static\/htmx-[^"]+)"/.exec(list)?.[1] ?? '';
    const file = await fetchWith(prefixed, script);
    expect(file.status).toBe(200);
    expect((await fetchWith(prefixed, LIST, { headers: { Cookie: cookie } })).status).toBe(404);
    // The other pages' stylesheet under the prefix: inline on a first page, the cookie for the
    // prefix's pages only, and linked from the prefix's static files once the browser has it.
    const first = await fetchWith(prefixed, '/kontakte/assets/whg-12/contacts/new', { headers: { Cookie: cookie } });
    expect(first.headers.get('set-cookie')).toMatch(
      /^kontakte_css=%2Fstatic%2Fpages-[0-9a-f]{12}\.css; Path=\/kontakte; HttpOnly; Secure; SameSite=Lax; Max-Age=31536000$/,
    );
    const firstPage = await first.text();
    expect(firstPage).toMatch(/<link rel="preload" as="style" href="\/kontakte\/static\/pages-[0-9a-f]{12}\.css"\/><\/body><\/html>$/);
    expect((firstPage.split('</head>')[0] ?? '').match(/<style>/g)).toHaveLength(2);
    expect(firstPage).toContain('.save-bar{');
    const told = `${cookie}; ${(first.headers.get('set-cookie') ?? '').split(';')[0]}`;
    const next = await (await fetchWith(prefixed, '/kontakte/assets/whg-12/contacts/new', { headers: { Cookie: told } })).text();
    const sheet =
      /<link rel="stylesheet" href="(\/kontakte\/static\/pages-[0-9a-f]{12}\.css)"\/>/.exec(next.split('</head>')[0] ?? '')?.[1] ?? '';
    expect((await fetchWith(prefixed, sheet)).status).toBe(200);

    // Edit and delete with htmx under the prefix: fragments, pushed URLs and forms keep it.
    const write = (path: string, form: Record<string, string>) =>
      fetchWith(prefixed, path, {
        method: 'POST',
        headers: { Cookie: cookie, Origin: ORIGIN, 'HX-Request': 'true', 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(form).toString(),
      });
    const editForm = await (
      await fetchWith(prefixed, `/kontakte/assets/whg-12/contacts/${id}/edit`, { headers: { Cookie: cookie, 'HX-Request': 'true' } })
    ).text();
    expect(editForm).toContain(`hx-post="/kontakte/assets/whg-12/contacts/${id}"`);
    const updated = await write(`/kontakte/assets/whg-12/contacts/${id}`, { version: '1', company: 'Präfix AG' });
    expect(updated.status).toBe(200);
    expect(updated.headers.get('HX-Push-Url')).toBe(`/kontakte/assets/whg-12/contacts/${id}`);
    expect(await updated.text()).toContain(`href="/kontakte/assets/whg-12/contacts/${id}/edit"`);
    const deleted = await write(`/kontakte/assets/whg-12/contacts/${id}/delete`, { version: '2' });
    expect(deleted.status).toBe(200);
    expect(deleted.headers.get('HX-Push-Url')).toBe(`/kontakte/assets/whg-12/contacts?deleted=${id}`);
    expect(await deleted.text()).toContain(`action="/kontakte/assets/whg-12/contacts/${id}/restore"`);
  });

  it('keeps the prefix in the 401 return address', async () => {
    const response = await fetchWith(prefixed, '/kontakte/assets/whg-12/contacts');
    expect(response.status).toBe(401);
    expect(await response.text()).toContain('returnTo=%2Fkontakte%2Fassets%2Fwhg-12%2Fcontacts');
  });
});

describe('framing', () => {
  it('allows exactly the configured frame ancestors', async () => {
    const response = await fetchWith({ FRAME_ANCESTORS: 'https://kunden.example.de' }, '/healthz');
    expect(response.headers.get('content-security-policy')).toContain('frame-ancestors https://kunden.example.de');
    expect(response.headers.get('x-frame-options')).toBeNull();
    expect((await send('/healthz')).headers.get('x-frame-options')).toBe('DENY');
  });
});

describe('request logs', () => {
  afterEach(() => vi.restoreAllMocks());

  it('writes one JSON line per request with route, status, asset and request id, and nothing personal', async () => {
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: unknown) => void lines.push(String(line)));
    const response = await send(`${LIST}?q=M%C3%BCller`, { user: anna });
    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      method: 'GET',
      route: '/assets/:assetId/contacts',
      status: 200,
      assetId: 'whg-12',
      requestId: response.headers.get('x-request-id'),
    });
    expect(typeof entries[0]?.durationMs).toBe('number');
    const text = lines.join('\n');
    expect(text).not.toContain('Müller');
    expect(text).not.toContain('Anna');
    expect(text).not.toContain(anna.sub);
  });

  it('names the endpoint, not the last route matched nor a middleware that answered: an upload is the import, not an update (security review, stop 63)', async () => {
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: unknown) => void lines.push(String(line)));
    const form = new FormData();
    form.set('file', new File(['BEGIN:VCARD\r\nVERSION:3.0\r\nN:Log;;;;\r\nEND:VCARD\r\n'], 'k.vcf', { type: 'text/vcard' }));
    expect((await send(`${LIST}/import`, { user: anna, method: 'POST', body: form })).status).toBe(303);
    expect((await send(`${LIST}/doesnotexist`, { user: anna, form: { version: '1', company: 'X' } })).status).toBe(404);
    expect((await send(`${LIST}/new`, { user: anna })).status).toBe(200);
    // Answered by a middleware: still the endpoint (code review: "/assets/*" for a cross-site 403).
    expect((await send(`${LIST}/doesnotexist`, { user: anna, sameOrigin: false, form: { version: '1' } })).status).toBe(403);
    expect((await send(`${LIST}/new`)).status).toBe(401);
    expect((await send('/assets/elsewhere/contacts/new', { user: anna })).status).toBe(404);
    expect(lines.map((line) => (JSON.parse(line) as { route: string }).route)).toEqual([
      '/assets/:assetId/contacts/import',
      '/assets/:assetId/contacts/:contactId',
      '/assets/:assetId/contacts/new',
      '/assets/:assetId/contacts/:contactId',
      '/assets/:assetId/contacts/new',
      '/assets/:assetId/contacts/new',
    ]);
  });
});
