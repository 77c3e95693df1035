import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { complement } from '../src/contacts/complement';
import { EMPTY_FIELDS, FIELDS, type FieldValues } from '../src/contacts/fields';
import { hiddenFields, lastForm, seedContacts, send, type TestUser, textOf } from './helpers';
import { formValue } from './html-values';
import { completeButton, completeLink, confirm, household, previewOf, upload } from './import-helpers';

// "Ergänzen" (walkthrough, stop 71): a card of an upload that the book likely has already can
// complete that contact, in its edit form, instead of being left out (its extra number or note
// lost) or imported twice.

const vcard = (...lines: string[]) => `BEGIN:VCARD\r\nVERSION:3.0\r\n${lines.join('\r\n')}\r\nEND:VCARD\r\n`;
const row = async (id: string) =>
  env.DB.prepare('SELECT * FROM contacts WHERE id = ?').bind(id).first<Record<string, string | number | null>>();

/** What a browser sends of the contact form as shown: its hidden fields and every field's value. */
const sentForm = (html: string): Record<string, string> => ({
  ...hiddenFields(html),
  ...Object.fromEntries(FIELDS.map((spec) => [spec.name, formValue(html, spec.name) ?? ''])),
});

const line = (part: string, value: string) => `${part} in der Datei: ${value}`;
const values = (fields: Partial<FieldValues>): FieldValues => ({ ...EMPTY_FIELDS, ...fields });

describe('complement(): a contact completed from a card', () => {
  it('fills what the contact lacks, keeps what it has and writes what differs into the notes', () => {
    const stored = values({ company: 'Fliesen Bauer', phone: '089 3100 200', notes: 'Fliesen im Bad.' });
    const card = values({
      company: 'FLIESEN BAUER',
      phone: '+49 89 3100 201',
      mobile: '0171 2223334',
      email: 'info@fliesen-bauer.de',
      notes: 'Notdienst: 0171 9998887',
    });
    const result = complement(stored, card, line);
    expect(result.values).toEqual({
      ...stored,
      mobile: '0171 2223334',
      email: 'info@fliesen-bauer.de',
      notes: 'Fliesen im Bad.\n\nphone in der Datei: +49 89 3100 201\n\nNotdienst: 0171 9998887',
    });
    expect(result.filled).toEqual(['mobile', 'email', 'notes']);
    expect(result.noted).toEqual(['phone']);
  });

  it('adds of the card\u2019s notes only the lines the contact has not (its own note exported and added to on the phone: UX walkthrough)', () => {
    const stored = values({ company: 'Parkett Seidl', notes: 'Eiche geölt, Raum 2.' });
    const card = values({ company: 'Parkett Seidl', notes: 'Eiche geölt, Raum 2.\nRestposten im Keller.\n\n\nTor 3' });
    const once = complement(stored, card, line);
    expect(once.values.notes).toBe('Eiche geölt, Raum 2.\n\nRestposten im Keller.\n\nTor 3');
    expect(complement(once.values, card, line).filled).toEqual([]);
  });

  it('holds a line the import cut ("…") where the contact has it, cut before the mark existed (code review, stop 74)', () => {
    const long = 'Termin am 12.3.2027 im Bad '.repeat(80).trim();
    const stored = values({ company: 'Fliesen Bauer', notes: long.slice(0, 1998) });
    expect(complement(stored, values({ company: 'Fliesen Bauer', notes: `${long.slice(0, 1990).trim()}…` }), line).filled).toEqual([]);
    // Not a line that only starts alike, nor one that says more.
    expect(complement(stored, values({ company: 'Fliesen Bauer', notes: 'Termin am 12.3.2027 im Keller…' }), line).filled).toEqual([
      'notes',
    ]);
    expect(complement(stored, values({ company: 'Fliesen Bauer', notes: `${long.slice(0, 1990)} und mehr` }), line).filled).toEqual([
      'notes',
    ]);
  });

  it('fills an empty field however its notes mention the value, and counts as held only a whole line or its value (code review)', () => {
    const notes = 'Baustelle ab Mai\nAbdeckung bestellt\nRechnung 2089123456\nTorcode 12345\nBüro: 089 7';
    const result = complement(
      values({ company: 'X', phone: '089 1', notes }),
      values({ company: 'X', position: 'Bau', email: 'a@b.de', phone: '089 123456', mobile: 'auf Anfrage', notes: 'Torcode 1234' }),
      line,
    );
    expect(result.values).toEqual(
      values({
        company: 'X',
        phone: '089 1',
        position: 'Bau',
        email: 'a@b.de',
        mobile: 'auf Anfrage',
        notes: `${notes}\n\nphone in der Datei: 089 123456\n\nTorcode 1234`,
      }),
    );
    // A number that is a line's value ("Büro: 089 7"), and the card's notes as lines the contact has: there already.
    expect(
      complement(
        values({ company: 'X', phone: '089 1', notes }),
        values({ company: 'X', phone: '+49 89 7', notes: 'Torcode 12345\n\nBaustelle ab Mai' }),
        line,
      ),
    ).toMatchObject({
      filled: [],
      noted: [],
    });
  });

  it('compares a website by its address, a country by what it names, and a firm\u2019s name as a name of FN only (code review)', () => {
    for (const [mine, theirs] of [
      ['fliesenbauer.de', 'fliesen-bauer.de'],
      ['mueller.de', 'muller.de'],
    ])
      expect(complement(values({ company: 'X', website: mine }), values({ company: 'X', website: theirs }), line).noted).toEqual([
        'website',
      ]);
    expect(
      complement(values({ company: 'X', website: 'https://www.x.de/' }), values({ company: 'X', website: 'X.de' }), line).noted,
    ).toEqual([]);
    const address = { street: 'Hauptstr. 9', postal_code: '80333', city: 'München' };
    expect(
      complement(values({ ...address, company: 'X', country: 'Deutschland' }), values({ ...address, country: 'Germany' }), line),
    ).toMatchObject({
      filled: [],
      noted: [],
    });
    // A firm and a card of its name alone, either way round: no person's name made of the firm's, no company of the name.
    const firm = complement(values({ company: 'Fliesen Bauer' }), values({ last_name: 'Fliesen Bauer', phone: '089 2' }), line);
    expect(firm.values).toEqual(values({ company: 'Fliesen Bauer', phone: '089 2' }));
    const named = complement(values({ last_name: 'Pool Blau' }), values({ company: 'Pool Blau', email: 'a@pool.de' }), line);
    expect(named.values).toEqual(values({ last_name: 'Pool Blau', email: 'a@pool.de' }));
  });

  it('adds nothing for a value the contact holds elsewhere, written otherwise, or in its notes', () => {
    const stored = values({
      first_name: 'Julia',
      last_name: 'Ähler',
      mobile: '+49 171 2223334',
      website: 'https://www.aehler.de/',
      email: 'Julia@Aehler.de',
      notes: 'Festnetz: 089 1234567',
    });
    const card = values({
      first_name: 'Julia',
      last_name: 'Aehler',
      phone: '0171 222 3334',
      website: 'aehler.de',
      email: 'julia@aehler.de',
      notes: 'Festnetz: 089 1234567',
    });
    const result = complement(stored, card, line);
    expect(result.values).toEqual(stored);
    expect(result).toMatchObject({ filled: [], noted: [] });
    // A second "ergänzen" of the same card: its lines are there already.
    const first = complement(
      values({ company: 'Pool Blau', phone: '089 1' }),
      values({ company: 'Pool Blau', phone: '089 2', notes: 'Tor 3' }),
      line,
    );
    expect(complement(first.values, values({ company: 'Pool Blau', phone: '089 2', notes: 'Tor 3' }), line)).toEqual({
      values: first.values,
      filled: [],
      noted: [],
    });
  });

  it('takes the name and the address whole: filled where every part agrees, else one line', () => {
    const stored = values({ last_name: 'Ähler', street: 'Musterstr. 1', city: 'München' });
    const same = complement(
      stored,
      values({ title: 'Dr.', first_name: 'Julia', last_name: 'Ähler', street: 'Musterstr 1', postal_code: '80331', city: 'München' }),
      line,
    );
    expect(same.values).toMatchObject({
      title: 'Dr.',
      first_name: 'Julia',
      last_name: 'Ähler',
      street: 'Musterstr. 1',
      postal_code: '80331',
    });
    expect(same.filled).toEqual(['title', 'first_name', 'postal_code']);
    // Another street: the card's street beside the contact's city would be nobody's address.
    const other = complement(
      { ...stored, first_name: 'Julia' },
      values({
        first_name: 'Jana',
        last_name: 'Ähler',
        street: 'Hauptstr. 9',
        postal_code: '80333',
        city: 'München',
        country: 'Deutschland',
      }),
      line,
    );
    expect(other.values).toEqual({
      ...stored,
      first_name: 'Julia',
      notes: 'name in der Datei: Jana Ähler\naddress in der Datei: Hauptstr. 9, 80333 München, Deutschland',
    });
    expect(other.noted).toEqual(['name', 'address']);
  });
});

describe('a card of a name alone', () => {
  it('is likely the firm of that name, and the firm a card of FN only (walkthrough, stop 71)', async () => {
    const user = household('imp-fn-only');
    await seedContacts('imp-fn-only', 2, (i) => (i ? { last_name: 'Pool Blau' } : { company: 'Fliesen Bauer', phone: '089 1' }));
    const html = await (
      await upload(
        user,
        vcard('FN:Fliesen Bauer', 'TEL:089 2') + vcard('FN:Pool Blau', 'ORG:Pool Blau') + vcard('FN:Anna Bauer', 'N:Bauer;Anna;;;'),
      )
    ).text();
    expect(previewOf(html).ticked).toEqual(['3']);
    const text = textOf(html);
    expect(text).toContain('Wahrscheinlich schon bei Ihren Kontakten: „Fliesen Bauer“');
    expect(text).toContain('Wahrscheinlich schon bei Ihren Kontakten: „Pool Blau“');
  });

  it('is the firm\u2019s own entry where its FN is words of its company (walkthrough, stop 72)', async () => {
    const user = household('imp-fn-firm');
    const [, huber] = await seedContacts('imp-fn-firm', 2, (i) =>
      i ? { company: 'Fliesen Huber GmbH' } : { first_name: 'Tom', last_name: 'Maier', company: 'Elektro Maier GmbH', phone: '089 5' },
    );
    const html = await (
      await upload(
        user,
        // The firm at Tom's number, the firm's entry of that company, and a colleague at that number (a person).
        vcard('FN:Elektro Maier', 'ORG:Elektro Maier GmbH', 'TEL:089 5') +
          vcard('FN:Fliesen Huber', 'ORG:Fliesen Huber GmbH') +
          vcard('FN:Anna Maier', 'ORG:Elektro Maier GmbH', 'TEL:089 5'),
      )
    ).text();
    expect(previewOf(html).ticked).toEqual(['3']);
    const text = textOf(html);
    expect(text).toContain('Wahrscheinlich schon bei Ihren Kontakten: „Tom Maier“');
    expect(text).toContain('Wahrscheinlich schon bei Ihren Kontakten: „Fliesen Huber GmbH“');
    // "Ergänzen" of the firm's card into the firm's own contact: no person's name added ("Fliesen Huber" as its last name),
    // so nothing to complete: no link (stop 74), and its form, opened all the same, adds nothing.
    expect(completeButton(html, 2)).toBeUndefined();
    const form = await (
      await send(`/assets/imp-fn-firm/contacts/${huber}/edit?import=${previewOf(html).importId}&card=2`, { user })
    ).text();
    expect(textOf(form)).toContain('Die Datei enthält nichts, was diesem Kontakt fehlt.');
    expect(formValue(form, 'last_name')).toBe('');
    expect(formValue(form, 'notes')).toBe('');
    // Written with a hyphen: the same firm, at Tom's number.
    expect(previewOf(await (await upload(user, vcard('FN:Elektro Maier', 'ORG:Elektro-Maier GmbH', 'TEL:089 5'))).text()).ticked).toEqual(
      [],
    );
  });

  it('is a person where its FN is a surname, a title\u2019s or other words of the company (code review)', async () => {
    const user = household('imp-fn-person');
    await seedContacts('imp-fn-person', 2, (i) =>
      i
        ? { first_name: 'Eva', last_name: 'Roth', company: 'Zahnarztpraxis Dr. Maier', phone: '089 6' }
        : { first_name: 'Anna', last_name: 'Schulz', company: 'Maier Bau', phone: '089 5' },
    );
    const html = await (
      await upload(
        user,
        vcard('FN:Maier', 'ORG:Maier Bau', 'TEL:089 5', 'TEL;TYPE=CELL:0171 7') +
          vcard('FN:Dr. Maier', 'ORG:Zahnarztpraxis Dr. Maier', 'TEL:089 6') +
          vcard('FN:Bau Maier', 'ORG:Maier Bau', 'TEL:089 5'),
      )
    ).text();
    expect(previewOf(html).ticked).toEqual(['1', '2', '3']);
    const titled = await upload(user, vcard('N:;;;Herr;', 'FN:Herr Maier', 'ORG:Maier Bau', 'TEL:089 5'));
    expect(previewOf(await titled.text()).ticked).toEqual(['1']);
    // In one file: the firm, and its Maier with his mobile; both ticked.
    const file =
      vcard('FN:Maier Bau', 'ORG:Maier Bau', 'TEL:089 8') + vcard('FN:Maier', 'ORG:Maier Bau', 'TEL:089 8', 'TEL;TYPE=CELL:0171 8');
    expect(previewOf(await (await upload(household('imp-fn-person-2'), file)).text()).ticked).toEqual(['1', '2']);
  });

  it('is not a firm of that name when it names a person by the surname alone (code review)', async () => {
    const user = household('imp-surname');
    await seedContacts('imp-surname', 2, (i) => (i ? { last_name: 'Huber' } : { company: 'Schmidt' }));
    const html = await (
      await upload(user, vcard('FN:Schmidt', 'N:Schmidt;;;;', 'NOTE:Nachbar von oben') + vcard('FN:Huber', 'ORG:Huber'))
    ).text();
    expect(previewOf(html).ticked).toEqual(['1', '2']);
    expect(textOf(html)).not.toContain('Wahrscheinlich schon');
  });
});

describe('"ergänzen" from the preview', () => {
  it('opens the contact completed, saves only on "Speichern", then returns to the preview, which says so', async () => {
    const user = household('imp-complete');
    const [id = ''] = await seedContacts('imp-complete', 1, () => ({
      company: 'Fliesen Bauer',
      phone: '089 3100 200',
      notes: 'Fliesen im Bad.',
    }));
    const before = await row(id);
    const file = vcard(
      'FN:Fliesen Bauer',
      'ORG:Fliesen Bauer',
      'TEL;TYPE=WORK:089 3100 201',
      'TEL;TYPE=CELL:0171 2223334',
      'EMAIL:info@fliesen-bauer.de',
      'NOTE:Notdienst am Wochenende',
    );
    const preview = await (await upload(user, file)).text();
    expect(previewOf(preview).ticked).toEqual([]);
    expect(textOf(preview)).toContain(
      'Wahrscheinlich schon bei Ihren Kontakten: „Fliesen Bauer“, daher zunächst nicht angehakt. Fehlende Angaben bei „Fliesen Bauer“ ergänzen',
    );
    // Nothing new in it: its way back says so, not "Abbrechen" (UX walkthrough: it read as throwing completions away).
    expect(preview).toMatch(/<a class="button" href="\/assets\/imp-complete\/contacts">Zurück zu den Kontakten<\/a>/);
    // A button of the preview's form (the ticks go along: none here).
    expect(completeButton(preview, 1)).toBe(`${id}.1`);
    const link = await completeLink(user, preview, 1);
    expect(link).toBe(`/assets/imp-complete/contacts/${id}/edit?import=${previewOf(preview).importId}&card=1&on=`);

    const form = await send(link ?? '', { user });
    expect(form.status).toBe(200);
    const html = await form.text();
    expect(formValue(html, 'phone')).toBe('089 3100 200');
    expect(formValue(html, 'mobile')).toBe('0171 2223334');
    expect(formValue(html, 'email')).toBe('info@fliesen-bauer.de');
    expect(formValue(html, 'notes')).toBe('Fliesen im Bad.\n\nTelefonnummer in der Datei: 089 3100 201\n\nNotdienst am Wochenende');
    expect(textOf(html)).toContain(
      'Aus der Datei eingetragen: Mobilnummer, E-Mail-Adresse, Notizen. Was in der Datei anders steht, finden Sie unten in den Notizen: Telefonnummer. Gespeichert wird erst mit „Speichern“.',
    );
    // Named as the preview's link, in its heading and title (UX walkthrough, stop 74: "Fliesen Bauer bearbeiten").
    expect(html).toContain('<title>Fehlende Angaben bei „Fliesen Bauer“ ergänzen · ');
    expect(html).toMatch(/<h1[^>]*>Fehlende Angaben bei „Fliesen Bauer“ ergänzen<\/h1>/);
    // Carrying the upload, for the save's way back.
    // Carrying the upload and the preview's ticks (none), for the save's way back.
    expect(hiddenFields(html)).toMatchObject({ import: `${previewOf(preview).importId}.1.` });
    // Its ways back ("← Zurück zur Vorschau", "Abbrechen") lead to the preview, at the card (UX walkthrough: to the contact).
    const toPreview = `/assets/imp-complete/contacts/import/${previewOf(preview).importId}?on=#card-1`;
    expect(textOf(html)).toContain('← Zurück zur Vorschau');
    expect(html.split(`href="${toPreview}"`)).toHaveLength(3);
    // Not a box the preview's script counts (src/client/app.js: its button said "Speichern …").
    expect(html).not.toMatch(/name="card"/);
    // Nothing is stored before the save.
    expect(await row(id)).toEqual(before);

    const saved = await send(`/assets/imp-complete/contacts/${id}`, { user, form: sentForm(html) });
    expect(saved.status).toBe(303);
    expect(saved.headers.get('Location')).toBe(
      `/assets/imp-complete/contacts/import/${previewOf(preview).importId}?completed=${id}&card=1&on=#card-1-done`,
    );
    expect(await row(id)).toMatchObject({
      company: 'Fliesen Bauer',
      phone: '089 3100 200',
      mobile: '0171 2223334',
      email: 'info@fliesen-bauer.de',
      notes: 'Fliesen im Bad.\n\nTelefonnummer in der Datei: 089 3100 201\n\nNotdienst am Wochenende',
      version: 2,
      updated_by: user.sub,
    });
    // The history has the save, as any edit's (Verlauf: who changed what).
    const history = textOf(await (await send(`/assets/imp-complete/contacts/${id}/history`, { user })).text());
    expect(history).toContain('Mobilnummer');

    const back = await (await send(saved.headers.get('Location') ?? '', { user })).text();
    // Said at the card the page opens at, read out (role=status, and focused by src/client/app.js).
    expect(back).toMatch(
      /<ul class="notes" id="card-1-notes"><li id="card-1-done" role="status" data-announce="„Fliesen Bauer“ wurde ergänzt und gespeichert.">„Fliesen Bauer“ wurde ergänzt und gespeichert.<\/li>/,
    );
    // Still not ticked: the book has it now. Its link not offered again right after (UX walkthrough, stop 74).
    expect(previewOf(back).ticked).toEqual([]);
    expect(completeButton(back, 1)).toBeUndefined();
    // Nor later: the file has nothing the contact lacks now (UX walkthrough, stop 74: the link said so only once opened).
    const later = await (await send(`/assets/imp-complete/contacts/import/${previewOf(preview).importId}`, { user })).text();
    expect(completeButton(later, 1)).toBeUndefined();
    expect(textOf(later)).toContain('Wahrscheinlich schon bei Ihren Kontakten: „Fliesen Bauer“, daher zunächst nicht angehakt.');

    // Again: nothing left to complete, said so; the form holds what is stored.
    const again = await (await send(link ?? '', { user })).text();
    expect(textOf(again)).toContain('Die Datei enthält nichts, was diesem Kontakt fehlt.');
    expect(formValue(again, 'notes')).toBe('Fliesen im Bad.\n\nTelefonnummer in der Datei: 089 3100 201\n\nNotdienst am Wochenende');
  });

  it('keeps the ticks the buyer set through "ergänzen", its save and the way back, also without JS (walkthrough, stop 81)', async () => {
    const user = household('imp-complete-ticks');
    const [id = ''] = await seedContacts('imp-complete-ticks', 1, () => ({ company: 'Fliesen Bauer', phone: '089 3100 200' }));
    await seedContacts('imp-complete-ticks', 1, () => ({ first_name: 'Max', last_name: 'Muster' }));
    const people = ['Paula Zwei', 'Paul Drei', 'Petra Vier', 'Peter Fünf', 'Max Muster'].map((name) =>
      vcard(`FN:${name}`, `N:${name.split(' ')[1]};${name.split(' ')[0]};;;`),
    );
    const preview = await (await upload(user, vcard('FN:Fliesen Bauer', 'ORG:Fliesen Bauer', 'EMAIL:info@fb.de') + people.join(''))).text();
    const { importId } = previewOf(preview);
    expect(previewOf(preview).ticked).toEqual(['2', '3', '4', '5']);
    // Cards 3 and 4 unticked; the likely duplicates ticked: Max Muster, another of that name
    // (`d`, chosen so: code review), and "Fliesen Bauer", completed instead ("ergänzen"): its own
    // tick goes back to the preview's (not ticked: the book has it).
    const link = await completeLink(user, preview, 1, ['1', '2', '5', '6']);
    expect(link).toBe(`/assets/imp-complete-ticks/contacts/${id}/edit?import=${importId}&card=1&on=2-5-6d`);
    const html = await (await send(link, { user })).text();
    expect(hiddenFields(html)).toMatchObject({ import: `${importId}.1.2-5-6d` });
    // The way back without saving: ticked as left.
    const toPreview = `/assets/imp-complete-ticks/contacts/import/${importId}?on=2-5-6d#card-1`;
    expect(html.split(`href="${toPreview}"`)).toHaveLength(3);
    expect(previewOf(await (await send(toPreview, { user })).text()).ticked).toEqual(['2', '5', '6']);
    // Saved: back at the preview, so again.
    const saved = await send(`/assets/imp-complete-ticks/contacts/${id}`, { user, form: sentForm(html) });
    expect(saved.headers.get('Location')).toBe(
      `/assets/imp-complete-ticks/contacts/import/${importId}?completed=${id}&card=1&on=2-5-6d#card-1-done`,
    );
    const back = await (await send(saved.headers.get('Location') ?? '', { user })).text();
    expect(textOf(back)).toContain('„Fliesen Bauer“ wurde ergänzt und gespeichert.');
    expect(previewOf(back).ticked).toEqual(['2', '5', '6']);
    // A co-buyer adds Paula meanwhile: opened again, her card is likely there and left unticked
    // (stop 80's rule); Max stays ticked, as the buyer chose.
    await seedContacts('imp-complete-ticks', 1, () => ({ first_name: 'Paula', last_name: 'Zwei' }));
    const again = await (await send(saved.headers.get('Location') ?? '', { user })).text();
    expect(previewOf(again).ticked).toEqual(['5', '6']);
    expect((await confirm(user, previewOf(again), previewOf(again).ticked)).status).toBe(303);
    const names = await env.DB.prepare(
      "SELECT first_name FROM contacts WHERE asset_id = 'imp-complete-ticks' AND deleted_at IS NULL ORDER BY first_name, last_name",
    ).all();
    expect(names.results.map((row) => row.first_name)).toEqual(['', 'Max', 'Max', 'Paula', 'Peter']);
  });

  it('imports nothing for an "ergänzen" value no button sends (code review, stop 81)', async () => {
    const user = household('imp-complete-odd');
    await seedContacts('imp-complete-odd', 1, () => ({ company: 'Fliesen Bauer', phone: '089 3100 200' }));
    const preview = await (
      await upload(user, vcard('FN:Fliesen Bauer', 'ORG:Fliesen Bauer', 'EMAIL:info@fb.de') + vcard('FN:Neu Eins'))
    ).text();
    const { importId, book } = previewOf(preview);
    for (const complete of ['a.b.1', '.1', `${'x'.repeat(65)}.1`]) {
      const answer = await send(`/assets/imp-complete-odd/contacts/import/${importId}`, {
        user,
        method: 'POST',
        body: new URLSearchParams([
          ['book', book],
          ['card', '2'],
          ['complete', complete],
        ]).toString(),
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      });
      expect(answer.headers.get('Location')).toBe(`/assets/imp-complete-odd/contacts/import/${importId}`);
    }
    expect((await env.DB.prepare("SELECT count(*) AS n FROM contacts WHERE asset_id = 'imp-complete-odd'").first())?.n).toBe(1);
  });

  it('brings the preview back ticked as sent where its confirm found the session ended (walkthrough, stop 81)', async () => {
    const user = household('imp-ticks-401');
    const preview = await (await upload(user, vcard('FN:Anna Eins') + vcard('FN:Bert Zwei') + vcard('FN:Carla Drei'))).text();
    const { importId, book } = previewOf(preview);
    expect(previewOf(preview).ticked).toEqual(['1', '2', '3']);
    const confirmAt = (path: string) =>
      send(path, {
        method: 'POST',
        body: new URLSearchParams([
          ['book', book],
          ['card', '1'],
          ['card', '3'],
          ['card', '3&tick=all'],
        ]).toString(),
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      });
    const expired = await confirmAt(`/assets/imp-ticks-401/contacts/import/${importId}`);
    expect(expired.status).toBe(401);
    const page = await expired.text();
    expect(textOf(page)).toContain('es wurde nichts geändert');
    // Signed in, the preview ticked as sent, each kept as chosen (`d`); nothing but card numbers.
    const returnTo = async (answer: Response) => {
      const login = /href="([^"]*returnTo=[^"]*)"/.exec(await answer.text())?.[1]?.replace(/&amp;/g, '&') ?? '';
      return new URL(login, 'https://x').searchParams.get('returnTo') ?? '';
    };
    const back = await returnTo(new Response(page));
    expect(back).toBe(`/assets/imp-ticks-401/contacts/import/${importId}?on=1d-3d`);
    expect(previewOf(await (await send(back, { user })).text()).ticked).toEqual(['1', '3']);
    // Never another host's address ("//…"), as the login's return (code review).
    expect(await returnTo(await confirmAt(`//evil.example/assets/imp-ticks-401/contacts/import/${importId}`))).not.toMatch(/^\/\//);
    // Nothing imported.
    expect((await env.DB.prepare("SELECT count(*) AS n FROM contacts WHERE asset_id = 'imp-ticks-401'").first())?.n).toBe(0);
  });

  it('speaks English where the browser asks for it', async () => {
    const user = household('imp-complete-en');
    const [id = ''] = await seedContacts('imp-complete-en', 1, () => ({ company: 'Pool Blau', phone: '089 1' }));
    const preview = await (await upload(user, vcard('FN:Pool Blau', 'ORG:Pool Blau', 'TEL:089 1', 'EMAIL:info@pool-blau.de'))).text();
    const link = await completeLink(user, preview, 1);
    const en = { 'Accept-Language': 'en' };
    expect(
      textOf(await (await send(`/assets/imp-complete-en/contacts/import/${previewOf(preview).importId}`, { user, headers: en })).text()),
    ).toContain('Add missing details to “Pool Blau”');
    const html = await (await send(link, { user, headers: en })).text();
    expect(textOf(html)).toContain('Added from the file: Email address. Nothing is saved until “Save”.');
    expect(formValue(html, 'email')).toBe('info@pool-blau.de');
    expect(id).not.toBe('');
  });

  it("completes nothing from an upload that is not this buyer's own, or no longer staged", async () => {
    const anna = household('imp-complete-own', 'anna-own');
    const jonas: TestUser = { ...anna, sub: 'jonas-own', name: 'Jonas' };
    const [id = ''] = await seedContacts('imp-complete-own', 1, () => ({ company: 'Pool Blau', phone: '089 1' }));
    const preview = await (await upload(anna, vcard('FN:Pool Blau', 'ORG:Pool Blau', 'TEL:089 1', 'EMAIL:info@pool-blau.de'))).text();
    const link = await completeLink(anna, preview, 1);
    // A co-buyer with the address: the contact's form as stored, and why not completed.
    const other = await (await send(link, { user: jonas })).text();
    expect(formValue(other, 'email')).toBe('');
    expect(textOf(other)).toContain('Die Vorschau dieser Datei gilt nicht mehr. Der Kontakt steht unten, wie er gespeichert ist.');
    expect(hiddenFields(other).import).toBeUndefined();
    // A card index the upload does not have: the same.
    const none = await (await send(link.replace('card=1', 'card=7'), { user: anna })).text();
    expect(formValue(none, 'email')).toBe('');
    expect(id).not.toBe('');
  });

  it('says at once what the form would refuse of the card\u2019s, and goes back without "ergänzt" where the save wrote nothing (code review)', async () => {
    const user = household('imp-complete-bad');
    const [id = ''] = await seedContacts('imp-complete-bad', 1, () => ({ company: 'Pool Blau', phone: '089 1', notes: 'n'.repeat(1995) }));
    const preview = await (
      await upload(user, vcard('FN:Pool Blau', 'ORG:Pool Blau', 'ADR;TYPE=WORK:;;Hauptstr. 9;München;;8033;Deutschland', 'NOTE:Tor 3'))
    ).text();
    const html = await (await send(await completeLink(user, preview, 1), { user })).text();
    expect(formValue(html, 'postal_code')).toBe('8033');
    // Beside their fields, before "Speichern": the postcode of four digits, the notes over 2,000 characters with the card's.
    expect(html).toMatch(/<input[^>]*name="postal_code"[^>]*aria-invalid="true"/);
    expect(html).toMatch(/<textarea[^>]*aria-invalid="true"[^>]*name="notes"|<textarea[^>]*name="notes"[^>]*aria-invalid="true"/);
    expect(textOf(html)).toContain('Bitte korrigieren Sie 2 Eingaben.');

    // Nothing to complete, saved as it is: back at the card, no "ergänzt"; nothing written.
    const { importId } = previewOf(preview);
    const file = vcard('FN:Pool Blau', 'ORG:Pool Blau', 'TEL:089 1');
    const plain = previewOf(await (await upload(user, file)).text());
    const same = await (await send(`/assets/imp-complete-bad/contacts/${id}/edit?import=${plain.importId}&card=1`, { user })).text();
    expect(textOf(same)).toContain('Die Datei enthält nichts, was diesem Kontakt fehlt.');
    const saved = await send(`/assets/imp-complete-bad/contacts/${id}`, { user, form: sentForm(same) });
    const back = `/assets/imp-complete-bad/contacts/import/${plain.importId}?completed=${id}&card=1&same=1#card-1`;
    expect(saved.headers.get('Location')).toBe(back);
    expect(await row(id)).toMatchObject({ version: 1 });
    const again = await send(back, { user });
    expect(again.status).toBe(200);
    expect(textOf(await again.text())).not.toContain('wurde ergänzt');
    // With htmx: the same way back, as a whole page (HX-Redirect), not a swap of the preview into the form's place.
    const ajax = await send(`/assets/imp-complete-bad/contacts/${id}`, { user, form: sentForm(same), htmx: true });
    expect(ajax.status).toBe(200);
    expect(ajax.headers.get('HX-Redirect')).toBe(back);
    expect(importId).not.toBe(plain.importId);
    // Its upload gone meanwhile (expired, undone): the contact's card, not a 404 page (code review, stop 74).
    await env.DB.prepare('DELETE FROM import_staging WHERE import_id = ?').bind(plain.importId).run();
    const gone = await send(back, { user });
    expect(gone.status).toBe(303);
    expect(gone.headers.get('Location')).toBe(`/assets/imp-complete-bad/contacts/${id}?done=saved`);
  });

  it('keeps its way back to the preview after a save that merged or met a co-buyer\u2019s change (walkthrough, stop 72)', async () => {
    const anna = household('imp-complete-merge', 'anna-merge');
    const jonas: TestUser = { ...anna, sub: 'jonas-merge', name: 'Jonas Müller' };
    const list = '/assets/imp-complete-merge/contacts';
    const [id = ''] = await seedContacts('imp-complete-merge', 1, () => ({ company: 'Pool Blau', phone: '089 1' }));
    const file = vcard('FN:Pool Blau', 'ORG:Pool Blau', 'TEL:089 1', 'EMAIL:info@pool-blau.de', 'TEL;TYPE=CELL:0171 1');
    const preview = await (await upload(anna, file)).text();
    const { importId } = previewOf(preview);
    const toPreview = `${list}/import/${importId}?completed=${id}&amp;card=1&amp;on=#card-1-done`;
    const completed = sentForm(await (await send(await completeLink(anna, preview, 1), { user: anna })).text());
    const jonasSaves = async (fields: Record<string, string>) => {
      const stored = sentForm(await (await send(`${list}/${id}/edit`, { user: jonas })).text());
      expect((await send(`${list}/${id}`, { user: jonas, form: { ...stored, ...fields } })).status).toBe(303);
    };

    // Jonas meanwhile adds the website: merged, the card says so, and its way back is the preview.
    await jonasSaves({ website: 'https://pool-blau.de' });
    const saved = await send(`${list}/${id}`, { user: anna, form: completed });
    expect(saved.status).toBe(303);
    const card = saved.headers.get('Location') ?? '';
    expect(card).toBe(`${list}/${id}?done=saved&merged=1&at=3&import=${importId}.1.`);
    const page = await (await send(card, { user: anna })).text();
    expect(textOf(page)).toContain(
      '„Pool Blau“ wurde gespeichert. Jonas Müller hat inzwischen die Webseite geändert – diese Änderung ist übernommen.',
    );
    expect(page).toContain(`<p class="crumb"><a href="${toPreview}"><span aria-hidden="true">← </span>Zurück zur Vorschau</a></p>`);
    expect(await row(id)).toMatchObject({ website: 'https://pool-blau.de', mobile: '0171 1', email: 'info@pool-blau.de', version: 3 });
    // Opened without it: the list, as before; with the upload alone (no save named): the preview, not saying "ergänzt" (code review).
    expect(await (await send(`${list}/${id}`, { user: anna })).text()).not.toContain('Zurück zur Vorschau');
    // (The save named, `upto`: an upload gone meanwhile then leads to the contact, code review, stop 74.)
    expect(await (await send(`${list}/${id}?done=saved&merged=1&upto=3&import=${importId}.1`, { user: anna })).text()).toContain(
      `<a href="${list}/import/${importId}?completed=${id}&amp;card=1&amp;same=1#card-1">`,
    );
    expect(await (await send(`${list}/${id}?import=${importId}.1`, { user: anna })).text()).toContain(
      `<p class="crumb"><a href="${list}/import/${importId}#card-1"><span aria-hidden="true">← </span>Zurück zur Vorschau</a></p>`,
    );

    // A second upload's card; Jonas meanwhile types another mobile number: the choice keeps the upload.
    const second = await (await upload(anna, vcard('FN:Pool Blau', 'ORG:Pool Blau', 'TEL;TYPE=FAX:089 9', 'NOTE:Tor 3'))).text();
    const again = sentForm(await (await send(await completeLink(anna, second, 1), { user: anna })).text());
    await jonasSaves({ notes: 'Tor 4' });
    const clash = await send(`${list}/${id}`, { user: anna, form: again });
    expect(clash.status).toBe(409);
    const html = await clash.text();
    const upload2 = `${previewOf(second).importId}.1.`;
    // In both of its forms: the choice and "Alles noch einmal bearbeiten"; its way back is the preview (code review).
    expect(html.split(`<input type="hidden" name="import" value="${upload2}"/>`)).toHaveLength(3);
    expect(html).toContain(
      `<p class="crumb"><a href="${list}/import/${previewOf(second).importId}?on=#card-1"><span aria-hidden="true">← </span>Zurück zur Vorschau</a></p>`,
    );
    const whole = await send(`${list}/${id}`, { user: anna, form: hiddenFields(lastForm(html)) });
    expect(textOf(await whole.text())).toContain('← Zurück zur Vorschau');
    const chosen = await send(`${list}/${id}`, {
      user: anna,
      form: { ...hiddenFields(html.slice(0, html.indexOf('</form>'))), notes: 'Tor 3' },
    });
    expect(chosen.status).toBe(303);
    expect(chosen.headers.get('Location')).toBe(`${list}/import/${previewOf(second).importId}?completed=${id}&card=1&on=#card-1-done`);
    expect(await row(id)).toMatchObject({ notes: 'Tor 3', version: 5 });

    // With htmx: the card swapped in after a merge, its address pushed with the upload, the same way back.
    const third = await (await upload(anna, vcard('FN:Pool Blau', 'ORG:Pool Blau', 'TITLE:Poolbau'))).text();
    const form = sentForm(await (await send(await completeLink(anna, third, 1), { user: anna })).text());
    await jonasSaves({ website: 'https://pool-blau.com' });
    const ajax = await send(`${list}/${id}`, { user: anna, form, htmx: true });
    expect(ajax.headers.get('HX-Push-Url')).toBe(`${list}/${id}?import=${previewOf(third).importId}.1.`);
    expect(await ajax.text()).toContain(
      `<a href="${list}/import/${previewOf(third).importId}?completed=${id}&amp;card=1&amp;on=#card-1-done">`,
    );
  });

  it('offers "ergänzen" only where the card has something the contact lacks: not for the same file imported again (UX walkthrough, stop 74)', async () => {
    const user = household('imp-complete-again');
    const file =
      vcard('FN:Garten Grün', 'ORG:Garten Grün', 'TEL:089 77', 'EMAIL:info@gruen.de', 'NOTE:Hecke im März') +
      vcard('FN:Pool Blau', 'ORG:Pool Blau', 'TEL:089 88');
    const first = await (await upload(user, file)).text();
    expect((await confirm(user, previewOf(first), previewOf(first).ticked)).status).toBe(303);
    const again = await (await upload(user, file)).text();
    expect(previewOf(again).ticked).toEqual([]);
    expect(textOf(again).match(/Wahrscheinlich schon bei Ihren Kontakten/g)).toHaveLength(2);
    expect([completeButton(again, 1), completeButton(again, 2)]).toEqual([undefined, undefined]);
    // A number more in the phone's copy: offered there.
    const more = await (await upload(user, vcard('FN:Pool Blau', 'ORG:Pool Blau', 'TEL:089 88', 'TEL;TYPE=CELL:0171 88'))).text();
    expect(completeButton(more, 1)).toMatch(/\.1$/);
  });

  it('says "ergänzt" at the card it completed only: another card of the same contact still offers its link (code review, stop 74)', async () => {
    const user = household('imp-complete-two');
    const [id = ''] = await seedContacts('imp-complete-two', 1, () => ({ company: 'Fliesen Bauer', phone: '089 3100200' }));
    // An Android account's card and the SIM's of the same firm.
    const file =
      vcard('FN:Fliesen Bauer', 'ORG:Fliesen Bauer', 'TEL:089 3100200', 'EMAIL:info@fb.de') +
      vcard('FN:Fliesen Bauer', 'ORG:Fliesen Bauer', 'TEL;TYPE=CELL:0171 2223334', 'NOTE:Notdienst');
    const preview = await (await upload(user, file)).text();
    expect([completeButton(preview, 1), completeButton(preview, 2)].every(Boolean)).toBe(true);
    const saved = await send(`/assets/imp-complete-two/contacts/${id}`, {
      user,
      form: sentForm(await (await send(await completeLink(user, preview, 1), { user })).text()),
    });
    const back = await (await send(saved.headers.get('Location') ?? '', { user })).text();
    expect(back.split('wurde ergänzt und gespeichert.</li>')).toHaveLength(2);
    expect(back).toContain('<li id="card-1-done" role="status"');
    expect(completeButton(back, 1)).toBeUndefined();
    expect(completeButton(back, 2)).toBe(completeButton(preview, 2));
  });

  it('keeps its way back to the preview where a co-buyer deleted the contact meanwhile and it is brought back with the input (code review, stop 73)', async () => {
    const anna = household('imp-complete-gone', 'anna-gone');
    const jonas: TestUser = { ...anna, sub: 'jonas-gone', name: 'Jonas Müller' };
    const list = '/assets/imp-complete-gone/contacts';
    const [id = ''] = await seedContacts('imp-complete-gone', 1, () => ({ company: 'Pool Blau', phone: '089 1' }));
    const preview = await (await upload(anna, vcard('FN:Pool Blau', 'ORG:Pool Blau', 'EMAIL:info@pool-blau.de'))).text();
    const { importId } = previewOf(preview);
    const completed = sentForm(await (await send(await completeLink(anna, preview, 1), { user: anna })).text());
    expect((await send(`${list}/${id}/delete`, { user: jonas, form: { version: '1' } })).status).toBe(303);
    const gone = await send(`${list}/${id}`, { user: anna, form: completed });
    expect(gone.status).toBe(409);
    const html = await gone.text();
    expect(html).toContain('name="revive"');
    expect(html).toContain(`<input type="hidden" name="import" value="${importId}.1."/>`);
    // "Mit meinen Eingaben wiederherstellen", as the browser sends it: back, completed, and back to the preview.
    const revived = await send(`${list}/${id}`, { user: anna, form: { ...hiddenFields(html), ...completed, version: '2', revive: '1' } });
    expect(revived.status).toBe(303);
    const back = `${list}/import/${importId}?completed=${id}&card=1&revived=1&on=#card-1-done`;
    expect(revived.headers.get('Location')).toBe(back);
    expect(await row(id)).toMatchObject({ email: 'info@pool-blau.de', deleted_at: null });
    expect(textOf(await (await send(back, { user: anna })).text())).toContain('„Pool Blau“ wurde ergänzt und gespeichert.');
    // The upload gone meanwhile: the card says the contact is back, not only "gespeichert" (code review, stop 74).
    await env.DB.prepare('DELETE FROM import_staging WHERE import_id = ?').bind(importId).run();
    const goneNow = await send(back, { user: anna });
    expect(goneNow.headers.get('Location')).toBe(`${list}/${id}?done=restored`);
    expect(textOf(await (await send(`${list}/${id}?done=restored`, { user: anna })).text())).toContain('wiederhergestellt');
  });

  it('goes to the contact it saved where its upload is gone (a forged or purged one), not to a 404 page (code review, stop 72)', async () => {
    const user = household('imp-complete-undone');
    const list = '/assets/imp-complete-undone/contacts';
    const [id = ''] = await seedContacts('imp-complete-undone', 1, () => ({ company: 'Pool Blau', phone: '089 1' }));
    const saved = await send(`${list}/${id}`, {
      user,
      form: {
        ...sentForm(await (await send(`${list}/${id}/edit`, { user })).text()),
        email: 'info@pool-blau.de',
        import: 'nosuchupload.1',
      },
    });
    const back = saved.headers.get('Location') ?? '';
    expect(back).toBe(`${list}/import/nosuchupload?completed=${id}&card=1#card-1-done`);
    const card = await send(back, { user });
    expect(card.status).toBe(303);
    expect(card.headers.get('Location')).toBe(`${list}/${id}?done=saved`);
    // Without a save named: the preview that is gone, as before.
    expect((await send(`${list}/import/nosuchupload`, { user })).status).toBe(404);
  });

  it('goes to the contact it saved where the preview was confirmed meanwhile in another tab (walkthrough, stop 72)', async () => {
    const user = household('imp-complete-done');
    const list = '/assets/imp-complete-done/contacts';
    const [id = ''] = await seedContacts('imp-complete-done', 1, () => ({ company: 'Pool Blau', phone: '089 1' }));
    const preview = await (
      await upload(user, vcard('FN:Pool Blau', 'ORG:Pool Blau', 'EMAIL:info@pool-blau.de') + vcard('FN:Garten Grün', 'ORG:Garten Grün'))
    ).text();
    const form = sentForm(await (await send(await completeLink(user, preview, 1), { user })).text());
    // The other tab confirms the preview (read again there, as the book's state changes with every save).
    expect((await confirm(user, previewOf(preview), ['2'])).status).toBe(303);
    const saved = await send(`${list}/${id}`, { user, form });
    const back = saved.headers.get('Location') ?? '';
    // The ticks along: the other card's.
    expect(back).toBe(`${list}/import/${previewOf(preview).importId}?completed=${id}&card=1&on=2#card-1-done`);
    const gone = await send(back, { user });
    expect(gone.status).toBe(303);
    expect(gone.headers.get('Location')).toBe(`${list}/${id}?done=saved`);
    expect(textOf(await (await send(`${list}/${id}?done=saved`, { user })).text())).toContain('„Pool Blau“ wurde gespeichert.');
    expect(await row(id)).toMatchObject({ email: 'info@pool-blau.de' });
    // Without `completed` (or with what is no contact's id): the list, as before.
    expect((await send(`${list}/import/${previewOf(preview).importId}?completed=%3Cb%3E`, { user })).headers.get('Location')).toBe(list);
  });

  it('leaves the preview of another tab to be confirmed as it was ticked after the save (walkthrough, stop 72)', async () => {
    const user = household('imp-complete-tab');
    const [id = ''] = await seedContacts('imp-complete-tab', 1, () => ({ company: 'Pool Blau', phone: '089 1' }));
    const file = vcard('FN:Pool Blau', 'ORG:Pool Blau', 'EMAIL:info@pool-blau.de') + vcard('FN:Garten Grün', 'ORG:Garten Grün');
    const preview = await (await upload(user, file)).text();
    expect(previewOf(preview).ticked).toEqual(['2']);
    const form = sentForm(await (await send(await completeLink(user, preview, 1), { user })).text());
    expect((await send(`/assets/imp-complete-tab/contacts/${id}`, { user, form })).status).toBe(303);
    // The first tab's preview, read before that save: imported as ticked, not asked again.
    const confirmed = await confirm(user, previewOf(preview), ['2']);
    expect(confirmed.status).toBe(303);
    const names = await env.DB.prepare("SELECT company, email FROM contacts WHERE asset_id = 'imp-complete-tab' ORDER BY company").all();
    expect(names.results).toEqual([
      { company: 'Garten Grün', email: '' },
      { company: 'Pool Blau', email: 'info@pool-blau.de' },
    ]);
  });

  it('keeps its way back to the preview through a sign-in after the session ended', async () => {
    const user = household('imp-complete-401');
    const [id = ''] = await seedContacts('imp-complete-401', 1, () => ({ company: 'Pool Blau', phone: '089 1' }));
    const preview = await (await upload(user, vcard('FN:Pool Blau', 'ORG:Pool Blau', 'EMAIL:a@pool-blau.de'))).text();
    const html = await (await send(await completeLink(user, preview, 1), { user })).text();
    const expired = await send(`/assets/imp-complete-401/contacts/${id}`, { form: sentForm(html) });
    expect(expired.status).toBe(401);
    const page = await expired.text();
    expect(hiddenFields(page)).toMatchObject({ import: `${previewOf(preview).importId}.1.` });
    // With JS, "Weiter" signs in back to the completed form (which the kept draft then fills), not the plain edit form (code review).
    const onward = /<a class="button primary js-only" href="([^"]+)"/.exec(page)?.[1]?.replace(/&amp;/g, '&') ?? '';
    expect([...new URL(onward, 'https://x').searchParams.values()]).toContain(
      `/assets/imp-complete-401/contacts/${id}/edit?import=${previewOf(preview).importId}&card=1&on=`,
    );
  });
});
