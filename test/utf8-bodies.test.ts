import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { decodeStrictly } from '../src/security/strict-forms';
import { anna, ORIGIN, seedContacts, send, textOf } from './helpers';

// Issue 13 item 2: a form body that is not UTF-8 is refused, never stored as U+FFFD.

const LIST = '/assets/whg-12/contacts';
const raw = (path: string, body: string, method = 'POST') =>
  send(path, { user: anna, method, body, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
const rows = async () => (await env.DB.prepare("SELECT * FROM contacts WHERE asset_id = 'whg-12' ORDER BY id").all()).results;

describe('form bodies that are not UTF-8', () => {
  it('on create: 422 with every readable field kept and an error beside the broken one; nothing stored', async () => {
    const before = await rows();
    // %FC is "ü" in Latin-1: not UTF-8.
    const answer = await raw(LIST, `form_token=${crypto.randomUUID()}&company=M%FCller+GmbH&city=M%C3%BCnchen&street=Weg+1`);
    expect(answer.status).toBe(422);
    const html = await answer.text();
    expect(html).toContain('id="f-company-error"');
    expect(textOf(html)).toContain('Diese Eingabe kam beschädigt an');
    expect(html).toContain('value="München"');
    expect(html).not.toContain('\ufffd');
    expect(await rows()).toEqual(before);
  });

  it('accepts a "�" someone really typed (valid UTF-8)', async () => {
    const answer = await raw(LIST, `form_token=${crypto.randomUUID()}&company=${encodeURIComponent('Ersatz � GmbH')}`);
    expect(answer.status).toBe(303);
    const id = new URL(answer.headers.get('location') ?? '', ORIGIN).searchParams.get('saved');
    expect(await env.DB.prepare('SELECT company FROM contacts WHERE id = ?').bind(id).first('company')).toBe('Ersatz � GmbH');
  });

  it('on update (POST and PUT): 422, the stored contact unchanged', async () => {
    const [id] = await seedContacts('whg-12', 1, () => ({ company: 'Bleibt GmbH', notes: 'alt' }));
    for (const method of ['POST', 'PUT']) {
      const answer = await raw(`${LIST}/${id}`, `version=1&company=Bleibt+GmbH&notes=%E2%82`, method);
      expect(answer.status).toBe(422);
      expect(await answer.text()).toContain('id="f-notes-error"');
    }
    expect(await env.DB.prepare('SELECT notes, version FROM contacts WHERE id = ?').bind(id).first()).toEqual({ notes: 'alt', version: 1 });
  });

  it('on every other write route: a plain 400 page, nothing changed', async () => {
    const [id] = await seedContacts('whg-12', 1, () => ({ company: 'Andere Wege' }));
    const before = await rows();
    for (const path of [`${LIST}/${id}/delete`, `${LIST}/${id}/restore`, `${LIST}/${id}/purge`, `${LIST}/${id}/history/1/restore`]) {
      const answer = await raw(path, 'version=%FF');
      expect(answer.status, path).toBe(400);
      expect(textOf(await answer.text())).toContain('Anfrage nicht lesbar');
    }
    // Broken bytes only in the version of an edit: no field to show them beside, so 400.
    expect((await raw(`${LIST}/${id}`, 'version=%C0%AF&company=X')).status).toBe(400);
    expect(await rows()).toEqual(before);
  });

  it('refuses a multipart form that is not UTF-8 (400, nothing stored) and takes one that is (security review)', async () => {
    const multipart = (...parts: (string | number[])[]) =>
      send(LIST, {
        user: anna,
        method: 'POST',
        body: new Blob(parts.map((part) => (typeof part === 'string' ? part : new Uint8Array(part)))),
        headers: { 'Content-Type': 'multipart/form-data; boundary=XyZ' },
      });
    const field = (name: string) => `--XyZ\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n`;
    const before = await rows();
    const broken = await multipart(
      field('form_token'),
      `${crypto.randomUUID()}\r\n`,
      field('company'),
      'Bad',
      [0xff, 0xfe, 0xc3],
      '\r\n--XyZ--\r\n',
    );
    expect(broken.status).toBe(400);
    expect(textOf(await broken.text())).toContain('Anfrage nicht lesbar');
    expect(await rows()).toEqual(before);
    const whole = await multipart(field('form_token'), `${crypto.randomUUID()}\r\n`, field('company'), 'Müller GmbH\r\n--XyZ--\r\n');
    expect(whole.status).toBe(303);
    const id = new URL(whole.headers.get('location') ?? '', ORIGIN).searchParams.get('saved');
    expect(await env.DB.prepare('SELECT company FROM contacts WHERE id = ?').bind(id).first('company')).toBe('Müller GmbH');
  });

  it('decodes field by field: overlong forms, lone continuation bytes and truncated sequences are broken', () => {
    const bytes = (text: string) => new TextEncoder().encode(text);
    expect(decodeStrictly(bytes('a=%C0%AF&b=%80&c=%E2%82&d=ok+%C3%BC&e=%F0%9F%98%80'))).toEqual({
      values: { d: 'ok ü', e: '😀' },
      broken: ['a', 'b', 'c'],
    });
  });
});
