// Reading a vCard file the way Thunderbird's address book does: through ical.js. The one parse
// helper of the suites (format, export over HTTP, hostile input); the same cards through
// Python's vobject: test/interop/vcard-vobject.test.ts.
import ICAL from 'ical.js';
import type { ExpectedProperty } from './vcard-fixtures';

export interface ParsedProperty {
  /** upper case, e.g. "TEL" */
  name: string;
  /** parameter names upper case, every value a list */
  params: Record<string, string[]>;
  /** jCal values: a string, or a list of components (N, ADR) */
  values: unknown[];
}

/** Every card of the file, each a list of its properties in file order. ICAL.parse gives untyped jCal: its shape is checked, not trusted. */
export function parseWithIcal(vcf: string): ParsedProperty[][] {
  const parsed: unknown = ICAL.parse(vcf);
  if (!Array.isArray(parsed)) throw new Error('ical.js returned no jCal');
  const jcal: readonly unknown[] = parsed;
  const components: readonly unknown[] = typeof jcal[0] === 'string' ? [jcal] : jcal;
  return components.map((component) => {
    if (!Array.isArray(component)) throw new Error('not a component');
    const [name, properties]: readonly unknown[] = component;
    if (name !== 'vcard' || !Array.isArray(properties)) throw new Error(`not a vcard: ${String(name)}`);
    const list: readonly unknown[] = properties;
    return list.map(toParsedProperty);
  });
}

function toParsedProperty(property: unknown): ParsedProperty {
  if (!Array.isArray(property)) throw new Error('not a property');
  const [name, params, , ...values]: readonly unknown[] = property;
  if (typeof name !== 'string' || typeof params !== 'object' || params === null) throw new Error('malformed property');
  const normalized: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(params)) {
    const list: readonly unknown[] = Array.isArray(value) ? value : [value];
    normalized[key.toUpperCase()] = list.map(String);
  }
  return { name: name.toUpperCase(), params: normalized, values };
}

/** The first value of the card's first property called `name` (e.g. FN, UID, REV, N). */
export function propertyValue(card: readonly ParsedProperty[] | undefined, name: string): unknown {
  return card?.find((property) => property.name === name)?.values[0];
}

/** The expected properties in the shape parseWithIcal returns (ical.js reads ORG's one component as a string). */
export function asIcal(expected: readonly ExpectedProperty[]): ParsedProperty[] {
  return expected.map(({ name, params, value }) => ({ name, params, values: [value] }));
}
