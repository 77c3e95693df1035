import { html } from '../../generated/hono-html.js';
import * as React from '../../views/jsx-factory';
import type { Shell } from '../../views/shell';
import { phoneDigits } from '../keys';
import type { PhoneListContact } from '../repository';
import { inGermany } from '../schema';
import { companyBeside, displayName } from '../vcard';
import { berlinToday, formatDate } from '../warranty';
import { Crumb } from './contact-list';
import { addressLines, notedPhones } from './format';

/**
 * The printable phone list (issue 16, for the "Hausakte" by the fuse box): every contact in one
 * table row of two lines, so that 50 contacts fit on two A4 pages. The screen shows it as a
 * preview with "Drucken"; printing hides everything else (the `@media print` rules of
 * src/views/print.css, linked for print from every page).
 */
export interface PhoneListProps {
  shell: Shell;
  assetId: string;
  assetName: string;
  /** The search the list is limited to ('' for all contacts). */
  q: string;
  contacts: readonly PhoneListContact[];
  /** When the list was made: printed as "Stand: 01.12.2026", as every date of the app. */
  now: number;
}

/** "01.12.2026" (en: "1 Dec 2026"): the day in the platform's time zone, as the other pages write dates. */
export function printedOn(locale: string, epochMs: number): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'Europe/Berlin' }).format(epochMs);
}

export function PhoneList(props: PhoneListProps) {
  const { shell, assetId, q, contacts } = props;
  const { t, paths } = shell;
  const today = berlinToday(new Date(props.now));
  const about = [
    t.print.heading,
    t.print.asOf(printedOn(t.locale, props.now)),
    q ? t.print.selection(q, contacts.length) : t.count(contacts.length),
  ];
  return (
    <section class="phone-list" aria-labelledby="print-title">
      {/* The way back as on every other page: above the heading. */}
      <Crumb href={paths.contacts(assetId, { q })} label={t.backToList} />
      <div class="bar">
        <h1 id="print-title" tabindex={-1} data-focus>
          {props.assetName}
          <span class="sub">{about.filter(Boolean).join(' · ')}</span>
        </h1>
        {/* Nothing to print, no way to print it (review): the page says why instead. */}
        {contacts.length ? (
          <div class="actions">
            {/* window.print() through src/client/app.js (no inline script under the CSP); without it the hint below says how. */}
            <button type="button" class="primary" data-print="" hidden>
              {t.print.button}
            </button>
          </div>
        ) : null}
      </div>
      {contacts.length === 0 ? (
        <p>{q ? `${t.noHits(q)}.` : t.print.empty}</p>
      ) : (
        <>
          <p class="print-hint">{t.print.hint}</p>
          <table class="phones">
            <thead>
              <tr>
                <th scope="col">{t.columns.name}</th>
                <th scope="col">{t.print.phones}</th>
                <th scope="col">{t.print.reach}</th>
              </tr>
            </thead>
            <tbody>{contacts.map((contact) => PhoneRow({ shell, contact, today }))}</tbody>
          </table>
        </>
      )}
    </section>
  );
}

/**
 * One contact: name over position · company, phone over mobile, e-mail over address. Written with
 * hono/html like the list's rows (up to 1,000 of them); Germany, as the form suggests it or as an
 * imported card writes it ("DE"), is left out, as on an envelope sent within it.
 */
function PhoneRow(props: { shell: Shell; contact: PhoneListContact; today: string }) {
  const { shell, contact } = props;
  const { t } = shell;
  const meta = [contact.position, companyBeside(contact)].filter(Boolean).join(' · ');
  const { country, ...rest } = contact;
  const address = addressLines({ ...rest, country: inGermany(country) ? '' : country }).join(', ');
  const line = (text: string) => (text ? html`<span>${text}</span>` : '');
  const numbered = (label: string, number: string) => html`<span><span class="k">${label}</span> ${number}</span>`;
  const mobile = contact.mobile ? numbered(t.callMobile, contact.mobile) : '';
  // A number a line of the notes gives ("Weitere Telefonnummer (Notdienst): 0800 …", as an import
  // keeps further numbers, or "Notdienst: 0171 …"), by its label: the emergency line was missing
  // from the sheet for the folder by the fuse box (walkthrough, stop 71). Only a phone's shape
  // (notedPhone), each number once, not the phone's or mobile's.
  const seen = new Set([contact.phone, contact.mobile].filter(Boolean).map(phoneDigits));
  const noted = notedPhones(contact.notes)
    .filter(({ number }) => !seen.has(phoneDigits(number)) && !!seen.add(phoneDigits(number)))
    .map(({ label, number }) => numbered(label, number));
  // The warranty's end (issue 17) under the name: what the folder by the fuse box is for. One
  // already passed says so, as the list does (walkthrough, stop 69: "Gewährleistung bis" a past day),
  // one ahead in the list's words too ("endet am": walkthrough, stop 71, the sheet mixed the two).
  const end = formatDate(contact.warrantyUntil, t.locale);
  const warranty = contact.warrantyUntil
    ? html`<small>${(contact.warrantyUntil < props.today ? t.warranty.badge.endedRecently : t.warranty.badge.endsSoon)(end)}</small>`
    : '';
  return html`<tr><th scope="row">${displayName(contact)}${meta ? html`<small>${meta}</small>` : ''}${warranty}</th><td>${line(contact.phone)}${mobile}${noted}</td><td>${line(contact.email)}${line(address)}</td></tr>`;
}
