import type { Shell } from '../../views/shell';
import type { Contact } from '../repository';
import { FIELDS, fieldValuesOf } from '../fields';
import { fitsQr } from '../qr';
import { displayName, qrPayload } from '../vcard';
import { addressLines, fieldText, formatDateTime, mailtoHref, mapUrl, telHref } from './format';

/** One contact with every field, who changed it last, and its actions. */
export function ContactDetail(props: { shell: Shell; assetId: string; contact: Contact; message?: string }) {
  const { shell, assetId, contact } = props;
  const { t, paths } = shell;
  const values = fieldValuesOf(contact);
  const address = addressLines(contact);
  const edit = paths.editContact(assetId, contact.id);
  const list = paths.contacts(assetId);
  const remove = paths.deleteContact(assetId, contact.id);
  return (
    <article class="detail" aria-labelledby="contact-title">
      <p class="crumb">
        <a href={list} hx-get={list} hx-target="#main" hx-push-url="true">
          <span aria-hidden="true">← </span>
          {t.contacts.backToList}
        </a>
      </p>
      <h1 id="contact-title" tabindex={-1} data-focus>
        {displayName(contact)}
      </h1>
      {props.message ? (
        <p class="notice" role="status" data-announce={props.message} data-draft-clear={paths.contact(assetId, contact.id)}>
          {props.message}
        </p>
      ) : null}
      <dl class="fields">
        {FIELDS.filter((spec) => values[spec.name] !== '').map((spec) => {
          const value = values[spec.name];
          return (
            <div>
              <dt>{t.contacts.fields[spec.name]}</dt>
              <dd class={spec.kind === 'notes' ? 'pre' : undefined}>
                {spec.kind === 'phone' ? (
                  <a href={telHref(value)}>{value}</a>
                ) : spec.kind === 'email' ? (
                  <a href={mailtoHref(value)}>{value}</a>
                ) : spec.kind === 'website' ? (
                  <a href={value} target="_blank" rel="noopener noreferrer">
                    {value}
                    <span class="sr-only"> {t.contacts.opensInNewTab}</span>
                  </a>
                ) : (
                  fieldText(spec, value, t.locale)
                )}
              </dd>
            </div>
          );
        })}
      </dl>
      {FIELDS.some((spec) => spec.group === 'warranty' && values[spec.name] !== '') ? <p class="hint">{t.warranty.cardHelp}</p> : null}
      {address.length ? (
        <p>
          <a href={mapUrl(address)} target="_blank" rel="noopener noreferrer">
            {t.contacts.map}
            <span class="sr-only"> {t.contacts.opensInNewTab}</span>
          </a>
        </p>
      ) : null}
      <p class="changed">
        {t.contacts.lastChanged(contact.updatedByName, formatDateTime(t.locale, contact.updatedAt))} ·{' '}
        <a href={paths.history(assetId, contact.id)} hx-get={paths.history(assetId, contact.id)} hx-target="#main" hx-push-url="true">
          {t.contacts.history}
        </a>
      </p>
      <QrCode shell={shell} assetId={assetId} contact={contact} />
      <div class="actions">
        <a class="button primary" href={edit} hx-get={edit} hx-target="#main" hx-push-url="true">
          {t.contacts.edit}
        </a>
        <a class="button" href={paths.exportOne(assetId, contact.id)} download>
          {t.contacts.exportOne}
        </a>
        <a
          class="button danger"
          href={remove}
          hx-post={remove}
          hx-vals={JSON.stringify({ version: String(contact.version) })}
          hx-confirm={t.contacts.deleteQuestion(displayName(contact))}
          hx-target="#main"
          hx-sync="this:drop"
        >
          {t.contacts.delete}
        </a>
      </div>
    </article>
  );
}

/**
 * The contact as a QR code: pointing a phone's camera at the screen saves it. On phones it sits
 * behind a disclosure that works without JS (an image in a closed <details> is not loaded); on
 * wide screens it shows at once. The card says what the code leaves out to stay scannable.
 */
function QrCode(props: { shell: Shell; assetId: string; contact: Contact }) {
  const { shell, assetId, contact } = props;
  const { t, paths } = shell;
  const payload = qrPayload(contact, fitsQr);
  if (!fitsQr(payload.text)) return <p class="hint">{t.contacts.qrTooLong}</p>;
  const src = paths.qrCode(assetId, contact.id);
  const alt = t.contacts.qrTitle(displayName(contact));
  const leftOut = payload.dropped.length ? <p class="hint">{t.contacts.qrLeavesOut(payload.dropped.map((part) => t.contacts.qrOmissions[part]).join(', '))}</p> : null;
  return (
    <details class="qr">
      <summary>{t.contacts.qrShow}</summary>
      <img src={src} alt={alt} width="240" height="240" loading="lazy" />
      <p class="hint">{t.contacts.qrHelp}</p>
      {leftOut}
    </details>
  );
}

/** Without JavaScript, deleting asks on its own page first (with JS, a confirm dialog does). */
export function DeleteConfirm(props: { shell: Shell; assetId: string; contact: Contact; message?: string }) {
  const { shell, assetId, contact } = props;
  const { t, paths } = shell;
  const action = paths.deleteContact(assetId, contact.id);
  const back = paths.contact(assetId, contact.id);
  return (
    <section class="confirm" aria-labelledby="confirm-title">
      <h1 id="confirm-title" tabindex={-1} data-focus>
        {t.contacts.deleteTitle(displayName(contact))}
      </h1>
      {props.message ? (
        <p class="alert" role="alert" data-announce={props.message}>
          {props.message}
        </p>
      ) : null}
      <p>{t.contacts.deleteText}</p>
      <form method="post" action={action} hx-post={action} hx-target="#main" hx-disable="find button[type=submit]" class="form-actions">
        <input type="hidden" name="version" value={String(contact.version)} />
        <button type="submit" class="danger">
          {props.message ? t.contacts.deleteAnyway : t.contacts.deleteConfirm}
        </button>
        <a class="button" href={back} hx-get={back} hx-target="#main" hx-push-url="true">
          {t.contacts.cancel}
        </a>
      </form>
    </section>
  );
}
