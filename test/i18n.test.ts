// Language choice from Accept-Language (contract §6). The weights come from a small parser of our
// own (src/i18n/index.ts); hono's Accept parser, which the app used before, is the oracle for
// generated headers. The run's seed comes from test/property.ts (FC_SEED replays a failure).
import fc from 'fast-check';
import { parseAccept } from 'hono/utils/accept';
import { describe, expect, it } from 'vitest';
import { DEFAULT_COUNTRY } from '../src/contacts/fields';
import { mergedMessage } from '../src/contacts/pages';
import { formatDateTime } from '../src/contacts/views/format';
import { resolveWarranty } from '../src/contacts/warranty';
import { languageOf, weightOf } from '../src/i18n';
import { de } from '../src/i18n/de';
import { en } from '../src/i18n/en';
import { HELP, HELP_TOPICS } from '../src/i18n/help';
import { numberIn } from '../src/i18n/number';
import { anna, send } from './helpers';
import { assertProperty } from './property';

const honoWeight = (header: string, language: string) =>
  Math.max(
    0,
    ...parseAccept(header)
      .filter(({ type }) => type.toLowerCase() === language || type.toLowerCase().startsWith(`${language}-`))
      .map(({ q }) => q),
  );

const space = fc.constantFrom('', ' ', '  ', '\t');
const range = fc.constantFrom(
  'de',
  'DE',
  'de-DE',
  'de-AT',
  'de-CH',
  'en',
  'EN',
  'en-GB',
  'en-US',
  'fr',
  'fr-FR',
  'dea',
  'eng',
  '*',
  'tr',
  'de-1996',
);
const weight = fc.constantFrom('1', '0', '1.0', '1.000', '0.9', '0.8', '0.5', '0.123', '0.001', '0.0', '2', '-1', 'x', '');
const item = fc
  .tuple(space, range, fc.option(fc.tuple(space, fc.constantFrom('q', 'Q'), space, weight), { nil: undefined }), space)
  .map(([before, tag, q, after]) => `${before}${tag}${q ? `${q[0]};${q[0]}${q[1]}=${q[3]}` : ''}${after}`);
const header = fc.array(item, { minLength: 1, maxLength: 6 }).map((items) => items.join(','));

describe('Accept-Language', () => {
  it('weighs every language as hono’s Accept parser does', () => {
    assertProperty(
      fc.property(header, (value) => {
        for (const language of ['de', 'en']) expect(weightOf(value, language), value).toBe(honoWeight(value, language));
      }),
      { numRuns: 2000 },
    );
  });

  it('chooses English only when it ranks above German', () => {
    expect(languageOf(undefined)).toBe('de');
    expect(languageOf('')).toBe('de');
    expect(languageOf('*')).toBe('de');
    expect(languageOf('en')).toBe('en');
    expect(languageOf('en-US,en;q=0.9,de;q=0.8')).toBe('en');
    expect(languageOf('de-DE,de;q=0.9,en;q=0.8')).toBe('de');
    expect(languageOf('en;q=0.5, de;q=0.5')).toBe('de');
    expect(languageOf('fr-FR, en-GB;q=0.7')).toBe('en');
    expect(languageOf('en;q=0, de;q=0')).toBe('de');
    expect(languageOf('english')).toBe('de');
  });
});

describe('formatDateTime: when a version was saved, in Berlin time', () => {
  it('answers in the page’s language, winter and summer time, the same on every call', () => {
    for (let round = 0; round < 2; round++) {
      expect(formatDateTime('de-DE', Date.UTC(2026, 11, 1, 4, 0))).toBe('01.12.2026, 05:00');
      expect(formatDateTime('en-GB', Date.UTC(2026, 11, 1, 4, 0))).toBe('1 Dec 2026, 05:00');
      expect(formatDateTime('de-DE', Date.UTC(2027, 6, 1, 10, 30))).toBe('01.07.2027, 12:30');
    }
  });
});

describe('the default country', () => {
  it('is the stored value the merge knows as the form\u2019s, in both languages', async () => {
    for (const language of ['de', 'en']) {
      const html = await (await send('/assets/whg-12/contacts/new', { user: anna, headers: { 'Accept-Language': language } })).text();
      expect(html).toContain(`<html lang="${language}">`);
      expect(html.match(/<input[^>]*name="country"[^>]*>/)?.[0]).toContain(` value="${DEFAULT_COUNTRY}"`);
    }
  });
});

describe('counts and people in a sentence', () => {
  it('says one contact and several co-buyers the German way (and the English)', () => {
    expect(de.importUndone(1)).toBe('1 übernommener Kontakt wurde gelöscht.');
    expect(de.importUndone(1200)).toBe('1.200 übernommene Kontakte wurden gelöscht.');
    expect(en.importUndone(1)).toBe('1 imported contact has been deleted.');
    expect(en.importUndone(1200)).toBe('1,200 imported contacts have been deleted.');
    expect(mergedMessage(de, { by: ['Jonas Müller'], fields: ['city'] })).toBe(
      'Jonas Müller hat inzwischen den Ort geändert – diese Änderung ist übernommen.',
    );
    expect(mergedMessage(de, { by: ['Jonas', 'Lena'], fields: ['first_name', 'accepted_on'] })).toBe(
      'Jonas und Lena haben inzwischen den Vornamen und das Abnahmedatum geändert – beides ist übernommen.',
    );
    // Fields in a sentence have their article (review: "hat inzwischen Telefonnummer geändert").
    expect(mergedMessage(en, { by: ['Jonas Müller'], fields: ['title', 'phone', 'warranty_until'] })).toBe(
      'Jonas Müller changed the title, the phone number and the end of the warranty meanwhile – all of it is kept.',
    );
  });
});

describe('what just happened to a contact, in one tense', () => {
  it('says "has been deleted" beside "has been restored", as German pairs "wurde gelöscht" and "ist wiederhergestellt" (review: "was deleted")', () => {
    expect(en.saved('Pool Blau')).toBe('“Pool Blau” has been saved.');
    expect(en.deleted('Pool Blau')).toBe('“Pool Blau” has been deleted.');
    expect(en.restored('Pool Blau')).toBe('“Pool Blau” has been restored.');
    expect(en.reverted('Pool Blau')).toBe('The earlier version of “Pool Blau” has been restored.');
    expect(en.purged('Pool Blau')).toBe('“Pool Blau” has been deleted for good.');
    expect(en.purgedOne).toBe('The contact has been deleted for good.');
    expect(en.imported(1)).toBe('1 contact has been added.');
    expect(en.imported(3)).toBe('3 contacts have been added.');
    expect(en.draftBack).toBe('Your input has been restored.');
  });

  it('says what happened meanwhile, or since, in the same tense (buyer review: "was deleted meanwhile", "were added … since your preview")', () => {
    expect(en.conflictTitle).toBe('This contact has been changed meanwhile');
    expect(en.goneTitle).toBe('This contact has been deleted meanwhile');
    expect(en.goneText()).toBe('The contact has been deleted meanwhile. Your input is kept below: you can save it as a new contact.');
    expect(en.importChanged).toMatch(/^Contacts have been added or changed since your preview\. /);
  });
});

describe('the date error', () => {
  it('gives an example the date field takes as the day it shows, in the page’s own order (review: English got "12.03.2027")', () => {
    expect(en.fieldErrors.date).toBe(
      'This date does not exist or is incomplete. Please check year, month and day, for example 2027-03-12.',
    );
    for (const [messages, example] of [
      [de, '12.03.2027'],
      [en, '2027-03-12'],
    ] as const) {
      expect(messages.fieldErrors.date).toContain(example);
      // Typed as the example says, the end is 12 March 2027.
      expect(resolveWarranty({ warranty_until: example })).toEqual({ ok: true, accepted_on: '', warranty_until: '2027-03-12' });
    }
  });
});

describe('one word for a search result', () => {
  it('says a search\u2019s count and its empty result with the same word (UX review: "matches", then "No results")', () => {
    expect(de.found(3, 'x')).toBe('3 Treffer für „x“');
    expect(de.noHits('x')).toBe('Keine Treffer für „x“');
    expect(en.found(3, 'x')).toBe('3 matches for “x”');
    expect(en.noHits('x')).toBe('No matches for “x”');
  });
});

describe('help that names a button', () => {
  it('names the card’s download button by its label (a review found a label that no button had)', () => {
    expect(HELP.de.phone.join(' ')).toContain(`„${de.vcard}“`);
    expect(HELP.en.phone.join(' ')).toContain(`“${en.vcard}”`);
    // The warranty dates are not in a vCard (contract §7): the help says so and where they are.
    expect(HELP.de.phone.join(' ')).toContain(`„${de.warranty.viewTitle}“`);
    expect(HELP.en.phone.join(' ')).toContain(`“${en.warranty.viewTitle}”`);
  });

  it('says which reminder an end 30 days ahead keeps, in a whole phrase (buyer review: "hat nur noch die 14 Tage vorher")', () => {
    expect(HELP.de.calendar[0]).toContain('Ein Ende in 30 Tagen hat nur noch die Erinnerung 14 Tage vorher');
    expect(HELP.en.calendar[0]).toContain('an end 30 days away has only the one 14 days before');
  });

  it('has every help page in both languages, step for step (src/i18n/help.ts)', () => {
    for (const topic of HELP_TOPICS) {
      expect(HELP.en[topic]).toHaveLength(HELP.de[topic].length);
      for (const [index, line] of HELP.de[topic].entries()) {
        // The same platform opens the same step in both languages.
        const platform = /^(iPhone|Android|Outlook|Google)/.exec(line)?.[1];
        if (platform) expect(HELP.en[topic][index], line).toMatch(new RegExp(`^${platform}`));
      }
    }
  });
});

describe('numbers in the catalogs', () => {
  // The catalogs write numbers through one formatter per language (src/i18n/number.ts): what
  // toLocaleString wrote before, for any number.
  it('numberIn writes what toLocaleString writes', () => {
    for (const locale of [de.locale, en.locale]) {
      const format = numberIn(locale);
      for (const n of [0, 1, 2, 999, 1000, 1234, 12345, 1234567, -1500, 0.5, 1234.5678, Number.NaN, Number.POSITIVE_INFINITY])
        expect(format(n)).toBe(n.toLocaleString(locale));
      assertProperty(
        fc.property(fc.oneof(fc.integer(), fc.double()), (n) => {
          expect(format(n)).toBe(n.toLocaleString(locale));
        }),
      );
    }
  });
});

describe('the import preview says the room left', () => {
  it('only where the file could fill it, one contact in the singular (code review, stop 78)', () => {
    expect(de.previewText()).toBe('Haken Sie an, was übernommen werden soll.');
    expect(de.previewText(1)).toBe('Haken Sie an, was übernommen werden soll. In diesem Objekt ist noch Platz für 1 Kontakt.');
    expect(de.previewText(2, true)).toBe(
      'Haken Sie an, was übernommen werden soll. In diesem Objekt ist noch Platz für 2 Kontakte; angehakt sind die ersten 2 neuen der Datei.',
    );
    expect(en.previewText(1)).toBe('Tick what to add. This property has room for 1 more contact.');
    expect(en.previewText(0)).toBe('Tick what to add. This property has room for 0 more contacts.');
  });
});
