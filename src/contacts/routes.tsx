import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { Hono } from 'hono/tiny';
import * as z from 'zod/mini';
import { bookmarkCookie, bookmarkSetCookie, openSession, overHttps } from '../db/client';
import { databaseOf } from '../db/tenants';
import type { AppEnv } from '../env';
import { HELP_PATHS } from '../generated/assets';
import { getCookie } from '../generated/hono-cookie.js';
import { raw } from '../generated/hono-utils-html.js';
import { zValidator } from '../generated/zod-validator.js';
import type { Language, Messages } from '../i18n';
import { CONTACT_ID, DONE, type Done, type ImportFrom, importOf, importValue, ticksParam } from '../paths';
import * as React from '../views/jsx-factory';
import { fragment, render, wantsFragment } from '../views/render';
import { complement, type Part } from './complement';
import { type EditOutcome, fingerprintOf, mergeNoticeOf, replacedOf, saveEdit } from './edits';
import { columnsOf, DEFAULT_COUNTRY, FIELDS, type FieldName, fieldValuesOf } from './fields';
import { ICS_CONTENT_TYPE, PROD_ID, warrantyCalendar, warrantyEvents } from './ics';
import {
  confirmImport,
  type DuplicateIndex,
  duplicateIndex,
  findStaged,
  findStagedWith,
  IN_FILE,
  type StagedCard,
  stageImport,
  undoImport,
  undoneImport,
} from './imports';
import { MAX_QUERY_CODE_POINTS } from './keys';
import { coercedNumber, fieldsThen, integerIn, lengthIn, matching, oneOf, orElse } from './or-else';
import {
  afterWrite,
  contactPage,
  formPage,
  keepingInput,
  listLeft,
  listPage,
  mergedMessage,
  rememberList,
  savedMessage,
  seenVisit,
} from './pages';
import { fitsQr, qrSvg } from './qr';
import {
  allContacts,
  type Contact,
  changesSince,
  contactHistory,
  contactState,
  createContact,
  deleteContact,
  deletedContacts,
  findAnyContact,
  findContact,
  findDeletedContact,
  lastImport,
  listContacts,
  MAX_CONTACTS_PER_ASSET,
  MAX_VERSIONS,
  phoneList,
  purgeContact,
  restoreContact,
  type Version,
  warrantyContacts,
} from './repository';
import {
  type FieldErrors,
  type FormResult,
  type FormValues,
  formTokenOf,
  newFormToken,
  readContactForm,
  sentAlong,
  sentToken,
  typedErrors,
  typedValue,
  versionOf,
} from './schema';
import { companyBeside, contentDisposition, displayName, qrPayload, serializeContact, serializeContacts } from './vcard';
import { parseVcf } from './vcard-import';
import { Changes } from './views/changes';
import { DeleteConfirm, DeletedCard, goneHeading, NoWarrantyEnd } from './views/contact-detail';
import type { FormMode } from './views/contact-form';
import {
  Count,
  Crumb,
  type ListFrom,
  type ListView,
  NothingToExport,
  NoWarrantyEnds,
  Results,
  Rows,
  ViewSwitch,
} from './views/contact-list';
import { DeletedContacts } from './views/deleted';
import { ExportLinks } from './views/export-actions';
import { formatDateTime, listed } from './views/format';
import { ContactHistory } from './views/history';
import { ImportForm, ImportPreview } from './views/import';
import { MergeClash } from './views/merge-clash';
import { PhoneList } from './views/print';
import { berlinToday, warrantyFormValues } from './warranty';

/** The contact book of one asset, mounted at /assets/:assetId. Each route: validate → repository → page. */
export const contactRoutes = new Hono<AppEnv>();

/** A malformed path parameter names nothing: 404, never the validator's JSON 400. */
const paramOr404 = <Shape extends z.core.$ZodLooseShape>(shape: Shape) =>
  zValidator('param', z.object(shape), (result) => {
    if (!result.success) throw new HTTPException(404);
  });
const contactParam = paramOr404({ contactId: z.string().check(matching(CONTACT_ID)) });
/** A malformed query parameter falls back to its default instead of failing the page. */
const optionalId = orElse(z.optional(z.string().check(matching(CONTACT_ID))), undefined);
/**
 * The search `q` of the list, the export and the print view: one reading, so all three select
 * alike. A long query (a pasted signature) is cut where the search cuts it, never dropped: an
 * empty `q` would show, export and print the whole book. (A transform, not z.overwrite and z.trim
 * checks: the same answers, test/node/or-else.test.ts, without zod's overwrite check, 55 B gzip.)
 */
const searchText = orElse(
  z.pipe(
    z.string(),
    z.transform((q) => [...q].slice(0, MAX_QUERY_CODE_POINTS).join('').trim()),
  ),
  '',
);
const searchQuery = zValidator('query', z.object({ q: searchText }));
// One value each, not z.literal nor z.enum: the same answers (test/node/or-else.test.ts) without
// zod's literal and enum schemas, which nothing else used (137 + 0.2 KB gzip of the Worker's bundle).
const groupParam = orElse(z.optional(oneOf(['position'])), undefined);
const viewParam = orElse(z.optional(oneOf(['warranty'])), undefined);
/** Opaque paging cursors (src/contacts/cursor.ts): a damaged one starts the list at the beginning. */
const cursorParam = orElse(z.optional(z.string().check(lengthIn(0, 40_000))), undefined);
/**
 * The list a delete or its undo returns to (its search, its grouping, the warranty view, and the
 * page the contact was opened from, "Weiter" or "Mehr laden"), carried in their URLs.
 */
const fromListQuery = z.object({ q: searchText, group: groupParam, view: viewParam, after: cursorParam, through: cursorParam });
/** Every field falls back (orElse), so the parse never fails (schemas have no throwing parse() in the bundle: scripts/lib/zod-mini.mjs). */
const fromList = (c: Ctx): ListFrom => z.safeParse(fromListQuery, c.req.query()).data as ListFrom;
const listQuery = zValidator(
  'query',
  z.object({
    q: searchText,
    group: groupParam,
    view: viewParam,
    after: cursorParam,
    through: cursorParam,
    part: orElse(z.optional(oneOf(['results', 'rows'])), undefined),
    /** The section of the row above the loaded ones (its letter, or its position's key when grouped): no repeated heading. */
    previous: orElse(z.optional(z.string().check(lengthIn(0, 1000))), undefined),
    /** The count the page shows ("Mehr laden"): sent again only when it changed meanwhile. */
    total: orElse(z.optional(coercedNumber()), undefined),
    saved: optionalId,
    deleted: optionalId,
    restored: optionalId,
    imported: optionalId,
    undone: optionalId,
    removed: orElse(z.optional(integerIn(0, MAX_CONTACTS_PER_ASSET)), undefined),
  }),
);
/** Any contact form: never fails, the route decides what invalid input shows (FormResult). */
const contactForm = zValidator(
  'form',
  fieldsThen((raw) => readContactForm(raw)),
);
/** The version a delete was sent with (in the body, or in the query where htmx sends no body). */
const deleteVersion = zValidator('form', fieldsThen(versionSent));
const deleteVersionQuery = zValidator('query', fieldsThen(versionSent));

/** No version: delete whatever is stored. A value that is not a version never matches (409). */
function versionSent(raw: Record<string, unknown>): { version: number | undefined } {
  if (raw.version === undefined) return { version: undefined };
  return { version: versionOf(raw) ?? 0 };
}

/** The asset must be one of the session's; any other id is a 404 (never reveal it exists). */
contactRoutes.use('*', async function requireAsset(c, next) {
  const asset = c.get('session').assets.find((candidate) => candidate.id === c.req.param('assetId'));
  if (!asset) throw new HTTPException(404);
  c.set('asset', asset);
  c.set('shell', { ...c.get('shell'), asset });
  // The asset's tenant (a claim of the platform's token) picks its database.
  const { binding, d1 } = databaseOf(c.env, asset.tenant);
  const cookie = bookmarkCookie(binding);
  const session = openSession(d1, getCookie(c, cookie), c.get('writeGate'));
  c.set('db', session.db);
  await next();
  // After a write, this browser's next requests start from it: a buyer always sees their own
  // change at once, even when a replica serves the read (docs/architecture.md).
  const bookmark = c.req.method === 'GET' ? null : session.bookmark();
  if (bookmark) {
    c.header('Set-Cookie', bookmarkSetCookie(cookie, bookmark, c.var.shell.paths.base || '/', overHttps(c.req.url)), { append: true });
  }
});

type Ctx = Context<AppEnv>;
const author = (c: Ctx) => ({ userId: c.var.session.userId, name: c.var.session.name });

// ---- list and search ----------------------------------------------------------------------

contactRoutes.get('/contacts', listQuery, async (c) => {
  const query = c.req.valid('query');
  // c.get, not c.var (a copy of every variable of the request): the list is the hottest page.
  const shell = c.get('shell');
  const asset = c.get('asset');
  const db = c.get('db');
  // The warranty view has its own order and no search: its URLs carry nothing else.
  const view: ListView = query.view ? { q: '', view: query.view } : { q: query.q, group: query.group };
  if (query.part && c.req.header('hx-request') === 'true') {
    const page = await listContacts(db, asset.id, { query: view.q, group: view.group, view: view.view, after: query.after });
    const today = berlinToday(new Date());
    if (query.part === 'rows') {
      // The address bar follows "Mehr laden": a reload or the way back shows the same rows.
      // ("Mehr laden" that finds nothing more: through where it was.)
      const shown = { ...view, through: page.through ?? query.after };
      c.header('HX-Replace-Url', shell.paths.contacts(asset.id, shown));
      rememberList(c, shown);
      return fragment(
        c,
        <>
          <Rows shell={shell} assetId={asset.id} page={page} view={view} today={today} loadedMore previous={query.previous} />
          {query.total === page.total ? null : (
            <>
              <Count shell={shell} page={page} view={view} oob />
              {/* The export's and print's counts with it (search review, stop 62: they said the old one). */}
              <ExportLinks shell={shell} assetId={asset.id} q={view.q} found={page.total} oob />
            </>
          )}
        </>,
      );
    }
    c.header('HX-Replace-Url', shell.paths.contacts(asset.id, view));
    rememberList(c, view);
    return fragment(
      c,
      <>
        <Results shell={shell} assetId={asset.id} page={page} view={view} today={today} />
        <ExportLinks shell={shell} assetId={asset.id} q={query.q} found={page.total} oob />
        <ViewSwitch shell={shell} assetId={asset.id} view={view} oob />
      </>,
    );
  }
  const [kind, id] = query.saved
    ? (['saved', query.saved] as const)
    : query.restored
      ? (['restored', query.restored] as const)
      : (['deleted', query.deleted] as const);
  let contact =
    id === undefined ? undefined : kind === 'deleted' ? await findDeletedContact(db, asset.id, id) : await findContact(db, asset.id, id);
  // A delete's notice (and its undo) only while the delete is this user's: reloaded after a
  // co-buyer restored and deleted it again, it would undo that delete (code review).
  if (kind === 'deleted' && contact?.updatedBy !== c.get('session').userId) contact = undefined;
  const staged = query.imported ? await findStaged(db, asset.id, query.imported, c.get('session').userId) : undefined;
  const imported = staged && staged.status === 'done' ? { count: staged.imported, importId: staged.importId } : undefined;
  // After an import's undo without JS: what it removed, and the contacts it kept (read anew); only
  // for an upload that was undone (no notice of a removal from a link made up).
  const kept = query.undone ? await undoneImport(db, asset.id, query.undone) : undefined;
  const done = kept ? undoneText(shell.t, query.removed ?? 0, kept) : undefined;
  return listPage(c, { ...view, after: query.after, through: query.through }, { notice: contact && { kind, contact }, imported, done });
});

// ---- export ---------------------------------------------------------------------------------

/** A file of the book's (never kept by a cache: it holds contacts), saved under its name where one is given. */
const file = (body: string, type: string, disposition?: string) =>
  new Response(body, {
    headers: { 'Content-Type': type, ...(disposition && { 'Content-Disposition': disposition }), 'Cache-Control': 'private, no-store' },
  });
const vcard = (body: string, fileName: string, search?: string) =>
  file(body, 'text/vcard; charset=utf-8', contentDisposition(fileName, 'vcf', search));
const calendar = (events: Parameters<typeof warrantyCalendar>[0], fileName: string) =>
  file(warrantyCalendar(events, { prodId: PROD_ID, now: new Date() }), ICS_CONTENT_TYPE, contentDisposition(fileName, 'ics'));

contactRoutes.get('/contacts.vcf', searchQuery, async (c) => {
  const asset = c.get('asset');
  const { q } = c.req.valid('query');
  const contacts = await allContacts(c.get('db'), asset.id, q);
  // No contact, no file: an empty .vcf reads as a broken file on a phone. The list's words
  // instead, as a 404 (the list offers the file only when there is a contact to put in it).
  if (contacts.length === 0) {
    const { shell } = c.var;
    return render(c, {
      status: 404,
      title: q ? shell.t.noHits(q) : shell.t.emptyTitle,
      body: <NothingToExport shell={shell} assetId={asset.id} q={q} />,
    });
  }
  // A search's file is named with it: not taken for the whole book beside it (UX review).
  const name = asset.name || asset.id;
  return vcard(serializeContacts(contacts, { assetName: name }), name, q);
});

// The printable phone list (before /contacts/:contactId: "print" is never a contact id).
contactRoutes.get('/contacts/print', searchQuery, async (c) => {
  const { shell, asset, db } = c.var;
  const { q } = c.req.valid('query');
  const assetName = asset.name || asset.id;
  const contacts = await phoneList(db, asset.id, q);
  return render(c, {
    title: shell.t.print.title(assetName),
    body: <PhoneList shell={shell} assetId={asset.id} assetName={assetName} q={q} contacts={contacts} now={Date.now()} />,
  });
});

contactRoutes.get(
  '/contacts/:file{[A-Za-z0-9_-]+\\.vcf}',
  paramOr404({ file: z.string().check(matching(/^[A-Za-z0-9_-]{1,64}\.vcf$/)) }),
  async (c) => {
    const contact = await findContact(c.get('db'), c.get('asset').id, c.req.valid('param').file.slice(0, -'.vcf'.length));
    if (!contact) throw new HTTPException(404);
    return vcard(serializeContact(contact, { assetName: c.var.asset.name || c.var.asset.id }), displayName(contact));
  },
);

contactRoutes.get('/contacts/:contactId/qr.svg', contactParam, async (c) => {
  const contact = await findContact(c.var.db, c.var.asset.id, c.req.valid('param').contactId);
  if (!contact) throw new HTTPException(404);
  const { text } = qrPayload(contact, fitsQr);
  // Names and company alone beyond a scannable code: the card says so instead of showing one.
  if (!fitsQr(text)) throw new HTTPException(404);
  return file(qrSvg(text, c.var.shell.t.qrTitle(displayName(contact))), 'image/svg+xml; charset=utf-8');
});

// One contact's warranty end as a calendar file: its event in warranty.ics, the same UID and
// SEQUENCE, so that a calendar which already holds the whole file updates the event, not adds one.
contactRoutes.get('/contacts/:contactId/warranty.ics', contactParam, async (c) => {
  const { shell, asset } = c.var;
  const contact = await findContact(c.var.db, asset.id, c.req.valid('param').contactId);
  if (!contact) throw new HTTPException(404);
  const name = displayName(contact);
  // A co-buyer removed the end since the card was shown: no file (as warranty.ics), but why, and the way back.
  if (!contact.warrantyUntil) {
    return render(c, {
      status: 404,
      title: shell.t.warranty.noEndTitle,
      body: <NoWarrantyEnd shell={shell} assetId={asset.id} contactId={contact.id} name={name} />,
    });
  }
  const assetName = asset.name || asset.id;
  const events = warrantyEvents(shell.t, [{ ...contact, name, company: companyBeside(contact) }], assetName, new Date());
  return calendar(events, shell.t.warranty.fileName(name));
});

// ---- warranty.ics (before /contacts/:contactId: "warranty" is never a contact id) -----------

contactRoutes.get('/contacts/warranty.ics', async (c) => {
  const { shell, asset } = c.var;
  const assetName = asset.name || asset.id;
  const rows = await warrantyContacts(c.var.db, asset.id);
  const events = warrantyEvents(
    shell.t,
    rows.map((row) => ({ ...row, name: displayName(row), company: companyBeside(row) })),
    assetName,
    new Date(),
  );
  // RFC 5545 §3.4 asks for at least one component: with no end (a co-buyer removed the last one,
  // an old bookmark) there is no calendar to give, and an empty file would import as nothing
  // without a word. The warranty view's own "no end yet" instead, as a 404 (no file downloads).
  if (events.length === 0) {
    return render(c, {
      status: 404,
      title: shell.t.warranty.viewTitle,
      body: <NoWarrantyEnds shell={shell} assetId={asset.id} />,
    });
  }
  return calendar(events, shell.t.warranty.fileName(assetName));
});

// ---- help pages (before /contacts/:contactId: "help" is never a contact id) ------------------

// Their lists are static files (src/i18n/help.ts): the Worker's script does not carry them.
contactRoutes.get('/contacts/help/:topic{phone|calendar}', async (c) => {
  const { shell, asset } = c.var;
  const { t, paths } = shell;
  const phone = c.req.param('topic') === 'phone';
  const list = await c.env.ASSETS.fetch(new URL(HELP_PATHS[phone ? 'phone' : 'calendar'][t.lang as Language], c.req.url));
  if (!list.ok) throw new Error(`help: ${list.status}`);
  const title = phone ? t.phoneHelp : t.warranty.helpTitle;
  // Back to the list as it was left (its search, its page); the calendar's steps to the warranty view.
  // (The warranty view has no search: only its own page is kept, as it was left: code review.)
  const left = listLeft(c);
  const back = phone || left.view === 'warranty' ? left : { view: 'warranty' as const };
  return render(c, {
    title,
    body: (
      <section class="help-page" aria-labelledby="help-title">
        <Crumb href={paths.contacts(asset.id, back)} label={(back.view === 'warranty' ? t.warranty : t).backToList} />
        <h1 id="help-title" tabindex={-1} data-focus>
          {title}
        </h1>
        {raw(await list.text())}
        {/* The file the steps open, at hand (second buyer review): the whole book's, or the calendar. */}
        <p class="actions">
          <a class="button" href={phone ? paths.vcf(asset.id) : paths.calendar(asset.id)} download>
            {phone ? t.exportAll : t.warranty.download}
          </a>
        </p>
      </section>
    ),
  });
});

// ---- create ---------------------------------------------------------------------------------

contactRoutes.get('/contacts/new', async (c) => {
  const page = await formPage(c, 200, {
    mode: { kind: 'create', formToken: newFormToken() },
    values: { country: DEFAULT_COUNTRY },
  });
  // An empty form the browser may keep for its way back (never served unasked: no-cache): back
  // from the saved contact, or from a lost answer, the same one-time token comes along, so
  // corrected and sent again it is an edit of the contact it made, not a second one.
  page.headers.set('Cache-Control', 'private, no-cache');
  page.headers.set('Vary', 'HX-Request, HX-Lang, Accept-Language');
  return page;
});

contactRoutes.post('/contacts', contactForm, async (c) => {
  const form = c.req.valid('form');
  // `edit_of`: the user chose to change the contact this form made before (below).
  const editOf = sentToken(form.raw, 'edit_of');
  const mode = { kind: 'create', formToken: editOf ?? formTokenOf(form.raw), editOf: editOf !== undefined } as const;
  // A German postcode typed is five digits ("8033" is a typo), a phone field one number: said
  // beside the field, with any other error. Also of a contact deleted meanwhile saved as a new
  // one: its form may hold a value typed there, which nothing can tell from one stored before
  // (second code review).
  const typed = typedErrors(form.values).errors;
  if (!form.ok || Object.keys(typed).length)
    return formPage(c, 422, { mode, values: form.values, errors: { ...typed, ...(form.ok ? {} : form.errors) } });
  return keepingInput(c, { mode, values: form.values }, async () => {
    const me = author(c);
    const typed = columnsOf(form.input);
    let result = await createContact(c.var.db, c.var.asset.id, form.input, mode.formToken, me);
    // A form already sent is this user's resend or correction of the contact it made when it still
    // names that contact as it is or as the form made it (version 1; a co-buyer may have renamed
    // it since): its name and company. Another user (a shared device's cached form) makes a
    // contact of its own, never an overwrite; its token follows from the form's, the user and what
    // names it (e-mail, else mobile, else name and company), so that its resend finds it in turn
    // (security and code reviews). Another name from the same user is asked about: a typo
    // corrected, or a colleague at the same e-mail address typed in (review: that was taken as a
    // correction and overwrote the first contact).
    const names = (earlier: Pick<Contact, 'title' | 'firstName' | 'lastName' | 'company'>) =>
      displayName(earlier) === displayName(typed) && earlier.company === typed.company;
    if (result.kind === 'duplicate' && result.contact.createdBy !== me.userId) {
      const key = typed.email || typed.mobile || `${displayName(typed)}|${typed.company}`;
      result = await createContact(c.var.db, c.var.asset.id, form.input, `${mode.formToken}:${me.userId}:${key}`, me);
    }
    // This user's contact of this form (also one made under a token derived as above: code review).
    if (result.kind === 'duplicate') {
      const earlier = result.contact;
      if (!editOf && !names(earlier)) {
        const first = (await contactState(c.var.db, c.var.asset.id, earlier.id, 1)).versions[0];
        if (!(first?.version === 1 && names(columnsOf(first.values)))) {
          const name = displayName(earlier);
          return formPage(c, 409, {
            mode: { kind: 'create', formToken: newFormToken(), made: { token: mode.formToken, name } },
            values: form.values,
            message: c.var.shell.t.made(name),
          });
        }
      }
    }
    if (result.kind === 'full') return formPage(c, 409, { mode, values: form.values, message: c.var.shell.t.full(MAX_CONTACTS_PER_ASSET) });
    if (result.kind === 'noRoom') return formPage(c, 409, { mode, values: form.values, message: c.var.shell.t.noRoom });
    if (result.kind === 'created') return afterWrite(c, { kind: 'saved', contact: result.contact });
    // The form was sent before (its answer lost, or back and corrected): what is sent now is an
    // edit of the contact it made, from its first version, merged with any change since. The same
    // input again writes nothing and is answered as the first time.
    const outcome = await saveEdit(c.var.db, c.var.asset.id, result.contact.id, 1, form.input, author(c));
    if (outcome.kind === 'saved' && !outcome.merged) return afterWrite(c, { kind: 'saved', contact: outcome.contact });
    return answerEdit(c, outcome, { version: 1, values: form.values });
  });
});

// ---- import a .vcf (before /contacts/:contactId: "import" is never a contact id) -------------

const importParam = paramOr404({ importId: z.string().check(matching(CONTACT_ID)) });
/** The import's form again, with what stopped the import. */
const importRefused = (c: Ctx, status: 400 | 404 | 409 | 422, error: string | undefined) =>
  render(c, { status, title: c.var.shell.t.importTitle, body: <ImportForm shell={c.var.shell} assetId={c.var.asset.id} error={error} /> });

contactRoutes.get('/contacts/import', async (c) => {
  const last = await lastImport(c.var.db, c.var.asset.id, c.var.session.userId);
  return render(c, {
    title: c.var.shell.t.importTitle,
    body: <ImportForm shell={c.var.shell} assetId={c.var.asset.id} last={last} />,
  });
});

contactRoutes.post('/contacts/import', async (c) => {
  const { shell, asset, db } = c.var;
  const { t } = shell;
  const refuse = (error: string, status: 400 | 422 = 422) => importRefused(c, status, error);
  // A body that is no whole multipart form (an upload cut off on the way) is said as such, not a 500.
  const body = await c.req.parseBody().catch(() => undefined);
  if (!body) return refuse(t.importErrors.cutOff, 400);
  const file = body.file;
  // A file chosen that holds nothing is said as such (review: "Bitte wählen Sie eine Datei aus", though one was).
  if (file instanceof File && file.size === 0 && file.name !== '') return refuse(t.importErrors.empty);
  if (!(file instanceof File) || file.size === 0) return refuse(t.importErrors.noFile);
  const parsed = parseVcf(new Uint8Array(await file.arrayBuffer()), asset.name || asset.id);
  if (!parsed.ok) return refuse(t.importErrors[parsed.error]);
  const staged: StagedCard[] = parsed.cards.map((card) => ({
    index: card.index,
    values: card.values,
    importable: card.importable,
    problems: card.problems.map(({ field, kind, outcome }) => ({ field, kind, outcome })),
    ignored: card.ignored,
    // Our export's UID, bounded as the staged cards are (a foreign or longer one is no contact of ours).
    uid: /^kontakte-[\w-]{1,31}$/.test(card.uid) ? card.uid : undefined,
    group: card.group,
    fn: card.nameFrom === 'formattedName' || undefined,
  }));
  const importId = await stageImport(db, asset.id, staged, author(c));
  if (!importId) return refuse(t.importErrors.tooLarge);
  // The preview at its own address: Back from the list and a reload show it, not the browser's
  // "Confirm Form Resubmission" that sent the file again (walkthrough, stop 64).
  return c.redirect(shell.paths.preview(asset.id, importId), 303);
});

/**
 * Of `ticked`, the cards the book likely has not, as marked: a card likely there is left unticked,
 * as the preview first showed it, unless ticked as such (`<index>d`: "ergänzen"'s `on`); a second
 * copy in the file stays as chosen (the book has nothing to do with it: code review).
 */
const notInBook = (cards: readonly StagedCard[], ticked: ReadonlySet<string>) =>
  new Set(
    cards
      .filter(
        (card) => ticked.has(`${card.index}d`) || ((!card.duplicateOf || card.duplicateOf === IN_FILE) && ticked.has(String(card.index))),
      )
      .map((card) => String(card.index)),
  );

/**
 * The import's preview of `staged`, marked against the book as `index` read it; `props` says
 * more (a message, the cards ticked) where a confirm comes back to it.
 */
function previewPage(
  c: Ctx,
  importId: string,
  { mark, live, book }: DuplicateIndex,
  staged: readonly StagedCard[],
  status: 200 | 409 | 422 = 200,
  props: (cards: StagedCard[], live: number) => Partial<Parameters<typeof ImportPreview>[0]> = () => ({}),
) {
  const { shell, asset } = c.var;
  const cards = mark(staged);
  return render(c, {
    status,
    // Its contacts: a group in the file is none (the heading counts so too).
    title: shell.t.previewTitle(cards.filter((card) => card.group === undefined).length),
    // The other language hidden without JS, as on a contact form: the ticks changed would be lost (code review, stop 80).
    form: true,
    body: (
      <ImportPreview
        shell={shell}
        assetId={asset.id}
        importId={importId}
        cards={cards}
        room={MAX_CONTACTS_PER_ASSET - live}
        book={book}
        {...props(cards, live)}
      />
    ),
  });
}

// The preview's own address, where the upload and a no-JS "Alle anhaken" / "Alle Haken
// entfernen" (`?tick=`) redirect, opened again (Back, a reload, a new tab): the preview as it
// stands, in one round trip, or where its import went (review: 405).
contactRoutes.get('/contacts/import/:importId', importParam, async (c) => {
  const { shell, asset, db } = c.var;
  const { importId } = c.req.valid('param');
  const [staged, index] = await findStagedWith(db, asset.id, importId, c.get('session').userId);
  // Imported meanwhile (another tab): the contact an "ergänzen" saved, else the list (walkthrough,
  // stop 72). Undone or gone meanwhile (or a forged upload): that contact too, not a 404 page
  // after a save that succeeded (code review, stop 72).
  const completed = c.req.query('completed') ?? '';
  if (staged?.status === 'done' || (staged?.status !== 'staged' && CONTACT_ID.test(completed)))
    return c.redirect(
      // Brought back with the input (`revived`): said so, not "gespeichert" (code review, stop 74).
      CONTACT_ID.test(completed)
        ? shell.paths.editedContact(asset.id, completed, c.req.query('revived') ? 'restored' : 'saved')
        : shell.paths.contacts(asset.id),
      303,
    );
  if (staged?.status !== 'staged') return importRefused(c, staged ? 409 : 404, shell.t.importErrors[staged ? 'undone' : 'gone']);
  const tick = c.req.query('tick');
  const on = c.req.query('on');
  // After "ergänzen" was saved (`?completed=`): said at the card, by the name the book has now.
  return previewPage(c, importId, index, staged.cards, 200, (cards) => ({
    // At that card only: another card of the same contact still offers its "ergänzen" (code review, stop 74).
    // A save that wrote nothing (`same`) is not said to have completed anything.
    completed: c.req.query('same') ? undefined : `${completed}.${c.req.query('card')}`,
    ticked:
      tick === 'all' || tick === 'none'
        ? new Set(tick === 'all' ? staged.cards.filter((card) => card.importable).map((card) => String(card.index)) : [])
        : // Back from "ergänzen" (`on`): ticked as it was left, but a card the book has now (a
          // co-buyer's meanwhile) and was not ticked as such.
          on === undefined
          ? undefined
          : notInBook(cards, new Set(on.split('-'))),
  }));
});

contactRoutes.post('/contacts/import/:importId', importParam, async (c) => {
  const { shell, asset, db } = c.var;
  const { importId } = c.req.valid('param');
  const body = await c.req.parseBody({ all: true });
  const ticked = new Set(
    (Array.isArray(body.card) ? body.card : [body.card]).filter((value): value is string => typeof value === 'string'),
  );
  // "Ergänzen" of a card (`<contact>.<card>`): its edit form, the ticks along, but that card's
  // (the book then has it); a card ticked that is likely the book's marked `d`, chosen so (code
  // review, stop 81: the preview had unticked it again). Read, not written: one round trip.
  if (body.complete !== undefined) {
    const complete = importOf(body.complete);
    // (A value no button sends imports nothing: code review, stop 81.)
    if (!complete) return c.redirect(shell.paths.preview(asset.id, importId), 303);
    const [staged, index] = await findStagedWith(db, asset.id, importId, c.get('session').userId);
    const on = index
      .mark(staged?.cards ?? [])
      .filter((card) => card.index !== complete.card && ticked.has(String(card.index)))
      .map((card) => `${card.index}${card.duplicateOf && card.duplicateOf !== IN_FILE ? 'd' : ''}`);
    return c.redirect(shell.paths.complete(asset.id, complete.importId, { importId, card: complete.card, on: on.join('-') }), 303);
  }
  const staged = await findStaged(db, asset.id, importId, c.get('session').userId);
  if (!staged) return importRefused(c, 404, shell.t.importErrors.gone);
  // The preview again (duplicates marked anew), with what stopped the import.
  const previewAgain = async (
    status: 200 | 409 | 422,
    message?: (live: number) => string,
    { choice = ticked, untickDuplicates = false, noneTicked = false, index = undefined as DuplicateIndex | undefined } = {},
  ) =>
    previewPage(c, importId, index ?? (await duplicateIndex(db, asset.id)), staged.cards, status, (cards, live) => ({
      message: message?.(live),
      noneTicked,
      ticked: untickDuplicates ? notInBook(cards, choice) : choice,
    }));
  const chosen = staged.cards.filter((card) => card.importable && ticked.has(String(card.index)));
  // An upload confirmed or undone since goes on as its confirm does (code review: "Alle anhaken"
  // answered a preview of no cards).
  if (staged.status === 'staged') {
    // "Alle anhaken" / "Alle Haken entfernen" without JS: the preview again, ticked so, at its own
    // address (Back over it is no resubmission: walkthrough, stop 64); nothing imported.
    if (body.tick === 'all' || body.tick === 'none') return c.redirect(shell.paths.preview(asset.id, importId, body.tick), 303);
    // Nothing ticked (all likely duplicates, say): not an import of nothing with an undo of nothing.
    if (chosen.length === 0) return previewAgain(422, undefined, { noneTicked: true });
  }
  // The book as the preview showed it (sent without, as before this check: not compared).
  const book = typeof body.book === 'string' ? body.book : undefined;
  let outcome = await confirmImport(db, asset.id, staged, chosen, author(c), book);
  // The book changed since the preview: where no card chosen is likely a contact of the book now
  // (the buyer's own "ergänzen" in another tab, a co-buyer's edit of another contact), imported as
  // chosen, against the book as now read (walkthrough, stop 72: it asked again, every tick undone).
  const index = outcome.kind === 'changed' ? await duplicateIndex(db, asset.id) : undefined;
  if (index?.mark(staged.cards).every((card) => !ticked.has(String(card.index)) || !card.duplicateOf || card.duplicateOf === IN_FILE))
    outcome = await confirmImport(db, asset.id, staged, chosen, author(c), index.book);
  if (outcome.kind === 'imported' || outcome.kind === 'already')
    return c.redirect(shell.paths.contacts(asset.id, { imported: importId }), 303);
  if (outcome.kind === 'gone') throw new HTTPException(404);
  if (outcome.kind === 'undone') return importRefused(c, 409, shell.t.importErrors.undone);
  // The book changed since the preview (a co-buyer imported the same file, say): the duplicates
  // marked anew and unticked, the buyer decides again.
  if (outcome.kind === 'changed') return previewAgain(409, () => shell.t.importChanged, { untickDuplicates: true, index });
  return previewAgain(409, (live) => (outcome.kind === 'full' ? shell.t.importFull(MAX_CONTACTS_PER_ASSET - live) : shell.t.noRoom));
});

contactRoutes.post('/contacts/import/:importId/undo', importParam, async (c) => {
  const { shell, asset, db } = c.var;
  const { importId } = c.req.valid('param');
  const { removed, kept } = await undoImport(db, asset.id, importId, c.var.session.userId);
  // Without JS a 303 to the list, which says the same from `undone` and `removed` (contract §6).
  if (!wantsFragment(c)) return c.redirect(shell.paths.contacts(asset.id, { undone: { importId, removed } }), 303);
  // With htmx the list takes #main and the address becomes the list's (a reload shows the list, not the import's notice).
  c.header('HX-Push-Url', shell.paths.contacts(asset.id));
  return listPage(c, { q: '' }, { done: undoneText(shell.t, removed, kept) });
});

/**
 * What an import's undo did. Sent again (the way back, a reload): nothing was left to remove,
 * and the contacts changed since are still named (never "0 removed").
 */
function undoneText(t: Messages, removed: number, kept: Parameters<typeof displayName>[0][]) {
  const names = kept.map((contact) => displayName(contact)).join(', ');
  return [removed ? t.importUndone(removed) : t.noneLeft, names ? t.importKept(names) : ''].filter(Boolean).join(' ');
}

// ---- recently deleted (before /contacts/:contactId: "deleted" is never a contact id) -------

contactRoutes.get('/contacts/deleted', async (c) => {
  const { shell } = c.var;
  const contacts = await deletedContacts(c.var.db, c.var.asset.id);
  const message = c.req.query('purged') === '1' ? shell.t.purgedOne : undefined;
  return render(c, {
    title: shell.t.deletedTitle,
    body: <DeletedContacts shell={shell} assetId={c.var.asset.id} contacts={contacts} message={message} />,
  });
});

// ---- what others changed since the last visit (before /contacts/:contactId, as "deleted") ------

contactRoutes.get('/contacts/changes', async (c) => {
  const { shell } = c.var;
  // The last visit the list named (its link): any time before now (a later one cannot be a date to say: code review).
  const since = Number(c.req.query('since'));
  if (!Number.isSafeInteger(since) || since < 0 || since > Date.now()) throw new HTTPException(404);
  const changes = await changesSince(c.var.db, c.var.asset.id, since, c.var.session.userId);
  // Seen: the list's news starts again from now (walkthrough, stop 76: it stayed the whole visit).
  const now = Date.now();
  seenVisit(c, now, now);
  return render(c, {
    title: shell.t.changesTitle,
    body: <Changes shell={shell} assetId={c.var.asset.id} since={since} now={now} changes={changes} />,
  });
});

// ---- one contact ----------------------------------------------------------------------------

const version = orElse(z.optional(integerIn(1)), undefined);
const cardQuery = z.object({
  merged: version,
  // The version that save made: a reload after later saves names the same changes (review).
  at: version,
  // Or, for a save that wrote nothing, the version it found stored (the changes named run up to it).
  upto: version,
  saved: optionalId,
  done: orElse(z.optional(oneOf(DONE)), undefined),
  // The earlier version a restore brought back (`done=version`): named by its date and author.
  from: version,
  // A save over a conflict's comparison (`at`): the fields it showed, dot-separated (replacedOf).
  over: orElse(z.optional(z.string().check(matching(/^[a-z_.]{0,300}$/))), undefined),
});

/**
 * The live contact of a card or its edit form. Deleted ones are read in the same round trip: a
 * link to one (a co-buyer's open tab, "Bearbeiten" on a card deleted since) says who deleted it,
 * with the way back (still 404).
 */
async function liveContact(c: Ctx, contactId: string): Promise<Contact | Response> {
  const contact = await findAnyContact(c.var.db, c.var.asset.id, contactId);
  if (!contact) throw new HTTPException(404);
  return contact.deletedAt === null ? contact : deletedCard(c, contact);
}

/** A deleted contact's page (404): who deleted it, and "Wiederherstellen" while it is kept. */
function deletedCard(c: Ctx, contact: Contact): Response | Promise<Response> {
  return render(c, {
    status: 404,
    title: goneHeading(c.var.shell, contact),
    body: <DeletedCard shell={c.var.shell} assetId={c.var.asset.id} contact={contact} />,
  });
}

contactRoutes.get('/contacts/:contactId', contactParam, zValidator('query', cardQuery), async (c) => {
  const { contactId } = c.req.valid('param');
  const { merged, at, upto, saved, done, over, ...query } = c.req.valid('query');
  // The version a restore brought back, said only after one (code review, stop 70: `?from=` alone said "gespeichert").
  const from = done === 'version' ? query.from : undefined;
  const { t } = c.var.shell;
  // After "ergänzen" whose save merged a co-buyer's change: the way back to the upload's preview.
  // (It says "ergänzt" where the save wrote something: `at`, code review.)
  const upload = importOf(c.req.query('import'));
  const preview = (wrote?: boolean) =>
    upload &&
    c.var.shell.paths.completedFrom(c.var.asset.id, upload, wrote === undefined ? undefined : contactId, wrote ? undefined : 'same');
  // Replaced values are named after this user's save only (`at`).
  const overAt = over === undefined || at === undefined || done !== 'saved' ? undefined : at;
  if (merged === undefined && from === undefined && overAt === undefined) {
    const contact = await liveContact(c, contactId);
    if (contact instanceof Response) return contact;
    // Just added (the create's 303 names it): "Gespeichert", and the new-contact draft is done.
    if (saved === contact.id) return contactPage(c, contact, t.saved(displayName(contact)), c.var.shell.paths.contacts(c.var.asset.id));
    return contactPage(c, contact, done && savedMessage(t, contact, done), undefined, restoredHere(c, contact, done, at), preview());
  }
  // After a save that took over co-buyers' changes: name them (from the versions since the base);
  // after a restore, the version it brought back too (in the same round trip).
  // (Without `merged`, no merge is named: no kept version is that late.)
  const base = merged ?? 1e9;
  const { contact, versions } = await contactState(
    c.var.db,
    c.var.asset.id,
    contactId,
    // After a save over a conflict: every kept version, to name who saved each value it replaced.
    overAt === undefined ? Math.min(base, from ?? base) : 0,
  );
  if (!contact) throw new HTTPException(404);
  // Deleted since (not for good): its page offers "Wiederherstellen", not the plain 404 whose
  // offer of kept input as a new contact would make a second one (code review).
  if (contact.deletedAt !== null) return deletedCard(c, contact);
  return contactPage(
    c,
    contact,
    savedMessage(
      t,
      contact,
      done,
      upto ? mergeNoticeOf(versions, base, upto, author(c)) : mergeNoticeOf(versions, base, at ?? contact.version),
      versions.find((kept) => kept.version === from),
      replacedAt(versions, overAt, over, author(c).userId),
    ),
    undefined,
    restoredHere(c, contact, done, at),
    // Its save named (`at`, or `upto` where it wrote nothing): the preview leads to it where the upload is gone.
    preview(at !== undefined ? true : upto !== undefined ? false : undefined),
  );
});

/** What the save `at`, this user's, replaced of others' values (replacedOf), after a save over a conflict's comparison. */
function replacedAt(versions: readonly Version[], at: number | undefined, over: string | undefined, me: string) {
  const saved = at === undefined ? undefined : versions.find((kept) => kept.version === at);
  return saved?.authorId === me && at !== undefined ? replacedOf(versions, at, saved.values, over ?? '', me) : undefined;
}

/** After this user's restore of an earlier version without JS (`?done=version&at=`): while it is still the latest, its version, for "Rückgängig". */
const restoredHere = (c: Ctx, contact: Contact, done: Done | undefined, at: number | undefined) =>
  done === 'version' && at === contact.version && contact.updatedBy === author(c).userId ? at : undefined;

contactRoutes.get('/contacts/:contactId/edit', contactParam, async (c) => {
  const { t } = c.var.shell;
  // "Ergänzen" from an upload's preview (`?import=&card=`): that card, read beside the contact
  // (at once, no second round trip after the first), this buyer's own upload while it is staged.
  const importId = c.req.query('import');
  const at = Number(c.req.query('card'));
  const [contact, staged] = await Promise.all([
    liveContact(c, c.req.valid('param').contactId),
    importId && CONTACT_ID.test(importId) ? findStaged(c.var.db, c.var.asset.id, importId, c.var.session.userId) : undefined,
  ]);
  if (contact instanceof Response) return contact;
  const card = staged?.status === 'staged' ? staged.cards.find((card) => card.index === at && card.importable) : undefined;
  const label = (part: Part) => (part === 'name' ? t.columns.name : part === 'address' ? t.address : t.fields[part]);
  const completed = card && complement(fieldValuesOf(contact), card.values, (part, value) => t.inFile(label(part), value));
  const values = completed?.values ?? fieldValuesOf(contact);
  // An end that acceptance and period give comes as that period: a new date or period counts.
  // Without an address the country is suggested as for a new contact (an address added later
  // had none: UX review); saved without an address it is dropped again (contactInput).
  const formValues = {
    ...values,
    ...warrantyFormValues(contact.acceptedOn, contact.warrantyUntil),
    ...(!values.street && !values.postal_code && !values.city && !values.country && { country: DEFAULT_COUNTRY }),
  };
  // A value of the card the form would refuse (a postcode of four digits, notes over 2,000
  // characters with the card's): said beside its field at once, not first at "Speichern" (code
  // review); only of a field the card changed.
  const checked = completed && readContactForm(formValues);
  const errors =
    checked &&
    Object.fromEntries(
      Object.entries({ ...typedErrors(formValues).errors, ...(checked.ok ? {} : checked.errors) }).filter(
        ([name]) => name === 'notes' || completed.filled.includes(name as Part),
      ),
    );
  const said = completed && t.completed(completed.filled.map(label).join(', '), completed.noted.map(label).join(', '));
  return formPage(c, 200, {
    mode: {
      kind: 'edit',
      contactId: contact.id,
      name: displayName(contact),
      version: contact.version,
      base: fingerprintOf(contact),
      changed: t.lastBy(contact.updatedByName, formatDateTime(t.locale, contact.updatedAt)),
      from: card && importId ? { importId, card: at, on: ticksParam(c.req.query('on')) } : undefined,
    },
    // What was completed, and where what differs went; nothing is saved before "Speichern". A
    // link of a preview that is gone (imported, undone, expired): the form as stored, and why (a
    // notice, not the form's `message`: that would keep the stored values as unsent input).
    notice: said ? (
      <p class="notice" role="status" data-announce={said}>
        {said}
      </p>
    ) : importId ? (
      <p class="alert" role="alert">
        {t.previewGone}
      </p>
    ) : undefined,
    errors,
    values: formValues,
  });
});

contactRoutes.on(['POST', 'PUT'], '/contacts/:contactId', contactParam, contactForm, async (c) => {
  const { contactId } = c.req.valid('param');
  const form: FormResult = c.req.valid('form');
  const version = versionOf(form.raw);
  const resend: FormMode = {
    kind: 'resend',
    action: c.var.shell.paths.contact(c.var.asset.id, contactId),
    hidden: { name: 'version', value: String(version ?? '') },
    // A revive or a restore's choice sent again after a 503 or 429 is still one, as after a 401
    // (session-expired.tsx): else a revive answered "gelöscht" again, a restore was saved as an
    // edit (data review). The form's fingerprint too (edits.ts fingerprintOf).
    keep: [
      ...sentAlong(form.raw as Record<string, unknown>, ['revive', 'restore', ...(form.values.warranty_years ? [] : ['period_end'])]),
      // "ergänzen"'s card with the preview's ticks: up to 4,960 characters (paths.ts ImportFrom).
      ...sentAlong(form.raw as Record<string, unknown>, ['import'], 5000),
      ...sentAlong(form.raw as Record<string, unknown>, ['base'], 200),
      // A save over a comparison stays one (it names what it replaced: code review, stop 78).
      ...sentAlong(form.raw as Record<string, unknown>, ['over'], 300),
    ],
  };
  // "Alles noch einmal bearbeiten" on a clash: the whole form with the merge and this user's input
  // where both changed, against the version stored at the clash (a later change is merged when it
  // is sent); nothing is saved until then. Above it, what is stored now where it differs from the
  // form (the co-buyer's values of the clash among them), so nobody has to recall them.
  // A clash's choice sent without a choice for a field (a client that ignores `required`): that
  // field would be stored empty, both values lost. The whole form instead, as "Alles noch einmal
  // bearbeiten" gives it: the user's own input there (the clash form carries it as `mine_<name>`),
  // what is stored now beside it, and why (422): nothing is saved.
  const sent = form.raw as Record<string, unknown>;
  const unchosen =
    typeof sent.choose === 'string'
      ? FIELDS.filter((spec) => String(sent.choose).split(' ').includes(spec.name) && typeof sent[spec.name] !== 'string')
      : [];
  const again = sent.again === '1' || unchosen.length > 0;
  // (Deleted meanwhile: the form all the same; sending it says so and keeps the input. A `take`
  // then is answered as a save of the form is, which says so and offers the way back: review.)
  // With the versions since the clash's: what was saved after it (one round trip, as findContact).
  // (No version sent: no kept version is that late, the contact's row alone is read.)
  const state =
    again || typeof sent.take === 'string' ? await contactState(c.var.db, c.var.asset.id, contactId, version ?? 1e9) : undefined;
  const stored = state?.contact?.deletedAt === null ? state.contact : undefined;
  if (again || stored) {
    // Where the clash form could not carry the input twice (src/contacts/views/merge-clash.tsx), the stored value.
    const kept = stored ? fieldValuesOf(stored) : undefined;
    // "Gespeicherte Werte übernehmen" under the comparison: the stored values of the fields it
    // showed (`take`), the rest of the input kept, still against the version the comparison was
    // made with, so that a save since is merged (buyer review, stop 60: it opened the stored
    // contact, and what was typed in every other field was gone). Both warranty dates or neither:
    // a period kept beside a taken acceptance date would set another end (review).
    const asked = String(sent.take ?? '').split(' ');
    if (asked.some((name) => name === 'accepted_on' || name === 'warranty_until')) asked.push('accepted_on', 'warranty_until');
    const taken = kept ? FIELDS.filter((spec) => asked.includes(spec.name)) : [];
    const refilled =
      unchosen.length || taken.length
        ? readContactForm({
            ...sent,
            ...Object.fromEntries(unchosen.map((spec) => [spec.name, String(sent[`mine_${spec.name}`] ?? kept?.[spec.name] ?? '')])),
            ...Object.fromEntries(taken.map((spec) => [spec.name, kept?.[spec.name]])),
            // A period chosen would set the end again.
            ...(asked.includes('warranty_until') && { warranty_years: '' }),
          })
        : form;
    const v = { ...refilled.values };
    let theirs = String((form.raw as Record<string, unknown>).theirs ?? '');
    // Saved again since the clash (walkthrough, stop 70: the comparison then showed every
    // difference, the clash's old values as "Meine Eingabe" and the user's own change as the
    // co-buyer's, and "Gespeicherte Werte übernehmen" took back her e-mail): merged as a save
    // would merge it. A field the form holds as the clash's version had it takes the newer
    // value; a field changed since is compared where the form differs, with what the clash
    // compared; the form is then against the version stored, as when nobody saved since (review:
    // against the clash's, a value typed back over the newer one was taken for no change). Only
    // the clash page's input: a `take` sends the whole form, typed in since. Not known once that
    // version left the kept ones: every difference, as before.
    const atClash = again && stored && stored.version !== version ? state?.versions.find((kept) => kept.version === version) : undefined;
    if (atClash && stored) {
      const now = fieldValuesOf(stored);
      const since = FIELDS.filter((spec) => now[spec.name] !== atClash.values[spec.name]).map((spec) => spec.name);
      for (const name of since) if (typedValue(v, name).replace(/\r\n?/g, '\n') === atClash.values[name]) v[name] = now[name];
      if (theirs) theirs = [theirs, ...since].join(' ');
    }
    const name = displayName(
      stored ?? { title: v.title ?? '', firstName: v.first_name ?? '', lastName: v.last_name ?? '', company: v.company ?? '' },
    );
    if (taken.length)
      return formPage(c, 200, {
        mode: { kind: 'edit', contactId, name, version, from: importOf(sent.import) },
        notice: (
          <p class="notice" role="status" data-announce={c.var.shell.t.taken}>
            {c.var.shell.t.taken}
          </p>
        ),
        values: v.warranty_years ? v : { ...v, ...warrantyFormValues(v.accepted_on ?? '', v.warranty_until ?? '') },
        errors: refilled.ok ? undefined : refilled.errors,
        unsaved: true,
      });
    return formPage(c, unchosen.length ? 422 : 200, {
      mode: { kind: 'edit', contactId, name, version: atClash ? stored?.version : version, from: importOf(sent.import) },
      message: unchosen.length ? c.var.shell.t.chooseAll : undefined,
      // As in the edit form: an end that acceptance and a period give comes as that period, so a
      // corrected acceptance date counts (the clash's form carries dates only).
      values: v.warranty_years ? v : { ...v, ...warrantyFormValues(v.accepted_on ?? '', v.warranty_until ?? '') },
      errors: refilled.ok ? undefined : refilled.errors,
      conflict: stored,
      conflictRestoring: ['1', 'undo'].includes(String((form.raw as Record<string, unknown>).restore)),
      // Compared: what co-buyers changed (the clash's `theirs`), as long as nobody saved since the
      // clash; after that, or from a clash page without it, every field the form and the stored
      // contact differ in.
      conflictFields: (stored?.version === version || atClash) && theirs ? theirs.split(' ') : undefined,
      conflictBy: stored?.version === version && theirs ? ((form.raw as Record<string, unknown>).by as string | undefined) : undefined,
      // Kept by the browser as a pending draft: it comes back if the form is left unsaved.
      unsaved: true,
    });
  }
  // The choice of a clash that restoring an older version met: still that restore. `revive`: a
  // contact deleted while being edited comes back with this input (merged as any edit).
  const raw = form.raw as Record<string, unknown>;
  const revive = raw.revive === '1';
  const restoring = raw.restore === '1' || raw.restore === 'undo';
  const restore = restoring || revive;
  return keepingInput(c, { mode: resend, values: form.values }, async () => {
    // A German postcode this edit typed or changed is five digits, a phone field one number
    // (typedErrors); a value the contact held in a kept version stays as stored (an import keeps
    // what its file has: code review). Any kept version,
    // not only the form's: the choice of a clash, and "Alles noch einmal bearbeiten", carry the
    // co-buyer's version, and this user's address from the version the edit started from was
    // refused there (code review). A restore's choice is checked the same way: its values are
    // kept versions', and a `restore` field on an edit of new values no longer lets a postcode
    // by (security review). Read only for a value that breaks such a rule (inside keepingInput: a
    // failed read keeps the input).
    const { errors: typed, held } = typedErrors(form.values);
    const broken = Object.keys(held) as FieldName[];
    if (broken.length) {
      const { versions } = await contactState(c.var.db, c.var.asset.id, contactId, 0);
      for (const name of broken)
        if (versions.some((kept) => held[name]?.every((field) => typedValue(kept.values, field) === typedValue(form.values, field))))
          delete typed[name];
    }
    const typedBad = Object.keys(typed).length > 0;
    const input = form.ok && !typedBad ? form.input : undefined;
    const base = typeof raw.base === 'string' ? raw.base : undefined;
    // Completed from an upload's card: its preview is where the save goes back to.
    const from = importOf(raw.import);
    // A save over a conflict's comparison names what it replaced of others' (replacedOf): their
    // versions are read first, as a merge reads them (two round trips, the second the write).
    const over = overOf(raw.over);
    // (Not for an upload's card it completes, whose save goes back to the preview: code review, stop 78.)
    const overState =
      over !== undefined && input && version !== undefined && !restore && !from
        ? await contactState(c.var.db, c.var.asset.id, contactId, 0)
        : undefined;
    const outcome = await saveEdit(c.var.db, c.var.asset.id, contactId, version, input, author(c), {
      restore,
      revive,
      undo: raw.restore === 'undo',
      fingerprint: base,
      state: overState,
    });
    const errors = form.ok && !typedBad ? undefined : { ...typed, ...(form.ok ? {} : form.errors) };
    // Input to correct first: the same choice again, with the errors beside the fields.
    if (revive && outcome.kind === 'invalid' && outcome.current.deletedAt !== null)
      return formPage(c, 422, {
        mode: {
          kind: 'gone',
          formToken: newFormToken(),
          contactId,
          revive: reviveOf(outcome.current),
          version: restoring || undefined,
          from,
        },
        values: form.values,
        errors,
      });
    return answerEdit(
      c,
      outcome,
      {
        version,
        base,
        values: form.values,
        errors,
        from,
        chosen: typeof raw.choose === 'string',
        over,
        versions: overState?.versions,
      },
      revive ? 'restored' : raw.restore === 'undo' ? 'undone' : restore ? 'version' : 'saved',
    );
  });
});

/**
 * The fields a conflict's comparison showed (its form's `over`), as known field names joined by a
 * space; empty: all. Anything else sent (no known name) is no such form (code review, stop 76: the
 * text went into the card's address as it came).
 */
function overOf(sent: unknown): string | undefined {
  if (typeof sent !== 'string') return undefined;
  const named = sent.split(/[ .]/);
  const known = FIELDS.filter((spec) => named.includes(spec.name)).map((spec) => spec.name);
  return known.length || !sent ? known.join(' ') : undefined;
}

/** The deleted contact a "Mit meinen Eingaben wiederherstellen" brings back: its deleted version, who deleted it. */
const reviveOf = (deleted: Contact) => ({ version: deleted.version, by: deleted.updatedByName });

/** What an edit's outcome shows: the card (saved, maybe merged), the form again, or the choice of a clash. */
async function answerEdit(
  c: Ctx,
  outcome: EditOutcome,
  form: {
    version: number | undefined;
    base?: string;
    values: FormValues;
    errors?: FieldErrors;
    from?: ImportFrom;
    /** Sent from a clash's choice. */
    chosen?: boolean;
    /** Sent over a conflict's comparison: the fields it showed (overOf), and the contact's kept versions, read before the save. */
    over?: string;
    versions?: readonly Version[];
  },
  done: Done = 'saved',
  /** The earlier version a restore brought back: the card names it. */
  restored?: Version,
) {
  const { shell, asset } = c.var;
  const { t, paths } = shell;
  // The form again (invalid input, no room): as it was sent, an upload's card it completes too.
  const formAgain = (current: Contact): FormMode => ({
    kind: 'edit',
    contactId: current.id,
    name: displayName(current),
    version: form.version,
    base: form.base,
    from: form.from,
    over: form.over,
  });
  switch (outcome.kind) {
    case 'saved': {
      const { contact, merged } = outcome;
      const mine = contact.updatedBy === author(c).userId;
      // A restore that found the contact back already, by someone else: said so (savedMessage).
      if (done === 'restored' && !mine) done = 'back';
      // An earlier version this user's restore wrote: the card's "Rückgängig" restores the one before.
      const undo = done === 'version' && mine && contact.version > (form.version ?? contact.version) ? contact.version : undefined;
      // The card's notice of a merge reads the versions up to this user's save (`at`), or, where the
      // save wrote nothing, up to the version it found (`upto`: a co-buyer's, or this user's other
      // window's); none for a contact someone else brought back already.
      const unwritten = outcome.unchanged === true && done === 'saved';
      const base = merged && (mine || unwritten) ? form.version : undefined;
      // "Ergänzen" saved: the upload's preview again, at its card, which names the contact if the
      // save wrote something (code review); with htmx as a whole page (HX-Redirect). A save that
      // took over a co-buyer's change meanwhile: the card, which says what it merged.
      // (Its way back to the preview then: walkthrough, stop 72.)
      // A contact deleted meanwhile and brought back with the input ("restored") too (code review, stop 73).
      const from = done === 'saved' || done === 'restored' ? form.from : undefined;
      // Its contact named also where the save wrote nothing: an upload gone meanwhile then leads to
      // the contact, not to a 404 page (code review, stop 74).
      const how = unwritten ? 'same' : done === 'restored' ? 'revived' : undefined;
      if (from && !merged) {
        const back = paths.completedFrom(asset.id, from, contact.id, how);
        if (c.req.header('hx-request') !== 'true') return c.redirect(back, 303);
        c.header('HX-Redirect', back);
        return c.body(null, 200);
      }
      const withFrom = from ? `import=${importValue(from)}` : '';
      // "Meine Eingaben trotzdem speichern": the card names the co-buyer's values it replaced.
      const over = form.over !== undefined && mine && !merged && !outcome.unchanged && done === 'saved' ? form.over : undefined;
      if (c.req.header('hx-request') !== 'true')
        return c.redirect(
          `${paths.editedContact(asset.id, contact.id, done, base, base || undo || over !== undefined ? contact.version : undefined, unwritten, restored?.version)}${over === undefined ? '' : `&over=${over.replaceAll(' ', '.')}`}${withFrom && `&${withFrom}`}`,
          303,
        );
      c.header('HX-Push-Url', `${paths.contact(asset.id, contact.id)}${withFrom && `?${withFrom}`}`);
      const replaced =
        over === undefined || !form.versions
          ? undefined
          : replacedOf(form.versions, contact.version, fieldValuesOf(contact), over, author(c).userId);
      return contactPage(
        c,
        contact,
        savedMessage(t, contact, done, merged, restored, replaced),
        undefined,
        undo,
        from && paths.completedFrom(asset.id, from, contact.id, how),
      );
    }
    case 'invalid':
      return formPage(c, 422, {
        mode: formAgain(outcome.current),
        values: form.values,
        errors: form.errors,
      });
    case 'clash': {
      // "Jonas Müller und Maria Roth haben …" (review: "…, Maria Roth hat").
      const names = outcome.by;
      // Where this user's other window saved every clashing field, that window is named ("Sie selbst
      // … haben", the choice "Aus dem anderen Fenster"), not a co-buyer (reviews).
      const own = outcome.clashes.every((name) => outcome.own.includes(name));
      // Some from this user's other window, some from co-buyers: both named (UX walkthrough, stop 77).
      const named =
        own || !names.length ? [t.yourself] : outcome.clashes.some((name) => outcome.own.includes(name)) ? [...names, t.yourself] : names;
      const by = listed(t, named);
      // What co-buyers (or this user's other window) changed besides the clashes: kept with the choice, said before it.
      const also = outcome.theirs.filter((name) => !outcome.clashes.includes(name));
      const alsoTheirs = also.filter((name) => !outcome.own.includes(name));
      const alsoOwn = also.filter((name) => outcome.own.includes(name));
      const body = (
        <MergeClash
          shell={shell}
          assetId={asset.id}
          contactId={outcome.current.id}
          name={displayName(outcome.current)}
          alsoMerged={
            also.length ? mergedMessage(t, { fields: alsoTheirs, by: outcome.by, own: alsoOwn, whose: outcome.whose }, t.also) : undefined
          }
          version={outcome.current.version}
          values={outcome.values}
          mine={outcome.mine}
          clashes={outcome.clashes}
          apart={outcome.apart}
          theirs={outcome.theirs}
          base={outcome.base}
          by={by}
          people={named.includes(t.yourself) ? 2 : named.length}
          own={outcome.own}
          whose={outcome.whose}
          // A revive's clash ("Mit meinen Eingaben wiederherstellen" after a co-buyer restored and
          // changed the contact) is between the user's input and the co-buyer's: an edit's choice.
          restoring={done === 'version' || done === 'undone' ? done : undefined}
          from={form.from}
          again={form.chosen}
          earlier={restored && `${formatDateTime(t.locale, restored.createdAt)} (${restored.authorName})`}
        />
      );
      return render(c, { status: 409, title: `${t.clashTitle}: ${displayName(outcome.current)}`, body });
    }
    case 'conflict':
      // No base to merge against: both sides, as before merging existed.
      return formPage(c, 409, {
        mode: {
          kind: 'edit',
          contactId: outcome.current.id,
          name: displayName(outcome.current),
          version: outcome.current.version,
          from: form.from,
        },
        values: form.values,
        errors: form.errors,
        conflict: outcome.current,
      });
    case 'full':
    case 'noRoom':
      return formPage(c, 409, {
        mode: formAgain(outcome.current),
        values: form.values,
        message: outcome.kind === 'full' ? t.full(MAX_CONTACTS_PER_ASSET) : t.noRoom,
      });
    case 'gone': {
      // Back with the input only where the delete was the one change since the form was loaded:
      // from the deleted version nothing needs merging. A co-buyer's edit before the delete is
      // not merged into a revive: then only "Als neuen Kontakt speichern" (nothing is lost). A
      // form of the deleted version itself (a restore from "Zuletzt gelöscht" whose stored values
      // a later rule refuses, corrected there) brings it back too (code review: it could only
      // become a new contact, without its history).
      const { current } = outcome;
      const from = form.version === undefined ? -1 : current.version - form.version;
      const revive = from === 0 || from === 1 ? reviveOf(current) : undefined;
      // From the history (`version`), the values are the version's, not input (review).
      return formPage(c, 409, {
        mode: {
          kind: 'gone',
          formToken: newFormToken(),
          contactId: current.id,
          revive,
          version: done === 'version' || done === 'undone' || undefined,
          // Changed, then deleted: who deleted it, and that it is under "Zuletzt gelöscht" with
          // those changes (co-buyer review, stop 62: "Der Kontakt wurde inzwischen gelöscht" alone).
          deletedBy: revive ? undefined : current.updatedByName,
          from: form.from,
        },
        values: form.values,
        errors: form.errors,
      });
    }
    case 'missing':
      // Deleted for good meanwhile (a final delete, the undo of its import, the purge): still 404,
      // as for any unknown contact, but the input can become a new contact. Without a version
      // nothing was edited: a bare 404.
      if (form.version === undefined) throw new HTTPException(404);
      return formPage(c, 404, {
        // (From a create sent again, whose contact is gone: no contact's id, a key of its own.)
        mode: { kind: 'gone', formToken: newFormToken(), contactId: c.req.param('contactId') ?? '' },
        values: form.values,
        errors: form.errors,
      });
  }
}

// ---- history, restore a version, recently deleted ------------------------------------------

contactRoutes.get('/contacts/:contactId/history', contactParam, async (c) => {
  const { contact, versions } = await contactHistory(c.var.db, c.var.asset.id, c.req.valid('param').contactId);
  if (!contact) throw new HTTPException(404);
  const { shell } = c.var;
  return render(c, {
    title: shell.t.historyTitle(displayName(contact)),
    body: (
      <ContactHistory
        shell={shell}
        assetId={c.var.asset.id}
        contact={contact}
        versions={versions}
        maxVersions={MAX_VERSIONS}
        userId={c.var.session.userId}
      />
    ),
  });
});

contactRoutes.post(
  '/contacts/:contactId/history/:version{[1-9][0-9]{0,8}}/restore',
  paramOr404({ contactId: z.string().check(matching(CONTACT_ID)), version: coercedNumber() }),
  zValidator(
    'form',
    fieldsThen((raw) => ({ ...versionSent(raw), undo: raw.restore === 'undo' })),
  ),
  async (c) => {
    const { contactId, version: restoring } = c.req.valid('param');
    // `undo`: the card's "Rückgängig" after this user's restore (said as undone, not offered again).
    const { version, undo } = c.req.valid('form');
    // One read serves both: the version to restore and the versions the merge needs.
    const state = await contactState(c.var.db, c.var.asset.id, contactId, Math.min(restoring, version ?? restoring));
    const old = state.versions.find((candidate) => candidate.version === restoring);
    if (!state.contact) return goneForGood(c);
    if (!old) throw new HTTPException(404);
    // An older version is restored like an edit that types its values: validated by today's
    // rules, merged with whatever co-buyers saved since the page was loaded.
    const form = readContactForm(old.values);
    // Only from "Zuletzt gelöscht" (its form carries the deleted version): a live contact's
    // history offers an older deletion's values too, restored as any version (code review).
    const bringsBack = old.action === 'delete' && restoring === version;
    // A deleted version is what "Zuletzt gelöscht" brings back; an older one of a contact deleted
    // since the history was loaded is answered as an edit of it (saveEdit: 'gone').
    const outcome = await saveEdit(c.var.db, c.var.asset.id, contactId, version, form.ok ? form.input : undefined, author(c), {
      restore: true,
      undo,
      from: restoring,
      bringsBack,
      state: version === undefined ? undefined : state,
    });
    // Restored and deleted again since that page was loaded (saveEdit: 'gone', also where that
    // happened between its reads): that delete was a co-buyer's choice; it stays (409, and why),
    // as the list's "Rückgängig" answers (co-buyer review, stop 62: an old "Wiederherstellen"
    // brought the contact back over it, unsaid).
    if (bringsBack && outcome.kind === 'gone') {
      const { t } = c.var.shell;
      const { current } = outcome;
      return deletedPage(
        c,
        409,
        t.undoChanged(displayName(current), current.updatedByName, formatDateTime(t.locale, current.updatedAt), true),
      );
    }
    // From "Zuletzt gelöscht" a deleted contact comes back (its form carries the deleted version;
    // sent twice, the second finds it back already); from the history, an earlier version.
    // Deleted meanwhile (never from "Zuletzt gelöscht": bringsBack), the version's values are shown as such.
    const done =
      outcome.kind !== 'gone' && (state.contact.deletedAt !== null || (restoring === version && old.action === 'delete'))
        ? 'restored'
        : undo
          ? 'undone'
          : 'version';
    return answerEdit(
      c,
      outcome,
      { version, values: form.values, errors: form.ok ? undefined : form.errors },
      done,
      done === 'version' ? old : undefined,
    );
  },
);

/** A restore of a contact deleted for good meanwhile: 404, said on "Zuletzt gelöscht" (where a restore comes from). */
function goneForGood(c: Ctx) {
  return deletedPage(c, 404, c.var.shell.t.forGood);
}

/** "Zuletzt gelöscht" as it is now, with why a restore from it did not happen. */
async function deletedPage(c: Ctx, status: 404 | 409, message: string) {
  const { db, asset, shell } = c.var;
  const contacts = await deletedContacts(db, asset.id);
  return render(c, {
    status,
    title: shell.t.deletedTitle,
    body: <DeletedContacts shell={shell} assetId={asset.id} contacts={contacts} message={message} alert />,
  });
}

contactRoutes.post('/contacts/:contactId/purge', contactParam, deleteVersion, async (c) => {
  const { db, asset, shell } = c.var;
  const { t } = shell;
  const result = await purgeContact(db, asset.id, c.req.valid('param').contactId, c.req.valid('form').version);
  if (result.kind === 'gone') throw new HTTPException(404);
  // Without JS the list of deleted contacts says it too (the name is gone with the contact). Gone
  // for good already (a double tap, "Erneut senden" after a lost answer): said the same (no 404).
  if (result.kind !== 'changed' && c.req.header('hx-request') !== 'true')
    return c.redirect(`${shell.paths.deleted(asset.id)}?purged=1`, 303);
  // Restored (and maybe changed and deleted again) since the page was loaded: nothing is deleted
  // for good without a look at what it is now (409, the list as it is now, and why).
  const changed = result.kind === 'changed';
  const message = changed
    ? (result.current.deletedAt === null ? t.revived : t.purgeChanged)(
        displayName(result.current),
        result.current.updatedByName,
        formatDateTime(t.locale, result.current.updatedAt),
      )
    : result.kind === 'purged'
      ? t.purged(displayName(result.contact))
      : t.purgedOne;
  const contacts = await deletedContacts(db, asset.id);
  return render(c, {
    status: changed ? 409 : 200,
    title: t.deletedTitle,
    body: (
      <DeletedContacts
        shell={shell}
        assetId={asset.id}
        contacts={contacts}
        message={message}
        alert={changed}
        draftOf={changed ? undefined : shell.paths.contact(asset.id, c.req.valid('param').contactId)}
      />
    ),
  });
});

// ---- delete and undo ------------------------------------------------------------------------

contactRoutes.get('/contacts/:contactId/delete', contactParam, deleteVersionQuery, async (c) => {
  const { version } = c.req.valid('query');
  const { contactId } = c.req.valid('param');
  // From the card's version on, in the same one read: what a co-buyer changed since it was shown.
  const { contact, versions } = version
    ? await contactState(c.var.db, c.var.asset.id, contactId, version)
    : { contact: await findContact(c.var.db, c.var.asset.id, contactId), versions: [] };
  if (!contact || contact.deletedAt !== null) {
    // Deleted meanwhile (a co-buyer's tap came first): who did it, when, and the way back, as the
    // card says it (UX review: without JS this was a bare "Nicht gefunden").
    const gone = await liveContact(c, contactId);
    if (gone instanceof Response) return gone;
    throw new HTTPException(404);
  }
  const { shell } = c.var;
  // From a card a co-buyer changed since: said before the question, as a delete with JS says it,
  // with what changed (buyer review: the page did not say what).
  const stale = !!version && version !== contact.version;
  const message = stale ? shell.t.stale(contact.updatedByName, formatDateTime(shell.t.locale, contact.updatedAt)) : undefined;
  return render(c, {
    title: shell.t.deleteTitle(displayName(contact)),
    body: (
      <DeleteConfirm
        shell={shell}
        assetId={c.get('asset').id}
        contact={contact}
        from={fromList(c)}
        message={message}
        shown={stale ? versions.find((candidate) => candidate.version === version)?.values : undefined}
      />
    ),
  });
});

/** The values the card showed at `version`, where that version is still kept (its delete met a co-buyer's change). */
async function shownAt(c: Ctx, contactId: string, version: number | undefined) {
  if (version === undefined) return undefined;
  const { versions } = await contactState(c.var.db, c.var.asset.id, contactId, version);
  return versions.find((candidate) => candidate.version === version)?.values;
}

async function remove(c: Ctx, contactId: string, version: number | undefined) {
  const assetId = c.get('asset').id;
  const result = await deleteContact(c.get('db'), assetId, contactId, version, author(c));
  const from = fromList(c);
  if (result.kind === 'gone') {
    // Deleted by a co-buyer meanwhile: who, and where it is (the list, 404; review: a bare 404).
    const { current } = result;
    if (!current) throw new HTTPException(404);
    return listPage(c, from, { status: 404, alert: c.var.shell.t.deletedBefore(displayName(current), current.updatedByName) });
  }
  if (result.kind === 'deleted') return afterWrite(c, { kind: 'deleted', contact: result.contact }, from);
  const { shell } = c.var;
  const current = result.current;
  const message = shell.t.stale(current.updatedByName, formatDateTime(shell.t.locale, current.updatedAt));
  // What changed since the card was shown: read only on this rare path (a second round trip).
  const shown = await shownAt(c, contactId, version);
  return render(c, {
    status: 409,
    title: shell.t.deleteTitle(displayName(current)),
    body: <DeleteConfirm shell={shell} assetId={assetId} contact={current} message={message} from={from} shown={shown} />,
  });
}

contactRoutes.post('/contacts/:contactId/delete', contactParam, deleteVersion, (c) =>
  remove(c, c.req.valid('param').contactId, c.req.valid('form').version),
);
// DELETE carries the version in the query (htmx 4 sends no body with it) or, from other clients, in a form body.
contactRoutes.delete('/contacts/:contactId', contactParam, deleteVersionQuery, deleteVersion, (c) =>
  remove(c, c.req.valid('param').contactId, c.req.valid('query').version ?? c.req.valid('form').version),
);

contactRoutes.post('/contacts/:contactId/restore', contactParam, deleteVersion, async (c) => {
  const { t } = c.var.shell;
  const { version } = c.req.valid('form');
  const result = await restoreContact(c.get('db'), c.get('asset').id, c.req.valid('param').contactId, author(c), version);
  const from = fromList(c);
  // Deleted for good meanwhile (by a co-buyer in "Zuletzt gelöscht"): said on the list the undo was on.
  if (result.kind === 'gone') return listPage(c, from, { status: 404, alert: t.forGood });
  // Restored and deleted again since: that delete was someone's choice; it stays (409, and why).
  if (result.kind === 'changed') {
    const { current } = result;
    const alert = t.undoChanged(displayName(current), current.updatedByName, formatDateTime(t.locale, current.updatedAt));
    return listPage(c, from, { status: 409, alert });
  }
  if (result.kind === 'full') return listPage(c, from, { status: 409, alert: t.full(MAX_CONTACTS_PER_ASSET) });
  const { contact } = result;
  // Back already, by a co-buyer (who may have changed it, "Mit meinen Eingaben wiederherstellen"):
  // said so, not as this undo's restore (buyer review, stop 60).
  if (contact.updatedBy !== author(c).userId)
    return listPage(c, from, {
      done: t.backAlready(displayName(contact), contact.updatedByName, formatDateTime(t.locale, contact.updatedAt)),
      // With the way to it (co-buyer walkthrough, stop 75: "Bitte prüfen Sie die aktuelle Fassung" and no link).
      doneContact: contact.id,
    });
  return afterWrite(c, { kind: 'restored', contact }, from);
});
