import type { Child } from 'hono/jsx';
import type { ListQuery } from '../../paths';
import { type IconName, icon } from '../../views/icon';
import * as React from '../../views/jsx-factory';
import type { Shell } from '../../views/shell';
import { FIELDS, type FieldValues, fieldValuesOf } from '../fields';
import { NAME_VISIBLE } from '../keys';
import { fitsQr } from '../qr';
import type { Contact } from '../repository';
import { displayName, qrPayload } from '../vcard';
import { berlinToday } from '../warranty';
import { Crumb, metaLine, PostButton, warrantyLine } from './contact-list';
import { addressLines, fieldText, formatDateTime, mailtoHref, mapUrl, notedPhone, telHref } from './format';
import { Changes } from './history';

/**
 * One contact as a card: name and "Position · Unternehmen", a row of actions (call, mobile,
 * e-mail, route, vCard), then the details (the address as one block), who changed it last,
 * and a quiet delete at the end. `from` is the list as the user left it (search, grouping, paging):
 * the way back leads to this contact's row there, and a delete returns to it.
 */
export function ContactDetail(props: {
  shell: Shell;
  assetId: string;
  contact: Contact;
  message?: string;
  from?: ListQuery;
  draftKey?: string;
  /** The version this user's restore of an earlier one wrote: its "Rückgängig" restores the one before. */
  undo?: number;
  /** After "ergänzen" (a save that merged a co-buyer's change): the upload's preview, the way back. */
  preview?: string;
}) {
  const { shell, assetId, contact } = props;
  const { t, paths } = shell;
  const name = displayName(contact);
  const address = addressLines(contact);
  const edit = paths.editContact(assetId, contact.id);
  const back = `${paths.contacts(assetId, props.from)}#c-${contact.id}`;
  const remove = paths.deleteContact(assetId, contact.id, props.from, contact.version);
  const meta = metaLine(contact);
  const today = berlinToday(new Date());
  const newTab = <span class="sr-only"> {t.newTab}</span>;
  const details: { label: string; value: Child; pre?: boolean }[] = [];
  // A title shows in the name; without a first or last name that shows, the heading is the company alone.
  if (contact.title && !NAME_VISIBLE.test(contact.firstName + contact.lastName))
    details.push({ label: t.fields.title, value: contact.title });
  if (contact.phone) details.push({ label: t.fields.phone, value: <a href={telHref(contact.phone)}>{contact.phone}</a> });
  if (contact.mobile) details.push({ label: t.fields.mobile, value: <a href={telHref(contact.mobile)}>{contact.mobile}</a> });
  if (contact.email) details.push({ label: t.fields.email, value: <a href={mailtoHref(contact.email)}>{contact.email}</a> });
  if (contact.website) {
    details.push({
      label: t.fields.website,
      value: (
        <a href={contact.website} target="_blank" rel="noopener noreferrer">
          {contact.website}
          {newTab}
        </a>
      ),
    });
  }
  if (address.length) details.push({ label: t.address, value: address.join('\n'), pre: true });
  // A line of the notes that gives a phone's number after its label (notedPhone: "Notdienst: 0800
  // …") links it, as the print view lists it: with only two number fields the others stand there,
  // and a phone's browser does not link them (walkthrough, stop 82); also "(+49) 89 …" and one
  // followed by a full stop or a space (code review, stop 82). The split's parts: text, label,
  // number, text, …
  if (contact.notes)
    details.push({
      label: t.fields.notes,
      value: contact.notes
        .split(/^(.{1,80}?: *)(\(?[+0][\d ()/.-]{4,28}\d)(?=[ .]*(?:\([^\d)]*\)[ .]*)?$)/m)
        .map((part, index, parts) =>
          index % 3 > 1 && notedPhone(parts[index - 1] ?? '', part) ? <a href={telHref(part)}>{part}</a> : part,
        ),
      pre: true,
    });
  // The warranty dates (issue 17), in German format on screen.
  const warranty = FIELDS.filter((spec) => spec.group === 'warranty' && contact[spec.column] !== '');
  for (const spec of warranty) details.push({ label: t.fields[spec.name], value: fieldText(spec, contact[spec.column], t.locale) });
  return (
    <article class="detail" aria-labelledby="contact-title">
      {/* A whole page load: the browser itself returns to the row (#c-…). */}
      {props.preview ? (
        <Crumb href={props.preview} label={t.toPreview} />
      ) : (
        <Crumb href={back} label={(props.from?.view === 'warranty' ? t.warranty : t).backToList} />
      )}
      <div class="bar">
        <div>
          <h1 id="contact-title" tabindex={-1} data-focus>
            {name}
          </h1>
          {meta ? <p class="meta">{meta}</p> : null}
          {/* As in the list: the end when it is near or has passed (the dates themselves are below). */}
          {warrantyLine(shell, contact.warrantyUntil, today, contact.warrantyUntil < today)}
        </div>
        <a class="button" href={edit} hx-get={edit} hx-target="#main" hx-push-url="true">
          {t.edit}
        </a>
      </div>
      {props.undo ? (
        // A restore from the history changes every field at once: one tap takes it back (buyer review).
        <div class="notice" data-announce={props.message} data-draft-clear={paths.contact(assetId, contact.id)}>
          <p>{props.message}</p>
          <PostButton
            action={paths.revert(assetId, contact.id, props.undo - 1)}
            label={t.undo}
            version={props.undo}
            hidden={{ name: 'restore', value: 'undo' }}
          />
        </div>
      ) : props.message ? (
        <p
          class="notice"
          role="status"
          data-announce={props.message}
          data-draft-clear={props.draftKey ?? paths.contact(assetId, contact.id)}
        >
          {props.message}
        </p>
      ) : null}
      <ul class="quick">
        {contact.phone ? <Action shell={shell} href={telHref(contact.phone)} icon="call" label={t.call} /> : null}
        {contact.mobile ? (
          <Action shell={shell} href={telHref(contact.mobile)} icon="mobile" label={t.callMobile} name={t.callMobileName} />
        ) : null}
        {contact.email ? <Action shell={shell} href={mailtoHref(contact.email)} icon="mail" label={t.mail} /> : null}
        {address.length ? <Action shell={shell} href={mapUrl(address)} icon="route" label={t.map} newTab /> : null}
        <Action shell={shell} href={paths.exportOne(assetId, contact.id)} icon="card" label={t.vcard} name={t.vcardName} download />
      </ul>
      {details.length ? (
        <dl class="fields">
          {details.map((detail) => (
            <div>
              <dt>{detail.label}</dt>
              <dd class={detail.pre ? 'pre' : undefined}>{detail.value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {warranty.length ? <p class="hint">{t.warranty.cardHelp}</p> : null}
      {/* The reminders of this end alone (an end still ahead: on its day or after it none is left to ring). */}
      {contact.warrantyUntil > today ? (
        <p class="help">
          <a href={paths.event(assetId, contact.id)} download>
            {t.warranty.downloadOne}
          </a>
        </p>
      ) : null}
      <QrCode shell={shell} assetId={assetId} contact={contact} />
      {/* The link on a line of its own when they wrap (its 44 px target made a tall gap in a line of text). */}
      <p class="changed">
        <span>{t.lastBy(contact.updatedByName, formatDateTime(t.locale, contact.updatedAt))}</span>{' '}
        <a href={paths.history(assetId, contact.id)} hx-get={paths.history(assetId, contact.id)} hx-target="#main" hx-push-url="true">
          {t.history}
        </a>
      </p>
      {/* Deleting is undone with one tap on the next page, so it asks nothing first (without JS: its own page). */}
      <p class="quiet-link">
        <a
          class="delete"
          href={remove}
          hx-post={remove}
          hx-vals={JSON.stringify({ version: String(contact.version) })}
          hx-target="#main"
          hx-sync="this:drop"
        >
          {t.delete}
        </a>
      </p>
    </article>
  );
}

/**
 * One round action of the card: an icon with its word beneath. `name`, where the word alone does
 * not say what the tile does ("Mobil"), is what a screen reader reads; it contains the word (WCAG 2.5.3).
 */
function Action(props: { shell: Shell; href: string; icon: IconName; label: string; name?: string; newTab?: boolean; download?: boolean }) {
  const { shell } = props;
  return (
    <li>
      <a
        class="act"
        href={props.href}
        aria-label={props.name}
        target={props.newTab ? '_blank' : undefined}
        rel={props.newTab ? 'noopener noreferrer' : undefined}
        download={props.download ? true : undefined}
      >
        {icon(shell.paths, props.icon)}
        <span>{props.label}</span>
        {props.newTab ? <span class="sr-only"> {shell.t.newTab}</span> : null}
      </a>
    </li>
  );
}

/**
 * The contact as a QR code: pointing a phone's camera at the screen saves it. It sits behind a
 * disclosure that works without JS (an image in a closed <details> is not loaded), shown 320 CSS
 * px wide (3 px a module on a 1× screen for the densest code, version 20; test/e2e/qr.test.mjs
 * reads a dense one from the pixels). The card says what the code leaves out to stay scannable.
 */
function QrCode(props: { shell: Shell; assetId: string; contact: Contact }) {
  const { shell, assetId, contact } = props;
  const { t, paths } = shell;
  const payload = qrPayload(contact, fitsQr);
  if (!fitsQr(payload.text)) return <p class="hint">{t.qrTooLong}</p>;
  const src = paths.qr(assetId, contact.id);
  const alt = t.qrTitle(displayName(contact));
  const leftOut = payload.dropped.length ? (
    <p class="hint">{t.qrOmits(payload.dropped.map((part) => t.qrParts[part]).join(', '))}</p>
  ) : null;
  return (
    <details class="qr">
      <summary>{t.qrShow}</summary>
      <img src={src} alt={alt} width="320" height="320" loading="lazy" />
      <p class="hint">{t.qrHelp}</p>
      {leftOut}
    </details>
  );
}

/** One contact's warranty.ics when it has no end (404): a co-buyer removed it since the card was shown. */
export function NoWarrantyEnd(props: { shell: Shell; assetId: string; contactId: string; name: string }) {
  const { t, paths } = props.shell;
  return (
    <section aria-labelledby="no-end-title">
      <Crumb href={paths.contact(props.assetId, props.contactId)} label={t.toContact} />
      <h1 id="no-end-title" tabindex={-1} data-focus>
        {t.warranty.noEndTitle}
      </h1>
      <p>
        <strong>{props.name}</strong>: {t.warranty.noEnd}
      </p>
    </section>
  );
}

/**
 * A link to a contact that was deleted (a co-buyer's open tab, a bookmark, a link in a chat):
 * who deleted it and when, and the way back, instead of a bare "Nicht gefunden" (still 404).
 */
/** A deleted contact's heading (and title): by this user, not "inzwischen", as if someone else had (co-buyer walkthrough, stop 75). */
export const goneHeading = (shell: Shell, contact: Contact) =>
  contact.updatedBy === shell.user?.id ? shell.t.deleted(displayName(contact)) : shell.t.goneTitle;

export function DeletedCard(props: { shell: Shell; assetId: string; contact: Contact }) {
  const { shell, assetId, contact } = props;
  const { t, paths } = shell;
  return (
    <section class="detail" aria-labelledby="gone-title">
      <Crumb href={paths.contacts(assetId)} label={t.backToList} swap />
      <h1 id="gone-title" tabindex={-1} data-focus>
        {goneHeading(shell, contact)}
      </h1>
      <p>
        <strong>{displayName(contact)}</strong> ·{' '}
        {t.deletedBy(contact.updatedByName, formatDateTime(t.locale, contact.deletedAt ?? contact.updatedAt))}
      </p>
      <div class="row-actions">
        {/* The page's one way forward, as on "Zuletzt gelöscht": primary there and here, and to the
            same place, the card (UX review: the list's undo left the buyer at the list's top). */}
        <PostButton action={paths.revert(assetId, contact.id, contact.version)} label={t.restore} primary version={contact.version} />
        <a class="button" href={paths.deleted(assetId)}>
          {t.deletedTitle}
        </a>
      </div>
    </section>
  );
}

/** Without JavaScript, deleting asks on its own page first (with JS, undo on the next page is the safety net). */
export function DeleteConfirm(props: {
  shell: Shell;
  assetId: string;
  contact: Contact;
  message?: string;
  from: ListQuery;
  /** The values the card showed, when a co-buyer changed the contact since: what changed is listed. */
  shown?: FieldValues;
}) {
  const { shell, assetId, contact } = props;
  const { t, paths } = shell;
  const action = paths.deleteContact(assetId, contact.id, props.from);
  const back = paths.contact(assetId, contact.id);
  return (
    <section class="confirm" aria-labelledby="confirm-title">
      <h1 id="confirm-title" tabindex={-1} data-focus>
        {t.deleteTitle(displayName(contact))}
      </h1>
      {props.message ? (
        <p class="alert" role="alert" data-announce={props.message}>
          {props.message}
        </p>
      ) : null}
      {props.shown ? <Changes shell={shell} older={props.shown} newer={fieldValuesOf(contact)} /> : null}
      <p>{t.deleteText}</p>
      <form {...React.postForm(action)} class="form-actions">
        {React.hidden('version', contact.version)}
        <button type="submit" class="danger">
          {props.message ? t.anyway : t.deleteConfirm}
        </button>
        {/* After a co-buyer's change the way back is the way to check it (buyer review: "Prüfen Sie die aktuelle Fassung" beside "Abbrechen"). */}
        <a class="button" href={back} hx-get={back} hx-target="#main" hx-push-url="true">
          {props.message ? t.current : t.cancel}
        </a>
      </form>
    </section>
  );
}
