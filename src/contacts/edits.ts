import * as z from 'zod/mini';
import type { Database } from '../db/client';
import { FIELDS, type FieldName, type FieldValues, fieldValuesOf } from './fields';
import { ADDRESS_FIELDS, changedFields, hasAddress, mergeFields, told, UNKNOWN_BASE } from './merge';
import { type Author, type Contact, type ContactState, contactState, type Version, writeContact, writeOrReadState } from './repository';
import { type ContactInput, contactInput, fieldErrorsFrom, fieldsOfErrors } from './schema';

/**
 * The one place that decides what an edit (or a restore of an older version) means for the
 * stored contact: saved as it is, merged with what co-buyers saved since the form was loaded,
 * a clash the user must decide, deleted meanwhile, or no such contact at all.
 */
export type EditOutcome =
  /** `unchanged`: the values were stored already, nothing was written (repository.ts WriteResult). */
  | { kind: 'saved'; contact: Contact; merged?: MergeNotice; unchanged?: true }
  /** The input has errors; the contact is still there. */
  | { kind: 'invalid'; current: Contact }
  /**
   * The same fields were changed on both sides (or the merged result would be invalid): nothing
   * was written; `values` holds everything already merged, `clashes` what to choose.
   */
  | {
      kind: 'clash';
      current: Contact;
      values: FieldValues;
      mine: FieldValues;
      clashes: FieldName[];
      by: string[];
      theirs: FieldName[];
      /** Fields whose stored value this user saved meanwhile, in another window. */
      own: FieldName[];
      /** Who saved each field last since the form was loaded: a co-buyer by name, this user's other window `null`. */
      whose: Map<FieldName, string | null>;
      /** The version the edit started from. */
      base: FieldValues;
      /** Not the same fields changed on both sides: changes that do not go together (an invalid merge, an address it would empty). */
      apart?: boolean;
    }
  /** No base to merge against (no version sent, or it was purged): both sides shown, as a conflict. */
  | { kind: 'conflict'; current: Contact }
  /** Deleted while being edited: the contact can come back with the input, or the input be saved as a new one. */
  | { kind: 'gone'; current: Contact }
  | { kind: 'missing' }
  | { kind: 'full' | 'noRoom'; current: Contact };

/** What co-buyers changed that a save took over: the page names it. */
export interface MergeNotice {
  fields: FieldName[];
  by: string[];
  /** Fields this user changed meanwhile in another window (said as such, not as a co-buyer's). */
  own?: FieldName[];
  /** Fields changed in versions no longer kept: by whom is not known (a fingerprint's merge). */
  unknown?: FieldName[];
  /** Who changed each field last (changers): with several co-buyers, each is named with theirs. */
  whose?: ReadonlyMap<FieldName, string | null>;
}

/** Tries again when yet another save lands between reading and writing (bounded). */
const ATTEMPTS = 3;

export async function saveEdit(
  db: Database,
  assetId: string,
  contactId: string,
  version: number | undefined,
  input: ContactInput | undefined,
  author: Author,
  /**
   * `state`: the contact and its versions since at most `version`, when the caller has just read
   * them (restoring a version reads the old values): the first attempt uses it instead of a second
   * round trip to D1. Without it an edit first tries the write itself (one round trip).
   */
  options: {
    restore?: boolean;
    revive?: boolean;
    undo?: boolean;
    bringsBack?: boolean;
    state?: ContactState;
    fingerprint?: string;
    /** The version restored (writeContact). */
    from?: number;
  } = {},
): Promise<EditOutcome> {
  let prefetched = options.state;
  // The common case first, in one round trip: nobody saved since the form was loaded, so the
  // input is written as it is; the same batch reads the state that any other case needs below.
  if (!prefetched && version !== undefined && input !== undefined && !options.restore) {
    const first = await writeOrReadState(db, assetId, contactId, version, input, author);
    if (first.result.kind === 'written')
      return { kind: 'saved', contact: first.result.contact, ...(first.result.unchanged && { unchanged: true }) };
    if (first.result.kind !== 'stale' && first.state.contact) return { kind: first.result.kind, current: first.state.contact };
    prefetched = first.state;
  }
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const { contact: current, versions } =
      attempt === 0 && prefetched ? prefetched : await contactState(db, assetId, contactId, version ?? Number.MAX_SAFE_INTEGER);
    if (!current) return { kind: 'missing' };
    // A deleted contact comes back only when that was asked: "Mit meinen Eingaben wiederherstellen",
    // "Wiederherstellen" of a deleted version (`bringsBack`), or a restore's choice made seeing it
    // deleted. Never by an edit or a restore on a page from before a co-buyer's delete, also not on
    // a retry (since migration 0010 its history stays to merge with: review). A revive or a
    // "Wiederherstellen" is a restore (src/contacts/routes.tsx) of the deleted version its form
    // names: one whose contact was brought back and deleted again since would undo that second
    // delete (data review; for "Wiederherstellen" co-buyer review, stop 62), on every attempt.
    if (current.deletedAt !== null && !(options.restore && current.version === version)) return { kind: 'gone', current };
    // Without the version the form was loaded with, nobody can tell what this edit is based on.
    if (version === undefined) return { kind: 'conflict', current };
    if (input === undefined) return { kind: 'invalid', current };
    const mine: FieldValues = input;
    let values = mine;
    let merged: MergeNotice | undefined;
    if (current.version !== version) {
      // The same edit, choice or restore sent again (a double tap without JS, "Erneut senden"
      // after an answer lost on the way): its first send wrote these very values, and nobody
      // else has saved since. That write is the answer, not a co-buyer's change to merge with
      // (it was said as one: "Ein anderer Käufer hat inzwischen … geändert"); a second,
      // identical version would only push a real one out of the 20 kept.
      const since = versions.filter((candidate) => candidate.version > version);
      const base =
        versions.find((candidate) => candidate.version === version) ?? baseOfFingerprint(options.fingerprint, version, mine, current);
      if (
        current.deletedAt === null &&
        since.length &&
        since.every((candidate) => candidate.authorId === author.userId) &&
        FIELDS.every((spec) => current[spec.column] === mine[spec.name])
      )
        return { kind: 'saved', contact: current };
      // "Wiederherstellen" from "Zuletzt gelöscht" of a contact someone brought back since: it is
      // back, and merged with what was saved since, it would change nothing; that is said, and
      // nothing is written (review: it wrote an empty version and made this user its last editor).
      if (current.deletedAt === null && options.bringsBack && base) {
        const fields = told(changedFields(base.values, fieldValuesOf(current)), base.values, fieldValuesOf(current));
        return { kind: 'saved', contact: current, merged: fields.length ? attributed(fields, versions, version, author) : undefined };
      }
      if (!base || version > current.version) return { kind: 'conflict', current };
      const by = coBuyers(versions, version, author);
      // The same edit sent again after its first send was merged with a co-buyer's save: that
      // send is a version of this user's since, whose values are the input merged over the version
      // before it. It is the answer (with what others changed before and after it); merged over
      // its own result instead, a rebased warranty end (merge.ts) read as a clash with this
      // user's own save (reviews).
      for (const sent of versions) {
        const before = versions.find((candidate) => candidate.version === sent.version - 1);
        if (current.deletedAt !== null || sent.authorId !== author.userId || !before || before.version < version) continue;
        const again = mergeFields(base.values, before.values, mine);
        if (again.clashes.length || FIELDS.some((spec) => sent.values[spec.name] !== again.values[spec.name])) continue;
        const fields = told(
          [...new Set([...again.theirs, ...changedFields(sent.values, fieldValuesOf(current))])],
          base.values,
          fieldValuesOf(current),
        );
        return {
          kind: 'saved',
          contact: current,
          merged: fields.length ? attributed(fields, versions, version, author, sent.version) : undefined,
        };
      }
      const merge = mergeFields(base.values, fieldValuesOf(current), mine);
      // A choice to make: the merge, with the fields in `keep` as stored.
      const clash = (clashes: FieldName[], keep: readonly FieldName[], apart?: boolean): EditOutcome => {
        const stored = fieldValuesOf(current);
        const values = { ...merge.values };
        for (const name of keep) values[name] = stored[name];
        const theirs = told(merge.theirs, base.values, stored);
        const whose = changers(versions, version, author);
        return {
          kind: 'clash',
          current,
          values,
          mine,
          clashes,
          by,
          theirs,
          own: [...whose].filter(([, name]) => name === null).map(([field]) => field),
          whose,
          base: base.values,
          apart,
        };
      };
      if (merge.clashes.length > 0) {
        // A country would be dropped with the address the merge leaves empty (the form keeps a
        // country only with an address), whichever side is chosen where they clash, also when the
        // clash is on another field (review): the address this user has is a choice too, beside
        // it, or the choice said "gespeichert" and stored no country.
        const chosen = { ...merge.values };
        for (const name of merge.clashes) chosen[name] = mine[name];
        const stored = fieldValuesOf(current);
        const lost = (values: FieldValues) => values.country !== '' && !hasAddress(values) && hasAddress(mine);
        const address: FieldName[] =
          lost(chosen) || lost(merge.values)
            ? ADDRESS_FIELDS.filter((name) => mine[name] !== stored[name] && !merge.clashes.includes(name))
            : [];
        const clashes = FIELDS.map((spec) => spec.name).filter((name) => merge.clashes.includes(name) || address.includes(name));
        return clash(clashes, address);
      }
      // Each side was valid; together they may not be (one emptied the company, the other the
      // last name): an invalid merge is a clash to decide, never a stored invalid contact.
      const checked = z.safeParse(contactInput, merge.values);
      // Nor may the form's rules drop a country nobody removed: one cleared the street, the other
      // the city (or the co-buyer the address, while this user typed its country), and the country
      // (kept only with an address) would go without anyone choosing so.
      const stored = fieldValuesOf(current);
      const addressLost = checked.success && merge.values.country !== '' && !hasAddress(merge.values) && hasAddress(mine);
      if (!checked.success || addressLost) {
        const invalid = checked.success
          ? ADDRESS_FIELDS.filter((name) => mine[name] !== stored[name])
          : fieldsOfErrors(fieldErrorsFrom(checked.error));
        const named = invalid.filter((name) => merge.theirs.includes(name) || merge.mine.includes(name));
        const clashes = named.length ? named : invalid;
        // Each choice is between this user's input and what is stored now (not the merged value,
        // which for a field only this user changed is the input again: no choice at all).
        return clash(clashes, clashes, true);
      }
      values = checked.data;
      const fields = told(merge.theirs, base.values, stored);
      merged = fields.length ? attributed(fields, versions, version, author) : undefined;
    }
    // Stored already, read first (a save over a conflict's comparison: routes.tsx): nothing to write,
    // as the first attempt's batch would have found (no third round trip to find it out).
    if (!options.restore && current.version === version && FIELDS.every((spec) => current[spec.column] === values[spec.name]))
      return { kind: 'saved', contact: current, unchanged: true };
    const written = await writeContact(db, assetId, contactId, current.version, values, author, {
      restore: options.restore,
      revive: options.revive,
      undo: options.undo,
      from: options.from,
    });
    if (written.kind === 'written')
      return { kind: 'saved', contact: written.contact, merged, ...(written.unchanged && { unchanged: true }) };
    if (written.kind !== 'stale') return { kind: written.kind, current };
  }
  const { contact: current } = await contactState(db, assetId, contactId, Number.MAX_SAFE_INTEGER);
  return current ? { kind: 'conflict', current } : { kind: 'missing' };
}

/**
 * Who last changed each field after `base` (a version left out: a resend's own first send): this
 * user, in another window, or a co-buyer by name.
 */
function changers(versions: readonly Version[], base: number, author: Author, skip?: number): Map<FieldName, string | null> {
  const who = new Map<FieldName, string | null>();
  let before = versions.find((candidate) => candidate.version === base);
  for (const version of versions.filter((candidate) => candidate.version > base).sort((a, b) => a.version - b.version)) {
    if (before && version.version !== skip)
      for (const name of changedFields(before.values, version.values))
        who.set(name, version.authorId === author.userId ? null : version.authorName);
    before = version;
  }
  return who;
}

/**
 * The notice of a merge, each field credited to who changed it last: a co-buyer by name, or this
 * user in another window (review: with a co-buyer's save between, both were said as his).
 */
function attributed(fields: FieldName[], versions: readonly Version[], base: number, author: Author, skip?: number): MergeNotice {
  const who = changers(versions, base, author, skip);
  const own = fields.filter((name) => who.get(name) === null);
  const theirs = fields.filter((name) => typeof who.get(name) === 'string');
  // Changed only in versions no longer kept (a form merged by its fingerprint): said without a
  // name, not credited to whoever saved first among the kept (review, stop 60).
  const unknown = fields.filter((name) => !who.has(name));
  const by = [...new Set(theirs.map((name) => who.get(name)).filter((name): name is string => typeof name === 'string'))];
  return { fields: theirs, by, whose: who, ...(own.length && { own }), ...(unknown.length && { unknown }) };
}

/** Who saved since `version`, in order, without this user and without repeats. */
function coBuyers(versions: readonly Version[], version: number, author: Author): string[] {
  const names = versions
    .filter((candidate) => candidate.version > version && candidate.authorId !== author.userId)
    .map((candidate) => candidate.authorName);
  return [...new Set(names)];
}

/**
 * What co-buyers changed between `base` and the save that followed (version `current`). A save
 * that wrote nothing (`unwritten` by `me`: its result was stored already) made no version: the
 * changes then run up to `current` itself, and `me`'s own among them are said as from another
 * window (walkthrough, stop 67: without JS the card said only "gespeichert").
 */
export function mergeNoticeOf(versions: readonly Version[], base: number, current: number, unwritten?: Author): MergeNotice | undefined {
  // A base that has left the 20 kept (a save merged by its form's fingerprint): what the kept ones
  // show changed since the oldest of them.
  const from = versions.find((candidate) => candidate.version >= base);
  const saved = versions.find((candidate) => candidate.version === current);
  const before = unwritten ? saved : versions.find((candidate) => candidate.version === current - 1);
  const author = unwritten ?? (saved && { userId: saved.authorId, name: saved.authorName });
  if (!from || !before || !author || before.version <= base) return undefined;
  const fields = told(changedFields(from.values, before.values), from.values, before.values);
  const meanwhile = versions.filter((candidate) => candidate.version <= before.version);
  return fields.length ? attributed(fields, meanwhile, base, author) : undefined;
}

/** Values of others that a save over a conflict's comparison replaced: each field under who saved its value. */
export interface Replaced {
  values: FieldValues;
  /** Each author's fields, in the form's order of their first; `by` undefined: saved before the versions kept. */
  parts: { by: string | undefined; fields: FieldName[] }[];
}

/**
 * What "Meine Eingaben trotzdem speichern" replaced of others' (co-buyer walkthrough, stop 75: the
 * card said only "gespeichert", though the comparison had shown a co-buyer's values): of the fields
 * it compared (`over`: their names, space- or dot-separated; none named, all), those whose value
 * in the version before `at` differs from `values`, this user's save; each under who saved the
 * value it replaced (the first kept version of the run that holds it: code review, stop 76, a
 * co-buyer's later save of another field made him its author). Values this user saved are left out.
 */
export function replacedOf(versions: readonly Version[], at: number, values: FieldValues, over: string, me: string): Replaced | undefined {
  const byVersion = new Map(versions.map((kept) => [kept.version, kept]));
  const before = byVersion.get(at - 1);
  if (!before) return undefined;
  const named = over.split(/[ .]/);
  const parts = new Map<string | undefined, FieldName[]>();
  for (const { name } of FIELDS) {
    if ((over && !named.includes(name)) || before.values[name] === values[name]) continue;
    let origin = before;
    for (
      let older = byVersion.get(origin.version - 1);
      older?.values[name] === before.values[name];
      older = byVersion.get(origin.version - 1)
    )
      origin = older;
    if (origin.authorId === me) continue;
    // Held since before the oldest version kept (not the first): by whom is not known.
    const by = origin.version > 1 && !byVersion.has(origin.version - 1) ? undefined : origin.authorName;
    parts.set(by, [...(parts.get(by) ?? []), name]);
  }
  return parts.size ? { values: before.values, parts: [...parts].map(([by, fields]) => ({ by, fields })) } : undefined;
}

/** FNV-1a of a value's UTF-16 code units, as 8 hex digits. */
export function valueHash(value: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < value.length; index += 1) hash = Math.imul(hash ^ value.charCodeAt(index), 0x1000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/**
 * What the edit form was loaded with, as the form carries it (`base`): its version and a hash of
 * each field's stored value. Where that version has left the 20 kept (a co-buyer saved 20 times
 * while the form was open), it still tells per field what this user changed (buyer review, stop
 * 60: every difference was a conflict "Meine Eingabe", and saving it emptied a co-buyer's number).
 */
export const fingerprintOf = (contact: Contact): string =>
  `${contact.version}:${FIELDS.map((spec) => valueHash(contact[spec.column])).join('')}`;

/**
 * The values the form was loaded with, as far as the fingerprint tells them: a field whose input
 * has its hash was not changed here; one whose stored value has it, not since; else unknown (a
 * control character no field holds), which a change on either side clashes with.
 */
function baseOfFingerprint(fingerprint: string | undefined, version: number, mine: FieldValues, current: Contact): Version | undefined {
  const [at, hashes = ''] = (fingerprint ?? '').split(':');
  if (Number(at) !== version || hashes.length !== FIELDS.length * 8) return undefined;
  const values = { ...mine };
  FIELDS.forEach((spec, index) => {
    const hash = hashes.slice(index * 8, index * 8 + 8);
    if (valueHash(mine[spec.name]) !== hash)
      values[spec.name] = valueHash(current[spec.column]) === hash ? current[spec.column] : UNKNOWN_BASE;
  });
  return { version, action: 'edit', values, authorId: '', authorName: '', createdAt: 0 };
}
