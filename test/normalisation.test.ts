import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it, vi } from 'vitest';
import { findContact } from '../src/contacts/repository';
import { typedValue } from '../src/contacts/schema';
import { connect } from '../src/db/client';
import worker from '../src/index';
import { anna, ORIGIN, seedContacts, send } from './helpers';

// Contract §5's normalisations and the small defects the code-shape review found (issue 11, item 9).

const LIST = '/assets/whg-12/contacts';
const named = { last_name: 'Bauer', company: 'Fliesen Bauer' };

/** Creates through the form; the stored row, or the status when refused. */
async function create(form: Record<string, string>) {
  const response = await send(LIST, { user: anna, form: { form_token: crypto.randomUUID(), ...named, ...form } });
  if (response.status !== 303) return { status: response.status, body: await response.text() };
  const id = new URL(response.headers.get('location') ?? '', ORIGIN).searchParams.get('saved') ?? '';
  return { status: 303, row: await findContact(connect(env.DB), 'whg-12', id) };
}

describe('e-mail addresses are a local part and a domain, nothing else', () => {
  it('refuses mailto: parameters after the domain, beside the field', async () => {
    for (const email of [
      'info@firma.de?cc=someone@else.example&subject=Hallo',
      'info@firma.de&body=x',
      'info@firma.de/pfad',
      'info@firma.de#x',
    ]) {
      const answer = await create({ email });
      expect(answer.status, email).toBe(422);
      expect(answer.body).toContain('id="f-email-error"');
    }
  });

  it('percent-encodes the local part in the mailto: link, so it opens a mail to that address only', async () => {
    const answer = await create({ email: 'a+b=c&d?e@firma.de' });
    expect(answer.status).toBe(303);
    const page = await (await send(`${LIST}/${answer.row?.id}`, { user: anna })).text();
    expect(page).toContain('href="mailto:a%2Bb%3Dc%26d%3Fe@firma.de"');
    const list = await (await send(LIST, { user: anna })).text();
    expect(list).toContain('href="mailto:a%2Bb%3Dc%26d%3Fe@firma.de"');
  });
});

describe('websites', () => {
  it('refuses a backslash and credentials, which browsers read as another host', async () => {
    for (const website of [
      'https://good.de\\@evil.example',
      'https://good.de\\evil',
      'https://user:pass@good.de',
      'https://user@good.de/x',
      'good.de@evil.example',
    ]) {
      expect((await create({ website })).status, website).toBe(422);
    }
    expect((await create({ website: 'https://good.de/a@b' })).status).toBe(303);
  });

  it('stores a link without its scheme ("//firma.de") as that host, not as https:////firma.de', async () => {
    expect((await create({ website: '//firma.de/kontakt' })).row?.website).toBe('https://firma.de/kontakt');
    expect((await create({ website: 'firma.de' })).row?.website).toBe('https://firma.de');
  });
});

describe('line and paragraph separators', () => {
  it('are refused like other control characters, in single-line fields and notes', async () => {
    for (const [field, value] of [
      ['company', 'A\u2028B'],
      ['city', 'A\u2029B'],
      ['notes', 'Zeile\u2028Zeile'],
    ] as const) {
      const answer = await create({ [field]: value, street: 'Weg 1' });
      expect(answer.status, field).toBe(422);
      expect(answer.body).toContain(`id="f-${field}-error"`);
    }
  });
});

describe('a tab', () => {
  it('is compared as it is stored, a space, where a form meets a stored value (code review, stop 80: a clash listed "Bad\tTölz" against "Bad Tölz")', () => {
    expect(typedValue({ city: 'Bad\tTölz\t' }, 'city')).toBe('Bad Tölz');
    expect(typedValue({ phone: 'Tel.\t089\t123 45' }, 'phone')).toBe('089 123 45');
  });
});

describe('bidi embeddings, overrides and isolates', () => {
  it('are dropped (security review: a name ending in U+202E turned the page around); the marks U+200E/U+200F are kept', async () => {
    const saved = await create({ company: 'Fliesen Meier\u202e', last_name: '\u202aMeier', notes: 'Tor 1\n\u2066Code\u2069' });
    expect(saved.row).toMatchObject({ company: 'Fliesen Meier', lastName: 'Meier', notes: 'Tor 1\nCode' });
    expect((await create({ company: 'Bau \u200fمحمد\u200e GmbH' })).row?.company).toBe('Bau \u200fمحمد\u200e GmbH');
    // Only such characters are no name.
    expect((await create({ company: '\u202e\u2066', first_name: '', last_name: '' })).status).toBe(422);
  });

  it('stored with one before, a contact is edited and restored without a word about it (code review: refusing them made it uneditable)', async () => {
    const [id] = await seedContacts('whg-12', 1, () => ({ company: 'Bau \u2067محمد\u2069 GmbH' }));
    const edited = await send(`${LIST}/${id}`, {
      user: anna,
      form: { version: '1', company: 'Bau \u2067محمد\u2069 GmbH', phone: '089 1234' },
    });
    expect(edited.status).toBe(303);
    expect(await findContact(connect(env.DB), 'whg-12', id ?? '')).toMatchObject({ company: 'Bau محمد GmbH', phone: '089 1234' });
    expect((await send(`${LIST}/${id}/delete`, { user: anna, form: { version: '2' } })).status).toBe(303);
    // Version 1 holds the old name: restored as any version, it comes back without them.
    expect((await send(`${LIST}/${id}/history/1/restore`, { user: anna, form: { version: '3' } })).status).toBe(303);
    expect(await findContact(connect(env.DB), 'whg-12', id ?? '')).toMatchObject({ company: 'Bau محمد GmbH', phone: '' });
  });
});

describe('a country alone is no address (contract §5)', () => {
  it('is dropped when street, postal code and city are empty, and kept with any of them', async () => {
    expect((await create({ country: 'Deutschland' })).row?.country).toBe('');
    expect((await create({ country: 'Deutschland', city: 'München' })).row?.country).toBe('Deutschland');
    expect((await create({ country: 'Österreich', postal_code: '1010' })).row?.country).toBe('Österreich');
  });

  it('leaves no map link and no ADR on a contact saved from the form without an address', async () => {
    const answer = await create({ country: 'Deutschland' });
    const card = await (await send(`${LIST}/${answer.row?.id}.vcf`, { user: anna })).text();
    expect(card).not.toContain('ADR');
    const page = await (await send(`${LIST}/${answer.row?.id}`, { user: anna })).text();
    expect(page).not.toContain('openstreetmap');
  });

  it('the migration clears the country of stored rows that hold nothing else of an address', async () => {
    const [countryOnly, withCity] = await seedContacts('whg-12', 2, (index) => ({
      last_name: `Alt ${index}`,
      city: index === 0 ? '' : 'Bonn',
    }));
    // Rows stored before the rule existed.
    await env.DB.prepare("UPDATE contacts SET country = 'Deutschland' WHERE id IN (?, ?)").bind(countryOnly, withCity).run();
    const migration = env.TEST_MIGRATIONS.find((candidate) => candidate.name.startsWith('0001_'));
    expect(migration).toBeDefined();
    for (const query of migration?.queries ?? []) await env.DB.prepare(query).run();
    const db = connect(env.DB);
    expect((await findContact(db, 'whg-12', countryOnly ?? ''))?.country).toBe('');
    expect((await findContact(db, 'whg-12', withCity ?? ''))?.country).toBe('Deutschland');
  });
});

describe('request ids', () => {
  it('are our own: a client-sent X-Request-Id is neither echoed nor logged', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      const response = await send(LIST, { user: anna, headers: { 'X-Request-Id': 'forged-id-123', 'cf-ray': '8f0c0ffee-FRA' } });
      const id = response.headers.get('x-request-id') ?? '';
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(id).not.toBe('forged-id-123');
      const lines = log.mock.calls.map(([line]) => String(line)).filter((line) => line.includes(id));
      expect(lines).toHaveLength(1);
      expect(lines[0]).not.toContain('forged-id-123');
      expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ requestId: id, cfRay: '8f0c0ffee-FRA' });
    } finally {
      log.mockRestore();
    }
  });
});

describe('the dev login', () => {
  it('has a body limit like every other path (413)', async () => {
    const vars = { ...env, DEV_LOGIN: 'true' };
    const ctx = createExecutionContext();
    const request = new Request(`${ORIGIN}/dev/login`, {
      method: 'POST',
      headers: { Origin: ORIGIN, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `user=anna&pad=${'x'.repeat(70 * 1024)}`,
      redirect: 'manual',
    });
    const response = await worker.fetch(request, vars, ctx);
    await waitOnExecutionContext(ctx);
    expect(response.status).toBe(413);
  });
});
