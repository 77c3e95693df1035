import type { Messages } from '../../i18n';
import * as React from '../../views/jsx-factory';
import type { Shell } from '../../views/shell';
import { columnsOf } from '../fields';
import { IN_FILE, type StagedCard } from '../imports';
import type { LastImport } from '../repository';
import { displayName } from '../vcard';
import { Crumb, UndoImport } from './contact-list';
import { addressLines, formatDateTime } from './format';

type Kind = keyof Messages['ignoredKinds'];

/** The vCard properties a card can carry that Kontakte has no field for, by what people call them. */
const KINDS: readonly [Kind, RegExp][] = [
  ['birthday', /^BDAY$/],
  ['dates', /^(ANNIVERSARY|X-(MS-|EVOLUTION-)?ANNIVERSARY|X-ABDATE)$/],
  ['nickname', /^NICKNAME$/],
  ['phonetic', /^X-PHONETIC-/],
  ['messengers', /^(IMPP|X-(SOCIALPROFILE|MS-IMADDRESS|AIM|GTALK|ICQ|JABBER|MSN|QQ|SKYPE(-USERNAME)?|YAHOO|TWITTER))$/],
  ['related', /^(RELATED|X-ABRELATEDNAMES|X-(MS-|EVOLUTION-)?(MANAGER|ASSISTANT|SPOUSE))$/],
  ['photo', /^(PHOTO|LOGO|X-MS-CARDPICTURE)$/],
  ['gender', /^(X-)?GENDER$/],
  // Any other program's own property (X-…), once: named one by one, a file of CRM data filled a
  // phone's screen with names like "X-FCENCODED-582D…" (review).
  ['apps', /^X-/],
];
const kindOf = (property: string) => KINDS.find(([, names]) => names.test(property))?.[0];

/**
 * "Geburtstag, Spitzname, Daten anderer Programme": each kind once, in the card's order; a rare
 * standard property (LANG, GEO, TZ, KEY, CLIENTPIDMAP …) as "sonstige Angaben", not by its name,
 * which no buyer knows (UX review).
 */
function ignoredNames(t: Messages, properties: readonly string[]): string {
  return [...new Set(properties.map((name) => t.ignoredKinds[kindOf(name) ?? 'other']))].join(', ');
}

/**
 * The start of the notes as the preview shows them: their first three lines (as lines) and at
 * most 120 characters, "…" where more follows. All of them are imported.
 */
export function notesStart(notes: string): string {
  const lines = notes.split('\n');
  const head = [...lines.slice(0, 3).join('\n')];
  if (head.length > 120) return `${head.slice(0, 119).join('')}…`;
  return lines.length > 3 ? `${head.join('')}…` : notes;
}

/** The upload form (multipart, file field `file`); `error` says why the last file was refused. */
export function ImportForm(props: {
  shell: Shell;
  assetId: string;
  error?: string;
  /** The latest import an undo would still delete from: undone here too, not only on the list right after it. */
  last?: LastImport;
}) {
  const { shell, assetId, error, last } = props;
  const { t, paths } = shell;
  const action = paths.upload(assetId);
  const list = paths.contacts(assetId);
  return (
    <section class="import" aria-labelledby="import-title">
      <Crumb href={list} label={t.backToList} />
      <h1 id="import-title" tabindex={-1} data-focus={error ? undefined : true}>
        {t.importTitle}
      </h1>
      <p>{t.importText}</p>
      {last ? (
        <div class="notice">
          <p>{t.lastImport(last.count, formatDateTime(t.locale, last.at), namesOf(shell, last))}</p>
          <UndoImport shell={shell} action={paths.undoImport(assetId, last.importId)} />
        </div>
      ) : null}
      <form method="post" action={action} enctype="multipart/form-data" class="stack">
        <div class={error ? 'field invalid' : 'field'}>
          <label for="f-file">{t.importFile}</label>
          <span class="hint" id="f-file-hint">
            {t.limits}
          </span>
          <input
            id="f-file"
            type="file"
            name="file"
            accept=".vcf,.vcard,text/vcard,text/x-vcard"
            required
            aria-describedby={error ? 'f-file-hint f-file-error' : 'f-file-hint'}
            aria-invalid={error ? 'true' : undefined}
            autofocus={error ? true : undefined}
          />
          {error ? (
            <p class="field-error" id="f-file-error" role="alert">
              {error}
            </p>
          ) : null}
        </div>
        <div class="form-actions">
          <button type="submit" class="primary">
            {t.importSubmit}
          </button>
        </div>
      </form>
    </section>
  );
}

/**
 * The preview: every card as it would be stored, what did not fit said plainly, likely
 * duplicates unticked; the form imports the ticked ones.
 */
export function ImportPreview(props: {
  shell: Shell;
  assetId: string;
  importId: string;
  cards: readonly StagedCard[];
  room: number;
  /** DuplicateIndex['book'] */
  book: string;
  message?: string;
  /** The cards the buyer ticked, when the preview comes back after a confirm (their choice stays). */
  ticked?: ReadonlySet<string>;
  /** Confirmed with nothing ticked: said at the boxes, the first one focused (UX review: said at the top). */
  noneTicked?: boolean;
  /** The contact of the book a card completed ("ergänzen") was saved, and that card (`?completed=&card=`), as `contactId.card`: said at that card. */
  completed?: string;
}) {
  const { shell, assetId, importId, cards, ticked, noneTicked } = props;
  const first = cards.find((card) => card.importable);
  const allKnown = first && cards.every((card) => !card.importable || card.duplicateOf);
  // At first only as many are ticked as the asset has room for, the first ones in the file (UX
  // review: 840 ticked where 830 fit, and the confirm could only answer "too many").
  let room = props.room;
  const { t, paths } = shell;
  const action = paths.preview(assetId, importId);
  const label = (field: string) =>
    field === 'address' || field === 'department' || field === 'categories'
      ? t[field]
      : ((t.fields as Record<string, string>)[field] ?? field);
  // What went into the notes, once per field, counted as the glossary counts: "Mobilnummer,
  // Telefonnummer (5-mal)" (UX walkthrough, stop 79: "(5 ×)").
  const moved = (card: StagedCard) => {
    const counts = new Map<string, number>();
    for (const problem of card.problems)
      if (problem.outcome === 'movedToNotes') counts.set(label(problem.field), (counts.get(label(problem.field)) ?? 0) + 1);
    return [...counts].map(([field, n]) => (n > 1 ? field + t.times(n) : field)).join(', ');
  };
  return (
    <section class="import" aria-labelledby="preview-title">
      <h1 id="preview-title" tabindex={-1} data-focus>
        {t.previewTitle(cards.filter((card) => card.group === undefined).length)}
      </h1>
      {props.message ? (
        <p class="alert" role="alert">
          {props.message}
        </p>
      ) : null}
      {/* Nothing to tick: said once above, not only per card (UX review). */}
      <p>
        {cards.some((card) => card.importable)
          ? t.previewText(
              // The room only where the file's cards could fill it.
              cards.filter((card) => card.importable).length < props.room ? undefined : props.room,
              !ticked && room > 0 && cards.filter((card) => card.importable && !card.duplicateOf).length > room,
            )
          : t.nothing}
        {/* Every card likely there already: said above, not only per card (walkthrough, stop 70: found out only by "übernehmen"). */}
        {allKnown ? ` ${t.known}` : null}
      </p>
      {/* A skipped photo is named with its card ("Nicht übernommen: …, Foto"), not once more above (review). */}
      <form method="post" action={action}>
        {/* The book these duplicate marks were read in: a confirm after it changed shows them anew. */}
        {React.hidden('book', props.book)}
        {/* Out of a whole phone book, keep a few: untick all, then tick them. Without JS the preview
            comes back ticked so, at these buttons (not at the page's top); with JS
            (src/client/app.js) the boxes change at once. */}
        {cards.filter((card) => card.importable).length > 1 ? (
          <p class="actions" id="ticks">
            <button type="submit" name="tick" value="all" formaction={`${action}#ticks`}>
              {t.tickAll}
            </button>
            <button type="submit" name="tick" value="none" formaction={`${action}#ticks`}>
              {t.tickNone}
            </button>
          </p>
        ) : null}
        {noneTicked ? (
          <p class="field-error" id="ticks-error" role="alert">
            {t.noTick}
          </p>
        ) : null}
        <ul class="preview">
          {cards.map((card) => {
            const values = card.values;
            // The card's values as the book's columns: its name and address as a contact's.
            const columns = columnsOf(values);
            const name = displayName(columns);
            const meta = [values.position, values.first_name || values.last_name ? values.company : ''].filter(Boolean).join(' · ');
            // The mobile named as the phone list names it (walkthrough, stop 68: two numbers read alike).
            const reach = [values.phone, values.mobile && `${t.callMobile} ${values.mobile}`, values.email].filter(Boolean).join(' · ');
            // Everything else the card would store, so nothing arrives unseen: the address, the
            // website and the start of the notes (an import sets no warranty dates). Beside the
            // checkbox's name, not in it: it describes the checkbox.
            const more = [addressLines(columns).join(', '), values.website, notesStart(values.notes)].filter(Boolean);
            const id = `card-${card.index}`;
            const done = `${card.duplicateId}.${card.index}` === props.completed;
            const movedFields = moved(card);
            return (
              <li>
                <label class="choice" for={id}>
                  <input
                    type="checkbox"
                    id={id}
                    name="card"
                    value={String(card.index)}
                    checked={card.importable && (ticked ? ticked.has(String(card.index)) : !card.duplicateOf && room-- > 0)}
                    disabled={!card.importable}
                    // Described by what else it holds and why it is (not) ticked ("Wahrscheinlich schon bei Ihren Kontakten …").
                    aria-describedby={`${noneTicked && card === first ? 'ticks-error ' : ''}${more.length ? `${id}-more ` : ''}${id}-notes`}
                    autofocus={noneTicked && card === first ? true : undefined}
                  />
                  <span>
                    <strong>{name || '—'}</strong>
                    {meta ? <span class="meta"> {meta}</span> : null}
                    {reach ? <span class="meta"> {reach}</span> : null}
                  </span>
                </label>
                {more.length ? (
                  <p class="extra" id={`${id}-more`}>
                    {/* The notes' lines stay lines (pre-wrap): the last entry is theirs when there are notes. */}
                    {more.map((line, i) => (
                      <span class={values.notes && i === more.length - 1 ? 'meta pre' : 'meta'}>{line}</span>
                    ))}
                  </p>
                ) : null}
                <ul class="notes" id={`${id}-notes`}>
                  {/* Read out, and focused on arrival (src/client/app.js), where the page opens: at the card. */}
                  {/* That alone, not "wahrscheinlich" beside it (UX walkthrough, stop 74). */}
                  {card.duplicateOf && done ? (
                    <li id={`${id}-done`} role="status" data-announce={t.previewCompleted(card.duplicateOf)}>
                      {t.previewCompleted(card.duplicateOf)}
                    </li>
                  ) : card.duplicateOf ? (
                    <li>
                      {card.duplicateOf === IN_FILE ? t.previewTwice : t.previewDuplicate(card.duplicateOf)}
                      {/* What the phone's copy has that the book's contact lacks goes there, in its edit form (walkthrough, stop 71). */}
                      {/* Not where the file has nothing the contact lacks, as right after it was completed (UX walkthrough, stop 74). */}
                      {/* A button of this form, not a link: the ticks go along to the edit form and back, also
                          without JS (routes.tsx; walkthrough, stop 81). */}
                      {card.duplicateId && !card.complete ? (
                        <>
                          {' '}
                          <button type="submit" name="complete" value={`${card.duplicateId}.${card.index}`}>
                            {t.previewComplete(card.duplicateOf)}
                          </button>
                        </>
                      ) : null}
                    </li>
                  ) : null}
                  {card.group !== undefined ? <li>{t.previewGroup(card.group)}</li> : card.importable ? null : <li>{t.unusable}</li>}
                  {card.problems.some((problem) => problem.outcome === 'truncated') ? <li>{t.previewTruncated}</li> : null}
                  {movedFields ? <li>{t.previewMoved(movedFields)}</li> : null}
                  {card.ignored.length ? <li>{t.previewIgnored(ignoredNames(t, card.ignored))}</li> : null}
                </ul>
              </li>
            );
          })}
        </ul>
        <div class="form-actions">
          {/* A file of which nothing can be imported offers nothing to confirm. */}
          {cards.some((card) => card.importable) ? (
            <button type="submit" class="primary">
              {t.previewConfirm}
            </button>
          ) : null}
          <a class="button" href={paths.contacts(assetId)}>
            {/* Nothing new to import (all there already, perhaps completed), or nothing ticked: the way back says so, not
                "Abbrechen", which read as if it threw the completed contacts away (UX walkthrough). */}
            {allKnown || noneTicked ? t.backToList : t.cancel}
          </a>
        </div>
      </form>
    </section>
  );
}

/** The names the import page gives of an undo's contacts: the first ten (lastImport), then how many more. */
function namesOf(shell: Shell, last: LastImport): string {
  const names = last.contacts.map((contact) => displayName(contact));
  const rest = last.count - names.length;
  return rest > 0 ? `${names.join(', ')} ${shell.t.others(rest)}` : names.join(', ');
}
