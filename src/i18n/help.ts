// The help pages' texts (GET …/contacts/help/:topic): the longest texts the app has, read
// seldom, so they are not in the Worker's script (whose size is budgeted, docs/benchmarks.md)
// but in static files that scripts/fingerprint.mjs writes from this module (public/static/
// help-<topic>-<language>-<hash>.txt, one <li> a line), and the help route reads them through the
// ASSETS binding. The titles that link to them are in the catalogs (de.ts, en.ts).
import type { Language } from './index.ts';

export const HELP_TOPICS = ['phone', 'calendar'] as const;
export type HelpTopic = (typeof HELP_TOPICS)[number];

export const HELP: Record<Language, Record<HelpTopic, readonly string[]>> = {
  de: {
    /** How the .vcf gets onto a phone (the list's export). */
    phone: [
      'iPhone: Öffnen Sie die Datei und wählen Sie „Alle Kontakte hinzufügen“. Zeigt Safari sie nur als Vorschau, wählen Sie über „Teilen“ die App Kontakte.',
      'Android: Tippen Sie auf die heruntergeladene Datei, öffnen Sie sie mit „Kontakte“ und wählen Sie das Konto.',
      'Outlook (Desktop): Outlook übernimmt nur den ersten Kontakt einer Datei. Laden Sie für Outlook deshalb jeden Kontakt einzeln auf seiner Seite über „vCard“ herunter.',
      'Google Kontakte und Apple Kontakte am Computer: Wählen Sie „Importieren“ und dann die Datei.',
      'Nach einer Suche enthält die Datei nur die gefundenen Kontakte.',
      'Abnahme und Gewährleistung stehen nicht in der Datei (Handys haben dafür kein Feld): Für den Kalender gibt es sie unter „Gewährleistung“.',
    ],
    /** How warranty.ics gets into a calendar (the warranty view). */
    calendar: [
      'Die Datei enthält für jedes Ende einer Gewährleistung einen ganztägigen Termin mit zwei Erinnerungen: 90 und 14 Tage vorher, jeweils um 9 Uhr. Erinnerungen, die schon vorbei sind, fehlen: Ein Ende in 30 Tagen hat nur noch die Erinnerung 14 Tage vorher, ein Ende in weniger als 14 Tagen eine Erinnerung 7 Tage oder 1 Tag vorher, solange die noch kommt; ein Ende heute oder ein schon abgelaufenes Ende keine.',
      'iPhone: Öffnen Sie die Datei in Safari, wählen Sie „Alle hinzufügen“ und dann den Kalender.',
      'Android: Tippen Sie auf die heruntergeladene Datei und öffnen Sie sie mit Ihrer Kalender-App. Geht das nicht, importieren Sie sie am Computer in Google Kalender („Einstellungen“ → „Importieren und exportieren“).',
      'Achtung, Google Kalender (auf dem Handy wie am Computer) übernimmt beim Import keine Erinnerungen. Importieren Sie die Datei dort in einen eigenen Kalender (z. B. „Gewährleistung“) und stellen Sie für ihn eine Benachrichtigung für ganztägige Termine ein, etwa 4 Wochen vorher. Manche andere Kalender lassen die Erinnerungen ebenfalls weg.',
      'Outlook: Doppelklicken Sie die Datei am Computer; in Outlook im Web wählen Sie „Kalender hinzufügen“ → „Aus Datei hochladen“.',
      'Nach Änderungen laden Sie die Datei einfach neu: Jeder Termin hat eine feste Kennung, so aktualisieren die meisten Kalender ihn, statt ihn doppelt anzulegen. Den Termin eines gelöschten Kontakts oder eines gelöschten Endes löschen Sie im Kalender selbst.',
      'Ein Kalender-Abo, das sich selbst aktualisiert, gibt es nicht: Die Kontakte sind nur mit Ihrer Anmeldung erreichbar, und die kann ein Kalender-Abo nicht mitschicken.',
      'Die Daten sind Ihre eigenen Notizen, keine Rechtsberatung. Welche Frist gilt, bestimmt Ihr Vertrag.',
    ],
  },
  en: {
    phone: [
      'iPhone: open the file and choose “Add all contacts”. If Safari only shows a preview, use “Share” and pick Contacts.',
      'Android: tap the downloaded file, open it with “Contacts”, then choose the account.',
      'Outlook (desktop): Outlook takes only the first contact of a file. Download each contact on its own page with “vCard”.',
      'Google Contacts and Apple Contacts on a computer: choose “Import” and pick the file.',
      'After a search, the file holds only the contacts found.',
      'Acceptance and warranty dates are not in the file (phones have no field for them): for your calendar, see “Warranty”.',
    ],
    calendar: [
      'The file holds an all-day event for every warranty end, each with two reminders: 90 and 14 days before, at 9 am. Reminders already past are left out: an end 30 days away has only the one 14 days before, an end less than 14 days away one reminder 7 days or 1 day before, while that is still ahead; an end today or already passed none.',
      'iPhone: open the file in Safari, choose “Add All”, then the calendar.',
      'Android: tap the downloaded file and open it with your calendar app. If that does not work, import it into Google Calendar on a computer (“Settings” → “Import & export”).',
      'Note: Google Calendar (on the phone as on a computer) drops the reminders when it imports a file. Import it into a calendar of its own there (e.g. “Warranty”) and set a notification for that calendar’s all-day events, for instance 4 weeks before. Some other calendars drop the reminders too.',
      'Outlook: double-click the file on a computer; in Outlook on the web, “Add calendar” → “Upload from file”.',
      'After changes, simply download the file again: every event has a fixed identifier, so most calendars update it instead of adding it twice. Delete the event of a deleted contact or of a removed end in the calendar yourself.',
      'There is no calendar subscription that updates itself: the contacts can only be reached with your sign-in, and a calendar subscription cannot send it.',
      'These dates are your own notes, not legal advice. Your contract decides which period applies.',
    ],
  },
};
