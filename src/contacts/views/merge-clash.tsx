import type { Child } from 'hono/jsx';
import { MAX_BODY_BYTES } from '../../config';
import { type ImportFrom, importValue } from '../../paths';
import * as React from '../../views/jsx-factory';
import type { Shell } from '../../views/shell';
import { ADDRESS, columnsOf, FIELDS, type FieldName, type FieldValues, WARRANTY } from '../fields';
import { linesNotIn, mergedLines, told as saidChanged, UNKNOWN_BASE } from '../merge';
import { formatDate, warrantyFormValues } from '../warranty';
import { Crumb } from './contact-list';
import { addressLines, fieldText, listed } from './format';
import { MarkedLines, marksLines } from './marked-lines';

export interface ClashProps {
  shell: Shell;
  assetId: string;
  contactId: string;
  /** The contact's name as stored: the heading says which contact the choice is about. */
  name: string;
  /** What co-buyers changed besides the clashes, said before the choice (it is kept with it). */
  alsoMerged?: string;
  /** The stored version: the choice is saved against it (the merge's next base). */
  version: number;
  /** Everything already merged; for a clashing field, the stored value. */
  values: FieldValues;
  mine: FieldValues;
  clashes: readonly FieldName[];
  /** Who changed the contact meanwhile. */
  by: string;
  /** How many co-buyers `by` names (the verb agrees). */
  people: number;
  /** The fields whose stored value this user saved meanwhile in another window. */
  own?: readonly FieldName[];
  /** Who saved each field last (edits.ts): each choice names its own co-buyer, not all of them (walkthrough, stop 76). */
  whose?: ReadonlyMap<FieldName, string | null>;
  /** The choice comes from restoring an older version (its values are "mine"), not from an edit; `undone`: the undo of a restore. */
  restoring?: 'version' | 'undone';
  /** The fields co-buyers changed besides the clashes (merged): "Alles noch einmal bearbeiten" compares only theirs. */
  theirs: readonly FieldName[];
  /** The upload's card the edit completes ("ergänzen"): the way back and the choice's save go to its preview. */
  from?: ImportFrom;
  /** The earlier version restored: its date and author ("06.12.2026, 14:54 (Jonas Müller)"). */
  earlier?: string;
  /** Met while a choice was sent: the contact changed again since the last choice page (co-buyer walkthrough, stop 75). */
  again?: boolean;
  /** Not the same fields changed on both sides (edits.ts): said as changes that do not go together. */
  apart?: boolean;
  /** The version the edit started from: "Beide Änderungen" of the notes leaves out what either removed since; each side's address is marked where it differs from it. */
  base: FieldValues;
}

/**
 * 409 after a merge found the same fields changed on both sides: just those fields, one group
 * each, each a choice between this user's input and the co-buyer's value (radio buttons, no JS
 * needed), both actions directly beneath. Every other field travels as the merged value, so
 * saving the choice stores exactly the merge plus the choices, and "Alles noch einmal
 * bearbeiten" opens the whole form with the merge and this user's input. Neither side is chosen
 * until the user picks (required, also without JS): a preselected co-buyer's value lost the
 * user's own input, never saved anywhere, to a tap on "Auswahl speichern" (UX review).
 */
export function MergeClash(props: ClashProps) {
  const { shell, assetId, contactId, values, mine, by, restoring, base } = props;
  const { t, paths } = shell;
  // Both acceptance dates clash and each side's end is that date plus the same period: the end is
  // no choice of its own (one from each side stored an end that fits neither), it follows the
  // acceptance chosen. The period travels with the form; the server computes the end again.
  const mineYears = warrantyFormValues(mine.accepted_on, mine.warranty_until).warranty_years;
  const linked =
    props.clashes.includes('accepted_on') &&
    props.clashes.includes('warranty_until') &&
    mineYears !== '' &&
    warrantyFormValues(values.accepted_on, values.warranty_until).warranty_years === mineYears;
  const clashes = linked ? props.clashes.filter((name) => name !== 'warranty_until') : props.clashes;
  const shown = (spec: (typeof FIELDS)[number], value: string, end: string) =>
    linked && spec.name === 'accepted_on' && value
      ? `${fieldText(spec, value, t.locale)} · ${t.warranty.until(formatDate(end, t.locale))}`
      : '';
  const action = paths.contact(assetId, contactId);
  // The address is one choice, of the two whole addresses (its parts chosen one by one made an
  // address nobody typed: buyer review); so are both warranty dates, where both are asked and the
  // end does not follow the acceptance (walkthrough, stop 65). schema.ts withGrouped takes them apart.
  const address = clashes.filter((name) => ADDRESS.includes(name));
  const dates = !linked && WARRANTY.every((name) => clashes.includes(name)) ? WARRANTY : [];
  // Each side's lines of the address marked where they differ from the version both started
  // from, or else from the other side: what each changed (walkthrough, stop 70: "Meine Eingabe"
  // showed the old city beside a new street, and nothing said which part was whose). No "Beide
  // Änderungen" of its parts: one side's street with the other's postcode is an address nobody
  // typed ("Industriestraße 7, 80333 Garching"), and removals spliced left a country alone.
  const addressText = (side: FieldValues) => addressLines(columnsOf(side)).join('\n');
  // A part whose base a fingerprint no longer knows (edits.ts) is compared with the other side's.
  // A part both sides hold alike is no change to choose between: both took the form's suggested
  // "Deutschland" (UX walkthrough, stop 79: "Geändert: Deutschland" on both sides).
  const against = (side: FieldValues) =>
    addressText(
      Object.fromEntries(
        ADDRESS.map((name) => [
          name,
          base[name] === UNKNOWN_BASE ? (side === mine ? values : mine)[name] : mine[name] === values[name] ? side[name] : base[name],
        ]),
      ) as FieldValues,
    );
  const groups = [
    ['address', ADDRESS, address, (side: FieldValues) => [addressText(side)]],
    [
      'warranty',
      WARRANTY,
      dates,
      (side: FieldValues) => dates.map((name) => `${t.fields[name]} ${side[name] ? formatDate(side[name], t.locale) : t.empty}`),
    ],
  ] as const;
  // This user's input for the clashing fields travels twice (the radio button chosen and
  // `mine_<name>`, for a client that sends no choice): with long notes in a script of several
  // bytes a letter that could pass the 64 KiB body limit (413, review). Then once only: a choice
  // is required, and a client that sends none gets the stored value back instead of its own.
  const sent = (value: string) => new URLSearchParams({ x: value.replace(/\r?\n/g, '\r\n') }).toString().length;
  // Notes changed on both sides may also take both changes (buyer reviews: a choice lost one
  // side's text, and then a first version, a union, brought back lines the co-buyer corrected):
  // merge.ts mergedLines. Offered where that is a third text and fits the field.
  const both = mergedLines(base.notes, values.notes, mine.notes);
  // Not where the notes the edit started from are unknown (a form's version that left the 20 kept):
  // without them removed lines would come back (review).
  const withBoth = (spec: (typeof FIELDS)[number]) =>
    spec.name === 'notes' &&
    clashes.includes('notes') &&
    base.notes !== UNKNOWN_BASE &&
    ![values.notes, mine.notes].includes(both) &&
    [...both].length <= spec.max;
  // What co-buyers changed and who (none: this user's other window, for every clash), on both
  // forms: the whole form's comparison, on "Alles noch einmal bearbeiten" or after a choice sent
  // without one, shows those fields under that name (reviews: "Von Anna Müller" to Anna herself).
  const theirs = [...new Set([...props.theirs, ...props.clashes])].join(' ');
  // Per field as the choice names it ("phone:Jonas%20M%C3%BCller,notes:"; empty for this user's
  // other window): the form after it credited every field to every co-buyer, and her own to them
  // (UX walkthrough, stop 77). contact-form.tsx byFields reads it.
  // One name (or none) for all: that alone, as before.
  const named = theirs
    .split(' ')
    .map((name) => [name, props.own?.includes(name as FieldName) ? '' : (props.whose?.get(name as FieldName) ?? by)] as const);
  const whose =
    new Set(named.map(([, who]) => who)).size > 1
      ? named.map(([name, who]) => `${name}:${encodeURIComponent(who)}`).join(',')
      : (named[0]?.[1] ?? by);
  const told = (
    <>
      {React.hidden('theirs', theirs)}
      {React.hidden('by', whose)}
    </>
  );
  const withMine =
    FIELDS.reduce(
      (sum, spec) =>
        // Each field's name (`sent` counts one letter for it), `mine_<name>` where it clashes.
        sum +
        20 +
        // (The notes' value may be "Beide Änderungen" where it is offered.)
        Math.max(sent(values[spec.name]), sent(mine[spec.name]), withBoth(spec) ? sent(both) : 0) +
        (clashes.includes(spec.name) ? sent(mine[spec.name]) + 20 : 0),
      // version, choose, restore, warranty_years, theirs, by
      300 + sent(theirs) + sent(whose),
    ) <= MAX_BODY_BYTES;
  // "Meine Eingabe" (or the earlier version) first, then the co-buyer's (or this user's other window's).
  // The earlier version by its date and author, as the card says it after a restore (co-buyer walkthrough, stop 75).
  const mineWho = restoring ? (props.earlier ? t.clashRestoreFrom(props.earlier) : t.earlier) : t.conflictYours;
  const theirsWho = (names: readonly FieldName[]) => {
    const who = [...new Set(names.map((name) => props.whose?.get(name)).filter((name) => typeof name === 'string'))];
    // Beside a restore's "Fassung vom … (Jonas Müller)", what is stored now says so: "Von Jonas
    // Müller" beside it looked alike (UX walkthrough, stop 77).
    return props.own?.some((name) => names.includes(name))
      ? t.clashTheirsOwn
      : (restoring ? t.clashCurrent : t.clashTheirs)(who.length ? listed(t, who) : by);
  };
  const choice = (name: string, who: string, value: string, first: boolean, text: Child) => (
    <label class="choice">
      {/* One required radio makes its group required: the form is not sent before every field has a choice. */}
      <input type="radio" name={name} value={value} required={first ? true : undefined} />
      <span>
        <span class="who">{who}</span>
        <span class="pre">{text || t.empty}</span>
      </span>
    </label>
  );
  // Notes of several lines: each side's lines the other does not hold are marked.
  const other = (side: FieldValues) => (side === mine ? values : mine);
  const marked = (spec: (typeof FIELDS)[number]) => spec.name === 'notes' && marksLines(values.notes, mine.notes);
  const fieldChoice = (spec: (typeof FIELDS)[number], who: string, side: FieldValues, first: boolean) =>
    choice(
      spec.name,
      who,
      side[spec.name],
      first,
      marked(spec) && side.notes ? (
        <MarkedLines text={side.notes} against={other(side).notes} said={t.clashOnlyHere} />
      ) : (
        shown(spec, side[spec.name], side.warranty_until) || fieldText(spec, side[spec.name], t.locale)
      ),
    );
  const { from } = props;
  const fromImport = from ? React.hidden('import', importValue(from)) : null;
  return (
    <section class="clash" aria-labelledby="clash-title">
      {/* Leaving saves nothing: the contact stays as it is stored. */}
      {from ? <Crumb href={paths.completedFrom(assetId, from)} label={t.toPreview} /> : <Crumb href={action} label={t.toContact} swap />}
      <h1 id="clash-title" tabindex={-1} data-focus>
        {/* Read (and taken for the tab's title after a swap) as "…: Name"; the name shown on a line
            of its own. The colon is shown: one hidden by .sr-only, out of the flow, was read "gilt :
            Name" (walkthrough, stop 68); one hidden by its size, some screen readers skip (code review). */}
        {`${t.clashTitle}: `}
        <span class="sub">{props.name}</span>
      </h1>
      {/* role=alert is read out on arrival; a data-announce would say it twice. */}
      <p role="alert">
        {props.again ? `${t.clashAgain} ` : ''}
        {(restoring ? t.clashRestoreText : t.clashText)(
          by,
          props.people,
          // "Ihre übrigen Änderungen werden mit gespeichert" only where there are any (UX walkthrough, stop 77).
          // (Not the form's suggested "Deutschland" beside a town typed: UX walkthrough, stop 79.)
          saidChanged(
            FIELDS.filter((spec) => ![mine[spec.name], UNKNOWN_BASE].includes(base[spec.name])).map((spec) => spec.name),
            base,
            mine,
          ).some((name) => !props.clashes.includes(name)),
          props.apart,
        )}
      </p>
      {props.alsoMerged ? <p>{props.alsoMerged}</p> : null}
      <form {...React.postForm(action)}>
        {React.hidden('version', props.version)}
        {fromImport}
        {/* The choice completes the restore: saved as one, said as one. */}
        {restoring ? React.hidden('restore', restoring === 'undone' ? 'undo' : '1') : null}
        {FIELDS.filter((spec) => !clashes.includes(spec.name)).map((spec) =>
          React.hidden(spec.name, linked && spec.name === 'warranty_until' ? '' : values[spec.name]),
        )}
        {linked ? React.hidden('warranty_years', mineYears) : null}
        {/* The fields to choose, and this user's input for them: one sent without a choice is never
            stored empty; the server gives the whole form with that input instead. */}
        {React.hidden('choose', clashes.join(' '))}
        {told}
        {withMine ? clashes.map((name) => React.hidden(`mine_${name}`, mine[name])) : null}
        {groups.map(([group, parts, asked, lines]) =>
          asked.length ? (
            <fieldset class="pick">
              <legend>{t.groups[group]}</legend>
              {/* (A part removed is no line to mark: said only where a line is.) */}
              {group === 'address' &&
              [mine, values].some((side) => linesNotIn(addressText(side), against(side)).some((line) => line.only)) ? (
                <p class="hint">{t.clashChanged}</p>
              ) : null}
              {[mine, values].map((side, index) =>
                choice(
                  group,
                  index ? theirsWho(asked) : mineWho,
                  JSON.stringify(parts.map((name) => side[name])),
                  !index,
                  group === 'address' && addressText(side) ? (
                    <MarkedLines text={addressText(side)} against={against(side)} said={t.clashChangedHere} />
                  ) : (
                    lines(side).join('\n')
                  ),
                ),
              )}
            </fieldset>
          ) : null,
        )}
        {/* One group per field, each choice naming whose it is: on a phone the two stand one
            under the other, from 48rem side by side (a table broke words and numbers at 360 px). */}
        {FIELDS.filter((spec) => clashes.includes(spec.name) && !address.includes(spec.name) && !dates.includes(spec.name)).map((spec) => (
          <fieldset class="pick">
            <legend>{t.fields[spec.name]}</legend>
            {marked(spec) ? <p class="hint">{t.marked}</p> : null}
            {fieldChoice(spec, mineWho, mine, true)}
            {fieldChoice(spec, theirsWho([spec.name]), values, false)}
            {withBoth(spec) ? choice('notes', t.clashBoth, both, false, both) : null}
          </fieldset>
        ))}
        <div class="form-actions">
          <button type="submit" class="primary">
            {t.clashSave}
          </button>
        </div>
      </form>
      {/* The whole form again, nothing saved yet: the merge, and this user's own input where both
          changed (whichever way a radio button is set), against the version stored at the clash.
          `again` is a field of its own, so a resent form is never taken for a save. */}
      <form {...React.postForm(action)}>
        {React.hidden('again', '1')}
        {React.hidden('version', props.version)}
        {fromImport}
        {told}
        {/* Only the form's comparison is worded for a restore; saving that form is an edit. */}
        {restoring ? React.hidden('restore', restoring === 'undone' ? 'undo' : '1') : null}
        {FIELDS.map((spec) => React.hidden(spec.name, (props.clashes.includes(spec.name) ? mine : values)[spec.name]))}
        <button type="submit">{t.editAll}</button>
      </form>
      {/* Without JS the input lives only on this page: the browser's Back loads the edit form as it
          is now, the input gone (co-buyer review, stop 62). Said below the page's two ways on, where
          one looks for a third; with JS a draft keeps the input. */}
      {restoring ? null : (
        <noscript>
          <p class="hint">{t.conflictOnlyHere}</p>
        </noscript>
      )}
    </section>
  );
}
