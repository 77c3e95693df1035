// Buyer review: "Sonleitner" found no "Sonnleitner", nor "Elektro" the "Elektriker". A search that
// finds nothing offers the nearest words of the book (src/client/app.js, "Meinten Sie …?").
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertNoAxeViolations, fillContact, listPath, recordAnnouncements, unique, withBrowser } from './helpers.mjs';

const PHONE = { viewport: { width: 360, height: 800 }, isMobile: true, hasTouch: true };
// Selin's Lindenhof 3: its words stay near no other test's (each test's words carry its tag).
const BOOK = 'lindenhof-whg-3';
// The run's tag as letters: part of a word no other test's contact has near it.
const tagged = () => unique().replace(/[0-9]/g, (digit) => 'qwxyzjkvbp'[digit]);

async function addContact(page, values, heading) {
  await page.goto(`${listPath(BOOK)}/new`);
  await fillContact(page, values);
  await page.getByRole('button', { name: 'Speichern' }).click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

/** Counts the page's requests to the book's export of a search until all are answered. */
function bookQuestions(page) {
  const state = { asked: 0, answered: 0 };
  page.on('request', (request) => {
    if (request.url().includes('.vcf?q=')) state.asked += 1;
  });
  const done = (request) => {
    if (request.url().includes('.vcf?q=')) state.answered += 1;
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  /** Every question answered, once at least `atLeast` were asked (a loaded machine asks late: CI, stop 65). */
  state.settled = async (atLeast = 0) => {
    // Typing rests 600 ms before the book is asked.
    await page.waitForTimeout(800);
    for (let wait = 0; state.asked < atLeast && wait < 200; wait += 1) await page.waitForTimeout(50);
    for (let wait = 0; state.answered < state.asked; wait += 1) {
      assert.ok(wait < 200, `${state.answered} of ${state.asked} answered`);
      await page.waitForTimeout(50);
    }
    await page.waitForTimeout(100);
  };
  return state;
}

describe('a search that finds nothing offers the nearest words of the book', () => {
  test('"Meinten Sie" offers the spelling most contacts write, the one with umlauts between as many (search review, stop 62)', async () => {
    const tag = tagged();
    await withBrowser(
      'selin',
      async ({ page, errors }) => {
        // "Mueller" sorts first (its card is asked first), but more contacts write "Müller".
        await addContact(page, { company: `Bodenbeläge Mueller${tag} KG` }, `Bodenbeläge Mueller${tag} KG`);
        await addContact(page, { first_name: 'Hans', last_name: `Müller${tag}` }, `Hans Müller${tag}`);
        await addContact(page, { company: `Küchenstudio Müller${tag}` }, `Küchenstudio Müller${tag}`);
        await page.goto(listPath(BOOK));
        const suggestion = page.locator('#results .did-you-mean');
        // (A letter missing that is no doubled one's: "Müler" the server finds by its sound, stop 83.)
        await page.getByRole('searchbox').fill(`Müllr${tag}`);
        await suggestion.waitFor();
        assert.equal(await suggestion.textContent(), `Meinten Sie „Müller${tag}“?`);
        assert.deepEqual(errors, []);
      },
      { ...PHONE },
    );
  });

  test('a letter missing or swapped, a word cut short: "Meinten Sie …?", said once, whose link searches', async () => {
    const tag = tagged();
    const family = `Sonnleitner${tag}`;
    await withBrowser(
      'selin',
      async ({ page, errors }) => {
        await addContact(page, { first_name: 'Maria', last_name: family, company: `Gartenbau ${tag}` }, `Maria ${family}`);
        await addContact(page, { company: `Huber ${tag}`, position: 'Gutachter' }, `Huber ${tag}`);
        await addContact(page, { company: `Dachdeckerei ${tag}` }, `Dachdeckerei ${tag}`);
        await page.goto(listPath(BOOK));
        const said = await recordAnnouncements(page);
        const search = page.getByRole('searchbox');
        const results = page.locator('#results');
        const suggestion = results.locator('.did-you-mean');
        // One e missing (one n missing the server finds by its sound, stop 83).
        await search.fill(`Sonnleitnr${tag}`);
        await results.getByText(`Keine Treffer für „Sonnleitnr${tag}“.`).waitFor();
        await suggestion.waitFor();
        assert.equal(await suggestion.textContent(), `Meinten Sie „${family}“?`);
        // Said by itself, after "Keine Treffer" (the box, a live region, would read all of it again).
        // Said after its "Keine Treffer", or with it where found while the count waited for the
        // typing to pause, in one update (CI, stop 79: said first, then overwritten by the count;
        // code review, stop 80: said 100 ms after it, a screen reader may skip the count).
        const none = `Keine Treffer für „Sonnleitnr${tag}“.`;
        const offer = `Meinten Sie „${family}“?`;
        await page.waitForFunction((offer) => document.getElementById('announcer')?.textContent.endsWith(offer), offer);
        await page.waitForTimeout(1200);
        const last = await page.locator('#announcer').textContent();
        assert.ok(last === offer || last === `${none} ${offer}`, last);
        assert.deepEqual(said.slice(last === offer ? -2 : -1), last === offer ? [none, offer] : [last]);
        assert.equal(await results.locator('.no-results').getAttribute('aria-live'), 'off');
        const link = suggestion.getByRole('link', { name: `„${family}“` });
        assert.equal(new URL(await link.getAttribute('href'), 'http://x').searchParams.get('q'), family);
        // Tapped: one search, for what it says ("Suche leeren" sent an empty one first: code review),
        // and focus on what was found, not in the field (the phone's keyboard would cover it).
        const searches = [];
        page.on('request', (request) => {
          if (/\/contacts\?/.test(request.url())) searches.push(new URL(request.url()).searchParams.get('q'));
        });
        await link.tap();
        await results.getByRole('link', { name: new RegExp(`Maria ${family}`) }).waitFor();
        assert.deepEqual(searches, [family]);
        assert.equal(await search.inputValue(), family);
        assert.equal(await page.evaluate(() => document.activeElement?.id), 'count');
        await page.waitForFunction((family) => document.getElementById('announcer')?.textContent === `1 Treffer für „${family}“`, family);

        // Tapped, then typed on before its answer came: focus stays where the buyer types (code
        // review: the later answer took it to the count).
        await search.fill(`Sonnleitnr${tag}`);
        await suggestion.waitFor();
        await page.route(
          (url) => url.pathname === listPath(BOOK) && url.searchParams.get('q') === family,
          async (route) => {
            await new Promise((resolve) => setTimeout(resolve, 1500));
            await route.continue().catch(() => {});
          },
          { times: 1 },
        );
        await suggestion.getByRole('link').tap();
        await search.tap();
        await search.press('End');
        await page.keyboard.type(' Maria');
        await results.getByText(`1 Treffer für „${family} Maria“`).waitFor();
        await page.waitForTimeout(1800);
        assert.equal(await page.evaluate(() => document.activeElement?.id), 'q');
        assert.equal(await search.inputValue(), `${family} Maria`);

        // A letter typed and taken back sends nothing: the results (and rows "Mehr laden"
        // brought) stay (code review: without htmx's "changed" it replaced them).
        const sent = searches.length;
        await page.keyboard.type('x');
        await page.keyboard.press('Backspace');
        await page.waitForTimeout(1000);
        assert.equal(searches.length, sent);
        // But typed anew after a suggestion set the field, the words typed before are searched
        // again (htmx's "changed" had remembered them and sent nothing).
        await search.fill(`Sonnleitnr${tag}`);
        await suggestion.waitFor();
        await suggestion.getByRole('link').tap();
        await results.getByRole('link', { name: new RegExp(`Maria ${family}`) }).waitFor();
        await search.fill(`Sonnleitnr${tag}`);
        await results.getByText(`Keine Treffer für „Sonnleitnr${tag}“.`).waitFor();

        // Safari and Firefox on a Mac focus no tapped link but <main> (its tabindex): focus still
        // goes to the count (code review).
        await suggestion.waitFor();
        await page.evaluate(() => {
          document.getElementById('main').focus();
          document.querySelector('.did-you-mean a').dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, detail: 1 }));
        });
        await results.getByRole('link', { name: new RegExp(`Maria ${family}`) }).waitFor();
        await page.waitForFunction(() => document.activeElement?.id === 'count', null, { timeout: 3000 });

        // Two letters swapped, with a word the book has as typed: that word stays.
        await search.fill(`Gartenbau Sonnlietner${tag}`);
        await results.getByText(`Keine Treffer für „Gartenbau Sonnlietner${tag}“.`).waitFor();
        await suggestion.waitFor();
        assert.equal(await suggestion.textContent(), `Meinten Sie „Gartenbau ${family}“?`);

        // A word's ending mistyped ("Gutachten" for "Gutachter"), and a word of the book in capitals;
        // from the keyboard the link leaves focus in the search field. (It was "Elektro" for
        // "Elektriker", which the search finds since stop 69: a trade's word.)
        await search.fill(`Gutachten HUBER ${tag}`);
        await results.getByText(`Keine Treffer für „Gutachten HUBER ${tag}“.`).waitFor();
        await suggestion.waitFor();
        assert.equal(await suggestion.textContent(), `Meinten Sie „Gutachter HUBER ${tag}“?`);
        await suggestion.getByRole('link').press('Enter');
        await results.getByRole('link', { name: new RegExp(`Huber ${tag}`) }).waitFor();
        assert.equal(await page.evaluate(() => document.activeElement?.id), 'q');

        // A compound's start mistyped (search walkthrough, stop 70: nothing was offered).
        await search.fill(`Dachdeker ${tag}`);
        await results.getByText(`Keine Treffer für „Dachdeker ${tag}“.`).waitFor();
        await suggestion.waitFor();
        assert.equal(await suggestion.textContent(), `Meinten Sie „Dachdeckerei ${tag}“?`);

        // Nothing near: nothing offered, once every question is answered.
        const book = bookQuestions(page);
        await search.fill(`Qualle${tag}zz`);
        await results.getByText(`Keine Treffer für „Qualle${tag}zz“.`).waitFor();
        await book.settled(2);
        assert.ok(book.asked >= 2, 'the book was asked');
        assert.equal(await suggestion.count(), 0);
        assert.ok(said.includes(`Keine Treffer für „Qualle${tag}zz“.`), said.join('\n'));
        assert.deepEqual(errors, []);
      },
      PHONE,
    );
  });

  test('a doubled letter first, names before notes, umlauts, ß and hyphens as the search folds them; a word with nothing near goes; only what the server finds', async () => {
    // Each contact's words with a tag of its own: only the words meant to be near are near.
    const [a, b, c, d, e, f] = [tagged(), tagged(), tagged(), tagged(), tagged(), tagged()];
    await withBrowser('selin', async ({ page }) => {
      await addContact(page, { first_name: 'Jonas', last_name: `Kellner${a}` }, `Jonas Kellner${a}`);
      await addContact(page, { first_name: 'Anton', last_name: `Weiss${a}`, notes: `Keller${a}: Wasser im Keller` }, `Anton Weiss${a}`);
      await addContact(page, { first_name: 'Eva', last_name: `Müller${b}`, company: `Fliesen-Meier${c}` }, `Eva Müller${b}`);
      await addContact(page, { company: `Großmann${d} Bäder` }, `Großmann${d} Bäder`);
      await addContact(page, { company: `Huber ${d}`, position: 'Elektriker' }, `Huber ${d}`);
      await addContact(page, { company: `Quarzit ${d}` }, `Quarzit ${d}`);
      await addContact(page, { first_name: 'Rosa', last_name: 'Brandl', company: `${d}` }, `Rosa Brandl`);
      await addContact(page, { first_name: 'Hans', last_name: 'Meier', company: `${d}` }, `Hans Meier`);
      await addContact(page, { first_name: 'Bernd', last_name: 'Mayer', company: `${d}` }, `Bernd Mayer`);
      // Its website holds the two words joined by a hyphen, which the server does not find as one.
      await addContact(page, { company: `Kachel Wunder${e}`, website: `www.kachel-wunder${e}.de` }, `Kachel Wunder${e}`);
      await addContact(page, { company: `Zanderweg${e}`, notes: `Zanderweh${e}` }, `Zanderweg${e}`);
      await addContact(page, { company: `${f}hausmeister` }, `${f}hausmeister`);
      await addContact(page, { company: `${f}hausmeisterservice` }, `${f}hausmeisterservice`);
      await page.goto(listPath(BOOK));
      const search = page.getByRole('searchbox');
      const suggestion = page.locator('#results .did-you-mean');
      const offered = async (typed) => {
        await search.fill(typed);
        await page.locator('#results').getByText(`Keine Treffer für „${typed}“.`).waitFor();
        await suggestion.waitFor();
        return suggestion.textContent();
      };
      // What the server finds by a name's sound (stop 83) needs no suggestion: a doubled letter
      // typed once ("Kelner"), "ß" as one "s", another spelling.
      const found = async (typed, name) => {
        await search.fill(typed);
        await page.locator('#results').getByRole('link', { name, exact: true }).waitFor();
        await page.waitForTimeout(800);
        assert.equal(await suggestion.count(), 0, typed);
      };
      await found(`Kelner${a}`, `Jonas Kellner${a}`);
      await found(`Müler${b}`, `Eva Müller${b}`);
      await found(`Mueler${b}`, `Eva Müller${b}`);
      await found(`Grosmann${d}`, `Großmann${d} Bäder`);
      // Both one letter away: the name before the word of a note (code review: "Keller" came first).
      assert.equal(await offered(`Kellnr${a}`), `Meinten Sie „Kellner${a}“ oder „Keller${a}“?`);
      assert.equal(await offered(`Müllr${b}`), `Meinten Sie „Müller${b}“?`);
      assert.equal(await offered(`Mueller${b}x`), `Meinten Sie „Müller${b}“?`);
      assert.equal(await offered(`Großmnn${d}`), `Meinten Sie „Großmann${d}“?`);
      assert.equal(await offered(`Fliesen-Meler${c}`), `Meinten Sie „Fliesen-Meier${c}“?`);
      // Two near words of one contact: one choice (buyer review: "Hausmeister" oder "Hausmeisterservice").
      assert.equal(await offered(`Zanderwek${e}`), `Meinten Sie „Zanderweg${e}“?`);
      // A word of four letters, with a word the book has as typed.
      assert.equal(await offered(`Hubr ${d}`), `Meinten Sie „Huber ${d}“?`);
      // Two letters swapped in the middle of a short word, alone (UX review: "Fleisen"; its start
      // and end were both spoilt, and no other word typed brought the contact).
      assert.equal(await offered('Quazrit'), 'Meinten Sie „Quarzit“?');
      // A typo its start and end answer asks for those two parts and the check of the
      // suggestion, nothing more (code review: every part at once, eight exports for one typo).
      const asked = bookQuestions(page);
      assert.equal(await offered('Brandk'), 'Meinten Sie „Brandl“?');
      await asked.settled(3);
      assert.equal(asked.asked, 3);
      // In a word of six letters, the swap across the middle spoils both parts asked (UX
      // review: "Brnadl" was offered nothing).
      assert.equal(await offered('Brnadl'), 'Meinten Sie „Brandl“?');
      // One name's other spellings (UX review: "Meyer" and "Mayer" were offered nothing): since stop
      // 83 the server finds them by their sound.
      await found('Meyer', 'Hans Meier');
      assert.equal(await page.locator('#results').getByRole('link', { name: 'Bernd Mayer', exact: true }).count(), 1);
      await found('Maier', 'Bernd Mayer');
      // Two words of a firm typed as one (UX review: "Fliesenmeier" was offered "Fliesenleger"),
      // also where its website joins them with a hyphen (UX review: nothing was offered).
      assert.equal(await offered(`Kachelwunder${e}`), `Meinten Sie „Kachel Wunder${e}“?`);
      // A second choice only if it finds more than the first does, inside words too, as the
      // server searches (code review: "…hausmeister" finds the "…hausmeisterservice" as well).
      assert.equal(await offered(`${f}hausmeistr`), `Meinten Sie „${f}hausmeister“?`);
      // A letter beyond the BMP (two UTF-16 units) is no end for the parts asked (code review:
      // half of it could not be sent, and nothing was offered).
      assert.equal(await offered(`Kellnr${a} wq𠀀x`), `Meinten Sie „Kellner${a}“ oder „Keller${a}“?`);
      // A word with nothing near goes when another is corrected (code review: "Familie" cancelled all).
      assert.equal(await offered(`Qwertz Müllr${b}`), `Meinten Sie „Müller${b}“?`);
      // Words of two contacts: the corrected search finds none, so nothing is offered.
      const book = bookQuestions(page);
      await search.fill(`Großmann${d} Kelner${a}`);
      await page.locator('#results').getByText(`Keine Treffer für „Großmann${d} Kelner${a}“.`).waitFor();
      await book.settled();
      assert.equal(await suggestion.count(), 0);
    });
  });

  test('words the results do not answer are searched: typed while a change was on its way, or before the script ran (code review)', async () => {
    const tag = tagged();
    const name = `Weggeklickt ${tag}`;
    await withBrowser('selin', async ({ page }) => {
      // Two: the book's search shows once it has a contact.
      await addContact(page, { company: `Bleibt ${tag}` }, `Bleibt ${tag}`);
      await addContact(page, { company: name }, name);
      const search = page.getByRole('searchbox');
      const results = page.locator('#results');
      // Deleted, and "Rückgängig" on its way for 2 s: words typed meanwhile are not sent (the
      // page's change goes first), and typed again on the list it brings they are.
      await page.getByRole('button', { name: 'Löschen', exact: true }).click();
      await page.locator('main').getByText(`„${name}“ wurde gelöscht.`).waitFor();
      let release;
      const held = new Promise((resolve) => {
        release = resolve;
      });
      await page.route(/\/restore/, async (route) => {
        await held;
        await route.continue();
      });
      await page.getByRole('button', { name: 'Rückgängig' }).click();
      await search.fill(`Zzz${tag}`);
      await page.waitForTimeout(600);
      release();
      await page.locator('main').getByText(`„${name}“ ist wiederhergestellt.`).waitFor();
      assert.equal(await search.inputValue(), '');
      await search.fill(`Zzz${tag}`);
      await results.getByText(`Keine Treffer für „Zzz${tag}“.`).waitFor();
      // A space after the words is the same search (the server trims it): the results stay.
      const searches = [];
      page.on('request', (request) => {
        if (new URL(request.url()).searchParams.get('part') === 'results') searches.push(request.url());
      });
      await search.press('End');
      await page.keyboard.type(' ');
      await page.waitForTimeout(1000);
      assert.deepEqual(searches, []);

      // The script held back while words are typed (a slow network): once it runs, they are searched.
      let loaded;
      const script = new Promise((resolve) => {
        loaded = resolve;
      });
      await page.route(/\/static\/htmx-[0-9a-f]+\.min\.js/, async (route) => {
        await script;
        await route.continue();
      });
      await page.goto(listPath(BOOK), { waitUntil: 'commit' });
      await search.fill(`Qqq${tag}`);
      loaded();
      await results.getByText(`Keine Treffer für „Qqq${tag}“.`).waitFor();
    });
  });

  test('what was typed since, a list answer still on its way, a contact added meanwhile; without JS nothing; in English', async () => {
    const tag = tagged();
    const family = `Sonnleitner${tag}`;
    await withBrowser('selin', async ({ page }) => {
      await addContact(page, { last_name: family }, family);
      await page.goto(listPath(BOOK));
      const search = page.getByRole('searchbox');
      const results = page.locator('#results');
      // The book answers slowly: a word typed on meanwhile gets no suggestion for the first.
      let slowBook = true;
      await page.route('**/*.vcf?q=*', async (route) => {
        if (slowBook) await new Promise((resolve) => setTimeout(resolve, 1500));
        await route.continue();
      });
      let book = bookQuestions(page);
      await search.fill(`Sonnleitnr${tag}`);
      await results.getByText(`Keine Treffer für „Sonnleitnr${tag}“.`).waitFor();
      for (let wait = 0; book.asked === 0; wait += 1) {
        assert.ok(wait < 100, 'the book was asked');
        await page.waitForTimeout(50);
      }
      await search.fill(`Qualle${tag}zz`);
      await results.getByText(`Keine Treffer für „Qualle${tag}zz“.`).waitFor();
      await book.settled();
      assert.equal(await page.locator('.did-you-mean').count(), 0);
      slowBook = false;

      // The list's answer still on its way: the box of the last search says nothing of a word typed since.
      await search.fill(`Sonnleitnr${tag}`);
      await results.getByText(`Keine Treffer für „Sonnleitnr${tag}“.`).waitFor();
      let slowList = true;
      await page.route(/\/contacts\?/, async (route) => {
        if (slowList) await new Promise((resolve) => setTimeout(resolve, 3000));
        await route.continue();
      });
      await search.fill(`Sonnlietner${tag}`);
      book = bookQuestions(page);
      await book.settled();
      assert.equal(await page.locator('.did-you-mean').count(), 0, 'no suggestion under the old answer');
      slowList = false;
      await results.getByText(`Keine Treffer für „Sonnlietner${tag}“.`).waitFor();
      await page.locator('.did-you-mean').waitFor();
      assert.equal(await page.locator('.did-you-mean').textContent(), `Meinten Sie „${family}“?`);

      // A word the book did not have near it; a contact added in this page has it: the book is asked anew.
      const other = `Brandstetter${tag}`;
      book = bookQuestions(page);
      await search.fill(`Brandstätter${tag}x`);
      await results.getByText(`Keine Treffer für „Brandstätter${tag}x“.`).waitFor();
      await book.settled();
      assert.equal(await page.locator('.did-you-mean').count(), 0);
      await page.getByRole('link', { name: 'Neuen Kontakt hinzufügen' }).click();
      await fillContact(page, { last_name: other });
      await page.getByRole('button', { name: 'Speichern' }).click();
      await page.getByRole('heading', { level: 1, name: other }).waitFor();
      await page.getByRole('link', { name: /Zurück zu den Kontakten/ }).click();
      await page.getByRole('searchbox').fill(`Brandstätter${tag}x`);
      await page.locator('.did-you-mean').waitFor();
      assert.equal(await page.locator('.did-you-mean').textContent(), `Meinten Sie „${other}“?`);
    });
    await withBrowser(
      'selin',
      async ({ page }) => {
        await page.goto(`${listPath(BOOK)}?q=${encodeURIComponent(`Sonnleitnr${tag}`)}`);
        await page
          .locator('#results')
          .getByText(/Keine Treffer für/)
          .waitFor();
        await page.waitForTimeout(1500);
        assert.equal(await page.locator('.did-you-mean').count(), 0);
      },
      { javaScriptEnabled: false },
    );
    await withBrowser(
      'selin',
      async ({ page }) => {
        // A page loaded with the search (a link, a bookmark) offers it too.
        await page.goto(`${listPath(BOOK)}?q=${encodeURIComponent(`Sonnleitnr${tag}`)}`);
        await page.locator('.did-you-mean').waitFor();
        assert.equal(await page.locator('.did-you-mean').textContent(), `Did you mean “${family}”?`);
        await assertNoAxeViolations(page, 'no results with a suggestion');
      },
      // bypassCSP: axe is injected as an inline script.
      { locale: 'en-GB', bypassCSP: true },
    );
  });

  test('a German page\u2019s search answers in German after English was chosen in another tab (code review, stop 75)', async () => {
    await withBrowser('selin', async ({ page, context }) => {
      const tag = tagged();
      await addContact(page, { company: `Sprache ${tag}` }, `Sprache ${tag}`);
      await page.goto(listPath(BOOK));
      const other = await context.newPage();
      await other.goto(listPath(BOOK));
      await other.getByRole('button', { name: 'English' }).click();
      await other.getByRole('link', { name: 'Add new contact' }).waitFor();
      // The cookie says English now, for this tab too; its page is German, and so is what comes into it.
      assert.ok((await context.cookies()).some((cookie) => cookie.name === 'kontakte_lang' && cookie.value === 'en'));
      await page.getByRole('searchbox', { name: 'Kontakte durchsuchen' }).fill(`Zzyzx${tag}`);
      await page.locator('#results').getByText(`Keine Treffer für „Zzyzx${tag}“.`).waitFor();
      assert.equal(await page.locator('#results').getByText('No matches').count(), 0);
      // A whole page (a reload) takes the choice.
      await page.reload();
      await page.locator('html[lang="en"]').waitFor();
    });
  });

  test('the language switch at the foot goes back to the page shown now after htmx swaps; under a clash there is none (UX walkthrough, stop 77)', async () => {
    await withBrowser('selin', async ({ page }) => {
      const tag = tagged();
      const name = `Sprachweg ${tag}`;
      await addContact(page, { company: name }, name);
      await page.goto(`${listPath(BOOK)}?q=${encodeURIComponent(name)}`);
      await page.getByRole('link', { name }).first().click();
      await page.getByRole('heading', { level: 1, name }).waitFor();
      const card = new URL(page.url()).pathname;
      assert.match(card, /\/contacts\/[^/]+$/);
      // The card came by htmx; "English" takes this card to English, not the list loaded first.
      await page.getByRole('button', { name: 'English' }).click();
      await page.locator('html[lang="en"]').waitFor();
      assert.equal(new URL(page.url()).pathname, card);
      await page.getByRole('heading', { level: 1, name }).waitFor();
      // A form with errors (a POST's answer, no address of its own): no switch, as without JS.
      await page.getByRole('link', { name: 'Edit' }).first().click();
      await page.locator('#f-email').fill('no-at-sign');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.locator('.field-error').first().waitFor();
      // (Set once htmx's swap has settled: waited for, not read at once.)
      await page.locator('.foot').waitFor({ state: 'hidden' });
      // Back to the card (a GET): the switch is there again, for the card.
      await page.getByRole('link', { name: /Back to the contact/ }).click();
      await page.getByRole('heading', { level: 1, name }).waitFor();
      await page.locator('.foot').waitFor({ state: 'visible' });
      assert.equal(new URL(await page.locator('.foot form').getAttribute('action'), page.url()).searchParams.get('back'), card);
    });
  });

  test('too many searches (429): said above the field, the results and focus stay; the next answer takes it away (security review, stop 61)', async () => {
    await withBrowser('selin', async ({ page }) => {
      const tag = tagged();
      await addContact(page, { company: `Grenzfall ${tag}` }, `Grenzfall ${tag}`);
      await page.goto(listPath(BOOK));
      const field = page.getByRole('searchbox', { name: 'Kontakte durchsuchen' });
      await field.fill(`grenzfall ${tag}`);
      await page.locator('#count', { hasText: `1 Treffer für „grenzfall ${tag}“` }).waitFor();
      // The limiter is production's (wrangler.toml): here the answer it gives is put in place of the
      // server's, with the words test/search-limit.test.ts holds the Worker to.
      let refuse = true;
      await page.route(
        (url) => url.searchParams.has('q'),
        (route) =>
          refuse
            ? route.fulfill({
                status: 429,
                contentType: 'text/html; charset=utf-8',
                body: '<!DOCTYPE html><html lang="de"><body><main id="main"><section class="error" aria-labelledby="error-title"><h1 id="error-title" tabindex="-1" data-focus>Zu viele Suchen</h1><p>Sie haben in kurzer Zeit sehr viele Suchen gesendet. Bitte warten Sie einen Moment und suchen Sie dann erneut.</p></section></main></body></html>',
              })
            : route.continue(),
      );
      await field.fill(`grenzfal ${tag}`);
      const alert = page.getByRole('alert');
      await alert.waitFor();
      assert.equal(
        (await alert.textContent()).trim(),
        'Sie haben in kurzer Zeit sehr viele Suchen gesendet. Bitte warten Sie einen Moment und suchen Sie dann erneut.',
      );
      // The results of the last answer stay (the refusal swapped over them removed them), and so does focus.
      assert.ok(await page.locator('#count', { hasText: `1 Treffer für „grenzfall ${tag}“` }).isVisible());
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'q');
      assert.equal(await page.getByRole('heading', { name: 'Zu viele Suchen' }).count(), 0);
      refuse = false;
      await field.fill(`grenzfall ${tag} `);
      await field.fill(`grenzfall ${tag}`);
      await page.getByRole('button', { name: 'Suchen' }).click();
      await alert.waitFor({ state: 'detached' });
      assert.ok(await page.locator('#count', { hasText: `1 Treffer für „grenzfall ${tag}“` }).isVisible());
    });
  });
});

describe('a search that finds only a deleted contact', () => {
  test('leads to it on "Zuletzt gelöscht", marked, with JS as without (walkthrough, stop 76: the link emptied the search)', async () => {
    for (const javaScriptEnabled of [true, false]) {
      await withBrowser(
        'selin',
        async ({ page }) => {
          const name = `Verschwunden ${tagged()}`;
          await addContact(page, { company: name }, name);
          // Deleted (without JS through its confirmation page), then searched for as it was called.
          await page.getByRole(javaScriptEnabled ? 'button' : 'link', { name: 'Löschen', exact: true }).click();
          if (!javaScriptEnabled) await page.getByRole('button', { name: 'Ja, löschen' }).click();
          await page.getByText(`„${name}“ wurde gelöscht.`).first().waitFor();
          await page.goto(`${listPath(BOOK)}?q=${encodeURIComponent(name)}`);
          await page.getByText(`Keine Treffer für „${name}“`).waitFor();
          await page.getByRole('link', { name: 'Passende gelöschte Kontakte unter „Zuletzt gelöscht“ ansehen' }).click();
          await page.getByRole('heading', { level: 1, name: 'Zuletzt gelöscht' }).waitFor();
          const id = new URL(page.url()).hash.slice(1);
          assert.match(id, /^c-/, `the deleted page at the contact (${page.url()})`);
          const target = page.locator(`li#${id}`);
          assert.equal(await target.getByRole('heading', { level: 2 }).textContent(), name);
          // Marked (:target), and in view.
          assert.notEqual(await target.evaluate((li) => getComputedStyle(li).backgroundColor), 'rgba(0, 0, 0, 0)');
          assert.ok(await target.isVisible());
        },
        { ...PHONE, javaScriptEnabled },
      );
    }
  });
});
