import * as React from '../../views/jsx-factory';
import type { Shell } from '../../views/shell';
import { FIELDS } from '../fields';
import { type Change, MAX_CHANGES } from '../repository';
import { displayName } from '../vcard';
import { Crumb } from './contact-list';
import { dayAndTime, formatDateTime, listed } from './format';

/**
 * "Änderungen seit Ihrem letzten Besuch": what others changed in the book since, one entry per
 * contact (its newest change first), each person's run of the same kind of change said once, with
 * the fields an edit changed and how often ("Jonas Müller hat die Telefonnummer und den Ort
 * geändert (3-mal)": walkthrough, stop 76, twelve equal lines said nothing), and the way to the
 * contact's history.
 */
export function Changes(props: { shell: Shell; assetId: string; since: number; now: number; changes: readonly Change[] }) {
  const { shell, assetId, changes, since } = props;
  const { t, paths } = shell;
  // Per contact, its runs: one person's changes of one kind in a row.
  const byContact = new Map<string, Change[][]>();
  for (const change of changes) {
    const runs = byContact.get(change.contactId) ?? [];
    const run = runs.at(-1);
    const last = run?.at(-1);
    if (run && last?.authorName === change.authorName && last.action === change.action) run.push(change);
    else runs.push([change]);
    byContact.set(change.contactId, runs);
  }
  return (
    <section aria-labelledby="changes-title">
      <Crumb href={paths.contacts(assetId)} label={t.backToList} swap />
      <h1 id="changes-title" tabindex={-1} data-focus>
        {t.changesTitle}
      </h1>
      <p>{t.changesText(...dayAndTime(t.locale, since, props.now))}</p>
      {changes.length === 0 ? (
        <p>{t.changesEmpty}</p>
      ) : (
        <ul class="deleted-list">
          {[...byContact].map(([id, runs]) => (
            <li>
              <h2>
                <a href={paths.contact(assetId, id)} id={`n-${id}`}>
                  {displayName(runs[0]?.[0] as Change)}
                </a>
                {/* Deleted now (walkthrough, stop 76: only its last line said so), read with its
                    heading (code review, stop 77); its card offers "Wiederherstellen". */}
                {runs[0]?.[0]?.deleted ? <span class="badge">{t.changesDeleted}</span> : null}
              </h2>
              {runs.map((run) => {
                const [latest] = run as [Change];
                const changed = FIELDS.filter((spec) => run.some((change) => change.fields?.includes(spec.name)));
                // An edit's fields, where every change of the run tells them (the version before it is kept).
                const fields = latest.action === 'update' && run.every((change) => change.fields) ? changed : [];
                const action = fields.length
                  ? t.changedFields(
                      listed(
                        t,
                        fields.map((spec) => t.inText[spec.name]),
                      ),
                    )
                  : // A restore by the version it brought back, as the history says it (UX walkthrough, stop 78).
                    latest.action === 'revert' && latest.from && run.length < 2
                    ? t.revertOf(`${formatDateTime(t.locale, latest.from[0])} (${latest.from[1]})`)
                    : (t.historyAction[latest.action] ?? latest.action);
                // What this user had saved, replaced by an edit or a co-buyer's restore of an earlier
                // version (walkthrough, stop 76: Jonas was not told that Anna's choice "Meine Eingabe"
                // replaced his number; UX walkthrough, stop 77: nor of a restore); the fields named
                // where the entry does not name just those.
                const replaced = ['update', 'revert'].includes(latest.action)
                  ? changed.filter((spec) => run.some((change) => change.replaced.includes(spec.name)))
                  : [];
                return (
                  // Not grey where it replaced this user's input: it was missed at the end of a grey line (UX walkthrough, stop 77).
                  <p class={replaced.length ? 'mine' : 'meta'}>
                    {t.entry(
                      latest.authorName,
                      // "mindestens": the version before the run's first is no longer kept, nor what
                      // came before it (walkthrough, stop 80: "19-mal" for 23 changes); a first
                      // version is always the contact's creation, not one of an edit's run (code review).
                      (run.length > 1 ? action + t.times(run.length, !run.at(-1)?.fields && (run.at(-1)?.version ?? 0) > 2) : action) +
                        (replaced.length
                          ? t.replacedMine(
                              replaced.length < fields.length || !fields.length
                                ? listed(
                                    t,
                                    replaced.map((spec) => t.inText[spec.name]),
                                  )
                                : '',
                            )
                          : ''),
                      formatDateTime(t.locale, latest.createdAt),
                    )}
                  </p>
                );
              })}
              {/* Named with the contact ("Verlauf Anna Müller"): a list of links tells them apart. */}
              <a href={paths.history(assetId, id)} id={`h-${id}`} aria-labelledby={`h-${id} n-${id}`}>
                {t.history}
              </a>
            </li>
          ))}
        </ul>
      )}
      {/* The 100 shown were not all (UX walkthrough, stop 77: the page ended without a word). */}
      {changes.length >= MAX_CHANGES ? <p class="hint">{t.changesMore}</p> : null}
    </section>
  );
}
