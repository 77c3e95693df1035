import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import { FIELDS } from '../src/contacts/fields';
import { anna as annaOf, hiddenFields, jonas as jonasOf, ORIGIN, send, type TestUser, textOf, withOwnId } from './helpers';

// Every test has an Anna and a Jonas of its own (withOwnId: the write limit counts per user id).
let anna = annaOf;
let jonas = jonasOf;
beforeEach(() => {
  anna = withOwnId(annaOf);
  jonas = withOwnId(jonasOf);
});

// Issue 17 with issue 14's merge: a stale edit that changes a warranty date is merged field by
// field like any other (src/contacts/edits.ts works over FIELDS), a clash on a date is a choice
// shown in German and sent back as ISO, and a merge that would put the end before the
// acceptance lets the buyer choose both dates instead of storing an invalid contact.

/** Co-buyers of an apartment of their own: an untouched book and their own rate limit. */
function household(assetId: string): [TestUser, TestUser] {
  const assets = [{ id: assetId, name: `Haus ${assetId}` }];
  return [
    { ...anna, sub: `u-anna-${assetId}`, assets },
    { ...jonas, sub: `u-jonas-${assetId}`, assets },
  ];
}

async function row(id: string) {
  return env.DB.prepare('SELECT * FROM contacts WHERE id = ?').bind(id).first<Record<string, string | number | null>>();
}

/** The contact as its edit form sends it back: every stored field and the version it was loaded with. */
async function formOf(id: string): Promise<Record<string, string>> {
  const stored = await row(id);
  const form: Record<string, string> = { version: String(stored?.version) };
  for (const { name } of FIELDS) form[name] = String(stored?.[name] ?? '');
  return form;
}

async function setup(assetId: string, fields: Record<string, string>) {
  const [first, second] = household(assetId);
  const list = `/assets/${assetId}/contacts`;
  const created = await send(list, { user: first, form: { form_token: crypto.randomUUID(), ...fields } });
  expect(created.status).toBe(303);
  const id = new URL(created.headers.get('location') ?? '', ORIGIN).searchParams.get('saved') ?? '';
  const edit = (user: TestUser, form: Record<string, string>) => send(`${list}/${id}`, { user, form });
  return { anna: first, jonas: second, list, id, edit };
}

describe('a stale edit of the warranty dates', () => {
  it('is merged with a co-buyer\u2019s change of another field, and the card names what was taken over', async () => {
    const { anna, jonas, list, id, edit } = await setup('wm-merge', {
      company: 'Fliesen Bauer',
      accepted_on: '2022-05-10',
      warranty_until: '2027-05-10',
    });
    const annas = await formOf(id);
    expect((await edit(jonas, { ...(await formOf(id)), phone: '089 555' })).status).toBe(303);
    const saved = await edit(anna, { ...annas, warranty_until: '2027-11-30' });
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe(`${list}/${id}?done=saved&merged=1&at=3`);
    expect(await row(id)).toMatchObject({ phone: '089 555', accepted_on: '2022-05-10', warranty_until: '2027-11-30', version: 3 });
    const card = textOf(await (await send(saved.headers.get('location') ?? '', { user: anna })).text());
    expect(card).toContain('Jonas Müller hat inzwischen die Telefonnummer geändert – diese Änderung ist übernommen');
    expect(card).toContain('Gewährleistung bis 30.11.2027');
  });

  it('computes the end from the period also when the edit is merged', async () => {
    const { anna, jonas, id, edit } = await setup('wm-period', { company: 'Küchen Schmidt' });
    const annas = await formOf(id);
    expect((await edit(jonas, { ...(await formOf(id)), notes: 'Arbeitsplatte getauscht' })).status).toBe(303);
    expect((await edit(anna, { ...annas, accepted_on: '2024-02-29', warranty_years: '5' })).status).toBe(303);
    expect(await row(id)).toMatchObject({ notes: 'Arbeitsplatte getauscht', accepted_on: '2024-02-29', warranty_until: '2029-02-28' });
  });

  it('offers one choice when both changed the acceptance under the same period: the end follows the acceptance chosen', async () => {
    // Found by a buyer review: two separate choices let "my acceptance, Jonas's end" store an end
    // five months before the real one (20.06.2025 with 10.01.2030).
    const { anna, jonas, id, edit } = await setup('wm-linked', {
      company: 'Küchen Schmidt',
      accepted_on: '2024-10-01',
      warranty_years: '5',
    });
    const annas = { ...(await formOf(id)), warranty_until: '' };
    expect((await edit(jonas, { ...(await formOf(id)), warranty_until: '', accepted_on: '2025-01-10', warranty_years: '5' })).status).toBe(
      303,
    );
    const clash = await edit(anna, { ...annas, accepted_on: '2025-06-20', warranty_years: '5' });
    expect(clash.status).toBe(409);
    const html = await clash.text();
    const text = textOf(html);
    expect(text).toContain('Meine Eingabe 20.06.2025 · Gewährleistung bis 20.06.2030');
    expect(text).toContain('Von Jonas Müller 10.01.2025 · Gewährleistung bis 10.01.2030');
    // Her end follows her acceptance, which is the choice: no other change of hers to save with it (code review, stop 79).
    expect(text).toContain(
      'Jonas Müller hat inzwischen dieselben Angaben anders geändert. Noch ist nichts gespeichert: Wählen Sie unten, was gilt. ',
    );
    // The choice as the page sends it: Anna picks her acceptance; the end is computed from it.
    const form: Record<string, string> = {};
    const save = html.slice(html.indexOf('<form'), html.indexOf('</form>'));
    expect(save).not.toContain('name="warranty_until" value="2030');
    for (const match of save.matchAll(/<input type="hidden" name="([a-z_]+)" value="([^"]*)"\/>/g)) form[match[1] ?? ''] = match[2] ?? '';
    expect(form).toMatchObject({ warranty_until: '', warranty_years: '5' });
    expect((await edit(anna, { ...form, accepted_on: '2025-06-20' })).status).toBe(303);
    expect(await row(id)).toMatchObject({ accepted_on: '2025-06-20', warranty_until: '2030-06-20' });
  });

  // A buyer review: Jonas chose another period, Anna (from the older form) corrected the
  // acceptance. The clash offered Anna's end (old period) and Jonas's (old acceptance), both wrong.
  it('counts a co-buyer\u2019s new period from the acceptance this buyer corrected, and names the change', async () => {
    const { anna, jonas, list, id, edit } = await setup('wm-moved', {
      company: 'VOB Test',
      accepted_on: '2022-05-10',
      warranty_years: '5',
    });
    // The forms as the page shows them: the period chosen, the end left to be computed.
    const annas = { ...(await formOf(id)), warranty_until: '', warranty_years: '5' };
    expect((await edit(jonas, { ...(await formOf(id)), warranty_until: '', warranty_years: '4' })).status).toBe(303);
    expect(await row(id)).toMatchObject({ warranty_until: '2026-05-10' });
    const saved = await edit(anna, { ...annas, accepted_on: '2022-05-20' });
    expect(saved.status).toBe(303);
    expect(await row(id)).toMatchObject({ accepted_on: '2022-05-20', warranty_until: '2026-05-20', version: 3 });
    // Sent again (a double tap without JS, "Erneut senden"): the same answer, nothing written
    // (review: a clash with her own save, offering the wrong end again).
    const again = await edit(anna, { ...annas, accepted_on: '2022-05-20' });
    expect(again.status).toBe(303);
    expect(again.headers.get('location')).toBe(saved.headers.get('location'));
    expect(await row(id)).toMatchObject({ accepted_on: '2022-05-20', warranty_until: '2026-05-20', version: 3 });
    const card = textOf(await (await send(saved.headers.get('location') ?? '', { user: anna })).text());
    expect(card).toContain('Jonas Müller hat inzwischen das Ende der Gewährleistung geändert');
    expect(card).toContain('Gewährleistung bis 20.05.2026');
    // Also when someone saved after it (a third buyer's phone number): her save is found among
    // the versions since, nothing is written, the phone stays (second review).
    const maria: TestUser = { ...jonas, sub: `u-maria-wm-moved`, name: 'Maria Roth' };
    expect((await edit(maria, { ...(await formOf(id)), warranty_until: '', warranty_years: '4', phone: '089 555' })).status).toBe(303);
    expect(await row(id)).toMatchObject({ phone: '089 555', version: 4 });
    const late = await edit(anna, { ...annas, accepted_on: '2022-05-20' });
    expect(late.status).toBe(303);
    expect(await row(id)).toMatchObject({ accepted_on: '2022-05-20', warranty_until: '2026-05-20', phone: '089 555', version: 4 });
    // The other way round: Jonas moves the acceptance, Anna (older form) chooses two years.
    const annas2 = { ...(await formOf(id)), warranty_until: '', warranty_years: '4' };
    expect((await edit(jonas, { ...(await formOf(id)), accepted_on: '2022-06-01', warranty_until: '', warranty_years: '4' })).status).toBe(
      303,
    );
    expect((await edit(anna, { ...annas2, warranty_years: '2' })).status).toBe(303);
    expect(await row(id)).toMatchObject({ accepted_on: '2022-06-01', warranty_until: '2024-06-01', version: 6 });
    // Sent again with htmx: the card, saying what Jonas changed, as the first answer did.
    const twice = await send(`${list}/${id}`, { user: anna, form: { ...annas2, warranty_years: '2' }, htmx: true });
    expect(twice.status).toBe(200);
    expect(textOf(await twice.text())).toContain('Jonas Müller hat inzwischen das Abnahmedatum geändert – diese Änderung ist übernommen');
    expect(await row(id)).toMatchObject({ accepted_on: '2022-06-01', warranty_until: '2024-06-01', version: 6 });
    // The edit form shows the period again, not a typed end that later corrections would not move.
    const form = await (await send(`${list}/${id}/edit`, { user: anna })).text();
    expect(form).toMatch(/<option value="2" selected="">/);
    expect(form).toMatch(/name="warranty_until"[^>]* value=""/);
  });

  it('counts a period a co-buyer added to an acceptance without an end from the acceptance corrected since', async () => {
    const { anna, jonas, id, edit } = await setup('wm-added', { company: 'Nur Abnahme', accepted_on: '2023-03-01' });
    const annas = await formOf(id);
    expect((await edit(jonas, { ...(await formOf(id)), warranty_years: '4' })).status).toBe(303);
    expect(await row(id)).toMatchObject({ warranty_until: '2027-03-01' });
    expect((await edit(anna, { ...annas, accepted_on: '2023-03-15' })).status).toBe(303);
    expect(await row(id)).toMatchObject({ accepted_on: '2023-03-15', warranty_until: '2027-03-15' });
  });

  it('names two co-buyers on a clash with the verb for two ("… und … haben"), in German and English', async () => {
    const { anna, jonas, id, edit, list } = await setup('wm-two', { company: 'Dach Meier', warranty_until: '2027-05-10' });
    const maria: TestUser = { ...jonas, sub: 'u-maria-wm-two', name: 'Maria Roth' };
    const annas = await formOf(id);
    expect((await edit(jonas, { ...(await formOf(id)), warranty_until: '2027-06-01' })).status).toBe(303);
    expect((await edit(maria, { ...(await formOf(id)), warranty_until: '2027-07-01' })).status).toBe(303);
    const clash = await edit(anna, { ...annas, warranty_until: '2028-01-15' });
    expect(clash.status).toBe(409);
    expect(textOf(await clash.text())).toContain('Jonas Müller und Maria Roth haben inzwischen dieselben Angaben anders geändert');
    const english = await send(`${list}/${id}`, {
      user: anna,
      form: { ...annas, warranty_until: '2028-01-15' },
      headers: { 'Accept-Language': 'en' },
    });
    expect(textOf(await english.text())).toContain('Jonas Müller and Maria Roth have meanwhile changed');
  });

  it('asks which end applies when both changed it, showing German dates and sending the ISO value', async () => {
    const { anna, jonas, id, edit } = await setup('wm-clash', { company: 'Dach Meier', warranty_until: '2027-05-10' });
    const annas = await formOf(id);
    expect((await edit(jonas, { ...(await formOf(id)), warranty_until: '2027-06-01' })).status).toBe(303);
    const clash = await edit(anna, { ...annas, warranty_until: '2028-01-15' });
    expect(clash.status).toBe(409);
    const html = await clash.text();
    expect(html.match(/type="radio"/g)).toHaveLength(2);
    expect(html).toMatch(
      /<input type="radio" name="warranty_until" value="2028-01-15"[^>]*\/><span><span class="who">Meine Eingabe<\/span><span class="pre">15\.01\.2028<\/span>/,
    );
    expect(html).toMatch(
      /<input type="radio" name="warranty_until" value="2027-06-01"\/><span><span class="who">Von [^<]+<\/span><span class="pre">01\.06\.2027<\/span>/,
    );
    expect(await row(id)).toMatchObject({ warranty_until: '2027-06-01', version: 2 });
    // Anna keeps her end: the choice form carries every other field as merged.
    // The choice's form (the first; the second is "Alles noch einmal bearbeiten").
    const hidden = hiddenFields(html.slice(0, html.indexOf('</form>')));
    expect((await edit(anna, { ...hidden, warranty_until: '2028-01-15' })).status).toBe(303);
    expect(await row(id)).toMatchObject({ company: 'Dach Meier', warranty_until: '2028-01-15', version: 3 });
  });

  it('offers both dates when the merge would end the warranty before the acceptance, and stores nothing invalid', async () => {
    const { anna, jonas, id, edit } = await setup('wm-rule', {
      company: 'Garten Grün',
      accepted_on: '2022-05-10',
      warranty_until: '2027-05-10',
    });
    const annas = await formOf(id);
    // Jonas corrects the acceptance to 2025; Anna, from the old version, shortens the end to 2024.
    // Each change alone is valid; together the end would lie before the acceptance.
    expect((await edit(jonas, { ...(await formOf(id)), accepted_on: '2025-06-01' })).status).toBe(303);
    const clash = await edit(anna, { ...annas, warranty_until: '2024-12-31' });
    expect(clash.status).toBe(409);
    const html = await clash.text();
    // Both dates are one choice between Anna's input and what is stored now (stop 65: chosen one
    // by one they made a warranty neither typed).
    const choices = [...html.matchAll(/<input type="radio" name="([a-z_]+)" value="([^"]*)"/g)].map((m) => `${m[1]}=${m[2]}`);
    expect(choices).toEqual([
      'warranty=[&quot;2022-05-10&quot;,&quot;2024-12-31&quot;]',
      'warranty=[&quot;2025-06-01&quot;,&quot;2027-05-10&quot;]',
    ]);
    expect(html).toContain('<span class="pre">Abnahme am 01.06.2025\nGewährleistung bis 10.05.2027</span>');
    expect(await row(id)).toMatchObject({ accepted_on: '2025-06-01', warranty_until: '2027-05-10', version: 2 });
    // A choice that still breaks the rule is the form again (422), the error beside the end date.
    const hidden = hiddenFields(html.slice(0, html.indexOf('</form>')));
    const invalid = await edit(anna, { ...hidden, accepted_on: '2025-06-01', warranty_until: '2024-12-31' });
    expect(invalid.status).toBe(422);
    expect(await invalid.text()).toContain(
      '<p class="field-error" id="f-warranty_until-error">Das Ende der Gewährleistung darf nicht vor der Abnahme liegen.</p>',
    );
    // Anna's choice, as her browser sends the radio button.
    const chosen = await edit(anna, { ...hidden, warranty: '["2022-05-10","2024-12-31"]' });
    expect(chosen.status).toBe(303);
    expect(await row(id)).toMatchObject({ accepted_on: '2022-05-10', warranty_until: '2024-12-31', version: 3 });
  });

  it('asks both dates as one when a co-buyer removed the acceptance while this buyer chose a period (walkthrough, stop 65)', async () => {
    const { anna, jonas, id, edit } = await setup('wm-removed', {
      company: 'Parkett Pohl',
      accepted_on: '2024-03-12',
      warranty_years: '5',
    });
    expect(await row(id)).toMatchObject({ accepted_on: '2024-03-12', warranty_until: '2029-03-12' });
    const annas = await formOf(id);
    // Jonas removes the acceptance and the end; Anna, from the old version, chooses two years.
    expect((await edit(jonas, { ...(await formOf(id)), accepted_on: '', warranty_until: '' })).status).toBe(303);
    const clash = await edit(anna, { ...annas, warranty_until: '', warranty_years: '2' });
    expect(clash.status).toBe(409);
    const html = await clash.text();
    const choices = [...html.matchAll(/<input type="radio" name="([a-z_]+)" value="([^"]*)"/g)].map((m) => `${m[1]}=${m[2]}`);
    expect(choices).toEqual(['warranty=[&quot;2024-03-12&quot;,&quot;2026-03-12&quot;]', 'warranty=[&quot;&quot;,&quot;&quot;]']);
    expect(html).toContain(
      '<span class="who">Meine Eingabe</span><span class="pre">Abnahme am 12.03.2024\nGewährleistung bis 12.03.2026</span>',
    );
    // What choosing Jonas's removes, said date by date (review, stop 65).
    expect(html).toMatch(/<span class="who">Von [^<]+<\/span><span class="pre">Abnahme am \(leer\)\nGewährleistung bis \(leer\)<\/span>/);
    // Nor is the removal said as a change already kept.
    expect(textOf(html)).not.toContain('außerdem');
    const hidden = hiddenFields(html.slice(0, html.indexOf('</form>')));
    expect(hidden.choose).toBe('accepted_on warranty_until');
    // Hers: the end with the acceptance it was counted from.
    expect((await edit(anna, { ...hidden, warranty: '["2024-03-12","2026-03-12"]' })).status).toBe(303);
    expect(await row(id)).toMatchObject({ accepted_on: '2024-03-12', warranty_until: '2026-03-12', version: 3 });
    // "Alles noch einmal bearbeiten" keeps her period: her acceptance and end, read as two years.
    const annas3 = await formOf(id);
    expect((await edit(jonas, { ...(await formOf(id)), accepted_on: '', warranty_until: '' })).status).toBe(303);
    const again = await edit(anna, { ...annas3, warranty_until: '', warranty_years: '4' });
    expect(again.status).toBe(409);
    const edited = await edit(anna, {
      ...hiddenFields((await again.text()).split('</form>')[1] ?? ''),
    });
    expect(edited.status).toBe(200);
    const form = await edited.text();
    expect(form).toMatch(/<option value="4" selected="">/);
    expect(form).toMatch(/name="accepted_on"[^>]* value="2024-03-12"/);
    // Jonas's: no warranty, as he left it.
    const theirs = await edit(anna, { ...hidden, version: '4', warranty: '["",""]' });
    expect(theirs.status).toBe(303);
    expect(await row(id)).toMatchObject({ accepted_on: '', warranty_until: '' });
  });

  it('leaves the end a choice of its own where the acceptance only one side changed fits the ends: nobody\u2019s correction undone (review, stop 65)', async () => {
    // Jonas corrects the acceptance under its 5 years; Anna, from the old form, types an end.
    const first = await setup('wm-fits', { company: 'Estrich Ernst', accepted_on: '2024-03-12', warranty_years: '5' });
    const annas = await formOf(first.id);
    expect(
      (await first.edit(first.jonas, { ...(await formOf(first.id)), accepted_on: '2024-04-01', warranty_until: '', warranty_years: '5' }))
        .status,
    ).toBe(303);
    const clash = await first.edit(first.anna, { ...annas, warranty_until: '2028-12-31' });
    expect(clash.status).toBe(409);
    const html = await clash.text();
    const choices = [...html.matchAll(/<input type="radio" name="([a-z_]+)" value="([^"]*)"/g)].map((m) => `${m[1]}=${m[2]}`);
    expect(choices).toEqual(['warranty_until=2028-12-31', 'warranty_until=2029-04-01']);
    const hidden = hiddenFields(html.slice(0, html.indexOf('</form>')));
    // "Meine Eingabe": her end beside his corrected acceptance.
    expect((await first.edit(first.anna, { ...hidden, warranty_until: '2028-12-31' })).status).toBe(303);
    expect(await row(first.id)).toMatchObject({ accepted_on: '2024-04-01', warranty_until: '2028-12-31' });
    // The mirror: Anna moves the acceptance under its 5 years, Jonas meanwhile typed an end.
    const second = await setup('wm-fits-2', { company: 'Estrich Ernst', accepted_on: '2024-03-12', warranty_years: '5' });
    const hers = await formOf(second.id);
    expect((await second.edit(second.jonas, { ...(await formOf(second.id)), warranty_until: '2028-12-31' })).status).toBe(303);
    const mirrored = await second.edit(second.anna, { ...hers, accepted_on: '2024-04-01', warranty_until: '', warranty_years: '5' });
    expect(mirrored.status).toBe(409);
    const offered = [...(await mirrored.text()).matchAll(/<input type="radio" name="([a-z_]+)" value="([^"]*)"/g)].map(
      (m) => `${m[1]}=${m[2]}`,
    );
    expect(offered).toEqual(['warranty_until=2029-04-01', 'warranty_until=2028-12-31']);
    expect(await row(second.id)).toMatchObject({ accepted_on: '2024-03-12', warranty_until: '2028-12-31' });
  });

  it('leaves two typed ends a choice of the end alone, the co-buyer\u2019s corrected acceptance kept (stop 65)', async () => {
    const { anna, jonas, id, edit } = await setup('wm-typed', {
      company: 'Maler Mohn',
      accepted_on: '2024-03-12',
      warranty_until: '2028-07-01',
    });
    const annas = await formOf(id);
    expect((await edit(jonas, { ...(await formOf(id)), accepted_on: '2024-03-15', warranty_until: '2028-08-01' })).status).toBe(303);
    const clash = await edit(anna, { ...annas, warranty_until: '2028-09-01' });
    expect(clash.status).toBe(409);
    const choices = [...(await clash.text()).matchAll(/<input type="radio" name="([a-z_]+)" value="([^"]*)"/g)].map(
      (m) => `${m[1]}=${m[2]}`,
    );
    expect(choices).toEqual(['warranty_until=2028-09-01', 'warranty_until=2028-08-01']);
  });
});
