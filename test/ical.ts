// The one ical.js reading of a vCard file (Thunderbird's address book parser) that the vCard,
// export and hostile-input suites share; the same cards through Python's vobject:
// test/interop/vcard-vobject.test.ts.
import ICAL from 'ical.js';
import type { ExpectedProperty } from './vcard-fixtures';

export interface ParsedProperty {
  name: string;
  params: Record<string, string[]>;
  values: unknown[];
}

/**
 * ical.js 2.2.1 unescapes `\\ \, \n` in a vCard 3.0 text value but not `\;` (its
 * FROM_VCARD_NEWLINE leaves `;` out), so `NOTE:a\;b` reads as `a\;b`. Every `;` it returns in
 * such a value therefore carries exactly one extra backslash before it; this removes exactly
 * that backslash, and only in plain text properties. N, ADR and ORG are structured: ical.js
 * reads `\;` there correctly, so they are left alone. Pinned below, so a fix in ical.js shows.
 */
const STRUCTURED = new Set(['N', 'ADR', 'ORG']);
export function undoIcalSemicolonBug(name: string, type: unknown, value: unknown): unknown {
  if (STRUCTURED.has(name) || type !== 'text' || typeof value !== 'string') return value;
  return value.replace(/\\;/g, ';');
}

/** ICAL.parse gives untyped jCal; check its shape instead of trusting it. */
export function parseWithIcal(vcf: string, { undoBug = true } = {}): ParsedProperty[][] {
  const parsed: unknown = ICAL.parse(vcf);
  if (!Array.isArray(parsed)) throw new Error('ical.js returned no jCal');
  const jcal: readonly unknown[] = parsed;
  const components: readonly unknown[] = typeof jcal[0] === 'string' ? [jcal] : jcal;
  return components.map((component) => {
    if (!Array.isArray(component)) throw new Error('not a component');
    const [name, properties]: readonly unknown[] = component;
    if (name !== 'vcard' || !Array.isArray(properties)) throw new Error(`not a vcard: ${String(name)}`);
    const list: readonly unknown[] = properties;
    return list.map((property) => toParsedProperty(property, undoBug));
  });
}

function toParsedProperty(property: unknown, undoBug: boolean): ParsedProperty {
  if (!Array.isArray(property)) throw new Error('not a property');
  const [rawName, params, type, ...values]: readonly unknown[] = property;
  if (typeof rawName !== 'string' || typeof params !== 'object' || params === null) {
    throw new Error('malformed property');
  }
  const name = rawName.toUpperCase();
  const normalized: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(params)) {
    const list: readonly unknown[] = Array.isArray(value) ? value : [value];
    normalized[key.toUpperCase()] = list.map(String);
  }
  return { name, params: normalized, values: undoBug ? values.map((v) => undoIcalSemicolonBug(name, type, v)) : values };
}

/** The first value of the card's first property called `name` (e.g. FN, UID, REV, N). */
export function propertyValue(card: readonly ParsedProperty[] | undefined, name: string): unknown {
  return card?.find((property) => property.name === name)?.values[0];
}

/** Expected properties (test/vcard-fixtures.ts) in the shape parseWithIcal returns. */
export function asIcal(expected: readonly ExpectedProperty[]): ParsedProperty[] {
  return expected.map(({ name, params, value }) => ({ name, params, values: [value] }));
}
