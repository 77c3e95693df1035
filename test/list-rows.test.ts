// The list's rows are written as plain strings (src/contacts/views/contact-list.tsx: every text
// through escapeHtml, hono's own escaping) instead of hono/html templates, for speed: held here to
// the templates they replace, byte for byte, over hostile values in both languages, every order,
// with and without a base path, focus and warranty ends around today.
import fc from 'fast-check';
import { html } from 'hono/html';
import { describe, expect, it } from 'vitest';
import { fold, groupKey, phoneDigits } from '../src/contacts/keys';
import type { ContactPage, ListContact } from '../src/contacts/repository';
import { displayName } from '../src/contacts/vcard';
import { ContactRow, letterOf, metaLine, type RowProps, Rows, warrantyLine } from '../src/contacts/views/contact-list';
import { mailtoHref, notedPhone, telHref } from '../src/contacts/views/format';
import { formatDate, LAST_DAYS, warrantyBadge } from '../src/contacts/warranty';
import { ICONS_PATH } from '../src/generated/assets';
import { messagesFor } from '../src/i18n';
import { makePaths, type Paths } from '../src/paths';
import { escapeHtml } from '../src/views/escape';
import { icon, iconHtml } from '../src/views/icon';
import type { Shell } from '../src/views/shell';
import { assertProperty } from './property';

// ---- the hono/html templates of before, word for word -----------------------------------------
function templateIcon(paths: Paths, name: string) {
  return html`<svg class="i" aria-hidden="true"><use href="${paths.file(ICONS_PATH)}#${name}"></use></svg>`;
}

function templateWarrantyLine(shell: Shell, until: string, today: string, showEnd: boolean) {
  if (until === '') return '';
  const badge = warrantyBadge(until, today);
  const date = formatDate(until, shell.t.locale);
  if (badge === 'endsSoon') {
    const left = (Date.parse(until) - Date.parse(today)) / 864e5;
    return left <= LAST_DAYS
      ? html`<span class="wb due">${shell.t.warranty.badge.endsIn(left, date)}</span>`
      : html`<span class="wb">${shell.t.warranty.badge.endsSoon(date)}</span>`;
  }
  if (badge === 'endedRecently') return html`<span class="wb ended">${shell.t.warranty.badge.endedRecently(date)}</span>`;
  return showEnd
    ? html`<span class="wb plain">${(until < today ? shell.t.warranty.badge.endedRecently : shell.t.warranty.badge.endsSoon)(date)}</span>`
    : '';
}

function templateRow(props: RowProps) {
  const { shell, assetId, contact } = props;
  const { t, paths } = shell;
  const href = paths.contact(assetId, contact.id);
  const name = displayName(contact);
  // (Since stop 75 the position and the firm each a span of their own, for a phone's line.)
  const position = props.grouped ? '' : contact.position;
  const firm = metaLine({ ...contact, position: '' });
  const meta =
    position && firm
      ? html`<span>${position}</span><span> · </span><span>${firm}</span>`
      : position || firm
        ? html`<span>${position || firm}</span>`
        : '';
  // (Since stop 75 a number searched for: the number it found, the mobile where only it holds it, marked.)
  const found = (number: string) => number !== '' && (props.numbers || []).some((digits) => phoneDigits(number).includes(digits));
  // (Since stop 83 a search's row found by a number of the notes: the line whose number holds
  // the digits searched for, else the one whose label starts the most words searched for that the
  // name, position and firm do not hold, the first of equals; that number, after its label.)
  const head = fold(`${name} ${contact.position} ${contact.company}`);
  const sought = (props.words ?? []).filter((word) => !head.includes(word));
  const lines = (
    contact.notes && !found(contact.phone) && !found(contact.mobile)
      ? [...contact.notes.matchAll(/^(.{1,80}?): *(\(?[+0][\d ()/.-]{4,28}\d)(?=[ .]*(?:\([^\d)]*\)[ .]*)?$)/gm)]
      : []
  )
    .filter(([, said = '', number = '']) => notedPhone(said, number))
    .map(([, said = '', number = '']) => ({ label: /(?:Telefon|Mobil)nummer \((.*)\)$/.exec(said)?.[1] ?? said, number }));
  const score = (line: { label: string; number: string }) =>
    found(line.number)
      ? 99
      : sought.filter((word) =>
          fold(line.label)
            .split(/\W+/)
            .some((part) => part.startsWith(word)),
        ).length;
  const noted = lines.reduce<{ label: string; number: string } | undefined>(
    (best, line) => (score(line) > (best ? score(best) : 0) ? line : best),
    undefined,
  );
  const label = noted?.label;
  const phone = noted
    ? noted.number
    : contact.phone === '' || (found(contact.mobile) && !found(contact.phone))
      ? contact.mobile
      : contact.phone;
  const call = phone
    ? html`<a class="round" href="${telHref(phone)}">${templateIcon(paths, 'call')}<span class="sr-only">${t.callName(
        noted ? `${name} (${label})` : name,
      )}</span></a>`
    : '';
  const mail = contact.email
    ? html`<a class="round" href="${mailtoHref(contact.email)}">${templateIcon(paths, 'mail')}<span class="sr-only">${t.mailName(name)}</span></a>`
    : '';
  return html`<li class="contact" id="c-${contact.id}"><a class="name" href="${href}" hx-get="${href}" hx-target="#main" hx-push-url="true"${
    props.focus ? html` data-focus-row="${props.focus}"` : props.focused ? ' data-focus' : ''
  }>${name}</a>${meta ? html`<span class="meta">${meta}</span>` : ''}${templateWarrantyLine(shell, contact.warrantyUntil, props.today, props.showEnd === true)}${
    // (Since stop 69 "Mobil 0171 …", before the number, as the phone list writes it.)
    phone
      ? html`<span class="tel${noted || found(phone) ? ' hit' : ''}">${noted ? `${label} ` : phone === contact.phone ? '' : `${t.callMobile} `}${phone}</span>`
      : ''
  }${contact.email ? html`<span class="mail">${contact.email}</span>` : ''}${call || mail ? html`<span class="acts">${call}${mail}</span>` : ''}</li>`;
}

/** The rows part of Rows (without "Mehr laden", which is JSX as before). */
function templateRows(props: {
  shell: Shell;
  assetId: string;
  page: ContactPage;
  today: string;
  loadedMore?: boolean;
  previous?: string;
  focused?: string;
}) {
  const { shell, assetId, page } = props;
  const today = page.day ?? props.today;
  let group = props.previous;
  return page.contacts
    .map((contact, index) => {
      const row = templateRow({
        shell,
        assetId,
        contact,
        today,
        showEnd: page.order === 'warranty',
        grouped: page.order === 'position' || page.order === 'searchPosition',
        focus:
          props.loadedMore === true && index === 0
            ? shell.t.loaded(page.contacts.length, page.order === 'search' || page.order === 'searchPosition')
            : undefined,
        focused: contact.id === props.focused,
      });
      if (page.order === 'search') return row;
      const section =
        page.order === 'warranty'
          ? contact.warrantyUntil < today
            ? 'ended'
            : 'running'
          : page.order === 'name'
            ? letterOf(contact)
            : groupKey(contact.position);
      if (section === group) return row;
      group = section;
      const heading =
        page.order === 'warranty'
          ? shell.t.warranty[section as 'ended' | 'running']
          : page.order === 'name'
            ? section
            : contact.position.trim() || shell.t.noPosition;
      return html`<li class="group"><h2>${heading}</h2></li>${row}`;
    })
    .join('');
}

// ---- values -------------------------------------------------------------------------------------
const hostile = fc.oneof(
  fc.string(),
  fc.string({ unit: fc.constantFrom('&', '<', '>', '"', "'", 'a', 'Ä', ' ', '/', '-', '0', '4', '9', '+', '(', ')', '\u200b', '😀') }),
  fc.constantFrom(
    '',
    ' ',
    '&amp;',
    '<script>',
    '"quoted"',
    "O'Brien",
    '+49 (0)30 123456',
    '089 123456 / 0171 2345678',
    '089 123 45-67 / -68',
  ),
);
const day = fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2028, 11, 31) }).map((ms) => new Date(ms).toISOString().slice(0, 10));
const contact = fc.record({
  id: fc.oneof(fc.stringMatching(/^[A-Za-z0-9_-]{20}$/), hostile),
  title: hostile,
  firstName: hostile,
  lastName: hostile,
  company: hostile,
  position: hostile,
  phone: hostile,
  mobile: hostile,
  // A stored address has an "@" (src/contacts/schema.ts): mailtoHref splits it there.
  email: fc.oneof(
    fc.constant(''),
    fc.emailAddress(),
    fc.tuple(hostile, hostile).map(([local, domain]) => `${local}@${domain}`),
  ),
  warrantyUntil: fc.oneof(fc.constant(''), day, hostile),
  sortKey: fc.oneof(fc.string(), fc.constantFrom('', 'ärzte', 'zz', '9', 'жук')),
  // A search's rows carry the notes (since stop 83): lines that give a number after a label.
  notes: fc.option(
    fc.oneof(
      hostile,
      fc
        .array(
          fc.oneof(
            hostile,
            fc.constantFrom(
              'Notdienst: 0800 1234567',
              'Weitere Telefonnummer (Notdienst 24h): +49 89 1234567',
              'Fax: 089 123457',
              'Büro <&> "x": (0171) 23 45 67',
              'Notdienst: 01.03.2024',
              'Hausmeister: (+49) 171 2345678. ',
              'Elektro Büro: 089 111111',
              'Notdienst außerhalb der Geschäftszeiten: 0800 222222 (Wochenende)',
              'Badausstellung/Notdienst: 089 333333',
            ),
          ),
          { maxLength: 4 },
        )
        .map((lines) => lines.join('\n')),
    ),
    { nil: undefined },
  ),
}) as fc.Arbitrary<ListContact>;
const shell = fc.record({
  language: fc.constantFrom('de', 'en'),
  base: fc.constantFrom('', '/kontakte', '/a&b"<'),
});
const shellOf = ({ language, base }: { language: string; base: string }): Shell => ({
  t: messagesFor(language),
  paths: makePaths(base),
  platformName: 'P',
  platformUrl: '/',
});

describe('list rows as plain strings', () => {
  it('an icon is the template of before', () => {
    for (const base of ['', '/kontakte', '/a&b"<'])
      for (const name of ['call', 'mobile', 'mail', 'route', 'card', 'web', 'plus'] as const) {
        const paths = makePaths(base);
        expect(iconHtml(paths, name)).toBe(String(templateIcon(paths, name)));
        expect(String(icon(paths, name))).toBe(String(templateIcon(paths, name)));
        expect((icon(paths, name) as unknown as { isEscaped: boolean }).isEscaped).toBe(true);
      }
  });

  it('escapeHtml is hono/html escaping a text', () => {
    assertProperty(
      fc.property(hostile, (text) => {
        expect(escapeHtml(text)).toBe(String(html`${text}`));
      }),
    );
  });

  it('a row and its warranty line are the templates of before', () => {
    assertProperty(
      fc.property(
        shell,
        hostile,
        contact,
        day,
        fc.record({
          showEnd: fc.boolean(),
          grouped: fc.boolean(),
          focus: fc.option(hostile, { nil: undefined }),
          focused: fc.boolean(),
          // The digits of numbers searched for, or none ('' without a search).
          numbers: fc.option(fc.array(fc.constantFrom('089', '0171', '123', '1234', '4930', '0049', '0800'), { maxLength: 2 }), {
            nil: undefined,
          }),
          // The folded words searched for (since stop 83).
          words: fc.option(
            fc.array(fc.constantFrom('notdienst', 'buro', '24h', 'fax', 'x', 'weitere', 'elektro', 'bad', 'dienst'), { maxLength: 3 }),
            {
              nil: undefined,
            },
          ),
        }),
        (s, assetId, c, today, flags) => {
          const props = { shell: shellOf(s), assetId, contact: c, today, ...flags };
          expect(String(ContactRow(props))).toBe(String(templateRow(props)));
          const line = warrantyLine(props.shell, c.warrantyUntil, today, flags.showEnd);
          const before = templateWarrantyLine(props.shell, c.warrantyUntil, today, flags.showEnd);
          expect(String(line)).toBe(String(before));
          expect(typeof line).toBe(typeof before);
        },
      ),
    );
  });

  it('the rows of a page are the templates of before, headings and focus included', () => {
    assertProperty(
      fc.property(
        shell,
        fc.array(contact, { maxLength: 12 }),
        fc.constantFrom('name', 'position', 'searchPosition', 'search', 'warranty'),
        day,
        fc.record({
          loadedMore: fc.boolean(),
          previous: fc.option(fc.constantFrom('A', 'K', 'ended', '#'), { nil: undefined }),
          focusFirst: fc.boolean(),
          next: fc.boolean(),
        }),
        (s, contacts, order, today, flags) => {
          const page = {
            contacts,
            total: contacts.length,
            order,
            next: flags.next ? 'cursor' : undefined,
            continued: false,
            hasDeleted: false,
            staleKeys: false,
            day: order === 'warranty' ? today : undefined,
          } as ContactPage;
          const props = {
            shell: shellOf(s),
            assetId: 'bench-50',
            page,
            view: { q: '' },
            today,
            loadedMore: flags.loadedMore,
            previous: flags.previous,
            focused: flags.focusFirst ? contacts[0]?.id : undefined,
          };
          // Synchronous: no part of the rows is a promise.
          const rendered = Rows(props).toString();
          expect(typeof rendered).toBe('string');
          const before = templateRows(props);
          if (flags.next) {
            expect(String(rendered).startsWith(before)).toBe(true);
            expect(String(rendered).slice(before.length)).toMatch(/^<li class="more">.*<\/li>$/);
          } else if (contacts.length === 0 && flags.loadedMore)
            // "Mehr laden" that finds nothing more says so where it stood (stop 62).
            expect(rendered).toMatch(/^<li class="more end" tabindex="-1" data-focus-row="([^"]+)">\1<\/li>$/);
          else expect(rendered).toBe(before);
        },
      ),
      { numRuns: 200 },
    );
  });
});
