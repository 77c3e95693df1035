import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Child } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { bookmarkSetCookie, overHttps, StorageUnavailableError } from '../db/client';
import type { AppEnv } from '../env';
import { getCookie } from '../generated/hono-cookie.js';
import type { Messages } from '../i18n';
import type { Done, ListQuery } from '../paths';
import * as React from '../views/jsx-factory';
import { render, wantsFragment } from '../views/render';
import { type MergeNotice, type Replaced, valueHash } from './edits';
import { FIELDS, type FieldName } from './fields';
import { type Contact, listContacts, rebuildOldKeys, type Version } from './repository';
import { displayName } from './vcard';
import { ContactDetail } from './views/contact-detail';
import { ContactForm, type ContactFormProps } from './views/contact-form';
import { ContactBook, type ListFrom, type ListView, type Notice } from './views/contact-list';
import { fieldText, formatDateTime, listed } from './views/format';
import { berlinToday } from './warranty';

/**
 * The contact book's pages as answers: what a route returns once it knows what happened. Each
 * takes the request context only for the shell and the answer's headers; views stay pure.
 */

/** What a form page shows: the form's own props, less what the page supplies. */
export type FormPage = Omit<ContactFormProps, 'shell' | 'assetId' | 'notice' | 'heading'> & { heading?: string };

/** The contact form as a page; `assetId` defaults to the route's asset (there is none without a session). */
export function formPage(
  c: Context<AppEnv>,
  status: 200 | 401 | 404 | 409 | 422 | 429 | 503,
  form: FormPage & { notice?: Child },
  assetId = c.get('asset').id,
) {
  const shell = c.get('shell');
  // The form's heading, and the page's title as it says (review: a contact deleted meanwhile was titled "Neuen Kontakt hinzufügen").
  const { t } = shell;
  const title =
    form.heading ??
    // Completed from an upload's card: named as the preview's link is (UX walkthrough, stop 74: "… bearbeiten").
    (form.mode.kind === 'edit'
      ? (form.mode.from ? t.previewComplete : t.editTitle)(form.mode.name)
      : form.mode.kind === 'gone'
        ? t.goneTitle
        : t.add);
  // Its errors said in its title too, as its announcement says them: for a tab list and a reload (a11y review, stop 63).
  const count = Object.keys(form.errors ?? {}).length;
  return render(c, {
    status,
    title: count ? `${t.toFix(count)} ${title}` : title,
    form: true,
    body: <ContactForm shell={shell} assetId={assetId} {...form} heading={title} />,
  });
}

/**
 * Runs a write and, when storage is unavailable (503) or the user's write limit refused it before
 * it wrote (429, src/security/rate-limit.ts), answers with the form again: everything typed is
 * kept, ready to be sent once more (the form token and version make that safe).
 */
export async function keepingInput(c: Context<AppEnv>, form: FormPage, write: () => Promise<Response>): Promise<Response> {
  try {
    return await write();
  } catch (error) {
    const { t } = c.get('shell');
    const limited = error instanceof HTTPException && error.status === 429;
    if (!limited && !(error instanceof StorageUnavailableError)) throw error;
    if (!limited) {
      const cause = error.cause instanceof Error ? error.cause.message : 'unknown';
      console.error(JSON.stringify({ level: 'error', requestId: c.get('requestId'), message: 'storage unavailable', error: cause }));
    }
    const page = limited ? t.errors.tooMany : t.errors.down;
    return formPage(c, limited ? 429 : 503, {
      ...form,
      unsaved: true,
      heading: page.title,
      // The form is this page: not the words that send the user Back to it (tooMany.text).
      message: `${limited ? t.errors.tooMany.inPlace : page.text} ${t.errors.down.inputKept}`,
    });
  }
}

/** The list page (or its body for htmx). */
export async function listPage(
  c: Context<AppEnv>,
  view: ListFrom,
  extra: {
    notice?: Notice;
    alert?: string;
    done?: string;
    doneContact?: string;
    status?: ContentfulStatusCode;
    imported?: { count: number; importId: string };
  } = {},
) {
  const shell = c.get('shell');
  const asset = c.get('asset');
  // What others changed since the last visit: on the book's first page (no search, no view).
  const since = view.q || view.view || view.after ? undefined : lastVisit(c);
  const page = await listContacts(c.get('db'), asset.id, {
    query: view.q,
    group: view.group,
    view: view.view,
    after: view.after,
    through: view.through,
    since: since === undefined ? undefined : { at: since, me: c.get('session').userId },
  });
  rememberList(c, view);
  const { t, paths } = shell;
  const changed = page.changed;
  const found = view.q ? (page.total ? t.found(page.total, view.q) : t.noHits(view.q)) : '';
  const before = view.view === 'warranty' ? t.warranty.viewTitle : found;
  // Rows whose keys an older format built are rebuilt after the answer (read-repair).
  if (page.staleKeys) c.executionCtx.waitUntil(rebuildOldKeys(c.get('db'), asset.id).catch(() => 0));
  return render(c, {
    status: extra.status,
    list: true,
    // "Lindenhof, Wohnung 12 · Kontakte": the book's heading is the app's name, said once; a
    // search says what it found first (search review, stop 62: every search had the book's
    // title, in the history and for a screen reader, WCAG 2.4.2).
    title: before ? `${before} · ${asset.name || asset.id}` : asset.name || asset.id,
    body: (
      <ContactBook
        shell={shell}
        assetId={asset.id}
        assetName={asset.name || asset.id}
        page={page}
        view={{ q: view.q, group: view.group, view: view.view }}
        paging={{ after: view.after, through: view.through }}
        today={berlinToday(new Date())}
        notice={extra.notice}
        alert={extra.alert}
        done={extra.done}
        doneContact={extra.doneContact}
        imported={extra.imported}
        changed={
          changed && since !== undefined
            ? {
                // "hat Jonas Müller einen Kontakt hinzugefügt, 2 geändert und einen gelöscht".
                // Past the 100 latest versions the counts would be short: said as many (UX walkthrough, stop 77).
                text: t.since(
                  listed(t, changed.by),
                  changed.by.length,
                  changed.many
                    ? t.sinceMany
                    : listed(
                        t,
                        changed.counts
                          .flatMap((n, kind) => (n ? [kind] : []))
                          .map((kind, at) => t.sinceDone(changed.counts[kind] ?? 0, kind, !at)),
                      ),
                ),
                href: paths.changes(asset.id, since),
              }
            : undefined
        }
      />
    ),
  });
}

const SEEN_COOKIE = 'kontakte_seen';
/** A visit ends after this long without the list opened. */
const VISIT_GAP = 30 * 60_000;
/**
 * What a new visit's "since" reaches back before the last one's end: a co-buyer's change stamped
 * by another Worker's clock, or not yet on the replica a read reached, is said in the next visit
 * too rather than never (code review, stop 76).
 */
const SINCE_MARGIN = 60_000;

/**
 * The time of this user's last visit to the book, if they have been here before in this browser
 * (co-buyer walkthrough, stop 75: nothing said what a co-buyer had changed meanwhile). The list
 * keeps since when this visit tells news and when the list was last opened, and whose visit it is
 * (a hash of the user id: co-buyers may share a tablet), in a cookie of the book's path (no write
 * to D1: a list is one read); after 30 minutes without it a new visit starts, whose "since" is the
 * last one's end (less the margin); the page of changes moves it to the time it was shown (seen).
 */
function lastVisit(c: Context<AppEnv>): number | undefined {
  const now = Date.now();
  const who = valueHash(c.get('session').userId);
  const [first = '', last = '', whose] = (getCookie(c, SEEN_COOKIE) ?? '').split('.');
  const [from, to] = [Number.parseInt(first, 36), Number.parseInt(last, 36)];
  // Another user's, unreadable, or from the future (a clock set wrong): a first visit.
  const known = whose === who && from <= to && to <= now + 5 * 60_000;
  const since = known ? (now - to > VISIT_GAP ? to - SINCE_MARGIN : from) : undefined;
  // Written at most once a minute: most list views send no cookie.
  if (!known || now - to > 60_000) seenVisit(c, since ?? now, now);
  return since;
}

/** The visit's cookie: news since `since`, the list last opened at `last`. */
export function seenVisit(c: Context<AppEnv>, since: number, last: number) {
  const list = c.get('shell').paths.contacts(c.get('asset').id);
  const value = `${since.toString(36)}.${last.toString(36)}.${valueHash(c.get('session').userId)}`;
  c.header('Set-Cookie', `${bookmarkSetCookie(SEEN_COOKIE, value, list, overHttps(c.req.url))}; Max-Age=34560000`, {
    append: true,
  });
}

/** "Jonas Müller hat inzwischen die Telefonnummer und die Notizen geändert – beides ist übernommen." */
export function mergedMessage(t: Messages, notice: MergeNotice, message = t.merged): string {
  const list = (items: readonly string[]) => listed(t, items);
  const fields = (names: readonly FieldName[]) => list(names.map((name) => t.inText[name]));
  // What this user saved meanwhile in another window is said as such (review: it said "Ein anderer
  // Käufer hat", or, with a co-buyer's save between, credited it to him).
  const own = notice.own?.length ? message(t.yourself, fields(notice.own), notice.own.length, 2) : '';
  // Several co-buyers, each with the fields they changed, in one sentence ("Jonas Müller hat
  // inzwischen die Telefonnummer, Lena Schulz die E-Mail-Adresse geändert": walkthrough, stop 76,
  // "Jonas Müller und Lena Schulz haben …" credited both with both; UX walkthrough, stop 77, a
  // sentence each took eight lines on a phone).
  const { whose } = notice;
  const each = (whose ? notice.by : [])
    .map((name) => [name, notice.fields.filter((field) => whose?.get(field) === name)] as const)
    .filter(([, named]) => named.length);
  const theirs = !notice.fields.length
    ? ''
    : each.length
      ? message(
          each[0]?.[0] ?? '',
          each.map(([by, named], at) => (at ? `${by} ` : '') + fields(named)).join(', '),
          each.reduce((sum, [, named]) => sum + named.length, 0),
          1,
        )
      : message(notice.by.length ? list(notice.by) : t.yourself, fields(notice.fields), notice.fields.length, notice.by.length || 2);
  const unknown = notice.unknown?.length ? message(t.someone, fields(notice.unknown), notice.unknown.length, 1) : '';
  return [theirs, unknown, own].filter(Boolean).join(' ');
}

/**
 * What the card says after a save ("gespeichert", "wiederhergestellt"), after what the merge
 * took over from co-buyers if it did; a restore says first what it restored.
 */
export function savedMessage(
  t: Messages,
  contact: Contact,
  done: Done = 'saved',
  merged?: MergeNotice,
  restored?: Version,
  replaced?: Replaced,
): string {
  const name = displayName(contact);
  // Brought back by someone else already (this restore from a page left open wrote nothing): said
  // so, as the list's undo says it, not as this user's restore with a co-buyer's change "taken
  // over" (co-buyer review, stop 62; without JS it said only "ist wiederhergestellt").
  if (done === 'back') return t.backAlready(name, contact.updatedByName, formatDateTime(t.locale, contact.updatedAt));
  const said =
    done === 'saved'
      ? t.saved(name)
      : done === 'restored'
        ? t.restored(name)
        : done === 'undone'
          ? t.restoreUndone(name)
          : // Which version came back, by its date and author (walkthrough, stop 70: "die frühere Fassung" named none).
            t.reverted(name, restored && `${formatDateTime(t.locale, restored.createdAt)} (${restored.authorName})`);
  // What was saved first, then what a co-buyer's change added to it ("gespeichert" said once).
  if (merged) return `${said} ${mergedMessage(t, merged)}`;
  // Others' values a save over a conflict's comparison replaced, each with the value it had (the
  // notes by name only: they may be long), under who saved it; one whose author is not known first ("Jemand").
  if (!replaced) return said;
  const parts = replaced.parts.toSorted((a, b) => Number(a.by !== undefined) - Number(b.by !== undefined));
  const fieldsOf = (fields: readonly FieldName[]) =>
    listed(
      t,
      FIELDS.filter((spec) => fields.includes(spec.name)).map((spec) => {
        const value = spec.name === 'notes' ? '' : replaced.values[spec.name];
        const field = t.inText[spec.name];
        return value ? t.replacedValue(field, fieldText(spec, value, t.locale)) : field;
      }),
    );
  return `${said} ${t.replaced(
    parts.map((part) => [part.by ?? t.someone, fieldsOf(part.fields)]),
    parts.reduce((count, part) => count + part.fields.length, 0),
  )}`;
}

const LIST_COOKIE = 'kontakte_list';

/**
 * Keeps the list as this browser shows it (search, grouping, the warranty view, its page) in a
 * cookie of the apartment's contacts, for the card's way back: after editing, the history or a
 * reload, the Referer no longer tells (review). Without the page's cursor where that would pass
 * 1,500 characters, and as the whole book where even the search would (a cookie over 4 KB is
 * refused and the old one kept).
 */
export function rememberList(c: Context<AppEnv>, view: ListFrom) {
  // c.get, not c.var: hono's c.var copies every variable of the request into a new object.
  const { paths } = c.get('shell');
  const assetId = c.get('asset').id;
  const list = paths.contacts(assetId);
  const kept = (from: ListFrom) => paths.contacts(assetId, from).slice(list.length + 1);
  const fits = (value: string) => encodeURIComponent(value).length <= 1500;
  let value = kept(view);
  if (!fits(value)) value = kept({ ...view, after: '', through: '' });
  if (!fits(value)) value = '';
  if (getCookie(c, LIST_COOKIE) === value) return;
  // The bookmark's Set-Cookie, held to hono's setCookie (the same options: HttpOnly, SameSite=Lax).
  c.header('Set-Cookie', bookmarkSetCookie(LIST_COOKIE, value, list, overHttps(c.req.url)), { append: true });
}

/**
 * The list a card was opened from, as the user left it (search, grouping, the warranty view,
 * paging cursor): as this browser last showed it (rememberList), else from the Referer a browser
 * sends for same-origin requests where that is the list or carries it (a delete's confirmation
 * page does). The Referer alone misled on a reload: a page whose address htmx set sends the
 * Referer of the page first loaded (review). Its way back and its delete lead there, as does a
 * help page's (buyer review: it forgot the search).
 */
export function listLeft(c: Context<AppEnv>): ListQuery {
  const list = c.get('shell').paths.contacts(c.get('asset').id);
  const referer = URL.parse(c.req.header('referer') ?? '');
  const cookie = getCookie(c, LIST_COOKIE);
  const params = cookie === undefined && referer?.pathname.startsWith(list) ? referer.searchParams : new URLSearchParams(cookie);
  const value = (key: string) => params.get(key) || undefined;
  return {
    q: value('q'),
    group: value('group') === 'position' ? 'position' : undefined,
    view: value('view') === 'warranty' ? 'warranty' : undefined,
    after: value('after'),
    through: value('through'),
  };
}

/**
 * The card; `draftKey` names the form whose kept draft the save just made obsolete, `undo` the
 * version this user's restore of an earlier one wrote (its notice offers "Rückgängig").
 */
export function contactPage(
  c: Context<AppEnv>,
  contact: Contact,
  message?: string,
  draftKey?: string,
  undo?: number,
  /** After "ergänzen": the card's way back, the upload's preview. */
  preview?: string,
) {
  return render(c, {
    title: displayName(contact),
    body: (
      <ContactDetail
        shell={c.get('shell')}
        assetId={c.get('asset').id}
        contact={contact}
        message={message}
        from={listLeft(c)}
        draftKey={draftKey}
        undo={undo}
        preview={preview}
      />
    ),
  });
}

/**
 * After a successful write: 303 without JavaScript, the page itself (2xx) with htmx. A new
 * contact opens its card with a "Gespeichert" notice (as phone contact apps do; `saved` carries
 * its id); a delete or restore returns to the list `from` (its search) with its notice (and undo).
 */
export async function afterWrite(c: Context<AppEnv>, notice: Notice, from: ListFrom = { q: '' }) {
  const assetId = c.get('asset').id;
  const { paths, t } = c.get('shell');
  if (notice.kind === 'saved') {
    const target = paths.saved(assetId, notice.contact.id);
    if (!wantsFragment(c)) return c.redirect(target, 303);
    c.header('HX-Push-Url', target);
    return contactPage(c, notice.contact, t.saved(displayName(notice.contact)), paths.contacts(assetId));
  }
  const target = paths.contacts(assetId, { ...from, notice: { kind: notice.kind, id: notice.contact.id } });
  if (!wantsFragment(c)) return c.redirect(target, 303);
  c.header('HX-Push-Url', target);
  return listPage(c, from, { notice });
}
