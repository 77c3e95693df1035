import type { Child } from 'hono/jsx';
import { type ImportFrom, importValue } from '../../paths';
import * as React from '../../views/jsx-factory';
import type { Shell } from '../../views/shell';
import { FIELD_GROUPS, FIELDS, type FieldSpec, fieldValuesOf } from '../fields';
import type { Contact } from '../repository';
import {
  BIDI_CONTROLS,
  type ErrorCode,
  type FieldErrors,
  type FormFieldName,
  type FormValues,
  inGermany,
  MOBILE_LABEL,
  phoneAsStored,
  typedLimit,
  typedValue,
} from '../schema';
import { dialledDigits, TWO_NUMBERS } from '../vcard';
import { formatDate, isIsoDate, isoOf, MAX_DATE, MIN_DATE, resolveWarranty, WARRANTY_PERIOD_KEYS, WARRANTY_PERIODS } from '../warranty';
import { Crumb } from './contact-list';
import { fieldText, formatDateTime, listed } from './format';
import { MarkedLines, marksLines } from './marked-lines';

export type FormMode =
  | {
      kind: 'create';
      formToken: string;
      /** This form was sent before and made that contact (its token, its name): change it instead? */
      made?: { token: string; name: string };
      /** The user chose to change the contact this form's token made: so it stays, sent again after an error. */
      editOf?: boolean;
    }
  /**
   * `version` is what the form was loaded with; `name` the contact's name for the heading;
   * `changed` who saved that version and when, as the card says it (a fresh edit form only).
   */
  | {
      kind: 'edit';
      contactId: string;
      name: string;
      version: number | undefined;
      /** What the form was loaded with (edits.ts fingerprintOf), sent along for a save after 20 others. */
      base?: string;
      changed?: string;
      /** Completed from a card of an upload ("ergänzen"): its save goes back to that preview. */
      from?: ImportFrom;
      /** A save over a comparison, its form back (an error to correct): still one (code review, stop 78). */
      over?: string;
    }
  /**
   * The contact was deleted while being edited: offer to save the input as a new contact, and
   * (`revive`: it is still in "Zuletzt gelöscht") to bring it back with the input, which leaves
   * no copy when the one who deleted it undoes that too.
   */
  | {
      kind: 'gone';
      formToken: string;
      contactId: string;
      revive?: { version: number; by: string };
      version?: boolean;
      /** Changed before its delete (no revive with this input): who deleted it. */
      deletedBy?: string;
      /** As an edit's: the upload whose card it completed, for a revive's way back. */
      from?: ImportFrom;
    }
  /** The session ended before the form arrived: the same request, ready to be sent again. */
  | {
      kind: 'resend';
      action: string;
      hidden: { name: 'form_token' | 'version'; value: string };
      /** What else the form sent besides its values (`edit_of`, `revive`, `restore`): sent again. */
      keep?: [string, string][];
    };

export interface ContactFormProps {
  shell: Shell;
  assetId: string;
  mode: FormMode;
  values: FormValues;
  errors?: FieldErrors;
  /** A stale version: the stored contact, shown beside the user's input. */
  conflict?: Contact;
  /** The fields the conflict's comparison shows where they differ (all of them without). */
  conflictFields?: readonly string[];
  /** Who saved those values, as the clash page named them: names, or '' for the user's other window. */
  conflictBy?: string;
  /** The input beside it is an earlier version the user set out to restore (a restore's clash). */
  conflictRestoring?: boolean;
  /** A page-level message (the cap was reached, storage was unavailable). */
  message?: string;
  /** The page's heading: the session-expired page's, or as pages.tsx formPage names the form (and the page's title). */
  heading: string;
  /** Shown under the heading, e.g. the login link when the session ended. */
  notice?: Child;
  /** The save failed for reasons outside the input (session ended, storage down). */
  unsaved?: boolean;
}

/** One form for new and edit: fields, labels and limits come from FIELDS (src/contacts/schema.ts). */
export function ContactForm(props: ContactFormProps) {
  const { shell, assetId, mode, values, conflict } = props;
  const { t, paths } = shell;
  const errors = props.errors ?? {};
  const errorCount = Object.keys(errors).length;
  const editing = mode.kind === 'edit';
  const action = mode.kind === 'resend' ? mode.action : editing ? paths.contact(assetId, mode.contactId) : paths.contacts(assetId);
  // Completed from an upload ("ergänzen"): back to its preview, at the card (UX walkthrough: to the contact).
  const from = editing && mode.from;
  const cancel = from ? paths.completedFrom(assetId, from) : editing ? paths.contact(assetId, mode.contactId) : paths.contacts(assetId);
  const announcement = errorCount ? t.toFix(errorCount) : props.message;
  // The form echoes input the server did not store: the browser keeps it as the draft, as
  // "pending" when a failure (not the user's input) stopped the save.
  // An earlier version a restore brought (a gone form's `version`) is no input: no draft of it (review).
  const echoedInput = props.unsaved
    ? 'pending'
    : errorCount > 0 || conflict !== undefined || props.message !== undefined || (mode.kind === 'gone' && !mode.version)
      ? 'shown'
      : undefined;
  // The input of a contact deleted meanwhile is that contact's draft, which its revive or its
  // save as a new contact clears, not the next new contact's (review: the new-contact form came
  // up filled with it; code review: it took the place of an unsent new contact).
  const draft = mode.kind === 'gone' ? paths.contact(assetId, mode.contactId) : action;
  return (
    <section class="editor" aria-labelledby="form-title">
      {/* The way back at the top, as on every other page (UX review): leaving keeps the input as
          unsent (src/client/app.js), where "Abbrechen" drops it. */}
      <Crumb href={cancel} label={from ? t.toPreview : editing ? t.toContact : t.backToList} swap />
      <h1 id="form-title" tabindex={-1} data-focus={errorCount ? undefined : true}>
        {props.heading}
      </h1>
      {/* Without JS, the way back to an edit form a co-buyer saved meanwhile shows his values (the
          form's signature below): this line says whose they are (data review). */}
      {editing && mode.changed ? <p class="changed">{mode.changed}</p> : null}
      {props.notice}
      {/* Read out as it arrives, as a clash's explanation is: the heading alone does not say what to do. */}
      {mode.kind === 'gone' ? (
        <p class="alert" role="alert">
          {t.goneText(mode.revive?.by, mode.version, mode.deletedBy)}
        </p>
      ) : null}
      {props.message ? (
        <p class="alert" role="alert">
          {props.message}
        </p>
      ) : null}
      {conflict ? (
        <ConflictPanel
          shell={shell}
          values={values}
          stored={conflict}
          restoring={props.conflictRestoring}
          only={props.conflictFields}
          by={props.conflictBy}
        />
      ) : null}
      <form
        id="contact-form"
        {...React.postForm(action)}
        class="contact-form"
        data-announce={announcement}
        data-draft={draft}
        data-draft-server={echoedInput}
      >
        {mode.kind === 'edit' ? (
          <>
            {/* Never sent (disabled), but one of the first two named controls, which with the
                action make the form's signature in Chromium and WebKit: a form of another version
                gets none of the values typed into this one. Without JS, the way back to an edit
                page loads it anew (no-store) and put the values typed there into the newer
                version's form, whose save overwrote a co-buyer's change without a word (data
                review); it shows that change now. With JS the draft keeps them (src/client/app.js). */}
            <input type="hidden" name={`v${mode.version}`} disabled />
            {React.hidden('version', mode.version ?? '')}
            {mode.base ? React.hidden('base', mode.base) : null}
            {/* The fields the comparison shows (all without a list): a save over them names the
                co-buyer's values it replaced (co-buyer walkthrough, stop 75). */}
            {conflict
              ? React.hidden('over', props.conflictFields?.join(' ') ?? '')
              : mode.over === undefined
                ? null
                : React.hidden('over', mode.over)}
          </>
        ) : mode.kind === 'resend' ? (
          <>
            {React.hidden(mode.hidden.name, mode.hidden.value)}
            {mode.keep?.map(([name, value]) => React.hidden(name, value))}
          </>
        ) : (
          <>
            {React.hidden('form_token', mode.formToken)}
            {mode.kind === 'create' && mode.editOf ? React.hidden('edit_of', mode.formToken) : null}
            {mode.kind === 'gone' && mode.revive ? React.hidden('version', mode.revive.version) : null}
            {/* A restore met the delete: what it brings back is a stored version, not typed (code review). */}
            {mode.kind === 'gone' && mode.version ? React.hidden('restore', '1') : null}
          </>
        )}
        {/* An edit's or a revive's of a contact completed from an upload's card ("ergänzen"). (One
            field, not `card`: that name is the preview's boxes', which src/client/app.js counts.) */}
        {(mode.kind === 'edit' || mode.kind === 'gone') && mode.from ? React.hidden('import', importValue(mode.from)) : null}
        <p class="draft-note" data-draft-note hidden>
          {t.draftBack}{' '}
          <button type="button" data-draft-discard>
            {t.discard}
          </button>
        </p>
        {errorCount ? <ErrorSummary shell={shell} values={values} errors={errors} /> : null}
        {FIELD_GROUPS.map((group) => {
          const field = (spec: FieldSpec, labelled = true) => (
            <Field
              shell={shell}
              spec={spec}
              labelled={labelled}
              value={values[spec.name] ?? ''}
              dropped={values.period_end}
              // The number keyboard for a German postcode (app.js follows the country as it is typed).
              inputMode={spec.name === 'postal_code' && inGermany(values.country ?? '') ? 'numeric' : undefined}
              error={errors[spec.name]}
              firstError={firstError(errors) === spec.name}
              sharedError={
                errors.company === 'nameRequired' && (spec.name === 'first_name' || spec.name === 'last_name')
                  ? 'f-company-error'
                  : undefined
              }
            />
          );
          const specs = FIELDS.filter((spec) => spec.group === group);
          const [only] = specs;
          if (specs.length === 1 && only && t.groups[group] === t.fields[only.name]) {
            // A group of one field named as the group ("Notizen"): its heading is the field's label,
            // not a group around a label of the same name (seen twice, heard twice).
            return (
              <fieldset class={`group-${group}`} role="none">
                <legend>
                  <label for={`f-${only.name}`}>{t.fields[only.name]}</label>
                </legend>
                <div class="cols">{field(only, false)}</div>
              </fieldset>
            );
          }
          return (
            <fieldset class={`group-${group}`}>
              <legend>{t.groups[group]}</legend>
              {group === 'person' ? (
                // Said once: as the error beside the company when it is missed, else as a hint.
                errors.company === 'nameRequired' ? null : (
                  <p class="hint">{t.fieldErrors.nameRequired}</p>
                )
              ) : group === 'warranty' ? (
                <p class="hint" id="warranty-hint">
                  {t.warranty.formHint}
                </p>
              ) : null}
              <div class="cols">
                {specs.map((spec) =>
                  // PLZ and Ort share one row (a short and a long field, as on an envelope).
                  spec.name === 'postal_code' ? (
                    <div class="plz-ort">
                      {field(spec)}
                      {specs.filter((other) => other.name === 'city').map((city) => field(city))}
                    </div>
                  ) : spec.name === 'city' ? null : spec.name === 'accepted_on' ? (
                    // The period sits right after the acceptance date it counts from.
                    <>
                      {field(spec)}
                      <PeriodChoice
                        shell={shell}
                        values={values}
                        value={values.warranty_years ?? ''}
                        error={errors.warranty_years}
                        firstError={firstError(errors) === 'warranty_years'}
                      />
                    </>
                  ) : (
                    field(spec)
                  ),
                )}
              </div>
            </fieldset>
          );
        })}
        {/* The suggestions are German in every language (stored values): said so, for a screen reader's voice. */}
        <datalist id="positions" lang={t.lang === 'de' ? undefined : 'de'}>
          {t.positions.map((position) => (
            <option value={position} />
          ))}
        </datalist>
        {/* After a conflict its long button ("Meine Eingaben trotzdem speichern") over "Abbrechen"
            took a fifth of a phone's screen as a sticky bar: in the flow then (UX review). */}
        <div class={conflict ? 'form-actions save-bar in-flow' : 'form-actions save-bar'}>
          {mode.kind === 'gone' && mode.revive ? (
            <button type="submit" class="primary" name="revive" value="1" formaction={draft} hx-post={draft} hx-target="#main">
              {/* The earlier version a restore brought is no input of this user's (buyer review, stop 60). */}
              {mode.version ? t.historyRestore : t.revive}
            </button>
          ) : null}
          <button type="submit" class={mode.kind === 'gone' && mode.revive ? undefined : 'primary'}>
            {conflict
              ? t.keepMine
              : mode.kind === 'gone' || (mode.kind === 'create' && mode.made)
                ? t.asNew
                : // A clash's whole form sent again (the 401 page): it opens that form, saving nothing yet.
                  mode.kind === 'resend' && mode.keep?.some(([name]) => name === 'again')
                  ? t.editAll
                  : mode.kind === 'resend' && mode.keep?.some(([name]) => name === 'take')
                    ? t.take
                    : t.save}
            <span class="htmx-indicator"> …</span>
          </button>
          {/* After the primary button, which Enter in a field sends. */}
          {mode.kind === 'create' && mode.made ? (
            <button type="submit" name="edit_of" value={mode.made.token}>
              {t.madeEdit(mode.made.name)}
            </button>
          ) : null}
          {mode.kind === 'resend' ? null : (
            <a class="button" href={cancel} hx-get={cancel} hx-target="#main" hx-push-url="true" data-draft-drop={draft} data-ask>
              {t.cancel}
            </a>
          )}
        </div>
      </form>
    </section>
  );
}

/** In the form's order: the period sits right after the acceptance date. */
function firstError(errors: FieldErrors): FormFieldName | undefined {
  for (const spec of FIELDS) {
    if (errors[spec.name]) return spec.name;
    if (spec.name === 'accepted_on' && errors.warranty_years) return 'warranty_years';
  }
  return undefined;
}

/** One plain sentence that says what to do; for a phone number or web address, what was wrong with it. */
function errorText(shell: Shell, spec: FieldSpec, code: ErrorCode, value: string, dropped = ''): string {
  const messages = shell.t.fieldErrors;
  // A website typed without `https://` gets it added, and the limit counts it (schema.ts): what is
  // left to type, and how many there are now, as they count (walkthrough, stop 82: a defect log
  // pasted into the notes was refused without saying by how much).
  if (code === 'tooLong') return messages.tooLong(...typedLimit(spec, value));
  // The end "Keine Frist" would drop, named: the page no longer shows it (code review, stop 82).
  if (code === 'endDropped') return messages.endDropped(formatDate(dropped, shell.t.locale));
  if (code === 'phone') {
    // Judged as stored: a label before it ("Tel. 12") is gone there, and "12" is too short.
    // Without the bidi controls Outlook and Windows wrap a pasted number in (code review, stop 82).
    value = phoneAsStored(value.replace(BIDI_CONTROLS, '').trim(), spec.name);
    // Two numbers ("0171 2345678, 0160 9876543", "… / 0160 …", "… – 0160 …"): not "too long" nor
    // "digits only" (UX reviews), and where the second fits.
    // Also with a word between ("089 123456 oder 0171 …", "bzw.", "u.", "und"): it named the first
    // number and "oder" as words for the notes (walkthrough, stop 82).
    if (/(\d\D*){7}[,;]\s*[+0]|(\d\D*){6}\s(?:oder|od\.|o\.|bzw\.?|u\.|und|or|and|&)\s*\(?[+0]/i.test(value) || TWO_NUMBERS.test(value))
      return messages.phoneTwo(shell.t.fields[spec.name === 'phone' ? 'mobile' : 'phone']);
    // A German number's extension in words ("ext. 12", "Durchwahl 15", "App. 12", "x12"): as the
    // field takes it, with a hyphen, for the switchboard's "-0" (code review); the notes lost it from
    // the call, the export and the QR code (walkthrough, stop 82). Not abroad: "+1 … ext. 12" is no
    // "+1 …-12".
    const extension = /^(\(?(?:\+49|0)[\d\s()/-]*\d)\W*(?:ext|x|durchw(?:ahl)?|dw|app(?:arat)?)\W*(\d{1,6})$/i.exec(value);
    const extended = extension && `${extension[1]?.replace(/\s*-\s*0$/, '')}-${extension[2]}`;
    if (extended && dialledDigits(extended) <= 20) return messages.phoneExtension(extended);
    // "Mobil 0171 …" in the phone field: the mobile's field is where it goes, not the notes (code review, stop 70).
    if (spec.name === 'phone' && MOBILE_LABEL.test(value)) return messages.phoneMobile(shell.t.fields.mobile);
    // A number with words ("089 123456 (Zentrale)", "Fax 089 …"): where what was typed beside the
    // number goes, named as typed, digits and all ("ab 14 Uhr"; buyer review; walkthrough, stop
    // 68: it named "Zentrale" for "Büro"). The number is its longest run of digits. A firm's
    // vanity number (capitals after at most five digits: "0800 FLIESEN") wants its letters as
    // digits: the message below; so do letters typed inside the number ("0171 23abc45": UX
    // walkthrough, stop 74, "„abc45“ gehört in die Notizen").
    if (/\p{L}/u.test(value) && /(\d\D*){3}/.test(value) && !/^\D*(\d\D*){1,5}\p{Lu}{3}|\d\p{L}+\d/u.test(value)) {
      const number = (value.match(/[+(]?\d[\d\s()/.-]*\d|\d/g) as string[]).reduce((a, b) => (b.length > a.length ? b : a));
      return messages.phoneWords(
        value
          .split(number)
          .map((part) => part.replace(/^[\s(),;:/-]+|[\s(),;:/-]+$/g, ''))
          .filter(Boolean)
          .join(' … '),
      );
    }
    // Letters or other signs first: "abc" is no short number.
    const digits = /[a-z]/i.test(value) ? 3 : dialledDigits(value);
    return digits < 3 ? messages.phoneShort : digits > 20 ? messages.phoneLong : messages.phone;
  }
  // A day and month with slashes or dashes ("12/03/2027", "3-12-27"): the order is what to fix, not the date.
  if (code === 'date' && /^\d{1,2}[/-]\d{1,2}[/-](\d{2}|\d{4})$/.test(value.trim())) return messages.dateSlash;
  if (code === 'website' && /\s/.test(value.trim())) return messages.websiteSpace;
  // "anna mueller@firma.de": the space is the mistake, said as such (review).
  if (code === 'email' && /\s/.test(value.trim())) return messages.emailSpace;
  // "name@firma,de": a comma for the dot, a slip of a phone's keyboard; the general message called
  // a whole address incomplete (UX walkthrough, stop 79). Only between two letters or digits of
  // the domain: a comma at its end or start, or in two addresses, is no dot (code review).
  if (code === 'email' && /^[^@,\s]+@[^@,\s]*[\p{L}\p{N}],[\p{L}\p{N}][^@,\s]*$/u.test(value.trim())) return messages.emailComma;
  return messages[code];
}

/**
 * An English text that names German suggestions ("e.g. Küchenbauer (kitchen)"): each German word
 * in a `lang="de"` span, so that a screen reader says it in German (review).
 */
function germanWordsIn(text: string, words: readonly string[]) {
  const pattern = new RegExp(`(${words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`);
  return text.split(pattern).map((part, index) => (index % 2 === 1 ? <span lang="de">{part}</span> : part));
}

/**
 * The form-only period beside "Abnahme am" (contract §5 `warranty_years`): with an acceptance date
 * and no typed end, the server computes the end, so it works without JavaScript. Not stored: an
 * edit form starts at "Keine Frist", the end date it produced is what was kept.
 */
function PeriodChoice(props: { shell: Shell; values: FormValues; value: string; error?: ErrorCode; firstError: boolean }) {
  const { shell, value, error } = props;
  const { t } = shell;
  const id = 'f-warranty_years';
  // The end the period gives, beside it (a buyer review: an edit form showed no end at all, the
  // field left empty to be computed again). src/client/app.js keeps it up to date while typing.
  // A typed end wins (contract §5); one that differs from the period's says so (buyer review).
  const period = resolveWarranty({ ...props.values, warranty_until: '' });
  const given = resolveWarranty(props.values);
  const date = period.ok && period.warranty_until ? formatDate(period.warranty_until, t.locale) : '';
  // The period's end, said to be saved.
  const gives = date && !props.values.warranty_until?.trim();
  const end = !date
    ? // An acceptance date alone gives no end: said from the start (without JS nothing said it,
      // and a buyer who expected the usual five years got no reminder: buyer review, stop 61).
      period.ok && props.values.accepted_on?.trim() && !value.trim() && !props.values.warranty_until?.trim()
      ? t.warranty.noEnd
      : ''
    : gives
      ? t.warranty.gives(date)
      : given.ok && period.ok && given.warranty_until !== period.warranty_until
        ? t.warranty.typed(date)
        : '';
  return (
    <div class={error ? 'field invalid' : 'field'}>
      <label for={id}>{t.warranty.period}</label>
      <select
        id={id}
        name="warranty_years"
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `warranty-hint ${id}-error` : `warranty-hint ${id}-end`}
        autofocus={props.firstError ? true : undefined}
        data-focus={props.firstError ? true : undefined}
      >
        <option value="">{t.warranty.noPeriod}</option>
        {WARRANTY_PERIODS.map((years) => (
          <option value={String(years)} selected={value.trim() === String(years)}>
            {t.warranty.periods[WARRANTY_PERIOD_KEYS[years]]}
          </option>
        ))}
      </select>
      <p
        class="hint end"
        id={`${id}-end`}
        data-text={t.warranty.gives('%')}
        data-typed={t.warranty.typed('%')}
        data-none={t.warranty.noEnd}
        data-start={shell.t.fieldErrors.noStart}
        hidden={!end}
      >
        {end}
      </p>
      {/* The end the period gives, "saved" as the sentence above says: a save that drops it asks
          first where no script changed that sentence (endDropped, src/contacts/warranty.ts). */}
      {gives && period.ok ? <input type="hidden" name="period_end" value={period.warranty_until} /> : null}
      {error ? (
        <p class="field-error" id={`${id}-error`}>
          {shell.t.fieldErrors[error === 'tooLong' ? 'invalid' : error]}
        </p>
      ) : null}
    </div>
  );
}

/** The summary at the top of a form with errors: each entry links to its field. */
function ErrorSummary(props: { shell: Shell; values: FormValues; errors: FieldErrors }) {
  const { shell, values, errors } = props;
  const { t } = shell;
  const wrong = FIELDS.filter((spec) => errors[spec.name]);
  return (
    <div class="alert summary" id="form-errors">
      <p>
        <strong>{t.toFix(wrong.length)}</strong>
      </p>
      <ul>
        {wrong.map((spec) => {
          const code = errors[spec.name];
          return code ? (
            <li>
              <a href={`#f-${spec.name}`}>
                {/* The name rule names its three fields itself: not "Unternehmen: …" (walkthrough, stop 78). */}
                {code === 'nameRequired' ? null : `${t.fields[spec.name]}: `}
                {errorText(shell, spec, code, values[spec.name] ?? '', values.period_end)}
              </a>
            </li>
          ) : null;
        })}
      </ul>
    </div>
  );
}

/**
 * One labelled input with its hint and error. `sharedError` names another field's error that
 * also concerns this one (first and last name share the company's "name or company" rule).
 */
function Field(props: {
  shell: Shell;
  spec: FieldSpec;
  value: string;
  error?: ErrorCode;
  firstError: boolean;
  sharedError?: string;
  /** false: the label stands elsewhere (a one-field group's heading). */
  labelled: boolean;
  /** The end a save without a period would drop (`period_end`), for its error. */
  dropped?: string | undefined;
  inputMode?: 'numeric';
}) {
  const { shell, spec, value, error } = props;
  const { t } = shell;
  const id = `f-${spec.name}`;
  const hint = t.hints[spec.name];
  const describedBy =
    // The warranty's rule (how the end is computed) stands once above its three fields: each is described by it.
    [hint ? `${id}-hint` : '', spec.group === 'warranty' ? 'warranty-hint' : '', error ? `${id}-error` : '', props.sharedError ?? '']
      .filter(Boolean)
      .join(' ') || undefined;
  const common = {
    id,
    name: spec.name,
    autocomplete: spec.autocomplete,
    'aria-invalid': error || props.sharedError ? 'true' : undefined,
    'aria-describedby': describedBy,
    // Focus on the first error: autofocus for the page without JavaScript, data-focus after an htmx swap.
    autofocus: props.firstError ? true : undefined,
    'data-focus': props.firstError ? true : undefined,
  };
  // An e-mail address is a text field with the e-mail keyboard: Chromium sends the domain of an
  // <input type="email"> as punycode (info@xn--mller-kva.de), which no buyer could read or find.
  // A website likewise (with the URL keyboard, inputmode): the form has the browser's check on
  // without JS (for a date it cannot read, which it would send empty), and "www.firma.de" is no URL
  // to an <input type="url">. The server checks every field; src/client/app.js turns the browser's
  // check off with JS.
  const type = spec.kind === 'phone' ? 'tel' : spec.kind === 'date' ? 'date' : 'text';
  // A date picker offers the contract's range; the value stays ISO (`YYYY-MM-DD`) as submitted.
  const range = spec.kind === 'date' ? { min: MIN_DATE, max: MAX_DATE } : {};
  return (
    // In two columns Titel, Vorname and Nachname share a row, the title narrow (pages.css).
    <div
      class={`field f-${spec.kind}${spec.name === 'street' ? ' wide' : spec.name === 'title' ? ' narrow' : ''}${error || props.sharedError ? ' invalid' : ''}`}
    >
      {props.labelled ? <label for={id}>{t.fields[spec.name]}</label> : null}
      {hint ? (
        <span class="hint" id={`${id}-hint`}>
          {t.lang === 'de' ? hint : germanWordsIn(hint, t.positions)}
        </span>
      ) : null}
      {spec.kind === 'notes' ? (
        <textarea {...common} rows={5}>
          {value}
        </textarea>
      ) : (
        <input
          {...common}
          {...range}
          type={type}
          // A date typed as Germans write it ("1.3.2024", where a browser had no date picker) back
          // in ISO: a date input shows no other value, and a save after another field's error
          // sent it empty (walkthrough, stop 71).
          value={spec.kind === 'date' && isIsoDate(isoOf(value)) ? isoOf(value) : value}
          inputmode={props.inputMode ?? spec.inputMode}
          {...(spec.kind === 'email' || spec.kind === 'website' ? { autocapitalize: 'none', spellcheck: false } : {})}
          list={spec.name === 'position' ? 'positions' : undefined}
        />
      )}
      {error ? (
        <p class="field-error" id={`${id}-error`}>
          {errorText(shell, spec, error, value, props.dropped)}
        </p>
      ) : null}
    </div>
  );
}

/** The clash page's `by` as who changed each field ("phone:Jonas%20M%C3%BCller,notes:"), where it is that. */
function byFields(by = ''): Record<string, string> | undefined {
  try {
    return by.includes(':')
      ? Object.fromEntries(
          by.split(',').map((pair) => [pair.slice(0, pair.indexOf(':')), decodeURIComponent(pair.slice(pair.indexOf(':') + 1))]),
        )
      : undefined;
  } catch {
    return undefined;
  }
}

function ConflictPanel(props: {
  shell: Shell;
  values: FormValues;
  stored: Contact;
  restoring?: boolean;
  only?: readonly string[];
  by?: string;
}) {
  const { shell, stored, restoring } = props;
  const { t } = shell;
  // An end left empty beside a period is the end it gives: compared and shown as that date.
  const warranty = resolveWarranty(props.values);
  // Both dates as stored (12.03.2027 typed is 2027-03-12): no false difference, shown as dates.
  const values = warranty.ok
    ? { ...props.values, accepted_on: warranty.accepted_on, warranty_until: warranty.warranty_until }
    : { ...props.values };
  // A country alone is no address (contactInput drops it): the form's suggested "Deutschland" is
  // no difference (buyer review, stop 60: "Land Deutschland (leer)").
  if (!values.street && !values.postal_code && !values.city) values.country = '';
  const storedValues = fieldValuesOf(stored);
  // The notes as typed come with the browser's CRLF; stored ones with LF (a lone CR showed as an
  // empty line after each marked one, and identical notes as different: review); a tab as a space (schema.ts plain).
  const mineNotes = (values.notes ?? '').replace(/\r\n?/g, '\n').replace(/\t/g, ' ').trim();
  // Named as the clash page names it ("Von Jonas Müller", "Aus dem anderen Fenster"; review:
  // "Jetzt gespeichert" there, then the last saver's name for every co-buyer's and own change),
  // each field by who changed it where the clash page sent that (UX walkthrough, stop 77), else
  // all by the one name sent, or by the last saver.
  const sent = byFields(props.by);
  const whoOf = (name: string) => (sent ? sent[name] : props.by) ?? stored.updatedByName;
  // Beside a restore's earlier version, "Aktuell, von …", as on its clash page.
  const theirs = restoring ? t.clashCurrent : t.clashTheirs;
  const label = (who: string) => (who === '' ? t.clashTheirsOwn : theirs(who));
  const differing = FIELDS.filter(
    (spec) =>
      // As it would be stored (a phone's label gone: data-safety review, stop 68).
      (spec.name === 'notes' ? mineNotes : typedValue(values, spec.name)) !== storedValues[spec.name] &&
      (!props.only || props.only.includes(spec.name)),
  );
  // Notes of several lines: each side's lines the other does not hold are marked (as on the clash page).
  const marked = differing.some((spec) => spec.name === 'notes') && marksLines(mineNotes, storedValues.notes);
  const cell = (spec: FieldSpec, label: string, value: string, notes: string, against: string) => (
    <td class="pre" data-label={label}>
      {spec.name === 'notes' && marked && notes ? (
        <MarkedLines text={notes} against={against} said={t.clashOnlyHere} />
      ) : value ? (
        fieldText(spec, value, t.locale)
      ) : (
        t.empty
      )}
    </td>
  );
  // Everyone whose change is compared: in the sentence (the verb agrees) and the column's head.
  const who = [...new Set(differing.map((spec) => whoOf(spec.name)))];
  const names = listed(
    t,
    who.map((name) => name || t.yourself),
  );
  // After "Von" this user's other window in the dative ("und Ihnen selbst": code review, stop 78).
  const storedBy =
    who.length > 1
      ? theirs(
          listed(
            t,
            who.map((name) => name || t.yourselfFrom),
          ),
        )
      : label(who[0] ?? stored.updatedByName);
  return (
    <div class="conflict" role="alert">
      <h2>{t.conflictTitle}</h2>
      <p>
        {(restoring ? t.conflictRestoreText : t.conflictText)(
          names || stored.updatedByName,
          formatDateTime(t.locale, stored.updatedAt),
          who.length > 1 || who[0] === '' ? 2 : 1,
        )}
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t.conflictField}</th>
            <th scope="col">{restoring ? t.earlier : t.conflictYours}</th>
            <th scope="col">{storedBy}</th>
          </tr>
        </thead>
        {/* On a phone each row stands as a block, every value under its column's name (data-label):
            three columns in 290 px broke words and phone numbers in the middle. */}
        <tbody>
          {differing.map((spec) => (
            <tr>
              <th scope="row">{t.fields[spec.name]}</th>
              {cell(spec, restoring ? t.earlier : t.conflictYours, values[spec.name] ?? '', mineNotes, storedValues.notes)}
              {cell(spec, label(whoOf(spec.name)), storedValues[spec.name], storedValues.notes, mineNotes)}
            </tr>
          ))}
        </tbody>
      </table>
      {marked ? <p class="hint">{t.marked}</p> : null}
      {/* The stored values of these fields into the form, the rest of the input kept (buyer review,
          stop 60: it opened the stored contact, and the input of the fields not compared was gone);
          none where nothing differs any more. */}
      {differing.length ? (
        <p>
          <button type="submit" form="contact-form" name="take" value={differing.map((spec) => spec.name).join(' ')} formnovalidate>
            {t.take}
          </button>
        </p>
      ) : null}
    </div>
  );
}
