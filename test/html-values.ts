// Reading values back out of rendered pages, for the hostile-input and property suites.

const HTML_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the character references hono/jsx and browsers produce. */
export function decodeHtml(value: string): string {
  return value.replace(
    /&(?:#(\d+)|#x([0-9a-f]+)|(amp|lt|gt|quot|apos));/gi,
    (entity, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
      if (dec) return String.fromCodePoint(Number(dec));
      if (hex) return String.fromCodePoint(Number.parseInt(hex, 16));
      return HTML_ENTITIES[(name ?? '').toLowerCase()] ?? entity;
    },
  );
}

/** hono/jsx escapes these five in text and attributes alike. */
export function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** The value a contact form shows for a field (the input's value or the textarea's text), decoded. */
export function formValue(html: string, field: string): string | undefined {
  if (field === 'notes') {
    const match = /<textarea[^>]*\sname="notes"[^>]*>([^<]*)<\/textarea>/.exec(html);
    return match ? decodeHtml(match[1] ?? '') : undefined;
  }
  const tag = new RegExp(`<input[^>]*\\sname="${field}"[^>]*>`).exec(html)?.[0];
  if (!tag) return undefined;
  const value = /\svalue="([^"]*)"/.exec(tag);
  return value ? decodeHtml(value[1] ?? '') : '';
}
