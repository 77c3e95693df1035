import * as React from '../../views/jsx-factory';
import type { Shell } from '../../views/shell';
import { type Contact, PURGE_AFTER_MS } from '../repository';
import { displayName } from '../vcard';
import { Crumb, metaLine } from './contact-list';
import { formatDateTime } from './format';

/** "Zuletzt gelöscht": the asset's deleted contacts, each restorable by any co-buyer or deleted for good. */
export function DeletedContacts(props: {
  shell: Shell;
  assetId: string;
  contacts: readonly Contact[];
  message?: string;
  /** The message says why nothing was done (409). */
  alert?: boolean;
  /** Deleted for good just now: src/client/app.js offers this tab's unsent input for it (its draft's key). */
  draftOf?: string;
}) {
  const { shell, assetId, contacts } = props;
  const { t, paths } = shell;
  const list = paths.contacts(assetId);
  return (
    <section class="deleted" aria-labelledby="deleted-title">
      <Crumb href={list} label={t.backToList} swap />
      <h1 id="deleted-title" tabindex={-1} data-focus>
        {t.deletedTitle}
      </h1>
      {props.message ? (
        <p
          class={props.alert ? 'alert' : 'notice'}
          role={props.alert ? 'alert' : 'status'}
          data-announce={props.message}
          data-draft-of={props.draftOf}
        >
          {props.message}
        </p>
      ) : null}
      <p>{t.deletedText}</p>
      {contacts.length === 0 ? (
        <p>{t.deletedEmpty}</p>
      ) : (
        <ul class="deleted-list">
          {contacts.map((contact) => {
            const restore = paths.revert(assetId, contact.id, contact.version);
            const purge = paths.purge(assetId, contact.id);
            // Enough to tell two "Müller" apart before restoring: role, firm, a number, the e-mail.
            const known = [metaLine(contact), contact.phone || contact.mobile, contact.email].filter(Boolean).join(' · ');
            return (
              // What the new-contact form's duplicate hint compares (src/client/app.js deletedCards).
              <li
                id={`c-${contact.id}`}
                data-person={[contact.firstName, contact.lastName].filter(Boolean).join(' ')}
                data-org={contact.company}
                data-tel={[contact.phone, contact.mobile].filter(Boolean).join('\n')}
                data-email={contact.email}
              >
                <h2 id={`n-${contact.id}`}>{displayName(contact)}</h2>
                {known ? <p class="meta">{known}</p> : null}
                <p class="meta">
                  {t.deletedBy(contact.updatedByName, formatDateTime(t.locale, contact.deletedAt ?? contact.updatedAt))}
                  {/* When it leaves this page for good (walkthrough, stop 68: only "danach" said it). */}
                  {t.keptUntil(formatDateTime(t.locale, (contact.deletedAt ?? contact.updatedAt) + PURGE_AFTER_MS))}
                </p>
                <div class="row-actions">
                  <form {...React.postForm(restore)}>
                    {React.hidden('version', contact.version)}
                    {/* Named with the contact ("Wiederherstellen Anna Müller"): a list of buttons tells them apart. */}
                    <button type="submit" class="primary" id={`r-${contact.id}`} aria-labelledby={`r-${contact.id} n-${contact.id}`}>
                      {t.restore}
                    </button>
                  </form>
                  {/* Two steps, also without JS: it cannot be undone. */}
                  <details class="help">
                    <summary id={`p-${contact.id}`} aria-labelledby={`p-${contact.id} n-${contact.id}`}>
                      {t.purge}
                    </summary>
                    <form {...React.postForm(purge)}>
                      {/* Deleted for good only as shown here: not after a co-buyer's change since. */}
                      {React.hidden('version', contact.version)}
                      <p class="hint" id={`purge-${contact.id}`}>
                        {t.noUndo}
                      </p>
                      <button
                        type="submit"
                        class="danger"
                        id={`f-${contact.id}`}
                        aria-labelledby={`f-${contact.id} n-${contact.id}`}
                        aria-describedby={`purge-${contact.id}`}
                      >
                        {t.purgeConfirm}
                      </button>
                    </form>
                  </details>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
