import type { HelpTopic } from './i18n/help';
import { ASSET_ID } from './session/claims';

/** Contact ids are opaque (contract §4): what we generate is 20 characters of these. */
export const CONTACT_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * The upload's card an edit completes ("ergänzen": the form's, a clash's or a card's `import`,
 * "<upload>.<card>", then ".<ticks>" where the preview's ticks go along), or a preview's
 * "ergänzen" button ("<contact>.<card>").
 */
export function importOf(sent: unknown): ImportFrom | undefined {
  const [, importId = '', card, on] = /^([^.]+)\.(\d{1,4})(?:\.([\dd-]{0,4900}))?$/.exec(String(sent)) ?? [];
  return CONTACT_ID.test(importId) ? { importId, card: Number(card), on } : undefined;
}

export interface ImportFrom {
  importId: string;
  card: number;
  /**
   * The cards the preview had ticked when "ergänzen" left it, their indices joined by "-", each
   * that the book likely had then with a "d" (at most 1,000 cards: 4,890 characters): they go along to the
   * edit form and back, also without JS (walkthrough, stop 81: the preview came back with its
   * own ticks, and "übernehmen" took the cards the buyer had unticked). Absent: the preview's own.
   */
  on?: string;
}

/** An ImportFrom as the forms' `import` carries it. */
export const importValue = (from: ImportFrom) => `${from.importId}.${from.card}${from.on === undefined ? '' : `.${from.on}`}`;

/** `on` as an address carries it (an upload holds at most 1,000 cards). */
export const ticksParam = (on: string | undefined) => (on !== undefined && /^[\dd-]{0,4900}$/.test(on) ? on : undefined);

export type NoticeKind = 'saved' | 'deleted' | 'restored';

/**
 * What a save without JS did, as the card's `?done=` says: an edit, a deleted contact brought
 * back, an earlier version restored, that restore undone, and a restore that found the contact
 * brought back already, by someone else (`back`).
 */
export const DONE = ['saved', 'restored', 'version', 'undone', 'back'] as const;
export type Done = (typeof DONE)[number];

/** What the list's URL carries: search, grouping, the paging cursor, a notice. */
export interface ListQuery {
  q?: string;
  group?: 'position';
  view?: 'warranty';
  after?: string;
  through?: string;
  notice?: { kind: NoticeKind; id: string };
  /** After an import: its id, for the notice with "Import rückgängig". */
  imported?: string;
  /** After its undo without JS: the import's id and how many contacts it removed. */
  undone?: { importId: string; removed: number };
}

/** What of the list's URL a delete or restore carries back to it: search, grouping or view, page. */
type ListView = Pick<ListQuery, 'q' | 'group' | 'view' | 'after' | 'through'>;
const LIST_VIEW = ['q', 'group', 'view', 'after', 'through'] as const;

/**
 * `params` with those of `view` that are set, in this order; made only for a value (most links
 * of a list page carry none: a URLSearchParams each was about 2 % of its own time).
 */
function listParams(view: ListView, params?: URLSearchParams): URLSearchParams | undefined {
  for (const key of LIST_VIEW) {
    const value = view[key];
    if (!value) continue;
    params ??= new URLSearchParams();
    params.set(key, value);
  }
  return params;
}

/** `?` and the query, or nothing without one. */
function search(params: URLSearchParams | undefined): string {
  const query = params ? `${params}` : '';
  return query ? `?${query}` : '';
}

/**
 * Every URL the app links to, redirects to or posts to, built under the optional BASE_PATH
 * (the platform mounts Kontakte at e.g. /kontakte). Views and routes never write paths by hand
 * (but the dev login's form, src/dev/login.tsx, whose path production's bundle has no use for).
 * Made once when the app is built.
 */
export function makePaths(basePath: string) {
  const base = basePath.replace(/\/+$/, '');
  const asset = (assetId: string) => `${base}/assets/${encodeURIComponent(assetId)}`;
  const contact = (assetId: string, contactId: string) => `${asset(assetId)}/contacts/${encodeURIComponent(contactId)}`;
  /** The list a delete or its undo returns to: its search, grouping or warranty view and its page, as a query. */
  const from = (view: ListView = {}, version?: number) =>
    search(listParams(view, new URLSearchParams(version ? { version: String(version) } : {})));
  return {
    base,
    home: () => `${base}/`,
    file: (publicPath: string) => `${base}${publicPath}`,
    contacts: (assetId: string, query: ListQuery = {}) => {
      let params = listParams(query);
      if (query.notice || query.imported || query.undone) params ??= new URLSearchParams();
      if (query.notice) params?.set(query.notice.kind, query.notice.id);
      if (query.imported) params?.set('imported', query.imported);
      if (query.undone) {
        params?.set('undone', query.undone.importId);
        params?.set('removed', String(query.undone.removed));
      }
      return `${asset(assetId)}/contacts${search(params)}`;
    },
    newContact: (assetId: string) => `${asset(assetId)}/contacts/new`,
    /** The vCard file of the whole book, or of what the search `q` finds (contract §4). */
    vcf: (assetId: string, q = '') => `${asset(assetId)}/contacts.vcf${search(listParams({ q }))}`,
    /** The printable phone list, of the whole book or of what the search `q` finds. */
    print: (assetId: string, q = '') => `${asset(assetId)}/contacts/print${search(listParams({ q }))}`,
    calendar: (assetId: string) => `${asset(assetId)}/contacts/warranty.ics`,
    /** A help page: how the .vcf gets onto a phone, how warranty.ics into a calendar. */
    help: (assetId: string, topic: HelpTopic) => `${asset(assetId)}/contacts/help/${topic}`,
    contact,
    editContact: (assetId: string, contactId: string) => `${contact(assetId, contactId)}/edit`,
    /** With the `version` a card shows, the page that asks without JS says if a co-buyer changed it since. */
    deleteContact: (assetId: string, contactId: string, view?: ListQuery, version?: number) =>
      `${contact(assetId, contactId)}/delete${from(view, version)}`,
    restore: (assetId: string, contactId: string, view?: ListQuery) => `${contact(assetId, contactId)}/restore${from(view)}`,
    exportOne: (assetId: string, contactId: string) => `${contact(assetId, contactId)}.vcf`,
    qr: (assetId: string, contactId: string) => `${contact(assetId, contactId)}/qr.svg`,
    /** The reminders of one contact's warranty end: warranty.ics's event of that contact alone. */
    event: (assetId: string, contactId: string) => `${contact(assetId, contactId)}/warranty.ics`,
    history: (assetId: string, contactId: string) => `${contact(assetId, contactId)}/history`,
    revert: (assetId: string, contactId: string, version: number) => `${contact(assetId, contactId)}/history/${version}/restore`,
    purge: (assetId: string, contactId: string) => `${contact(assetId, contactId)}/purge`,
    deleted: (assetId: string) => `${asset(assetId)}/contacts/deleted`,
    /** What others changed since `since` (ms), this user's last visit. */
    changes: (assetId: string, since: number) => `${asset(assetId)}/contacts/changes?since=${since}`,
    upload: (assetId: string) => `${asset(assetId)}/contacts/import`,
    /** An upload's preview; `tick`: ticked all or none (the no-JS buttons), at its tick boxes. */
    preview: (assetId: string, importId: string, tick?: 'all' | 'none') =>
      `${asset(assetId)}/contacts/import/${encodeURIComponent(importId)}${tick ? `?tick=${tick}#ticks` : ''}`,
    /** "Ergänzen" of an upload's preview: the contact's edit form, completed with that card (contract §4). */
    complete: (assetId: string, contactId: string, { importId, card, on }: ImportFrom) =>
      `${contact(assetId, contactId)}/edit?import=${encodeURIComponent(importId)}&card=${card}${on === undefined ? '' : `&on=${on}`}`,
    /**
     * The preview again after that save, at the card: it says the contact was completed, at that
     * card only (`contactId`: the contact saved; `how`: the save wrote nothing, or brought the
     * contact back, which the preview does not say but its contact's card does where the upload is gone).
     */
    completedFrom: (assetId: string, { importId, card, on }: ImportFrom, contactId?: string, how?: 'same' | 'revived') =>
      `${asset(assetId)}/contacts/import/${encodeURIComponent(importId)}${contactId ? `?completed=${encodeURIComponent(contactId)}&card=${card}${how ? `&${how}=1` : ''}` : ''}${on === undefined ? '' : `${contactId ? '&' : '?'}on=${on}`}#card-${card}${contactId && how !== 'same' ? '-done' : ''}`,
    undoImport: (assetId: string, importId: string) => `${asset(assetId)}/contacts/import/${encodeURIComponent(importId)}/undo`,
    /** The card of a contact just added: it says "Gespeichert" (the id in `saved` is the one shown). */
    saved: (assetId: string, contactId: string) => `${contact(assetId, contactId)}?saved=${encodeURIComponent(contactId)}`,
    /**
     * The card after an edit or a restored version was saved without JavaScript: it says so, and
     * after a save that took over co-buyers' changes since `base`, it names them.
     */
    /** `upto` instead of `at`: the save wrote nothing (its result was stored already); the changes named run up to that version. */
    editedContact: (assetId: string, contactId: string, done: Done, base?: number, at?: number, upto?: boolean, from?: number) =>
      `${contact(assetId, contactId)}?done=${done}${base ? `&merged=${base}` : ''}${at ? `&${upto ? 'upto' : 'at'}=${at}` : ''}${from ? `&from=${from}` : ''}`,
    /**
     * The reverse of `contacts` and `contact` for the two form targets (create and update):
     * which asset and contact a path names, or null.
     */
    target(path: string): { assetId: string; contactId?: string } | null {
      if (!path.startsWith(`${base}/assets/`)) return null;
      const [assetId = '', section, contactId, ...rest] = path.slice(`${base}/assets/`.length).split('/');
      if (section !== 'contacts' || rest.length > 0 || !ASSET_ID.test(assetId)) return null;
      if (contactId === undefined) return { assetId };
      return CONTACT_ID.test(contactId) ? { assetId, contactId } : null;
    },
  };
}

export type Paths = ReturnType<typeof makePaths>;
