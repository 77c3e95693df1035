import type { FieldName } from '../contacts/fields';
import { numberIn } from './number';

/** Hints under some form fields, keyed by the contract's field names. */
type Hints = Partial<Record<FieldName, string>>;

const localNumber = numberIn('de-DE');
/** The way on from a file too big to take whole: what a phone exports can be chosen. */
const exportFewer = 'Exportieren Sie bitte nur die Kontakte, die Sie übernehmen möchten, etwa eine Gruppe oder einzelne Kontakte.';

/**
 * German catalog: the default language and the shape every other catalog must match.
 * Plain strings, or functions where a value is interpolated.
 */
export const de = {
  locale: 'de-DE',
  lang: 'de',
  skip: 'Zum Inhalt springen',
  toPlatform: 'Zurück zur Kundenplattform',
  platform: 'Plattform',
  asset: 'Objekt',
  switchAsset: 'Objekt wechseln',
  errors: {
    signIn: {
      title: 'Bitte melden Sie sich an',
      text: 'Um Ihre Kontakte zu sehen, melden Sie sich bitte auf der Kundenplattform an.',
      notDone:
        'Ihre Anmeldung ist abgelaufen, es wurde nichts geändert. Melden Sie sich bitte auf der Kundenplattform an: Danach kommen Sie auf diese Seite zurück und können den Schritt wiederholen.',
      action: 'Zur Anmeldung',
    },
    expired: {
      title: 'Anmeldung abgelaufen – Ihre Eingaben sind erhalten',
      // `here`: the form is sent again from this page (a revive, "Alles noch einmal bearbeiten"), not
      // the page the sign-in returns to: its button need not say "Speichern" (buyer review).
      text: (here?: boolean) =>
        `Ihre Anmeldung ist abgelaufen, bevor das Formular ankam. Es wurde noch nichts gespeichert, und Ihre Eingaben sind erhalten: ${here ? 'Melden Sie sich in einem neuen Tab an und machen Sie dann in diesem Tab weiter.' : 'Melden Sie sich an und speichern Sie dann erneut.'}`,
      // Without JS, where only the new tab's sign-in is offered.
      thisTab:
        'Der neue Tab zeigt danach die Kontakte. Ihre Eingaben stehen nur hier: Kommen Sie in diesen Tab zurück und speichern Sie hier.',
      continue: 'Anmelden und weitermachen',
      login: 'In neuem Tab anmelden',
    },
    denied: {
      title: 'Kein Zugriff',
      text: 'Die Kontakte sind nur für die Käufer eines Objekts da. Projektleitungen und Administratoren können hier keine Kontakte sehen oder bearbeiten.',
    },
    cross: {
      title: 'Anfrage abgelehnt',
      text: 'Diese Änderung kam nicht von dieser Seite und wurde aus Sicherheitsgründen nicht ausgeführt. Bitte laden Sie die Seite neu und versuchen Sie es noch einmal.',
    },
    notFound: {
      title: 'Nicht gefunden',
      text: 'Diese Seite oder dieser Kontakt existiert nicht (mehr).',
    },
    notAllowed: {
      title: 'Aktion nicht möglich',
      text: 'Diese Aktion ist an dieser Adresse nicht möglich.',
    },
    tooLarge: {
      title: 'Zu lange Eingaben',
      text: 'Ihre Eingaben sind zu lang, um sie auf einmal zu speichern. Gehen Sie bitte mit der Zurück-Taste Ihres Browsers zum Formular zurück und kürzen Sie sie, zum Beispiel die Notizen.',
      inPlace: 'Ihre Eingaben sind zu lang, um sie auf einmal zu speichern. Bitte kürzen Sie sie, zum Beispiel die Notizen.',
      file: 'Diese Datei ist größer als 5 MB. Exportieren Sie die Kontakte ohne Fotos oder in Teilen, und wählen Sie die neue Datei.',
    },
    tooMany: {
      title: 'Zu viele Änderungen',
      text: 'Sie haben in kurzer Zeit sehr viele Änderungen gesendet. Bitte warten Sie einen Moment, gehen Sie mit der Zurück-Taste Ihres Browsers zurück und versuchen Sie es erneut.',
      inPlace: 'Sie haben in kurzer Zeit sehr viele Änderungen gesendet. Bitte warten Sie einen Moment und versuchen Sie es erneut.',
    },
    searches: {
      title: 'Zu viele Suchen',
      text: 'Sie haben in kurzer Zeit sehr viele Suchen gesendet. Bitte warten Sie einen Moment und suchen Sie dann erneut.',
    },
    down: {
      title: 'Vorübergehend nicht erreichbar',
      text: 'Die Kontakte können gerade nicht gespeichert oder geladen werden. Bitte versuchen Sie es in einem Moment noch einmal.',
      inputKept: 'Ihre Eingaben sind unten erhalten. Senden Sie das Formular einfach erneut.',
    },
    bad: {
      title: 'Anfrage nicht lesbar',
      text: 'Ihre Eingaben konnten nicht gelesen werden. Bitte laden Sie die Seite neu und versuchen Sie es noch einmal.',
    },
    internal: {
      title: 'Ein Fehler ist aufgetreten',
      text: 'Etwas ist schiefgelaufen. Bitte versuchen Sie es noch einmal.',
    },
  },
  // The contact book's own texts stand at the top level, beside the shell's: they are most of
  // the catalog, and a `contacts` level cost the bundle a `.contacts` at each of ~370 uses.
  title: 'Kontakte',
  add: 'Neuen Kontakt hinzufügen',
  exportAll: 'Auf das Handy übernehmen (.vcf)',
  noExport: 'Es gibt keine Kontakte, die in die Datei kommen könnten.',
  // "Treffer" is its own plural, and 1 is written "1": one text for every count.
  exportFound: (n: number) => `${localNumber(n)} Treffer auf das Handy übernehmen (.vcf)`,
  phoneHelp: 'Wie kommen die Kontakte auf mein Handy?',
  share: 'Teilen',
  print: {
    link: 'Telefonliste drucken',
    found: (n: number) => `${localNumber(n)} Treffer drucken`,
    title: (assetName: string) => `Telefonliste · ${assetName}`,
    heading: 'Telefonliste',
    asOf: (date: string) => `Stand: ${date}`,
    // A search's rows are "Treffer", as in the list (glossary; a11y review, stop 61).
    selection: (q: string, n: number) => `Auswahl: „${q}“ · ${localNumber(n)} Treffer`,
    button: 'Drucken',
    hint: 'Drucken Sie diese Seite über die Druckfunktion Ihres Browsers: am Handy im Menü unter „Teilen“ oder „Drucken“, am Computer mit Strg+P (am Mac ⌘+P).',
    empty: 'Es gibt keine Kontakte zu drucken.',
    phones: 'Telefonnummern',
    reach: 'E-Mail-Adresse und Adresse',
  },
  count: (n: number) => `${localNumber(n)} Kontakt${n === 1 ? '' : 'e'}`,
  grouped: ' · nach Position',
  countFrom: (name: string) => ` · hier ab „${name}“`,
  found: (n: number, q: string) => `${localNumber(n)} Treffer für „${q}“`,
  noHits: (q: string) => `Keine Treffer für „${q}“`,
  clear: 'Suche leeren',
  search: 'Kontakte durchsuchen',
  searchHint: 'Name, Ort, Nummer',
  find: 'Suchen',
  loadMore: 'Mehr laden',
  noMore: (search: boolean): string => `Keine weiteren ${search ? 'Treffer' : 'Kontakte'}.`,
  loaded: (n: number, search: boolean) =>
    `${localNumber(n)} weitere${n === 1 ? 'r' : ''} ${search ? 'Treffer' : n === 1 ? 'Kontakt' : 'Kontakte'} geladen.`,
  next: 'Weiter',
  emptyTitle: 'Hier sind noch keine Kontakte',
  emptyText:
    'Sammeln Sie hier alle Ansprechpartner rund um Ihr Objekt: Küchenbauer, Gartenbauer, Poolbauer, Innenarchitekt, Fliesenleger, Bauleiter und die Unternehmen, die in der Gewährleistung Mängel beheben. Alle Käufer des Objekts sehen und pflegen dieselben Kontakte.',
  addFirst: 'Ersten Kontakt hinzufügen',
  backToList: 'Zurück zu den Kontakten',
  edit: 'Bearbeiten',
  editTitle: (name: string) => `${name} bearbeiten`,
  save: 'Speichern',
  cancel: 'Abbrechen',
  current: 'Aktuelle Fassung ansehen',
  delete: 'Löschen',
  deleteTitle: (name: string) => `„${name}“ löschen?`,
  deleteText: 'Der Kontakt verschwindet für alle Käufer des Objekts. Sie können das Löschen danach noch rückgängig machen.',
  deleteConfirm: 'Ja, löschen',
  undo: 'Rückgängig',
  saved: (name: string) => `„${name}“ wurde gespeichert.`,
  deleted: (name: string) => `„${name}“ wurde gelöscht.`,
  restored: (name: string) => `„${name}“ ist wiederhergestellt.`,
  /** `when`: the restored version's date and author, "06.12.2026, 14:54 (Jonas Müller)". */
  reverted: (name: string, when?: string) =>
    when ? `Die Fassung von „${name}“ vom ${when} ist wiederhergestellt.` : `Die frühere Fassung von „${name}“ ist wiederhergestellt.`,
  restoreUndone: (name: string) => `Rückgängig gemacht: „${name}“ ist wieder wie vor der Wiederherstellung.`,
  lastBy: (name: string, date: string) => `Zuletzt geändert von ${name} am ${date}`,
  map: 'Karte',
  call: 'Anrufen',
  callMobile: 'Mobil',
  callMobileName: 'Mobil anrufen',
  mail: 'E-Mail',
  vcard: 'vCard',
  vcardName: 'vCard herunterladen',
  address: 'Adresse',
  department: 'Abteilung',
  categories: 'Kategorien',
  callName: (name: string) => `${name} anrufen`,
  mailName: (name: string) => `E-Mail an ${name}`,
  /** The list's column headings (the phone's and the e-mail's are the fields' labels). */
  columns: { name: 'Name', meta: 'Position · Unternehmen' },
  newTab: '(öffnet in neuem Tab)',
  groups: { person: 'Person und Unternehmen', reach: 'Erreichbarkeit', address: 'Adresse', warranty: 'Gewährleistung', notes: 'Notizen' },
  fields: {
    position: 'Position / Rolle',
    company: 'Unternehmen',
    title: 'Titel',
    first_name: 'Vorname',
    last_name: 'Nachname',
    street: 'Straße und Hausnummer',
    postal_code: 'PLZ',
    city: 'Ort',
    country: 'Land',
    phone: 'Telefonnummer',
    mobile: 'Mobilnummer',
    email: 'E-Mail-Adresse',
    website: 'Webseite des Unternehmens',
    notes: 'Notizen',
    accepted_on: 'Abnahme am',
    warranty_until: 'Gewährleistung bis',
  },
  /** The fields inside a sentence, with their article: "Jonas Müller hat inzwischen die Telefonnummer geändert". */
  inText: {
    position: 'die Position',
    company: 'das Unternehmen',
    title: 'den Titel',
    first_name: 'den Vornamen',
    last_name: 'den Nachnamen',
    street: 'die Straße',
    postal_code: 'die PLZ',
    city: 'den Ort',
    country: 'das Land',
    phone: 'die Telefonnummer',
    mobile: 'die Mobilnummer',
    email: 'die E-Mail-Adresse',
    website: 'die Webseite',
    notes: 'die Notizen',
    accepted_on: 'das Abnahmedatum',
    warranty_until: 'das Ende der Gewährleistung',
  },
  hints: {
    position: 'z. B. Küchenbauer, Fliesenleger, Bauleiter',
    title: 'z. B. Dr. oder Prof.',
    phone: 'z. B. +49 89 1234567',
    website: 'z. B. www.kuechen-schmidt.de',
  } satisfies Hints as Hints,
  positions: [
    'Küchenbauer',
    'Gartenbauer',
    'Poolbauer',
    'Innenarchitekt',
    'Fliesenleger',
    'Bauleiter',
    'Elektriker',
    'Sanitär und Heizung',
    'Maler',
    'Schreiner',
    'Bodenleger',
    'Hausverwaltung',
    'Mängelmanagement',
  ],
  toFix: (n: number) => `Bitte korrigieren Sie ${n} Eingabe${n === 1 ? '' : 'n'}.`,
  offline: 'Keine Verbindung.',
  /** Said only where a form was sent (not when a page or a search did not come). */
  offlineForm: 'Ihre Eingaben bleiben erhalten; erneut senden legt nichts doppelt an.',
  retry: 'Erneut senden',
  fieldErrors: {
    invalid: 'Bitte prüfen Sie diese Eingabe.',
    tooLong: (max: number, now: number) =>
      `Bitte kürzen Sie die Eingabe auf höchstens ${localNumber(max)} Zeichen; jetzt sind es ${localNumber(now)}.`,
    controlCharacters: 'Die Eingabe enthält ein unsichtbares Sonderzeichen. Bitte tippen Sie sie neu ein.',
    phone: 'Bitte geben Sie die Nummer mit Ziffern ein, z. B. +49 89 1234567.',
    phoneWords: (words: string) => `Bitte tragen Sie nur die Nummer in Ziffern ein. „${words}“ gehört in die Notizen.`,
    phoneExtension: (number: string) => `Bitte schreiben Sie die Durchwahl mit Bindestrich: „${number}“.`,
    phoneShort: 'Die Nummer ist zu kurz. Bitte geben Sie mindestens 3 Ziffern ein.',
    phoneMobile: (field: string) => `Bitte tragen Sie eine Mobilnummer unter „${field}“ ein.`,
    phoneLong: 'Die Nummer ist zu lang. Bitte geben Sie höchstens 20 Ziffern ein.',
    phoneTwo: (other: string) => `Bitte tragen Sie hier nur eine Nummer ein. Eine zweite passt in „${other}“ oder in die Notizen.`,
    email: 'Bitte geben Sie eine vollständige E-Mail-Adresse ein, z. B. name@firma.de.',
    emailSpace: 'Die E-Mail-Adresse enthält ein Leerzeichen. Bitte geben Sie sie ohne Leerzeichen ein, z. B. name@firma.de.',
    emailComma: 'Die E-Mail-Adresse enthält ein Komma. Bitte schreiben Sie an seiner Stelle einen Punkt, z. B. name@firma.de.',
    website: 'Bitte geben Sie eine Webadresse wie www.firma.de ein.',
    websiteSpace: 'Die Webadresse enthält ein Leerzeichen. Bitte geben Sie sie ohne Leerzeichen ein, z. B. www.firma.de.',
    encoding: 'Diese Eingabe kam beschädigt an. Bitte geben Sie sie noch einmal ein.',
    nameRequired: 'Bitte geben Sie mindestens Vorname, Nachname oder Unternehmen an.',
    postalCode: 'Eine deutsche PLZ hat fünf Ziffern. Im Ausland bitte das Land ändern.',
    // The words app.js says for a date the browser cannot read: one voice with and without JS (review).
    date: 'Dieses Datum gibt es nicht, oder es ist unvollständig. Bitte prüfen Sie Tag, Monat und Jahr, z. B. 12.03.2027.',
    // „12/03/2027“: the 12th of March or the 3rd of December? Asked, not guessed (walkthrough).
    dateSlash: 'Bitte schreiben Sie das Datum als Tag.Monat.Jahr, z. B. 12.03.2027: So ist unklar, ob zuerst der Tag oder der Monat steht.',
    dateRange: 'Bitte geben Sie ein Datum zwischen 1990 und 2100 ein.',
    periodRange: 'Mit dieser Frist würde die Gewährleistung erst nach 2100 enden. Bitte prüfen Sie das Datum der Abnahme.',
    endBeforeStart: 'Das Ende der Gewährleistung darf nicht vor der Abnahme liegen.',
    noStart:
      'Die Frist zählt ab der Abnahme: Bitte geben Sie das Datum an oder das Ende der Gewährleistung, oder wählen Sie „Keine Frist“.',
    period: 'Bitte wählen Sie 5, 4 oder 2 Jahre.',
    // "Keine Frist" chosen where the page still said the period's end "wird gespeichert" (no JS: walkthrough, stop 81).
    endDropped: (date: string) =>
      `Ohne Frist fällt das Ende am ${date} weg. Tragen Sie es hier ein, wählen Sie wieder eine Frist, oder speichern Sie noch einmal ohne Ende.`,
  },
  full: (max: number) =>
    `Es sind keine weiteren Kontakte möglich: Ein Objekt kann höchstens ${localNumber(max)} Kontakte haben. Löschen Sie nicht mehr benötigte Kontakte, um neue anzulegen.`,
  conflictTitle: 'Dieser Kontakt wurde inzwischen geändert',
  conflictText: (name: string, date: string, people = 1) =>
    `${name} ${people > 1 ? 'haben' : 'hat'} den Kontakt am ${date} geändert, während Sie ihn bearbeitet haben. Nichts wurde überschrieben. Vergleichen Sie die Angaben und entscheiden Sie.`,
  // The same comparison when the input is an earlier version restored over a newer change.
  conflictRestoreText: (name: string, date: string, people = 1) =>
    `${name} ${people > 1 ? 'haben' : 'hat'} den Kontakt am ${date} geändert, nachdem Sie den Verlauf geöffnet haben. Nichts wurde überschrieben. Vergleichen Sie die frühere Fassung mit der gespeicherten und entscheiden Sie.`,
  conflictOnlyHere:
    'Ihre Eingaben stehen nur auf dieser Seite: Mit „Zurück zum Kontakt“ oder „Zurück“ im Browser gingen sie verloren. Bitte entscheiden Sie hier.',
  conflictField: 'Feld',
  conflictYours: 'Meine Eingabe',
  keepMine: 'Meine Eingaben trotzdem speichern',
  take: 'Gespeicherte Werte übernehmen',
  taken: 'Die gespeicherten Werte stehen jetzt im Formular, Ihre übrigen Eingaben sind erhalten. Gespeichert wird mit „Speichern“.',
  stale: (name: string, date: string) =>
    `${name} hat den Kontakt am ${date} geändert. Prüfen Sie die aktuelle Fassung, bevor Sie ihn löschen.`,
  noRoom:
    'Der Speicherplatz dieses Objekts ist aufgebraucht. Löschen Sie nicht mehr benötigte Kontakte endgültig unter „Zuletzt gelöscht“ oder kürzen Sie lange Notizen, dann können Sie wieder speichern.',
  /** Each part: who, and the fields whose values of theirs were replaced ("Jonas Müller hatte …, Lena Schulz …"). */
  replaced: (parts: string[][], count: number) =>
    `${parts.map(([by, fields], i) => (i ? `${by} ${fields}` : `${by} hatte ${fields} anders gespeichert`)).join(', ')} – jetzt ${count === 1 ? 'gilt Ihre Eingabe' : 'gelten Ihre Eingaben'}. Die Fassung davor steht im Verlauf.`,
  replacedValue: (field: string, value: string) => `${field} („${value}“)`,
  /** Since the last visit: one kind of change (0 added, 1 changed, 2 deleted) with its count, the noun at the first only ("einen Kontakt hinzugefügt", "2 geändert"). */
  sinceDone: (n: number, kind: number, first: boolean) =>
    `${n === 1 ? 'einen' : localNumber(n)}${first ? ` Kontakt${n === 1 ? '' : 'e'}` : ''} ${['hinzugefügt', 'geändert', 'gelöscht'][kind]}`,
  since: (by: string, people: number, done: string) => `Seit Ihrem letzten Besuch ${people > 1 ? 'haben' : 'hat'} ${by} ${done}.`,
  sinceLink: 'Änderungen ansehen',
  /** More than the 100 latest versions since: not counted. */
  sinceMany: 'viele Änderungen gespeichert',
  changesTitle: 'Änderungen seit Ihrem letzten Besuch',
  /** `day`: 0 since a visit today, 1 yesterday, else its date (views/format.ts dayAndTime). */
  changesText: (day: number | string, time: string) =>
    `Was andere seit ${day === 0 ? 'heute' : day === 1 ? 'gestern' : `dem ${day}`} um ${time} Uhr bei den Kontakten geändert haben, das Neueste zuerst.`,
  changesDeleted: 'Gelöscht',
  changesEmpty: 'Seitdem hat niemand sonst etwas geändert.',
  changesMore: 'Gezeigt sind die 100 neuesten Änderungen; ältere stehen im Verlauf der einzelnen Kontakte.',
  merged: (by: string, fields: string, count: number, people: number) =>
    `${by} ${people > 1 ? 'haben' : 'hat'} inzwischen ${fields} geändert – ${count === 1 ? 'diese Änderung ist' : count === 2 ? 'beides ist' : 'alles ist'} übernommen.`,
  /** On a clash page: what co-buyers changed besides the clashing fields (kept with the choice). */
  also: (by: string, fields: string, count: number, people: number) =>
    `${by} ${people > 1 ? 'haben' : 'hat'} außerdem ${fields} geändert – ${count === 1 ? 'diese Änderung bleibt' : 'diese Änderungen bleiben'} erhalten.`,
  /** Who saved meanwhile when it was this user, in another window or tab (a plural verb follows). */
  yourself: 'Sie selbst (in einem anderen Fenster)',
  yourselfFrom: 'Ihnen selbst (in einem anderen Fenster)',
  /** Who changed a field in versions no longer kept (20 per contact). */
  someone: 'Jemand',
  and: 'und',
  clashTitle: 'Bitte entscheiden Sie, welche Angabe gilt',
  /** `others`: this user changed more than the fields to choose. */
  clashText: (by: string, people = 1, others?: boolean, apart?: boolean) =>
    `${by} ${people > 1 ? 'haben' : 'hat'} inzwischen ${apart ? 'Angaben geändert, die mit Ihren Änderungen nicht zusammenpassen' : 'dieselben Angaben anders geändert'}. Noch ist nichts gespeichert: Wählen Sie unten, was gilt${others ? '; Ihre übrigen Änderungen werden mit gespeichert' : ''}.`,
  clashAgain: 'Während Sie gewählt haben, wurde der Kontakt noch einmal geändert: Bitte wählen Sie noch einmal.',
  // The same choice when an older version is restored over a co-buyer's newer change.
  clashRestoreText: (by: string, people = 1) =>
    `${by} ${people > 1 ? 'haben' : 'hat'} inzwischen Angaben geändert, die in der früheren Fassung anders lauten. Noch ist nichts gespeichert: Wählen Sie unten, was gilt; alles Übrige der früheren Fassung wird mit wiederhergestellt.`,
  earlier: 'Frühere Fassung',
  clashRestoreFrom: (when: string) => `Fassung vom ${when}`,
  clashTheirs: (by: string) => `Von ${by}`,
  /** On a restore's clash: what is stored now, beside the earlier version. */
  clashCurrent: (by: string) => `Aktuell, von ${by}`,
  clashTheirsOwn: 'Aus dem anderen Fenster',
  chooseAll: 'Bitte wählen Sie für jede Angabe, was gilt. Noch ist nichts gespeichert.',
  clashBoth: 'Beide Änderungen',
  marked: 'Hervorgehoben: was nur in einer Fassung steht.',
  clashOnlyHere: 'Nur hier: ',
  clashChanged: 'Hervorgehoben: was jeweils anders geändert wurde.',
  clashChangedHere: 'Geändert: ',
  clashSave: 'Auswahl speichern',
  editAll: 'Alles noch einmal bearbeiten',
  anyway: 'Trotzdem löschen',
  history: 'Verlauf',
  historyTitle: (name: string) => `Verlauf von ${name}`,
  historyText: 'Jede Änderung an diesem Kontakt, die neueste zuerst.',
  historyRestoreText: 'Sie können jede ältere Fassung wiederherstellen; das wird eine neue Fassung, der Verlauf bleibt erhalten.',
  historyDeleted: 'Der Kontakt ist gelöscht. Eine ältere Fassung können Sie wiederherstellen, wenn Sie ihn zurückgeholt haben:',
  historyAction: {
    create: 'den Kontakt angelegt',
    import: 'den Kontakt aus einer Datei übernommen',
    update: 'den Kontakt geändert',
    delete: 'den Kontakt gelöscht',
    restore: 'den Kontakt wiederhergestellt',
    revert: 'den Kontakt aus einer früheren Fassung wiederhergestellt',
    undo: 'die Wiederherstellung rückgängig gemacht',
  } as Record<string, string>,
  entry: (name: string, action: string, date: string) => `${name} hat ${action} · ${date}`,
  /** A restore of the version `when` ("05.12.2026, 14:54 (Jonas Müller)"), where it is known. */
  revertSeen: 'Wiederhergestellte Fassung ansehen',
  revertOf: (when: string) => `die ${de.clashRestoreFrom(when)} wiederhergestellt`,
  /** The page of changes: what one person's changes of a contact changed ("Jonas Müller hat die Telefonnummer geändert"), how often. */
  changedFields: (fields: string) => `${fields} geändert`,
  /** `more`: older changes of the run no longer kept, so there may have been more. */
  times: (n: number, more?: boolean) => ` (${more ? 'mindestens ' : ''}${n}-mal)`,
  /** After a change on the page of changes: it replaced what this user had just saved (`fields`: which, where not all). */
  replacedMine: (fields: string) => ` und dabei Ihre Eingabe${fields && ` für ${fields}`} ersetzt`,
  historyCurrent: 'Aktuelle Fassung',
  /** Said (not shown) before a change's old and new value: the arrow between them is not read out (a11y review). */
  historyOld: 'alt:',
  historyNew: 'neu:',
  historySame: 'Diese Fassung entspricht der aktuellen.',
  noChange: 'Keine Änderung an den Angaben.',
  historyHeld: 'Diese Fassung enthielt:',
  historyUnknown: 'Was sich hier geändert hat, ist nicht mehr bekannt: die Fassungen davor werden nicht mehr aufbewahrt.',
  historyRestore: 'Diese Fassung wiederherstellen',
  historyRestores: (fields: string) => `Wiederherstellen ändert: ${fields}.`,
  historyLimit: (max: number) =>
    `Es werden die letzten ${max} Fassungen aufbewahrt, auch nach dem Löschen, bis der Kontakt endgültig gelöscht ist.`,
  toContact: 'Zurück zum Kontakt',
  toPreview: 'Zurück zur Vorschau',
  show: 'Kontakt ansehen',
  toDeleted: 'Zurück zu „Zuletzt gelöscht“',
  goneMatch: 'Passende gelöschte Kontakte unter „Zuletzt gelöscht“ ansehen',
  deletedTitle: 'Zuletzt gelöscht',
  deletedText:
    'Gelöschte Kontakte der letzten 30 Tage. Jeder Käufer dieses Objekts kann sie wiederherstellen. Danach werden sie endgültig gelöscht.',
  deletedEmpty: 'Hier ist zurzeit kein gelöschter Kontakt.',
  deletedBy: (name: string, date: string) => `Gelöscht von ${name} am ${date}`,
  keptUntil: (date: string) => ` · wiederherstellbar bis ${date}`,
  restore: 'Wiederherstellen',
  purge: 'Endgültig löschen',
  purgeConfirm: 'Ja, endgültig löschen',
  noUndo: 'Das lässt sich nicht rückgängig machen.',
  purged: (name: string) => `„${name}“ wurde endgültig gelöscht.`,
  purgedOne: 'Der Kontakt wurde endgültig gelöscht.',
  forGood: 'Dieser Kontakt wurde inzwischen endgültig gelöscht und lässt sich nicht mehr wiederherstellen.',
  deletedBefore: (name: string, by: string) =>
    `${by} hat „${name}“ inzwischen gelöscht. Unter „Zuletzt gelöscht“ können Sie den Kontakt wiederherstellen.`,
  backAlready: (name: string, by: string, date: string) =>
    `„${name}“ ist schon wieder da, zuletzt geändert von ${by} am ${date}. Bitte prüfen Sie die aktuelle Fassung.`,
  /** `here`: said on "Zuletzt gelöscht" itself, where the contact is listed again (walkthrough, stop 64). */
  undoChanged: (name: string, by: string, date: string, here?: boolean) =>
    `„${name}“ wurde inzwischen wiederhergestellt und am ${date} von ${by} wieder gelöscht. Diese Löschung bleibt; ${here ? 'hier' : 'unter „Zuletzt gelöscht“'} können Sie den Kontakt wiederherstellen.`,
  purgeChanged: (name: string, by: string, date: string) =>
    `${by} hat „${name}“ am ${date} geändert. Nichts wurde endgültig gelöscht: Bitte prüfen Sie die aktuelle Fassung.`,
  revived: (name: string, by: string, date: string) =>
    `„${name}“ ist wieder bei Ihren Kontakten (zuletzt geändert von ${by} am ${date}). Nichts wurde endgültig gelöscht.`,
  qrShow: 'QR-Code zeigen',
  qrTitle: (name: string) => `QR-Code mit dem Kontakt ${name}`,
  qrHelp:
    'Richten Sie die Kamera eines Handys auf den Code: Das Handy bietet an, den Kontakt zu speichern. Um ihn auf diesem Gerät zu speichern, wählen Sie „vCard“. Notizen und Gewährleistungsdaten sind nicht enthalten.',
  qrOmits: (parts: string) => `Damit der Code lesbar bleibt, fehlen: ${parts}.`,
  qrParts: { url: 'Webseite', adr: 'Adresse', title: 'Position' } as Record<'url' | 'adr' | 'title', string>,
  // What a code always holds (src/contacts/vcard.ts qrPayload): not only name and company (review, stop 61).
  qrTooLong:
    'Für einen QR-Code sind Name, Unternehmen, Telefonnummern und E-Mail-Adresse dieses Kontakts zusammen zu lang. Nutzen Sie bitte die vCard.',
  encodingTitle: 'Einige Eingaben konnten nicht gelesen werden',
  scope:
    'Gesucht wird in Namen, Unternehmen, Position, Adresse, Telefonnummern, E-Mail-Adressen, Webseiten, Notizen und dem Ende der Gewährleistung (z. B. 2027). Jedes Wort muss vorkommen.',
  paging: 'Weitere Kontakte',
  toStart: 'Zurück zum Anfang',
  noPosition: 'Ohne Position',
  byName: 'Nach Name',
  byPosition: 'Nach Position',
  importLink: 'Kontakte aus einer Datei übernehmen (.vcf)',
  importTitle: 'Kontakte aus einer Datei übernehmen',
  importText:
    'Wählen Sie eine vCard-Datei (.vcf), wie sie iPhone, Android, Google Kontakte oder Outlook exportieren. Sie sehen vorher jeden Kontakt und entscheiden, welche übernommen werden.',
  importFile: 'vCard-Datei (.vcf)',
  importSubmit: 'Datei prüfen',
  limits: 'Höchstens 5 MB, ohne Fotos 1 MB, und 1.000 Kontakte. Fotos werden übersprungen.',
  importErrors: {
    notVcard: 'Diese Datei ist keine vCard-Datei. Bitte wählen Sie eine .vcf-Datei aus Ihrem Adressbuch.',
    onlyGroups: 'Diese Datei enthält nur Gruppen, keine Kontakte. Bitte exportieren Sie die Kontakte selbst, etwa alle einer Gruppe.',
    truncated: 'Diese Datei ist unvollständig: Ein Kontakt hört mittendrin auf. Bitte exportieren Sie die Kontakte noch einmal.',
    charset: 'Die Zeichen dieser Datei passen nicht zu dem Zeichensatz, den sie nennt. Bitte exportieren Sie die Kontakte noch einmal.',
    tooLarge: `Diese Datei ist zu groß: höchstens 1 MB Text ohne Fotos. ${exportFewer}`,
    tooManyCards: `Diese Datei enthält mehr als 1.000 Kontakte. ${exportFewer}`,
    cutOff: 'Die Datei kam nicht vollständig an (brach die Verbindung ab?). Bitte wählen Sie sie noch einmal.',
    noFile: 'Bitte wählen Sie eine Datei aus.',
    empty: 'Diese Datei ist leer. Bitte wählen Sie eine .vcf-Datei aus Ihrem Adressbuch.',
    gone: 'Diese Vorschau gilt nicht mehr: nach einer Stunde oder nach vier neueren Dateien. Bitte laden Sie die Datei noch einmal hoch.',
    undone: 'Dieser Import wurde rückgängig gemacht. Um ihn zu wiederholen, laden Sie die Datei bitte noch einmal hoch.',
  },
  previewTitle: (n: number) => `${localNumber(n)} Kontakt${n === 1 ? '' : 'e'} in der Datei`,
  /** `room` only where the file's cards could fill it (UX walkthrough, stop 78: "Platz für 999" beside 5 cards). */
  previewText: (room?: number, full?: boolean) => {
    const n = localNumber(room ?? 0);
    return `Haken Sie an, was übernommen werden soll.${room === undefined ? '' : ` In diesem Objekt ist noch Platz für ${n} Kontakt${room === 1 ? '' : 'e'}${full ? `; angehakt sind die ersten ${n} neuen der Datei` : ''}.`}`;
  },
  previewDuplicate: (name: string) => `Wahrscheinlich schon bei Ihren Kontakten: „${name}“, daher zunächst nicht angehakt.`,
  /** "Ergänzen" (glossary): the link beside a card the book likely has, the preview after its save, the form's notice and notes lines. */
  previewComplete: (name: string) => `Fehlende Angaben bei „${name}“ ergänzen`,
  previewCompleted: (name: string) => `„${name}“ wurde ergänzt und gespeichert.`,
  completed: (filled: string, noted: string) =>
    `${filled ? `Aus der Datei eingetragen: ${filled}. ` : ''}${noted ? `Was in der Datei anders steht, finden Sie unten in den Notizen: ${noted}. ` : ''}${filled || noted ? 'Gespeichert wird erst mit „Speichern“.' : 'Die Datei enthält nichts, was diesem Kontakt fehlt.'}`,
  previewGone: 'Die Vorschau dieser Datei gilt nicht mehr. Der Kontakt steht unten, wie er gespeichert ist.',
  inFile: (label: string, value: string) => `${label} in der Datei: ${value}`,
  known: 'Alle sind wahrscheinlich schon bei Ihren Kontakten.',
  previewTwice: 'Steht wahrscheinlich noch einmal in der Datei, mit mindestens so vielen Angaben: daher zunächst nicht angehakt.',
  importChanged:
    'Seit Ihrer Vorschau wurden Kontakte angelegt oder geändert. Wahrscheinlich doppelte Kontakte sind jetzt nicht angehakt: Bitte prüfen Sie die Haken.',
  tickAll: 'Alle anhaken',
  tickNone: 'Alle Haken entfernen',
  unusable: 'Dieser Kontakt hat weder Namen noch Unternehmen noch E-Mail-Adresse und lässt sich daher nicht übernehmen.',
  previewGroup: (members: number) =>
    `Dies ist eine Gruppe, kein Kontakt: Sie wird nicht übernommen.${members ? ` ${members === 1 ? 'Der Kontakt dieser Gruppe in der Datei nennt' : `Die ${localNumber(members)} Kontakte dieser Gruppe in der Datei nennen`} sie in den Notizen unter „Kategorien“.` : ''}`,
  nothing: 'In dieser Datei hat kein Kontakt einen Namen, ein Unternehmen oder eine E-Mail-Adresse. Deshalb lässt sich nichts übernehmen.',
  previewMoved: (fields: string) => `Was nicht in die Felder passte, steht in den Notizen: ${fields}.`,
  previewTruncated: 'Die Notizen sind länger als 2.000 Zeichen und werden gekürzt.',
  previewIgnored: (names: string) => `Nicht übernommen: ${names}.`,
  ignoredKinds: {
    birthday: 'Geburtstag',
    dates: 'Jahrestage und weitere Daten',
    nickname: 'Spitzname',
    phonetic: 'Aussprache des Namens',
    messengers: 'Messenger und Profile',
    related: 'verbundene Personen',
    photo: 'Foto',
    gender: 'Geschlecht',
    apps: 'Daten anderer Programme',
    other: 'sonstige Angaben',
  },
  previewConfirm: 'Angehakte Kontakte übernehmen',
  imported: (n: number) => `${localNumber(n)} ${n === 1 ? 'Kontakt wurde' : 'Kontakte wurden'} übernommen.`,
  importUndo: 'Import rückgängig',
  undoWarning:
    'Alle Kontakte dieses Imports, die seitdem niemand geändert hat, werden endgültig gelöscht. Das lässt sich nicht rückgängig machen. Was Sie aus der Datei bei bestehenden Kontakten ergänzt haben, bleibt; es steht in deren Verlauf.',
  undoConfirm: 'Ja, Import rückgängig machen',
  undoHint:
    'Sie haben diesen Kontakt aus einer Datei übernommen. „Import rückgängig“ gilt für die ganze Datei: nicht nur dieser Kontakt, alle daraus, die seitdem niemand geändert hat.',
  /** `names`: those the undo would delete (walkthrough, stop 67: it named only the kept ones, after the fact). */
  lastImport: (n: number, date: string, names: string) =>
    `Ihr letzter Import (${date}): ${localNumber(n)} ${n === 1 ? 'übernommener Kontakt ist' : 'übernommene Kontakte sind'} noch unverändert: ${names}.`,
  others: (n: number) => `und ${localNumber(n)} weitere${n === 1 ? 'r' : ''}`,
  importUndone: (n: number) => `${localNumber(n)} ${n === 1 ? 'übernommener Kontakt wurde' : 'übernommene Kontakte wurden'} gelöscht.`,
  noneLeft: 'Von diesem Import ist nichts mehr zu löschen.',
  noTick: 'Bitte haken Sie mindestens einen Kontakt an.',
  importKept: (names: string) => `Behalten, da inzwischen geändert: ${names}.`,
  importFull: (room: number) =>
    `So viele Kontakte passen nicht mehr in dieses Objekt: Es ist noch Platz für ${localNumber(room)}. Haken Sie weniger an.`,
  goneTitle: 'Dieser Kontakt wurde inzwischen gelöscht',
  /** `version`: the form holds an older version a restore from the history brought, not input. */
  goneText: (by?: string, version?: boolean, deletedBy?: string) =>
    `${by ? `${by} hat den Kontakt gelöscht, ${version ? 'nachdem Sie den Verlauf geöffnet haben' : 'während Sie ihn bearbeitet haben'}.` : deletedBy ? `Der Kontakt wurde inzwischen geändert und von ${deletedBy} gelöscht; unter „Zuletzt gelöscht“ lässt er sich mit diesen Änderungen wiederherstellen.` : 'Der Kontakt wurde inzwischen gelöscht.'} ${version ? 'Die Fassung, die Sie wiederherstellen wollten, steht unten' : 'Ihre Eingaben sind unten erhalten'}: Sie können ${by ? 'den Kontakt damit wiederherstellen oder sie' : 'sie'} als neuen Kontakt speichern.`,
  revive: 'Mit meinen Eingaben wiederherstellen',
  asNew: 'Als neuen Kontakt speichern',
  made: (name: string) =>
    `Mit diesem Formular haben Sie schon „${name}“ gespeichert. Ist das ein weiterer Kontakt, oder wollen Sie „${name}“ ändern?`,
  madeEdit: (name: string) => `„${name}“ ändern`,
  empty: '(leer)',
  draftBack: 'Ihre Eingaben wurden wiederhergestellt.',
  discard: 'Verwerfen',
  /** Warranty dates (issue 17): the form's period, the list badges, the warranty view and warranty.ics. */
  warranty: {
    period: 'Frist ab Abnahme',
    noPeriod: 'Keine Frist – Ende selbst eintragen',
    periods: {
      building: '5 Jahre – Bauwerk (BGB § 634a)',
      vobB: '4 Jahre – VOB/B-Vertrag (§ 13)',
      movable: '2 Jahre – bewegliche Sachen',
    },
    formHint: 'Ist „Gewährleistung bis“ leer, wird das Ende aus Abnahme und Frist berechnet. Welche Frist gilt, bestimmt Ihr Vertrag.',
    cardHelp: 'Diese Daten sind Ihre eigenen Notizen, keine Rechtsberatung. Welche Frist gilt, bestimmt Ihr Vertrag.',
    badge: {
      endsSoon: (date: string) => `Gewährleistung endet am ${date}`,
      endsIn: (days: number, date: string) =>
        `Gewährleistung endet ${days ? (days > 1 ? `in ${days} Tagen` : 'morgen') : 'heute'}, am ${date}`,
      endedRecently: (date: string) => `Gewährleistung endete am ${date}`,
    },
    until: (date: string) => `Gewährleistung bis ${date}`,
    // Beside the period: the end field below stays empty, which read as a lost date (walkthrough, stop 69).
    gives: (date: string) =>
      `Die Frist ergibt ${date}, das wird gespeichert. Füllen Sie „Gewährleistung bis“ nur für ein anderes Ende aus.`,
    typed: (date: string) => `Die Frist ergäbe ${date}; es gilt das eingetragene Ende.`,
    noEnd: 'Ohne Frist und ohne „Gewährleistung bis“ hat dieser Kontakt kein Ende der Gewährleistung.',
    backToList: 'Zurück zur Gewährleistung',
    viewTitle: 'Gewährleistung',
    viewText: 'Alle Kontakte mit einem Ende der Gewährleistung: das nächste zuerst, abgelaufene am Schluss.',
    running: 'Laufend',
    ended: 'Abgelaufen',
    count: (n: number) => `${localNumber(n)} Kontakt${n === 1 ? '' : 'e'} mit Gewährleistungsende`,
    empty: 'Noch hat kein Kontakt ein Ende der Gewährleistung. Tragen Sie es beim Bearbeiten eines Kontakts unter „Gewährleistung“ ein.',
    download: 'Erinnerungen für den Kalender (.ics)',
    downloadOne: 'Erinnerungen an dieses Ende für den Kalender (.ics)',
    noEndTitle: 'Kein Ende der Gewährleistung',
    fileName: (assetName: string) => `Gewährleistung ${assetName}`,
    helpTitle: 'Wie kommen die Erinnerungen in meinen Kalender?',
    calendar: {
      summary: (who: string) => `Gewährleistung endet: ${who} – Mängel vorher melden`,
      ended: (who: string) => `Gewährleistung endete: ${who}`,
      until: (date: string) => `Gewährleistung bis ${date} (Ihre eigene Angabe, keine Rechtsberatung)`,
    },
  },
  picker: {
    title: 'Ihre Objekte',
    back: 'Zu Ihren Objekten',
    text: 'Wählen Sie das Objekt, dessen Kontakte Sie sehen möchten.',
  },
};

/** Every catalog has the German one's shape. */
export type Messages = typeof de;
