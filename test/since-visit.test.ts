import { describe, expect, it } from 'vitest';
import { anna as annaOf, jonas as jonasOf, ORIGIN, send, type TestUser, textOf } from './helpers';

const lenaOf: TestUser = { ...annaOf, sub: 'u-lena', name: 'Lena Schulz' };

// "Seit Ihrem letzten Besuch": the list says what others changed since this browser's last visit
// (co-buyer walkthrough, stop 75), and a page lists it.

/** Co-buyers of a book of their own. */
function household(assetId: string): [TestUser, TestUser, TestUser] {
  const assets = [{ id: assetId, name: `Haus ${assetId}` }];
  return [
    { ...annaOf, sub: `u-anna-${assetId}`, assets },
    { ...jonasOf, sub: `u-jonas-${assetId}`, assets },
    { ...lenaOf, sub: `u-lena-${assetId}`, assets },
  ];
}

async function create(user: TestUser, assetId: string, fields: Record<string, string>): Promise<string> {
  const response = await send(`/assets/${assetId}/contacts`, { user, form: { form_token: crypto.randomUUID(), ...fields } });
  expect(response.status).toBe(303);
  return new URL(response.headers.get('location') ?? '', ORIGIN).searchParams.get('saved') ?? '';
}

/** The visit cookie of a list answer: its value and attributes. */
function seenCookie(response: Response): string | undefined {
  return response.headers.getSetCookie().find((cookie) => cookie.startsWith('kontakte_seen='));
}

const at = (ms: number) => ms.toString(36);
const MINUTE = 60_000;

describe('since the last visit', () => {
  it('a first visit is remembered, says nothing, and the next says what others changed, with the page that lists it', async () => {
    const [anna, jonas, lena] = household('since-1');
    const list = '/assets/since-1/contacts';
    await create(anna, 'since-1', { company: 'Annas Firma' });
    const first = await send(list, { user: anna });
    expect(first.status).toBe(200);
    const cookie = seenCookie(first) ?? '';
    // In the book's path, a year and more, never for scripts; both times the same now.
    expect(cookie).toMatch(
      /^kontakte_seen=([0-9a-z]+)\.\1; Path=\/assets\/since-1\/contacts; HttpOnly; Secure; SameSite=Lax; Max-Age=34560000$/,
    );
    const html = await first.text();
    expect(html).not.toContain('class="since"');
    // An hour ago, the last visit ended: what Jonas and Lena did since is said; Anna's own change is not.
    const before = Date.now() - 60 * MINUTE;
    const visit = `kontakte_seen=${at(before - 10 * MINUTE)}.${at(before)}`;
    const kitchen = await create(jonas, 'since-1', { company: 'Küchen Kraus' });
    await create(lena, 'since-1', { company: 'Garten Gruber' });
    await create(anna, 'since-1', { company: 'Noch eine von Anna' });
    const edit = await send(`${list}/${kitchen}`, { user: lena, form: { version: '1', company: 'Küchen Kraus GmbH' } });
    expect(edit.status).toBe(303);
    const next = await send(list, { user: anna, cookies: visit });
    const text = textOf(await next.text());
    expect(text).toContain('Seit Ihrem letzten Besuch haben Lena Schulz und Jonas Müller 2 Kontakte geändert. Änderungen ansehen');
    // A new visit starts from the last one's end.
    expect(seenCookie(next)).toMatch(new RegExp(`^kontakte_seen=${at(before)}\\.[0-9a-z]+;`));
    const link = (await (await send(list, { user: anna, cookies: visit })).text()).match(/<a href="([^"]+)"[^>]*>Änderungen ansehen/)?.[1];
    expect(link).toBe(`${list}/changes?since=${before}`);
    const page = await send(link ?? '', { user: anna });
    expect(page.status).toBe(200);
    const changes = textOf(await page.text());
    // Per contact, its newest change first; each change with who and what; Anna's own not listed.
    expect(changes).toContain('Änderungen seit Ihrem letzten Besuch');
    expect(changes).toMatch(
      /Was andere seit dem [0-9]{2}\.[0-9]{2}\.[0-9]{4}, [0-9]{2}:[0-9]{2} im Adressbuch geändert haben, das Neueste zuerst./,
    );
    expect(changes).toMatch(
      /Küchen Kraus GmbH Lena Schulz hat den Kontakt geändert · [0-9.]+, [0-9:]+ Jonas Müller hat den Kontakt angelegt · [0-9.]+, [0-9:]+ Verlauf Garten Gruber Lena Schulz hat den Kontakt angelegt/,
    );
    expect(changes).not.toContain('Annas Firma');
    expect(changes).not.toContain('Noch eine von Anna');
    // In English when the browser asks for it.
    const english = textOf(await (await send(list, { user: anna, cookies: visit, headers: { 'Accept-Language': 'en' } })).text());
    expect(english).toContain('Since your last visit, Lena Schulz and Jonas Müller changed 2 contacts. See the changes');
  });

  it('within a visit the same news stays; a search, the warranty view and another page say nothing; nobody else: nothing', async () => {
    const [anna, jonas] = household('since-2');
    const list = '/assets/since-2/contacts';
    const started = Date.now() - 20 * MINUTE;
    // In a visit (the list opened 5 minutes ago): since its start, and the cookie written anew.
    await create(jonas, 'since-2', { company: 'Fliesen Brandt' });
    const within = await send(list, { user: anna, cookies: `kontakte_seen=${at(started)}.${at(Date.now() - 5 * MINUTE)}` });
    expect(textOf(await within.text())).toContain('Seit Ihrem letzten Besuch hat Jonas Müller einen Kontakt geändert.');
    expect(seenCookie(within)).toMatch(new RegExp(`^kontakte_seen=${at(started)}\\.`));
    // Opened again within the minute: no cookie written.
    const again = await send(list, { user: anna, cookies: `kontakte_seen=${at(started)}.${at(Date.now() - 1000)}` });
    expect(textOf(await again.text())).toContain('hat Jonas Müller einen Kontakt geändert');
    expect(seenCookie(again)).toBeUndefined();
    for (const query of ['?q=Fliesen', '?view=warranty']) {
      const other = await (await send(`${list}${query}`, { user: anna, cookies: `kontakte_seen=${at(started)}.${at(started)}` })).text();
      expect(other).not.toContain('class="since"');
    }
    // Jonas sees nothing of his own.
    const own = await (await send(list, { user: jonas, cookies: `kontakte_seen=${at(started)}.${at(started)}` })).text();
    expect(own).not.toContain('class="since"');
    // His page of changes says nobody else changed anything.
    const none = textOf(await (await send(`${list}/changes?since=${started}`, { user: jonas })).text());
    expect(none).toContain('Seitdem hat niemand sonst etwas geändert.');
    // A broken cookie is a first visit; a broken time no page.
    const broken = await send(list, { user: anna, cookies: 'kontakte_seen=zz.1' });
    expect(await broken.text()).not.toContain('class="since"');
    expect(seenCookie(broken)).toMatch(/^kontakte_seen=([0-9a-z]+)\.\1;/);
    for (const since of ['abc', '-5', '1e400', '1.5'])
      expect((await send(`${list}/changes?since=${since}`, { user: anna })).status).toBe(404);
  });

  it('counts only this book\u2019s changes, and the page lists only this book\u2019s', async () => {
    const [anna] = household('since-3');
    const [, neighbour] = household('since-4');
    const since = Date.now() - 60 * MINUTE;
    await create(neighbour, 'since-4', { company: 'Nachbars Maler' });
    const list = await (await send('/assets/since-3/contacts', { user: anna, cookies: `kontakte_seen=${at(since)}.${at(since)}` })).text();
    expect(list).not.toContain('class="since"');
    const page = textOf(await (await send(`/assets/since-3/contacts/changes?since=${since}`, { user: anna })).text());
    expect(page).not.toContain('Nachbars Maler');
    expect(page).toContain('Seitdem hat niemand sonst etwas geändert.');
  });
});
