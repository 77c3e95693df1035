import * as React from '../../views/jsx-factory';
import type { Shell } from '../../views/shell';
import { EMPTY_FIELDS, FIELDS, type FieldValues, fieldValuesOf } from '../fields';
import { changedFields } from '../merge';
import type { Contact, Version } from '../repository';
import { displayName } from '../vcard';
import { Crumb, UndoImport } from './contact-list';
import { fieldText, formatDateTime } from './format';
import { MarkedLines, marksLines } from './marked-lines';

/**
 * A version's time, with its seconds where another version kept has the same minute: two saves of
 * one minute (a typo corrected) had headings and restore buttons a screen reader could not tell
 * apart (a11y walkthrough, stop 79).
 */
function when(locale: string, at: number, versions: readonly { createdAt: number }[]): string {
  const minute = (time: number) => Math.floor(time / 60_000);
  return formatDateTime(locale, at, versions.filter((other) => minute(other.createdAt) === minute(at)).length > 1);
}

/**
 * "Verlauf": who changed what and when, newest first; each version shows only the fields it
 * changed (old → new). Every older version can be restored: a form that carries the current
 * version, so restoring over a co-buyer's newer change goes through the same merge as an edit.
 */
export function ContactHistory(props: {
  shell: Shell;
  assetId: string;
  contact: Contact;
  versions: readonly Version[];
  maxVersions: number;
  /** The buyer looking: only the one who imported the contact is offered the import's undo. */
  userId: string;
}) {
  const { shell, assetId, contact, versions } = props;
  const { t, paths } = shell;
  const deleted = contact.deletedAt !== null;
  const stored = fieldValuesOf(contact);
  return (
    <section class="history" aria-labelledby="history-title">
      {/* A deleted contact has no card to go back to (review: its link led to 404): back to "Zuletzt gelöscht". */}
      {deleted ? (
        <Crumb href={paths.deleted(assetId)} label={t.toDeleted} swap />
      ) : (
        <Crumb href={paths.contact(assetId, contact.id)} label={t.toContact} swap />
      )}
      <h1 id="history-title" tabindex={-1} data-focus>
        {t.historyTitle(displayName(contact))}
      </h1>
      <p>
        {t.historyText}{' '}
        {/* A deleted contact's older versions are restored once it is back (review: this said they could be, with no button). */}
        {!deleted ? (
          t.historyRestoreText
        ) : (
          <>
            {t.historyDeleted} <a href={paths.deleted(assetId)}>{t.deletedTitle}</a>.
          </>
        )}{' '}
        {t.historyLimit(props.maxVersions)}
      </p>
      {/* The undo of the import this contact came with: for the buyer who imported it (a
          co-buyer's would remove nothing), and only while it would delete this contact, unchanged
          since (walkthrough, stop 67: a changed contact's history offered to delete the others for
          good, and it, not at all); it says that it deletes the import's untouched contacts. */}
      {contact.importId && contact.createdBy === props.userId && contact.version === 1 && !deleted ? (
        <>
          <p class="hint">{t.undoHint}</p>
          <UndoImport shell={shell} action={paths.undoImport(assetId, contact.importId)} />
        </>
      ) : null}
      <ol class="versions">
        {versions.map((version, index, all) => {
          const older = versions[index + 1]?.values ?? EMPTY_FIELDS;
          // The oldest version kept, once older ones made room (historyLimit), or the one version a
          // contact from before the history had (migration 0003, "angelegt" at its version then):
          // what it changed is not known, and against no values at all it read as if its author
          // had typed them all (data and code reviews). A contact's first version is 1.
          const unknown = !versions[index + 1] && version.version > 1;
          const changed = changedFields(older, version.values);
          const current = version.version === contact.version;
          const restores = changedFields(stored, version.values);
          const action = paths.revert(assetId, contact.id, version.version);
          // A deletion's values are the entry's below it, which offers them: "Diese Fassung
          // wiederherstellen" on "… hat den Kontakt gelöscht" read as deleting it again (buyer review).
          const offered = !(version.action === 'delete' && changed.length === 0 && index + 1 < versions.length);
          // Which version a restore brought back, by its date and author as the card said it, while
          // that version is kept (walkthrough, stop 76: "aus einer früheren Fassung" named none).
          const source = version.action === 'revert' && versions.find((earlier) => earlier.version === version.from);
          return (
            <li class="version" id={`v-${version.version}`}>
              <h2 id={`h-${version.version}`}>
                {t.entry(
                  version.authorName,
                  source
                    ? t.revertOf(`${formatDateTime(t.locale, source.createdAt)} (${source.authorName})`)
                    : (t.historyAction[version.action] ?? version.action),
                  when(t.locale, version.createdAt, all),
                )}
              </h2>
              {/* To that version's entry, marked there: two saves of one minute by one person read
                  the same (UX walkthrough, stop 77). */}
              {source ? (
                <p class="quiet-link">
                  <a href={`#v-${source.version}`}>{t.revertSeen}</a>
                </p>
              ) : null}
              {unknown ? (
                <>
                  <p class="hint">
                    {t.historyUnknown}
                    {current ? null : ` ${t.historyHeld}`}
                  </p>
                  {/* What a restore of it brings, as plain values, not as typed then (buyer review:
                      "Diese Fassung wiederherstellen" offered values nobody could see). */}
                  {current ? null : (
                    <dl class="changes">
                      {FIELDS.filter((spec) => version.values[spec.name]).map((spec) => (
                        <div>
                          <dt>{t.fields[spec.name]}</dt>
                          <dd class="pre">{fieldText(spec, version.values[spec.name], t.locale)}</dd>
                        </div>
                      ))}
                    </dl>
                  )}
                </>
              ) : changed.length === 0 ? (
                // Deleted or brought back as it was: its heading says it all (walkthrough, stop 70:
                // "gelöscht · Keine Änderung an den Angaben." read oddly).
                version.action === 'delete' || version.action === 'restore' ? null : (
                  <p class="hint">{t.noChange}</p>
                )
              ) : (
                <Changes shell={shell} older={older} newer={version.values} changed={changed} />
              )}
              {/* The deletion, where the contact is deleted, is no "Aktuelle Fassung": its heading says "gelöscht". */}
              {current && deleted ? null : current ? (
                <p class="badge">{t.historyCurrent}</p>
              ) : deleted || !offered ? null : restores.length === 0 ? (
                // Restoring it would change nothing (and take one of the versions kept).
                <p class="hint">{t.historySame}</p>
              ) : (
                <form {...React.postForm(action)}>
                  {React.hidden('version', contact.version)}
                  {/* What it changes of the contact as it is now: the whole version comes back, also
                      fields its entry does not list (walkthrough, stop 66: a position came back unsaid). */}
                  <p class="hint" id={`rc-${version.version}`}>
                    {t.historyRestores(restores.map((name) => t.fields[name]).join(', '))}
                  </p>
                  {/* Named with its version ("… wiederherstellen Anna Müller hat … geändert"). */}
                  <button
                    type="submit"
                    id={`r-${version.version}`}
                    aria-labelledby={`r-${version.version} h-${version.version}`}
                    aria-describedby={`rc-${version.version}`}
                  >
                    {t.historyRestore}
                  </button>
                </form>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** What changed from `older` to `newer`, a field a line ("Telefonnummer 089 1 → 089 2"). */
export function Changes(props: { shell: Shell; older: FieldValues; newer: FieldValues; changed?: readonly string[] }) {
  const { shell, older, newer } = props;
  const { t } = shell;
  const changed = props.changed ?? changedFields(older, newer);
  // A version that changed no field (a restore of what was stored) lists nothing: no empty list (code review).
  if (changed.length === 0) return null;
  return (
    <dl class="changes">
      {FIELDS.filter((spec) => changed.includes(spec.name)).map((spec) => {
        // Notes of several lines (no other field has any): the lines that changed marked, as in a
        // clash (buyer review); a note added or removed whole is not marked.
        const a = older[spec.name];
        const b = newer[spec.name];
        const text = (value: string, against: string) =>
          against && marksLines(value, against) ? (
            <MarkedLines text={value} against={against} said={t.clashOnlyHere} />
          ) : (
            fieldText(spec, value, t.locale)
          );
        return (
          <div>
            <dt>{t.fields[spec.name]}</dt>
            <dd>
              {/* The arrow is not read out, and del/ins are not said by most screen readers:
                  "alt: … neu: …" is (a11y review, stop 61). */}
              {a
                ? [
                    <span class="sr-only">{t.historyOld} </span>,
                    // Marked line by line, only the marks are struck through (pages.css): also where
                    // no line went, as when one was only added (walkthrough, stop 69: all was struck).
                    <del class={b && marksLines(a, b) ? 'pre lines' : 'pre'}>{text(a, b)}</del>,
                    <span aria-hidden="true"> → </span>,
                    <span class="sr-only">{t.historyNew} </span>,
                  ]
                : null}
              {b ? (
                <ins class="pre">{text(b, a)}</ins>
              ) : (
                // A removed value reads like any other change: "01.03.2027 → —".
                <span class="meta">{t.empty}</span>
              )}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
