import type { FieldName } from '../contacts/fields';

/** Hints under some form fields, keyed by the contract's field names. */
type Hints = Partial<Record<FieldName, string>>;

/**
 * German catalog: the default language and the shape every other catalog must match.
 * Plain strings, or functions where a value is interpolated.
 */
export const de = {
  locale: 'de-DE',
  lang: 'de',
  appName: 'Kontakte',
  skipToContent: 'Zum Inhalt springen',
  backToPlatform: 'Zurück zur Kundenplattform',
  asset: 'Objekt',
  switchAsset: 'Objekt wechseln',
  errors: {
    unauthorized: {
      title: 'Bitte melden Sie sich an',
      text: 'Ihre Sitzung ist abgelaufen oder ungültig. Melden Sie sich auf der Kundenplattform an, um Ihre Kontakte zu sehen.',
      action: 'Zur Anmeldung',
    },
    sessionExpired: {
      title: 'Sitzung abgelaufen – Ihre Eingaben sind erhalten',
      text: 'Ihre Anmeldung ist abgelaufen, bevor das Formular ankam. Nichts wurde gespeichert, aber nichts ist verloren: Melden Sie sich in einem neuen Tab an und senden Sie das Formular dann hier erneut.',
      login: 'In neuem Tab anmelden',
    },
    forbidden: {
      title: 'Kein Zugriff',
      text: 'Das Kontaktbuch ist nur für Käufer da. Projektleitungen und Administratoren können hier keine Kontakte sehen oder bearbeiten.',
    },
    crossSite: {
      title: 'Anfrage abgelehnt',
      text: 'Diese Änderung kam nicht von dieser Seite und wurde aus Sicherheitsgründen nicht ausgeführt. Bitte laden Sie die Seite neu und versuchen Sie es noch einmal.',
    },
    notFound: {
      title: 'Nicht gefunden',
      text: 'Diese Seite oder dieser Kontakt existiert nicht (mehr).',
    },
    methodNotAllowed: {
      title: 'Aktion nicht möglich',
      text: 'Diese Aktion ist an dieser Adresse nicht möglich.',
    },
    payloadTooLarge: {
      title: 'Zu viele Daten',
      text: 'Die gesendeten Daten sind zu groß (höchstens 64 KiB). Bitte kürzen Sie Ihre Eingaben.',
    },
    tooManyRequests: {
      title: 'Zu viele Änderungen',
      text: 'Sie haben in kurzer Zeit sehr viele Änderungen gesendet. Bitte warten Sie einen Moment und versuchen Sie es dann erneut.',
    },
    unavailable: {
      title: 'Vorübergehend nicht erreichbar',
      text: 'Die Kontakte können gerade nicht gespeichert oder geladen werden. Bitte versuchen Sie es in einem Moment noch einmal.',
      inputKept: 'Ihre Eingaben sind unten erhalten. Senden Sie das Formular einfach erneut.',
    },
    badRequest: {
      title: 'Ungültige Anfrage',
      text: 'Die gesendeten Daten konnten nicht gelesen werden. Bitte laden Sie die Seite neu und versuchen Sie es noch einmal.',
    },
    internal: {
      title: 'Ein Fehler ist aufgetreten',
      text: 'Etwas ist schiefgelaufen. Bitte versuchen Sie es noch einmal.',
    },
    home: 'Zur Startseite',
  },
  contacts: {
    title: 'Kontakte',
    heading: (assetName: string) => `Kontakte · ${assetName}`,
    add: 'Neuen Kontakt hinzufügen',
    exportAll: 'Alle als vCard (.vcf)',
    exportOne: 'Als vCard herunterladen (.vcf)',
    exportHelpTitle: 'Wie komme ich an die Kontakte auf meinem Handy?',
    exportHelp: [
      'iPhone: Die Datei öffnen und „Alle Kontakte hinzufügen“ wählen. Öffnet Safari sie nur als Vorschau, über „Teilen“ die App Kontakte wählen.',
      'Android: Die heruntergeladene Datei antippen und mit „Kontakte“ öffnen, dann das Konto wählen.',
      'Outlook (Desktop): Outlook übernimmt nur den ersten Kontakt einer Datei. Laden Sie dort jeden Kontakt einzeln über „Als vCard herunterladen“ auf seiner Seite.',
      'Google Kontakte und Apple Kontakte am Computer: „Importieren“ und die Datei wählen.',
    ],
    count: (n: number) => (n === 1 ? '1 Kontakt' : `${n.toLocaleString('de-DE')} Kontakte`),
    found: (n: number, q: string) => (n === 1 ? `1 Treffer für „${q}“` : `${n.toLocaleString('de-DE')} Treffer für „${q}“`),
    noResults: (q: string) => `Kein Kontakt passt zu „${q}“.`,
    clearSearch: 'Suche zurücksetzen',
    search: 'Kontakte durchsuchen',
    searchHint: 'Name, Unternehmen oder Position',
    searchButton: 'Suchen',
    loadMore: 'Mehr laden',
    pageOf: (page: number, pages: number) => `Seite ${page} von ${pages}`,
    previousPage: 'Vorherige Seite',
    nextPage: 'Nächste Seite',
    emptyTitle: 'Ihr gemeinsames Adressbuch ist noch leer',
    emptyText:
      'Sammeln Sie hier alle Ansprechpartner rund um Ihre Wohnung: Küchenbauer, Gartenbauer, Poolbauer, Innenarchitektin, Fliesenleger, Bauleitung und die Firmen, die in der Gewährleistung Mängel beheben. Alle Käufer dieser Wohnung sehen und pflegen dieselbe Liste.',
    emptyAction: 'Ersten Kontakt hinzufügen',
    backToList: 'Zurück zur Liste',
    edit: 'Bearbeiten',
    editTitle: (name: string) => `${name} bearbeiten`,
    newTitle: 'Neuen Kontakt hinzufügen',
    save: 'Speichern',
    cancel: 'Abbrechen',
    delete: 'Löschen',
    deleteTitle: (name: string) => `${name} löschen?`,
    deleteText: 'Der Kontakt verschwindet für alle Käufer dieser Wohnung. Sie können das Löschen danach noch rückgängig machen.',
    deleteConfirm: 'Ja, löschen',
    deleteQuestion: (name: string) => `„${name}“ wirklich löschen?`,
    undo: 'Rückgängig',
    saved: (name: string) => `„${name}“ wurde gespeichert.`,
    deleted: (name: string) => `„${name}“ wurde gelöscht.`,
    restored: (name: string) => `„${name}“ ist wiederhergestellt.`,
    lastChanged: (name: string, date: string) => `Zuletzt geändert von ${name} am ${date}`,
    map: 'Auf der Karte zeigen',
    opensInNewTab: '(öffnet in neuem Tab)',
    groups: { person: 'Person und Unternehmen', reach: 'Erreichbarkeit', address: 'Adresse', notes: 'Notizen' },
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
      phone: 'Telefon',
      mobile: 'Mobil',
      email: 'E-Mail',
      website: 'Webseite',
      notes: 'Notizen',
    },
    hints: {
      position: 'z. B. Küchenbauer, Fliesenleger, Bauleiter',
      title: 'z. B. Dr. oder Prof.',
      phone: 'z. B. +49 89 1234567',
      website: 'z. B. www.kuechen-schmidt.de',
    } satisfies Hints as Hints,
    positions: ['Küchenbauer', 'Gartenbauer', 'Poolbauer', 'Innenarchitekt', 'Fliesenleger', 'Bauleiter', 'Elektriker', 'Sanitär und Heizung', 'Maler', 'Schreiner', 'Bodenleger', 'Hausverwaltung', 'Gewährleistung'],
    defaultCountry: 'Deutschland',
    nameRule: 'Bitte geben Sie mindestens Vorname, Nachname oder Unternehmen an.',
    errorSummary: (n: number) => (n === 1 ? 'Bitte korrigieren Sie 1 Eingabe.' : `Bitte korrigieren Sie ${n} Eingaben.`),
    errors: {
      invalid: 'Diese Eingabe ist ungültig.',
      tooLong: (max: number) => `Bitte höchstens ${max.toLocaleString('de-DE')} Zeichen.`,
      controlCharacters: 'Die Eingabe enthält unzulässige Steuerzeichen.',
      phone: 'Bitte eine Telefonnummer mit 3 bis 20 Ziffern angeben (erlaubt: +, Leerzeichen, / - ( ) .).',
      email: 'Bitte eine gültige E-Mail-Adresse angeben, z. B. name@firma.de.',
      website: 'Bitte eine Webadresse mit http:// oder https:// angeben, z. B. www.firma.de.',
      nameRequired: 'Bitte geben Sie mindestens Vorname, Nachname oder Unternehmen an.',
    },
    full: (max: number) => `Das Kontaktbuch ist voll: Eine Wohnung kann höchstens ${max.toLocaleString('de-DE')} Kontakte haben. Löschen Sie nicht mehr benötigte Kontakte, um neue anzulegen.`,
    conflictTitle: 'Jemand hat diesen Kontakt inzwischen geändert',
    conflictText: (name: string, date: string) =>
      `${name} hat den Kontakt am ${date} geändert, während Sie ihn bearbeitet haben. Nichts wurde überschrieben. Vergleichen Sie die Angaben und entscheiden Sie.`,
    conflictField: 'Feld',
    conflictYours: 'Ihre Eingabe',
    conflictStored: 'Jetzt gespeichert',
    conflictKeepMine: 'Meine Eingaben trotzdem speichern',
    conflictTakeStored: 'Gespeicherte Fassung übernehmen',
    conflictDeleteText: (name: string, date: string) =>
      `${name} hat den Kontakt am ${date} geändert. Prüfen Sie die aktuelle Fassung, bevor Sie ihn löschen.`,
    goneTitle: 'Dieser Kontakt wurde inzwischen gelöscht',
    goneText: 'Ein anderer Käufer hat den Kontakt gelöscht, während Sie ihn bearbeitet haben. Ihre Eingaben sind unten erhalten: Sie können sie als neuen Kontakt speichern.',
    saveAsNew: 'Als neuen Kontakt speichern',
    empty: '—',
    draftRestored: 'Ihre nicht gesendeten Eingaben wurden wiederhergestellt.',
    draftDiscard: 'Verwerfen',
  },
  devLogin: {
    title: 'Entwicklungs-Anmeldung',
    text: 'Nur für die lokale Entwicklung: Wählen Sie einen Demo-Benutzer.',
    user: 'Benutzer',
    submit: 'Anmelden',
  },
  picker: {
    title: 'Ihre Objekte',
    text: 'Wählen Sie das Objekt, dessen Kontakte Sie sehen möchten.',
  },
};

/** Every catalog has the German one's shape. */
export type Messages = typeof de;
