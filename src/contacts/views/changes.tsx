import * as React from '../../views/jsx-factory';
import type { Shell } from '../../views/shell';
import type { Change } from '../repository';
import { displayName } from '../vcard';
import { Crumb } from './contact-list';
import { formatDateTime } from './format';

/**
 * "Änderungen seit Ihrem letzten Besuch": what others changed in the book since, one entry per
 * contact (its newest change first), each change with who and when, and the way to its history.
 */
export function Changes(props: { shell: Shell; assetId: string; since: number; changes: readonly Change[]; more: boolean }) {
  const { shell, assetId, changes } = props;
  const { t, paths } = shell;
  const byContact = new Map<string, Change[]>();
  for (const change of changes) byContact.set(change.contactId, [...(byContact.get(change.contactId) ?? []), change]);
  return (
    <section aria-labelledby="changes-title">
      <Crumb href={paths.contacts(assetId)} label={t.contacts.backToList} swap />
      <h1 id="changes-title" tabindex={-1} data-focus>
        {t.contacts.changesTitle}
      </h1>
      <p>{t.contacts.changesText(formatDateTime(t.locale, props.since))}</p>
      {changes.length === 0 ? (
        <p>{t.contacts.changesEmpty}</p>
      ) : (
        <ul class="deleted-list">
          {[...byContact].map(([id, ofContact]) => (
            <li>
              <h2 id={`n-${id}`}>
                <a href={paths.contact(assetId, id)}>{displayName(ofContact[0] as Change)}</a>
              </h2>
              {ofContact.map((change) => (
                <p class="meta">
                  {t.contacts.historyEntry(
                    change.authorName,
                    t.contacts.historyAction[change.action] ?? change.action,
                    formatDateTime(t.locale, change.createdAt),
                  )}
                </p>
              ))}
              {/* Named with the contact ("Verlauf Anna Müller"): a list of links tells them apart. */}
              <a href={paths.history(assetId, id)} id={`h-${id}`} aria-labelledby={`h-${id} n-${id}`}>
                {t.contacts.history}
              </a>
            </li>
          ))}
        </ul>
      )}
      {props.more ? <p class="hint">{t.contacts.changesMore}</p> : null}
    </section>
  );
}
