// Groups 14 and 15: concurrent edits from the same version (exactly one wins) and a create sent
// twice (one contact).
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { anna, jonas, seedContacts, send, textOf } from '../helpers';
import { ASSET, formToken, fresh, LIST, row, unchanged } from './helpers';

// ---- 14 -----------------------------------------------------------------------------------------

describe('14: concurrent edits from the same version: exactly one wins', () => {
  it('14: two updates → one 303, one 409 showing both versions; nothing of the loser stored', async () => {
    const [id = ''] = await seedContacts(ASSET, 1, () => ({ company: 'Rennen GmbH', phone: '089 111' }));
    const [a, b] = await Promise.all([
      send(`${LIST}/${id}`, { user: fresh(anna), form: { version: '1', company: 'Rennen GmbH', phone: '089 222' } }),
      send(`${LIST}/${id}`, { user: fresh(jonas), form: { version: '1', company: 'Rennen GmbH', phone: '089 333' } }),
    ]);
    expect([a.status, b.status].sort()).toEqual([303, 409]);
    const [winner, loser] = a.status === 303 ? ['089 222', '089 333'] : ['089 333', '089 222'];
    const conflict = await (a.status === 409 ? a : b).text();
    expect(conflict).toContain(`value="${loser}"`);
    expect(textOf(conflict)).toContain(winner);
    expect(conflict).toContain('<input type="hidden" name="version" value="2"/>');
    expect(await row(id)).toMatchObject({ phone: winner, version: 2 });
    // The stale version again: 409 and nothing changes.
    await unchanged(async () => {
      expect((await send(`${LIST}/${id}`, { user: fresh(anna), form: { version: '1', company: 'Spät GmbH' } })).status).toBe(409);
      expect((await send(`${LIST}/${id}/delete`, { user: fresh(anna), form: { version: '1' } })).status).toBe(409);
      expect((await send(`${LIST}/${id}?version=1`, { user: fresh(anna), method: 'DELETE' })).status).toBe(409);
    });
  });

  it('14: an update racing a delete: one wins, the other is told, the row is consistent', async () => {
    const [id = ''] = await seedContacts(ASSET, 1, () => ({ company: 'Wackel GmbH' }));
    const [update, remove] = await Promise.all([
      send(`${LIST}/${id}`, { user: fresh(anna), form: { version: '1', company: 'Neu GmbH' } }),
      send(`${LIST}/${id}/delete`, { user: fresh(jonas), form: { version: '1' } }),
    ]);
    const stored = await row(id);
    expect(stored?.['version']).toBe(2);
    if (update.status === 303) {
      expect(remove.status).toBe(409);
      expect(stored).toMatchObject({ company: 'Neu GmbH', deleted_at: null });
    } else {
      expect(update.status).toBe(409);
      expect(remove.status).toBe(303);
      expect(stored).toMatchObject({ company: 'Wackel GmbH' });
      expect(stored?.['deleted_at']).not.toBeNull();
    }
  });
});

// ---- 15 -----------------------------------------------------------------------------------------

describe('15: a create sent twice → one contact', () => {
  it('15: sequentially, concurrently and over htmx, answered alike', async () => {
    const user = fresh(anna);
    const form = { form_token: formToken(), company: `Doppelt ${crypto.randomUUID()}` };
    const first = await send(LIST, { user, form });
    expect(first.status).toBe(303);
    await unchanged(async () => {
      const again = await send(LIST, { user, form });
      expect(again.status).toBe(303);
      expect(again.headers.get('location')).toBe(first.headers.get('location'));
      const htmx = await send(LIST, { user, form, htmx: true });
      expect(htmx.status).toBe(200);
      expect(htmx.headers.get('hx-push-url')).toBe(first.headers.get('location'));
    });
    // A retry with altered values (back, corrected, sent) is not dropped: it edits the contact the
    // token made, from its first version; still one contact, answered as the first time.
    const id = new URL(first.headers.get('location') ?? '', 'https://x').searchParams.get('saved') ?? '';
    const altered = await send(LIST, { user, form: { ...form, phone: '089 123' } });
    expect(altered.status).toBe(303);
    expect(altered.headers.get('location')).toBe(first.headers.get('location'));
    expect(await row(id)).toMatchObject({ company: form.company, phone: '089 123', version: 2 });
    // The first values once more (a late duplicate): merged against version 1, the correction stays.
    expect((await send(LIST, { user, form, htmx: true })).status).toBe(200);
    expect(await row(id)).toMatchObject({ phone: '089 123', version: 2 });

    // Sent at once several times by one buyer (a double tap, a retry racing the first).
    const raced = { form_token: formToken(), company: `Gleichzeitig ${crypto.randomUUID()}` };
    const racer = fresh(anna);
    const answers = await Promise.all(Array.from({ length: 4 }, () => send(LIST, { user: racer, form: raced })));
    expect(answers.map((answer) => answer.status)).toEqual([303, 303, 303, 303]);
    expect(new Set(answers.map((answer) => answer.headers.get('location'))).size).toBe(1);
    const { results } = await env.DB.prepare('SELECT id FROM contacts WHERE company IN (?, ?)').bind(form.company, raced.company).all();
    // Each once.
    expect(results).toHaveLength(2);
  });
});
