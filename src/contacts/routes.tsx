import { zValidator } from '@hono/zod-validator';
import { type Context, Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import * as z from 'zod/mini';
import type { AppEnv } from '../env';
import { StorageUnavailableError } from '../errors';
import { randomToken } from '../random';
import { fragment, render, shellOf, wantsFragment } from '../views/render';
import {
  type Contact,
  MAX_CONTACTS_PER_ASSET,
  allContacts,
  connect,
  createContact,
  deleteContact,
  findContact,
  findDeletedContact,
  listContacts,
  restoreContact,
  updateContact,
} from './repository';
import { contactFormValidator } from './form-validator';
import { FORM_TOKEN, type FieldErrors, type FormValues, createForm, formValuesFrom, updateForm } from './schema';
import { contentDisposition, serializeContact, serializeContacts } from './vcard';
import { ContactDetail, DeleteConfirm } from './views/contact-detail';
import { ContactForm, type FormMode, formValuesOf } from './views/contact-form';
import { ContactBook, type Notice, Results, Rows } from './views/contact-list';
import { contactName, formatDateTime } from './views/format';

/** The contact book of one asset, mounted at /assets/:assetId. */
export const contactRoutes = new Hono<AppEnv>();

const contactId = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/));
const idParam = z.object({ contactId });
const vcfParam = z.object({ file: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}\.vcf$/)) });
/** A malformed query parameter falls back to its default instead of failing the page. */
const optionalId = z.catch(z.optional(contactId), undefined);

const listQuery = z.object({
  q: z.catch(z.string().check(z.maxLength(200), z.trim()), ''),
  page: z.catch(z.coerce.number().check(z.int(), z.gte(1), z.lte(1000)), 1),
  part: z.catch(z.optional(z.enum(['results', 'rows'])), undefined),
  saved: optionalId,
  deleted: optionalId,
  restored: optionalId,
});

const deleteForm = z.object({ version: z.catch(z.optional(z.string()), undefined) });

/**
 * The version a delete was sent with: none (delete whatever is stored), or a number. A value
 * that is not a version can never match, so it answers like a stale one (409) and deletes nothing.
 */
function deleteVersion(...sent: (string | undefined)[]): number | undefined {
  const value = sent.find((candidate) => candidate !== undefined);
  if (value === undefined) return undefined;
  return /^[1-9]\d{0,8}$/.test(value) ? Number(value) : 0;
}

/** A malformed contact id names no contact: 404, never the validator's JSON 400. */
const contactParam = zValidator('param', idParam, (result) => {
  if (!result.success) throw new HTTPException(404);
});
const vcfFileParam = zValidator('param', vcfParam, (result) => {
  if (!result.success) throw new HTTPException(404);
});

/** The asset must be one of the session's; any other id is a 404 (never reveal it exists). */
contactRoutes.use('*', async function requireAsset(c, next) {
  const asset = c.get('session').assets.find((candidate) => candidate.id === c.req.param('assetId'));
  if (!asset) throw new HTTPException(404);
  c.set('asset', asset);
  await next();
});

const author = (c: Context<AppEnv>) => ({ userId: c.get('session').userId, name: c.get('session').name });
const db = (c: Context<AppEnv>) => connect(c.env.DB);

/** The one-time token of a new-contact form (24 characters). */
const newFormToken = () => randomToken(18);

function formPage(
  c: Context<AppEnv>,
  status: 200 | 409 | 422 | 503,
  form: { mode: FormMode; values: FormValues; errors?: FieldErrors; conflict?: Contact; message?: string; heading?: string; unsaved?: boolean },
) {
  const shell = shellOf(c);
  const title =
    form.mode.kind === 'edit' ? shell.t.contacts.editTitle(contactName(form.mode.contact)) : shell.t.contacts.newTitle;
  return render(c, { status, title, body: <ContactForm shell={shell} assetId={c.get('asset').id} {...form} /> });
}

/** After a successful write: 303 without JavaScript, the list (2xx) with htmx. */
async function afterWrite(c: Context<AppEnv>, notice: Notice) {
  const assetId = c.get('asset').id;
  const target = shellOf(c).paths.contacts(assetId, { notice: { kind: notice.kind, id: notice.contact.id } });
  if (!wantsFragment(c)) return c.redirect(target, 303);
  c.header('HX-Push-Url', target);
  return listPage(c, { q: '', page: 1 }, { notice });
}

/** One page of the list; a page number past the end shows the last page. */
async function pageOf(c: Context<AppEnv>, query: { q: string; page: number }) {
  const assetId = c.get('asset').id;
  const page = await listContacts(db(c), assetId, { query: query.q, page: query.page });
  if (page.contacts.length > 0 || page.page <= page.pageCount) return page;
  return listContacts(db(c), assetId, { query: query.q, page: page.pageCount });
}

async function listPage(c: Context<AppEnv>, query: { q: string; page: number }, extra: { notice?: Notice; alert?: string; status?: 200 | 409 } = {}) {
  const shell = shellOf(c);
  const asset = c.get('asset');
  const page = await pageOf(c, query);
  return render(c, {
    status: extra.status,
    title: shell.t.contacts.heading(asset.name || asset.id),
    body: <ContactBook shell={shell} assetId={asset.id} assetName={asset.name || asset.id} page={page} query={query.q} notice={extra.notice} alert={extra.alert} />,
  });
}

async function noticeFrom(c: Context<AppEnv>, query: z.infer<typeof listQuery>): Promise<Notice | undefined> {
  const assetId = c.get('asset').id;
  if (query.saved) {
    const contact = await findContact(db(c), assetId, query.saved);
    return contact && { kind: 'saved', contact };
  }
  if (query.restored) {
    const contact = await findContact(db(c), assetId, query.restored);
    return contact && { kind: 'restored', contact };
  }
  if (query.deleted) {
    const contact = await findDeletedContact(db(c), assetId, query.deleted);
    return contact && { kind: 'deleted', contact };
  }
  return undefined;
}

async function requireContact(c: Context<AppEnv>, id: string): Promise<Contact> {
  const contact = await findContact(db(c), c.get('asset').id, id);
  if (!contact) throw new HTTPException(404);
  return contact;
}

// ---- list and search ----------------------------------------------------------------------

contactRoutes.get('/contacts', zValidator('query', listQuery), async (c) => {
  const query = c.req.valid('query');
  const shell = shellOf(c);
  const assetId = c.get('asset').id;
  if (wantsFragment(c) && query.part) {
    const page = await pageOf(c, query);
    if (query.part === 'rows') return fragment(c, <Rows shell={shell} assetId={assetId} page={page} query={query.q} loadedMore />);
    c.header('HX-Replace-Url', shell.paths.contacts(assetId, { q: query.q }));
    return fragment(c, <Results shell={shell} assetId={assetId} page={page} query={query.q} />);
  }
  return listPage(c, query, { notice: await noticeFrom(c, query) });
});

// ---- export ---------------------------------------------------------------------------------

function vcardResponse(c: Context<AppEnv>, body: string, fileName: string) {
  return c.body(body, 200, {
    'Content-Type': 'text/vcard; charset=utf-8',
    'Content-Disposition': contentDisposition(fileName),
    'Cache-Control': 'private, no-store',
  });
}

contactRoutes.get('/contacts.vcf', async (c) => {
  const asset = c.get('asset');
  const contacts = await allContacts(db(c), asset.id);
  return vcardResponse(c, serializeContacts(contacts), asset.name || asset.id);
});

contactRoutes.get('/contacts/:file{[A-Za-z0-9_-]+\\.vcf}', vcfFileParam, async (c) => {
  const contact = await requireContact(c, c.req.valid('param').file.slice(0, -'.vcf'.length));
  return vcardResponse(c, serializeContact(contact), contactName(contact));
});

// ---- create ---------------------------------------------------------------------------------

contactRoutes.get('/contacts/new', (c) => {
  const shell = shellOf(c);
  return formPage(c, 200, { mode: { kind: 'create', formToken: newFormToken() }, values: { country: shell.t.contacts.defaultCountry } });
});

contactRoutes.post(
  '/contacts',
  contactFormValidator(createForm, (c, raw, errors) => {
    const token = typeof raw === 'object' && raw !== null ? Reflect.get(raw, 'form_token') : undefined;
    const formToken = typeof token === 'string' && FORM_TOKEN.test(token) ? token : newFormToken();
    return formPage(c, 422, { mode: { kind: 'create', formToken }, values: formValuesFrom(raw), errors });
  }),
  async (c) => {
    const form = c.req.valid('form');
    const formToken = form.form_token ?? newFormToken();
    const mode: FormMode = { kind: 'create', formToken };
    const values = formValuesFrom(form);
    try {
      const result = await createContact(db(c), c.get('asset').id, form, formToken, author(c));
      if (result.kind === 'full') return formPage(c, 409, { mode, values, message: shellOf(c).t.contacts.full(MAX_CONTACTS_PER_ASSET) });
      return afterWrite(c, { kind: 'saved', contact: result.contact });
    } catch (error) {
      if (error instanceof StorageUnavailableError) return unavailableForm(c, error, { mode, values });
      throw error;
    }
  },
);

/** Storage is down: the form again with everything typed, ready to be sent once more (503). */
function unavailableForm(c: Context<AppEnv>, error: StorageUnavailableError, form: { mode: FormMode; values: FormValues }) {
  const cause = error.cause instanceof Error ? error.cause.message : 'unknown';
  console.error(JSON.stringify({ level: 'error', requestId: c.get('requestId'), message: 'storage unavailable', error: cause }));
  const { t } = shellOf(c);
  return formPage(c, 503, { ...form, unsaved: true, heading: t.errors.unavailable.title, message: `${t.errors.unavailable.text} ${t.errors.unavailable.inputKept}` });
}

// ---- one contact ----------------------------------------------------------------------------

contactRoutes.get('/contacts/:contactId', contactParam, async (c) => {
  const contact = await requireContact(c, c.req.valid('param').contactId);
  const shell = shellOf(c);
  return render(c, { title: contactName(contact), body: <ContactDetail shell={shell} assetId={c.get('asset').id} contact={contact} /> });
});

contactRoutes.get('/contacts/:contactId/edit', contactParam, async (c) => {
  const contact = await requireContact(c, c.req.valid('param').contactId);
  return formPage(c, 200, { mode: { kind: 'edit', contact, version: contact.version }, values: formValuesOf(contact) });
});

const updateHandlers = [
  contactParam,
  contactFormValidator(updateForm, async (c, raw, errors) => {
    const id = c.req.param('contactId') ?? '';
    const assetId = c.get('asset').id;
    const values = formValuesFrom(raw);
    const sent = typeof raw === 'object' && raw !== null ? Reflect.get(raw, 'version') : undefined;
    const version = typeof sent === 'string' && /^[1-9]\d{0,8}$/.test(sent) ? Number(sent) : undefined;
    let contact: Contact | undefined;
    try {
      contact = await findContact(db(c), assetId, id);
      if (!contact && (await findDeletedContact(db(c), assetId, id))) {
        return formPage(c, 409, { mode: { kind: 'gone', formToken: newFormToken() }, values, errors });
      }
    } catch (error) {
      if (!(error instanceof StorageUnavailableError)) throw error;
      const action = shellOf(c).paths.contact(assetId, id);
      return unavailableForm(c, error, { mode: { kind: 'resend', action, hidden: { name: 'version', value: String(version ?? '') } }, values });
    }
    if (!contact) throw new HTTPException(404);
    // Without the version the form was loaded with, nobody can tell what this edit is based on:
    // show it beside what is stored, as for a conflict, and let the user decide.
    if (version === undefined) return formPage(c, 409, { mode: { kind: 'edit', contact, version: contact.version }, values, errors, conflict: contact });
    return formPage(c, 422, { mode: { kind: 'edit', contact, version }, values, errors });
  }),
] as const;

async function update(c: Context<AppEnv, '/contacts/:contactId', { out: { param: { contactId: string }; form: z.output<typeof updateForm> } }>) {
  const { contactId: id } = c.req.valid('param');
  const form = c.req.valid('form');
  const values = formValuesFrom(form);
  const assetId = c.get('asset').id;
  try {
    const result = await updateContact(db(c), assetId, id, form.version, form, author(c));
    if (result.kind === 'updated') {
      if (!wantsFragment(c)) return c.redirect(shellOf(c).paths.contact(assetId, id), 303);
      c.header('HX-Push-Url', shellOf(c).paths.contact(assetId, id));
      const shell = shellOf(c);
      return render(c, {
        title: contactName(result.contact),
        body: <ContactDetail shell={shell} assetId={assetId} contact={result.contact} message={shell.t.contacts.saved(contactName(result.contact))} />,
      });
    }
    if (result.kind === 'conflict') {
      const current = result.current;
      return formPage(c, 409, { mode: { kind: 'edit', contact: current, version: current.version }, values, conflict: current });
    }
    if (!result.current) throw new HTTPException(404);
    return formPage(c, 409, { mode: { kind: 'gone', formToken: newFormToken() }, values });
  } catch (error) {
    if (!(error instanceof StorageUnavailableError)) throw error;
    const action = shellOf(c).paths.contact(assetId, id);
    return unavailableForm(c, error, { mode: { kind: 'resend', action, hidden: { name: 'version', value: String(form.version) } }, values });
  }
}

contactRoutes.post('/contacts/:contactId', ...updateHandlers, update);
contactRoutes.put('/contacts/:contactId', ...updateHandlers, update);

// ---- delete and undo ------------------------------------------------------------------------

contactRoutes.get('/contacts/:contactId/delete', contactParam, async (c) => {
  const contact = await requireContact(c, c.req.valid('param').contactId);
  const shell = shellOf(c);
  return render(c, { title: shell.t.contacts.deleteTitle(contactName(contact)), body: <DeleteConfirm shell={shell} assetId={c.get('asset').id} contact={contact} /> });
});

async function remove(c: Context<AppEnv>, id: string, version: number | undefined) {
  const assetId = c.get('asset').id;
  const result = await deleteContact(db(c), assetId, id, version, author(c));
  if (result.kind === 'gone') throw new HTTPException(404);
  if (result.kind === 'conflict') {
    const shell = shellOf(c);
    const current = result.current;
    const message = shell.t.contacts.conflictDeleteText(current.updatedByName, formatDateTime(shell.t.locale, current.updatedAt));
    return render(c, { status: 409, title: shell.t.contacts.deleteTitle(contactName(current)), body: <DeleteConfirm shell={shell} assetId={assetId} contact={current} message={message} /> });
  }
  return afterWrite(c, { kind: 'deleted', contact: result.contact });
}

contactRoutes.post('/contacts/:contactId/delete', contactParam, zValidator('form', deleteForm), (c) =>
  remove(c, c.req.valid('param').contactId, deleteVersion(c.req.valid('form').version)),
);
// DELETE carries the version in the query (htmx 4 sends no body with it) or, from other clients, in a form body.
contactRoutes.delete('/contacts/:contactId', contactParam, zValidator('query', deleteForm), zValidator('form', deleteForm), (c) =>
  remove(c, c.req.valid('param').contactId, deleteVersion(c.req.valid('query').version, c.req.valid('form').version)),
);

contactRoutes.post('/contacts/:contactId/restore', contactParam, async (c) => {
  const assetId = c.get('asset').id;
  const result = await restoreContact(db(c), assetId, c.req.valid('param').contactId, author(c));
  if (result.kind === 'gone') throw new HTTPException(404);
  if (result.kind === 'full') return listPage(c, { q: '', page: 1 }, { status: 409, alert: shellOf(c).t.contacts.full(MAX_CONTACTS_PER_ASSET) });
  return afterWrite(c, { kind: 'restored', contact: result.contact });
});
