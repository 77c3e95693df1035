import { raw } from '../../generated/hono-utils-html.js';
import { escapeHtml } from '../../views/escape';
import { icon, iconHtml } from '../../views/icon';
import * as React from '../../views/jsx-factory';
import type { Shell } from '../../views/shell';
import { fold, groupKey, parseQuery, phoneDigits, seeksWarranty } from '../keys';
import type { Contact, ContactPage, ListContact } from '../repository';
import { companyBeside, displayName } from '../vcard';
import { formatDate, LAST_DAYS, warrantyBadge } from '../warranty';
import { ExportActions, HelpLink } from './export-actions';
import { mailtoHref, notedPhones, telHref } from './format';

export interface Notice {
  kind: 'saved' | 'deleted' | 'restored';
  contact: Contact;
}

export interface ContactBookProps {
  shell: Shell;
  assetId: string;
  assetName: string;
  page: ContactPage;
  view: ListView;
  /** Today in Berlin (`YYYY-MM-DD`): the warranty badges depend on it. */
  today: string;
  /** What just happened (saved, deleted with undo, restored). */
  notice?: Notice;
  /** A page-level alert, e.g. the book is full. */
  alert?: string;
  /** What a write just did, e.g. an import undone. */
  done?: string;
  /** The contact `done` asks to look at ("Aktuelle Fassung ansehen"). */
  doneContact?: string;
  /** Just imported: how many, and the import to undo. */
  imported?: { count: number; importId: string };
  /** The page shown ("Weiter", "Mehr laden"): an undo returns to it. */
  paging?: Pick<ListFrom, 'after' | 'through'>;
  /** What others changed since this user's last visit, and the page that lists it. */
  changed?: { text: string; href: string };
}

/** The list page: heading, actions, notice, search and results. */
export function ContactBook(props: ContactBookProps) {
  const { shell, assetId, page, view, notice, today } = props;
  const { t, paths } = shell;
  const warranty = view.view === 'warranty';
  const isEmpty = page.total === 0 && view.q === '' && !page.continued && !warranty;
  // Nothing to export where the view shows nothing: an empty book's warranty view offered a .vcf that answered 404 (review).
  const noExport = page.total === 0 && view.q === '' && !page.continued;
  // Whether this page shows the contact its notice is about.
  const shown = notice !== undefined && page.contacts.some((contact) => contact.id === notice.contact.id);
  // After "Rückgängig" focus goes to the contact that is back (when this page shows it), not to the top.
  const back = notice?.kind === 'restored' && shown ? notice.contact.id : '';
  const quietLinks = (
    <p class="quiet-link">
      <a href={paths.upload(assetId)}>{t.importLink}</a>
      {page.hasDeleted ? (
        <a href={paths.deleted(assetId)} hx-get={paths.deleted(assetId)} hx-target="#main" hx-push-url="true">
          {t.deletedTitle}
        </a>
      ) : null}
    </p>
  );
  return (
    <section class="book" aria-labelledby="book-title">
      <div class="bar">
        <h1 id="book-title" tabindex={-1} data-focus={back ? undefined : true}>
          {warranty ? t.warranty.viewTitle : t.title}
        </h1>
        <div class="actions">
          <a
            class="button primary add"
            href={paths.newContact(assetId)}
            hx-get={paths.newContact(assetId)}
            hx-target="#main"
            hx-push-url="true"
          >
            {icon(paths, 'plus')}
            <span class="label">{t.add}</span>
          </a>
        </div>
      </div>
      {props.alert ? (
        <p class="alert" role="alert" data-announce={props.alert}>
          {props.alert}
        </p>
      ) : null}
      {props.done ? (
        <p class="notice" role="status" data-announce={props.done}>
          {props.done}
          {props.doneContact ? (
            <>
              {' '}
              <a href={paths.contact(assetId, props.doneContact)}>{t.current}</a>
            </>
          ) : null}
        </p>
      ) : null}
      {notice ? <NoticeBox shell={shell} assetId={assetId} notice={notice} from={{ ...view, ...props.paging }} shown={shown} /> : null}
      {props.imported ? (
        <div class="notice" role="status" data-announce={t.imported(props.imported.count)}>
          <p>{t.imported(props.imported.count)}</p>
          <UndoImport shell={shell} action={paths.undoImport(assetId, props.imported.importId)} />
        </div>
      ) : null}
      {props.changed ? (
        <p class="since">
          {props.changed.text}{' '}
          <a href={props.changed.href} hx-get={props.changed.href} hx-target="#main" hx-push-url="true">
            {t.sinceLink}
          </a>
        </p>
      ) : null}
      {noExport ? null : (
        <div class="export">
          <div class="actions">
            <ExportActions shell={shell} assetId={assetId} q={view.q} found={page.total} />
          </div>
          {/* What "Teilen" has to say (ready again, or not possible here) appears here. */}
          <p class="share-status" id="share-status" role="status"></p>
          <HelpLink shell={shell} assetId={assetId} none={view.q !== '' && page.total === 0} />
          {/* With the ways out, the ways in and back: above the list on a wide screen (not 300
              Tab stops away behind a long list), after it on a phone, as the export. */}
          {quietLinks}
        </div>
      )}
      {isEmpty ? (
        <EmptyState shell={shell} assetId={assetId} />
      ) : warranty ? (
        <WarrantyView shell={shell} assetId={assetId} page={page} view={view} today={today} focused={back} />
      ) : (
        <>
          {/* biome-ignore lint/a11y/useSemanticElements: <search> is too new for the browsers of older phones; role="search" is the same landmark */}
          <form role="search" method="get" action={paths.contacts(assetId)} class="search">
            <label for="q" class="sr-only">
              {t.search}
            </label>
            <div class="search-row">
              <input
                id="q"
                type="search"
                name="q"
                value={view.q}
                placeholder={t.searchHint}
                autocomplete="off"
                enterkeyhint="search"
                hx-get={paths.contacts(assetId)}
                // Not "changed": htmx remembers the last value typed, not one set by a tapped
                // "Meinten Sie", and typing that value again sent nothing (app.js sends nothing
                // for the words the results answer).
                hx-trigger="input delay:300ms, search"
                hx-target="#results"
                hx-swap="outerHTML"
                hx-vals='{"part":"results"}'
                hx-include="closest form"
                hx-sync="this:replace"
              />
              {view.group ? React.hidden('group', view.group) : null}
              <button type="submit">{t.find}</button>
            </div>
          </form>
          <ViewSwitch shell={shell} assetId={assetId} view={view} />
          <Results
            shell={shell}
            assetId={assetId}
            page={page}
            view={view}
            today={today}
            focused={back}
            deleted={notice?.kind === 'deleted' ? notice.contact.id : undefined}
          />
        </>
      )}
      {noExport ? quietLinks : null}
    </section>
  );
}

/**
 * By name or by position, with the search kept, and the warranty view. Active search sends it
 * again out of band (`oob`), so that it follows what was typed.
 */
export function ViewSwitch(props: { shell: Shell; assetId: string; view: ListView; oob?: boolean }) {
  const { shell, assetId, view } = props;
  const { t, paths } = shell;
  const warranty = view.view === 'warranty';
  const grouped = !warranty && view.group === 'position';
  // Every view, the one shown marked as such (not a link to itself; the warranty view's too,
  // review); on a phone it is said to screen readers only, so that the switch keeps to one line.
  const item = (current: boolean, label: string, href: string) =>
    current ? <span aria-current="true">{label}</span> : <a href={href}>{label}</a>;
  return (
    <p class="view-switch" id="view-switch" hx-swap-oob={props.oob ? 'true' : undefined}>
      {item(!warranty && !grouped, t.byName, paths.contacts(assetId, { q: view.q }))}
      <span class="sep"> · </span>
      {item(grouped, t.byPosition, paths.contacts(assetId, { q: view.q, group: 'position' }))}
      <span class="sep"> · </span>
      {item(warranty, t.warranty.viewTitle, paths.contacts(assetId, { view: 'warranty' }))}
    </p>
  );
}

/** What the list shows: the search, the grouping or the warranty view (the cursor is the page's own). */
export interface ListView {
  q: string;
  group?: 'position';
  view?: 'warranty';
}

/** A list as a delete or its undo returns to it: the view and the page it showed. */
export interface ListFrom extends ListView {
  after?: string;
  through?: string;
}

/**
 * `?view=warranty`: every contact with a warranty end (running ones first), and the same ends as a
 * calendar file to download, with a link to the help a buyer needs to import it (…/help/calendar).
 */
function WarrantyView(props: { shell: Shell; assetId: string; page: ContactPage; view: ListView; today: string; focused?: string }) {
  const { shell, assetId, page, view, today } = props;
  const { t, paths } = shell;
  const calendar = paths.calendar(assetId);
  return (
    <>
      <ViewSwitch shell={shell} assetId={assetId} view={view} />
      <p>{t.warranty.viewText}</p>
      {page.total === 0 && !page.continued ? (
        <p class="empty">{t.warranty.empty}</p>
      ) : (
        <>
          <p class="actions">
            <a class="button" href={calendar} download>
              {t.warranty.download}
            </a>
          </p>
          <p class="help">
            <a href={paths.help(assetId, 'calendar')}>{t.warranty.helpTitle}</a>
          </p>
          <Results shell={shell} assetId={assetId} page={page} view={view} today={today} focused={props.focused} />
        </>
      )}
    </>
  );
}

/** warranty.ics of a book without a warranty end (404): what the warranty view says then. */
export function NoWarrantyEnds(props: { shell: Shell; assetId: string }) {
  const { t, paths } = props.shell;
  return (
    <section aria-labelledby="no-ends-title">
      <Crumb href={paths.contacts(props.assetId, { view: 'warranty' })} label={t.warranty.backToList} />
      <h1 id="no-ends-title" tabindex={-1} data-focus>
        {t.warranty.viewTitle}
      </h1>
      <p>{t.warranty.empty}</p>
    </section>
  );
}

/** contacts.vcf when there is nothing to put in it (404): the list's own words, and the way back. */
export function NothingToExport(props: { shell: Shell; assetId: string; q: string }) {
  const { t, paths } = props.shell;
  return (
    <section aria-labelledby="no-export-title">
      <Crumb href={paths.contacts(props.assetId, { q: props.q })} label={t.backToList} />
      <h1 id="no-export-title" tabindex={-1} data-focus>
        {props.q ? t.noHits(props.q) : t.emptyTitle}
      </h1>
      <p>{t.noExport}</p>
    </section>
  );
}

/** The search results: what active search swaps; its count is announced. */
export function Results(props: {
  shell: Shell;
  assetId: string;
  page: ContactPage;
  view: ListView;
  today: string;
  focused?: string;
  /** Above, the notice of this contact's delete, with its undo and its way to "Zuletzt gelöscht". */
  deleted?: string;
}) {
  const { shell, assetId, page, view, today } = props;
  const { t, paths } = shell;
  const first = paths.contacts(assetId, { q: view.q, group: view.group, view: view.view });
  return (
    // The words the results answer (trimmed as the server reads them): app.js sends nothing typed that they answer.
    <div id="results" data-q={view.q}>
      {view.q && page.total === 0 ? (
        // The words it answers, for the "Meinten Sie" of src/client/app.js.
        <div class="no-results" role="status" data-q={view.q}>
          <p>
            {t.noHits(view.q)}.{' '}
            <a href={paths.contacts(assetId, { group: view.group })} data-clear="">
              {t.clear}
            </a>
          </p>
          {/* Not what a search matches nor the way to the contact just deleted, beside its notice
              (UX walkthrough, stop 79: after a delete from a card found by its name, "Keine Treffer"
              read as a failure, with "Zuletzt gelöscht" three times on the page). */}
          {props.deleted ? null : <p class="hint">{t.scope}</p>}
          {/* Deleted by a co-buyer, and still kept: the way to bring it back (walkthrough, stop 75). */}
          {/* At the latest match (a whole page: the browser goes to its place, and it is marked). */}
          {page.deletedMatch && page.deletedMatch !== props.deleted ? (
            <p>
              <a href={`${paths.deleted(assetId)}#c-${page.deletedMatch}`}>{t.goneMatch}</a>
            </p>
          ) : null}
        </div>
      ) : (
        <>
          {/* A page after "Weiter" (without JS) says where it starts: the total is the book's. */}
          <Count
            shell={shell}
            page={page}
            view={view}
            from={page.continued && page.contacts[0] ? displayName(page.contacts[0]) : undefined}
          />
          <ul class="contacts" id="rows">
            <li class="head" aria-hidden="true">
              <span>{t.columns.name}</span>
              <span>{t.columns.meta}</span>
              <span>{t.fields.phone}</span>
              <span>{t.fields.email}</span>
            </li>
            <Rows shell={shell} assetId={assetId} page={page} view={view} today={today} focused={props.focused} />
          </ul>
        </>
      )}
      {page.continued || page.next ? (
        <nav class="pages" aria-label={t.paging}>
          {/* Buttons, as "Mehr laden" is with JS: one way to page in either case. */}
          {page.continued ? (
            <a class="button" href={first}>
              {t.toStart}
            </a>
          ) : null}
          {page.next ? (
            <a class="button" href={paths.contacts(assetId, { ...view, after: page.next })}>
              {t.next}
            </a>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}

/**
 * How many contacts the list (or search, or warranty view) holds. "Mehr laden" sends it again out
 * of band (`oob`) when co-buyers added or deleted some since the page was loaded.
 */
export function Count(props: { shell: Shell; page: ContactPage; view: ListView; oob?: boolean; from?: string }) {
  const { shell, page, view } = props;
  const { t } = shell;
  return (
    <p class="count" role="status" id="count" hx-swap-oob={props.oob ? 'true' : undefined}>
      {view.view === 'warranty' ? t.warranty.count(page.total) : view.q ? t.found(page.total, view.q) : t.count(page.total)}
      {/* The order shown, also on a phone, where the switch names only the others (walkthrough, stop 68). */}
      {view.view !== 'warranty' && view.group === 'position' ? t.grouped : null}
      {props.from ? t.countFrom(props.from) : null}
    </p>
  );
}

/**
 * The letter a row of the name order files under: the first letter of its sort key (umlauts and
 * accents already folded there, so "Ärzte" sits under A as in the order), "#" for anything else.
 */
export function letterOf(contact: Pick<Contact, 'sortKey'>): string {
  // The stored key (what the list is ordered by), not one computed again for every row.
  const first = String.fromCodePoint(contact.sortKey.codePointAt(0) ?? 35).toUpperCase();
  if (first >= 'A' && first <= 'Z') return first;
  // Digits (and a name of signs only, which the key leaves empty) sort before "A" (one "#" at the
  // start); letters of other scripts after "Z",
  // each under its own letter ("Ж"), so that "#" never stands at both ends.
  return first > 'Z' && /\p{L}/u.test(first) ? first : '#';
}

/**
 * Rows of one page plus the "Mehr laden" item that fetches the next page's rows in its place.
 * Rows loaded that way mark their first link, where keyboard focus continues. A heading starts
 * each section: the letter in the name order, the position when grouped (`previous` is the
 * section of the last row of the page before, so no heading repeats).
 */
export function Rows(props: {
  shell: Shell;
  assetId: string;
  page: ContactPage;
  view: ListView;
  today: string;
  loadedMore?: boolean;
  previous?: string;
  /** The row whose link takes focus after the swap (a contact brought back). */
  focused?: string;
}) {
  const { shell, assetId, page, view } = props;
  // The warranty view judges every row and its heading by the day its order splits at (review).
  const today = page.day ?? props.today;
  const next = page.next ? shell.paths.contacts(assetId, { ...view, after: page.next }) : undefined;
  const noMore = shell.t.noMore(view.q !== '');
  let group = props.previous;
  // One string for all rows (plain strings, escaped as hono/html does): no escaped String object
  // per row and per piece of it, and one child for the renderer.
  let rows = '';
  const showEnd = page.order === 'warranty' || seeksWarranty(view.q);
  const grouped = page.order === 'position' || page.order === 'searchPosition';
  // A number searched for ("0171 23"): the row shows the number it matched, also on a phone
  // (walkthrough, stop 74: nothing said which of a contact's numbers it was).
  const terms = view.q ? parseQuery(view.q) : [];
  const numbers = terms.flatMap((term) => (term.kind === 'phone' && term.digits.length > 2 ? [term.digits] : []));
  // And the words a label of the notes may hold ("Notdienst"), folded.
  const words = terms.flatMap((term) => (term.kind === 'text' && term.word.length > 2 ? [fold(term.word)] : []));
  const contacts = contactsHref(shell, assetId);
  for (let index = 0; index < page.contacts.length; index++) {
    const contact = page.contacts[index] as ListContact;
    const row = contactRowHtml({
      shell,
      assetId,
      contact,
      contacts,
      today,
      showEnd,
      grouped,
      numbers,
      words,
      focus:
        props.loadedMore === true && index === 0
          ? shell.t.loaded(page.contacts.length, page.order === 'search' || page.order === 'searchPosition')
          : undefined,
      focused: contact.id === props.focused,
    });
    if (page.order === 'search') {
      rows += row;
      continue;
    }
    // Grouped, rows are ordered by the position's dictionary form: "Fliesenleger" and
    // "fliesenleger" are one group, headed as its first row writes it. The warranty view heads the
    // running ones and the ended ones, which follow (UX walkthrough, stop 78: only the ended had a
    // heading, so a screen reader's jump by headings skipped the running ones).
    const section =
      page.order === 'warranty'
        ? contact.warrantyUntil < today
          ? 'ended'
          : 'running'
        : page.order === 'name'
          ? letterOf(contact)
          : groupKey(contact.position);
    if (section === group) {
      rows += row;
      continue;
    }
    group = section;
    const heading =
      page.order === 'warranty'
        ? shell.t.warranty[section as 'ended' | 'running']
        : page.order === 'name'
          ? section
          : contact.position.trim() || shell.t.noPosition;
    rows += `<li class="group"><h2>${escapeHtml(heading)}</h2></li>${row}`;
  }
  return (
    <>
      {raw(rows)}
      {next ? (
        <li class="more">
          <a
            class="button"
            href={next}
            hx-get={next}
            hx-vals={JSON.stringify({ part: 'rows', previous: group ?? '', total: page.total })}
            hx-target="closest li"
            hx-swap="outerHTML"
          >
            {shell.t.loadMore}
          </a>
        </li>
      ) : page.contacts.length === 0 && (props.loadedMore || page.continued) ? (
        // Nothing after the rows shown (a co-buyer deleted the rest meanwhile): said where "Mehr
        // laden" stood, and keyboard focus stays there (search review, stop 62: the button stayed
        // and did nothing; without JS "Weiter" led to an empty page).
        <li class="more end" tabindex={-1} data-focus-row={props.loadedMore ? noMore : undefined}>
          {noMore}
        </li>
      ) : null}
    </>
  );
}

/** "Position · Unternehmen" under a name (the company only where it is not the name itself). */
export function metaLine(contact: Pick<Contact, 'position' | 'firstName' | 'lastName' | 'company'>): string {
  return [contact.position, companyBeside(contact)].filter(Boolean).join(' · ');
}

/**
 * The warranty line of a row: a quiet badge when the warranty ends within 6 months, a strong one
 * when it ended within the last 30 days (warrantyBadge), else in the warranty view the plain end
 * (or that it ended).
 */
export function warrantyLine(shell: Shell, until: string, today: string, showEnd: boolean) {
  const line = warrantyHtml(shell, until, today, showEnd);
  return line === '' ? '' : raw(line);
}

/** The same line's markup as a string ('' for none). */
function warrantyHtml(shell: Shell, until: string, today: string, showEnd: boolean): string {
  if (until === '') return '';
  const badge = warrantyBadge(until, today);
  const date = formatDate(until, shell.t.locale);
  if (badge === 'endsSoon') {
    // The last 14 days: strong, and how many are left ("endet in 12 Tagen"), as reminders are
    // then due (UX review: today's end looked as calm as one half a year away).
    const left = (Date.parse(until) - Date.parse(today)) / 864e5;
    return left <= LAST_DAYS
      ? `<span class="wb due">${escapeHtml(shell.t.warranty.badge.endsIn(left, date))}</span>`
      : `<span class="wb">${escapeHtml(shell.t.warranty.badge.endsSoon(date))}</span>`;
  }
  if (badge === 'endedRecently') return `<span class="wb ended">${escapeHtml(shell.t.warranty.badge.endedRecently(date))}</span>`;
  // Ended longer ago: said as ended, quietly, so it is never read as still running. A later end
  // in the badge's words ("endet am", glossary: the view mixed it with "bis", UX review).
  return showEnd
    ? `<span class="wb plain">${escapeHtml((until < today ? shell.t.warranty.badge.endedRecently : shell.t.warranty.badge.endsSoon)(date))}</span>`
    : '';
}

/**
 * One row of the list: the name link is stretched over the whole row by CSS (it opens the
 * contact, also without JS); the round call and e-mail buttons sit above it. On wide screens
 * the same markup is a table row (CSS grid). Written as a plain string (every text escaped as
 * hono/html escapes it) instead of JSX: it runs up to 100 times per page, and building JSX nodes
 * costs about 2.7 times as much as an escaping template, which costs more than this.
 */
export function ContactRow(props: RowProps) {
  return raw(contactRowHtml(props));
}

export interface RowProps {
  shell: Shell;
  assetId: string;
  contact: ListContact;
  today: string;
  showEnd?: boolean;
  /** Under its position's heading: the row does not say the position again (review). */
  grouped?: boolean;
  /** Keyboard focus goes on to this row after "Mehr laden"; the text is read out. */
  focus?: string;
  focused?: boolean;
  /** The canonical digits of the numbers searched for. */
  numbers?: string[];
  /** The words searched for, folded. */
  words?: string[];
  /** contactsHref's, worked out once for all rows of a page. */
  contacts?: string;
}

/**
 * A contact's link but its id, escaped: `paths.contact(assetId, id)` is this and the id
 * URI-encoded, and escaping is per character, so a row adds its id's escaped (a link and its
 * escaping per row were 2-3 % of a list of 50).
 */
const contactsHref = (shell: Shell, assetId: string) => escapeHtml(shell.paths.contact(assetId, ''));

function contactRowHtml(props: RowProps): string {
  const { shell, assetId, contact } = props;
  const { t, paths } = shell;
  const href = (props.contacts ?? contactsHref(shell, assetId)) + escapeHtml(encodeURIComponent(contact.id));
  // Escaped once for its three places: the catalogs' "… anrufen" and "E-Mail an …" add no character
  // to escape (test/list-rows.test.ts, hostile names in both languages), and escaping each whole
  // label again made V8 flatten and scan it (about 8 µs of the list of 50's rows in Node).
  const name = escapeHtml(displayName(contact));
  // The position and the firm apart: on a phone each keeps half of the line at least, the shorter
  // one whole (src/views/styles.css: the trade is what a buyer looks for, the firm tells rows apart);
  // a line of two would leave fewer than 8 rows on the first screen.
  const position = props.grouped ? '' : contact.position;
  const firm = companyBeside(contact);
  const meta =
    position && firm
      ? `<span>${escapeHtml(position)}</span><span> · </span><span>${escapeHtml(firm)}</span>`
      : position || firm
        ? `<span>${escapeHtml(position || firm)}</span>`
        : '';
  // The phone, else the mobile; the mobile where only it holds a number searched for (each
  // number's digits worked out once, and only for such a search: code review, stop 75).
  const { numbers, words } = props;
  const hit = (number: string) => numbers?.length && number !== '' && numbers.some((digits) => phoneDigits(number).includes(digits));
  const phoneHit = hit(contact.phone);
  const mobileHit = hit(contact.mobile);
  const mobile = !contact.phone || (mobileHit && !phoneHit);
  // A number of the notes (notedPhones) that the search found there, where the phone's and the
  // mobile's were not: "Notdienst" shows and dials the emergency line, not the office
  // (walkthrough, stop 82, M1; only a search's rows carry the notes). The line whose number
  // holds the digits searched for, else the one whose label has the most words searched for that
  // the row's name, position and firm do not hold, each from a word's start, the first of equals
  // (code review, stop 83: the first label with any word won, and "Bad" took a "Badausstellung");
  // an import's "Weitere Telefonnummer (…)" by the brackets' words.
  let noted: { label: string; number: string } | undefined;
  if (contact.notes && !phoneHit && !mobileHit) {
    const head = fold(`${displayName(contact)} ${contact.position} ${contact.company}`);
    const sought = words?.filter((word) => !head.includes(word)) ?? [];
    let best = 0;
    if (numbers?.length || sought.length)
      for (const line of notedPhones(contact.notes)) {
        const said = ` ${fold(line.label).replace(/\W+/g, ' ')}`;
        const score = hit(line.number) ? 99 : sought.filter((word) => said.includes(` ${word}`)).length;
        if (score > best) {
          best = score;
          noted = line;
        }
      }
  }
  const phone = noted ? noted.number : mobile ? contact.mobile : contact.phone;
  const call = phone
    ? `<a class="round" href="${escapeHtml(telHref(phone))}">${iconHtml(paths, 'call')}<span class="sr-only">${t.callName(
        noted ? `${name} (${escapeHtml(noted.label)})` : name,
      )}</span></a>`
    : '';
  const mail = contact.email
    ? `<a class="round" href="${escapeHtml(mailtoHref(contact.email))}">${iconHtml(paths, 'mail')}<span class="sr-only">${t.mailName(name)}</span></a>`
    : '';
  // Empty cells are left out: on wide screens each cell has its own grid column.
  return `<li class="contact" id="c-${escapeHtml(contact.id)}"><a class="name" href="${href}" hx-get="${href}" hx-target="#main" hx-push-url="true"${
    props.focus ? ` data-focus-row="${escapeHtml(props.focus)}"` : props.focused ? ' data-focus' : ''
  }>${name}</a>${meta && `<span class="meta">${meta}</span>`}${warrantyHtml(shell, contact.warrantyUntil, props.today, props.showEnd === true)}${
    // The number column says when its number is the mobile (review: it looked like the phone), before
    // it as the phone list and the import's preview do (walkthrough, stop 68: it came after here).
    phone
      ? `<span class="tel${noted || (mobile ? mobileHit : phoneHit) ? ' hit' : ''}">${
          noted ? `${escapeHtml(noted.label)} ` : mobile ? `${escapeHtml(t.callMobile)} ` : ''
        }${escapeHtml(phone)}</span>`
      : ''
  }${contact.email ? `<span class="mail">${escapeHtml(contact.email)}</span>` : ''}${call || mail ? `<span class="acts">${call}${mail}</span>` : ''}</li>`;
}

function EmptyState(props: { shell: Shell; assetId: string }) {
  const { t, paths } = props.shell;
  return (
    <div class="empty">
      <h2>{t.emptyTitle}</h2>
      <p>{t.emptyText}</p>
      <p>
        <a
          class="button primary"
          href={paths.newContact(props.assetId)}
          hx-get={paths.newContact(props.assetId)}
          hx-target="#main"
          hx-push-url="true"
        >
          {t.addFirst}
        </a>
      </p>
    </div>
  );
}

function NoticeBox(props: { shell: Shell; assetId: string; notice: Notice; from: ListFrom; shown: boolean }) {
  const { shell, assetId, notice } = props;
  const { t, paths } = shell;
  const name = displayName(notice.contact);
  // "„…“ wurde gespeichert.", "… gelöscht.", "… ist wiederhergestellt.": the catalog's text of that name.
  const text = t[notice.kind](name);
  return (
    <div class="notice" data-announce={text} data-draft-clear={notice.kind === 'saved' ? paths.contacts(assetId) : undefined}>
      <p>{text}</p>
      {notice.kind === 'deleted' ? (
        <>
          <PostButton action={paths.restore(assetId, notice.contact.id, props.from)} label={t.undo} version={notice.contact.version} />
          {/* Where deleted contacts stay 30 days, beside the undo (UX walkthrough, stop 78: the way
              there stood only at the page's foot). */}
          <p>
            <a href={paths.deleted(assetId)}>{t.deletedTitle}</a>
          </p>
        </>
      ) : !props.shown ? (
        // Back in a list that does not show it (a search it does not match, a later page): the
        // way to it (walkthrough, stop 67: "wiederhergestellt" above "Keine Treffer").
        <p>
          <a href={paths.contact(assetId, notice.contact.id)}>{t.show}</a>
        </p>
      ) : null}
    </div>
  );
}

/**
 * "Import rückgängig" deletes for good what nobody changed since: two steps, also without JS, as
 * "Endgültig löschen" (one tap on the import page deleted a whole import by mistake: UX review).
 */
export function UndoImport(props: { shell: Shell; action: string }) {
  const { t } = props.shell;
  // The warning is the confirmation's description, as on "Endgültig löschen".
  const warning = `undo-${props.action.split('/').at(-2) ?? 'import'}`;
  return (
    <details class="help undo-import">
      <summary>{t.importUndo}</summary>
      <form {...React.postForm(props.action)}>
        <p class="hint" id={warning}>
          {t.undoWarning}
        </p>
        <button type="submit" class="danger" aria-describedby={warning}>
          {t.undoConfirm}
        </button>
      </form>
    </details>
  );
}

/**
 * One button that posts and takes the page ("Rückgängig"). Without JS the form posts as it is;
 * with htmx the answer replaces #main and is read out, and the button waits.
 */
export function PostButton(props: {
  action: string;
  label: string;
  primary?: boolean;
  version: number;
  /** One more field the post carries (the undo of a restore says it is one). */
  hidden?: { name: string; value: string };
}) {
  return (
    <form {...React.postForm(props.action)}>
      {React.hidden('version', props.version)}
      {props.hidden ? React.hidden(props.hidden.name, props.hidden.value) : null}
      <button type="submit" class={props.primary ? 'primary' : undefined}>
        {props.label}
      </button>
    </form>
  );
}

/**
 * "← Zurück …" above a page's heading. `swap`: with htmx the page it leads to replaces #main and
 * takes the address; without it, a whole page load (the list's row anchor then works).
 */
export function Crumb(props: { href: string; label: string; swap?: boolean }) {
  const { href, swap } = props;
  return (
    <p class="crumb">
      <a href={href} hx-get={swap ? href : undefined} hx-target={swap ? '#main' : undefined} hx-push-url={swap ? 'true' : undefined}>
        <span aria-hidden="true">← </span>
        {props.label}
      </a>
    </p>
  );
}
