// "Beide Änderungen" of the notes' clash (src/contacts/merge.ts mergedLines): both co-buyers'
// changes as lines, against the version both started from.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linesNotIn, mergedLines } from '../src/contacts/merge';
import { marksLines } from '../src/contacts/views/marked-lines';
import { assertProperty } from './property';

describe('mergedLines', () => {
  it.each([
    // base, theirs (stored), mine, both changes
    ['A', 'A\nJ', 'A\nM', 'A\nJ\nM'],
    // A line the co-buyer corrected or removed stays so; mine is added (buyer review: High).
    ['Termin 12.03.\nRechnung offen', 'Termin 14.03.', 'Termin 12.03.\nRechnung offen\nSchlüssel', 'Termin 14.03.\nSchlüssel'],
    // A line this user removed stays removed, the co-buyer's new line stays (code review); her
    // new number stands where the old one stood, his line after it, where he added it.
    ['A\nalte Nummer', 'A\nalte Nummer\nJ', 'A\nN', 'A\nN\nJ'],
    // A line this user changed keeps its place; the co-buyer's new line stays where he put it
    // (walkthrough, stop 67: her corrected first line moved to the end).
    [
      'Bad OG und Gäste-WC.\nFugenfarbe silbergrau.',
      'Bad OG und Gäste-WC.\nFugenfarbe silbergrau.\nRestfliesen im Keller (Jonas).',
      'Bad OG und Gäste-WC.\nFugenfarbe anthrazit!',
      'Bad OG und Gäste-WC.\nFugenfarbe anthrazit!\nRestfliesen im Keller (Jonas).',
    ],
    ['Fugen grau', 'Fugen grau\nRestfliesen im Keller', 'Fugen anthrazit', 'Fugen anthrazit\nRestfliesen im Keller'],
    // Both wrote in the middle: each line where its side put it, the co-buyer's first at one place.
    ['A\nB\nC', 'A\nJ\nB\nC', 'A\nB\nM\nC', 'A\nJ\nB\nM\nC'],
    ['A\nB', 'A\nJ\nB', 'A\nM\nB', 'A\nJ\nM\nB'],
    // A line both changed stands twice, once as each wrote it.
    ['Termin 12.03.', 'Termin 14.03.', 'Termin 15.03.', 'Termin 14.03.\nTermin 15.03.'],
    // Spaces at a line's end do not make it another line; an empty line of mine before a line of
    // mine added stays, as a paragraph's end (walkthrough, stop 81: "Beide Änderungen" joined her paragraphs).
    ['A', 'A\nTermin Montag \nB', 'A\nTermin Montag\n\nC', 'A\nTermin Montag \nB\n\nC'],
    [
      'alt',
      'alt\nJonas: Rechnung bezahlt',
      'alt\n\nTelefon in der Datei: 089 222\n\nNotdienst 0800 1',
      'alt\nJonas: Rechnung bezahlt\n\nTelefon in der Datei: 089 222\n\nNotdienst 0800 1',
    ],
    // One, not two in a row, none at either end, none beside a line of mine not added.
    ['alt', 'alt\nJ', '\n\nalt\n\n\nM\n\n', 'alt\nJ\n\nM'],
    ['alt', 'alt\n\nJ', 'alt\n\nM', 'alt\n\nJ\n\nM'],
    ['A\nB', 'A\nJ\nB', 'A\n\nB', 'A\nJ\nB'],
    // The co-buyer emptied the notes: mine alone (no third text to offer).
    ['alt', '', 'neu', 'neu'],
    // An empty base: every line of both.
    ['', 'J', 'M', 'J\nM'],
  ])('base %j, stored %j, mine %j → %j', (base, theirs, mine, both) => {
    expect(mergedLines(base, theirs, mine)).toBe(both);
  });

  it('keeps the stored order, then mine, for notes too long to align line by line', () => {
    // 600 lines each side: more than the alignment's table holds (an empty line is one too).
    const base = Array.from({ length: 600 }, (_, i) => `z${i}`).join('\n');
    const theirs = `${base}\nJ`;
    const mine = `M\n${base}`;
    expect(mergedLines(base, theirs, mine)).toBe(`${base}\nJ\nM`);
    // Within the table, her first line stays first.
    const short = base.split('\n').slice(0, 100).join('\n');
    expect(mergedLines(short, `${short}\nJ`, `M\n${short}`)).toBe(`M\n${short}\nJ`);
  });
});

describe('mergedLines with a line that stands more than once (code review)', () => {
  it.each([
    // Her second "erledigt" is a line she typed: it stays.
    [
      'Küche\nerledigt',
      'Küche\nerledigt\nFenster: bestellt',
      'Küche\nerledigt\nBad\nerledigt',
      'Küche\nerledigt\nFenster: bestellt\nBad\nerledigt',
    ],
    // She removed "Fenster" and its "erledigt"; his "offen" → "erledigt" of the door stays.
    ['Fenster\nerledigt\nTür\noffen', 'Fenster\nerledigt\nTür\nerledigt', 'Tür\noffen\nDach', 'Tür\nerledigt\nDach'],
    // Both added the same line: once.
    ['A', 'A\nX', 'A\nX', 'A\nX'],
    // Both removed the same entry with its "erledigt": the other "erledigt", which both texts
    // still hold, stays (data-safety review: it was removed twice).
    [
      'Angebot angefragt\nerledigt\nTermin vereinbart\nerledigt\nRechnung offen',
      'Termin vereinbart\nerledigt\nRechnung bezahlt',
      'Termin vereinbart\nerledigt\nRechnung offen\nGarantie bis 2029',
      'Termin vereinbart\nerledigt\nRechnung bezahlt\nGarantie bis 2029',
    ],
    // He removed one "erledigt", she removed both: none is left.
    ['X\nerledigt\nY\nerledigt', 'X\nY\nerledigt', 'X\nY', 'X\nY'],
    // Her new copy stands where she typed it, not where the first copy stood (code review, stop 67).
    ['Fenster\nTür\nerledigt', 'Fenster\nTür\nerledigt\nJ', 'Fenster\nerledigt\nTür\nerledigt', 'Fenster\nerledigt\nTür\nerledigt\nJ'],
    // The copy she removed goes, not the first one: his line stays after it.
    ['X\nA\nX', 'X\nA\nX\nJ', 'X\nA', 'X\nA\nJ'],
    ['X\nA\nX', 'J\nX\nA\nX', 'A\nX', 'J\nA\nX'],
  ])('base %j, stored %j, mine %j → %j', (base, theirs, mine, both) => {
    expect(mergedLines(base, theirs, mine)).toBe(both);
  });
});

describe('mergedLines on any three texts (property; the seed: test/property.ts)', () => {
  // Few distinct lines, so that texts share lines, repeat them and differ by spaces at an end.
  const text = fc.array(fc.constantFrom('A', 'B', 'C', 'erledigt', 'erledigt ', ''), { maxLength: 8 }).map((lines) => lines.join('\n'));
  const lines = (value: string) => (value ? value.split('\n') : []);
  const tally = (value: string) => (line: string) => lines(value).filter((each) => each.trimEnd() === line).length;
  /** Whether `merged` is `a` and `b` interleaved, each with some of its lines left out, in its order. */
  const interleaves = (merged: string[], a: string[], b: string[]) => {
    // reach[i][j]: the first k lines of `merged` are taken from a[0…i) and b[0…j).
    let reach = new Set(['0,0']);
    for (const line of merged) {
      const next = new Set<string>();
      for (const at of reach) {
        const [i = 0, j = 0] = at.split(',').map(Number);
        for (let x = i; x < a.length; x++) if (a[x] === line) next.add(`${x + 1},${j}`);
        for (let y = j; y < b.length; y++) if (b[y] === line) next.add(`${i},${y + 1}`);
      }
      reach = next;
    }
    return reach.size > 0;
  };

  it('drops no line that both texts hold, keeps every line the co-buyer kept or added and this user did not remove, and adds nothing else', () => {
    assertProperty(
      fc.property(text, text, text, (base, theirs, mine) => {
        const merged = mergedLines(base, theirs, mine);
        const [inBase, stored, inMine, inMerged] = [tally(base), tally(theirs), tally(mine), tally(merged)];
        // Blank lines are no content (a text of one blank line is the empty text).
        const written = [...lines(base), ...lines(theirs), ...lines(mine)].map((each) => each.trimEnd()).filter(Boolean);
        for (const line of new Set(written)) {
          // What both hold stays; what neither holds never comes.
          expect(inMerged(line)).toBeGreaterThanOrEqual(Math.min(stored(line), inMine(line)));
          expect(inMerged(line)).toBeLessThanOrEqual(Math.max(stored(line), inMine(line)));
          // The co-buyer's copies stay unless this user removed them from the base.
          if (inMine(line) >= inBase(line)) expect(inMerged(line)).toBeGreaterThanOrEqual(stored(line));
          // Nothing the co-buyer removed or corrected comes back: beyond the stored copies, only
          // those this user added beyond both (code review: bringing them back passed).
          expect(inMerged(line)).toBeLessThanOrEqual(stored(line) + Math.max(0, inMine(line) - Math.max(inBase(line), stored(line))));
          // The copies this user added (beyond what the base holds) stay.
          expect(inMerged(line)).toBeGreaterThanOrEqual(inMine(line) - inBase(line));
        }
        // Each side's lines keep their order.
        expect(interleaves(lines(merged), lines(theirs), lines(mine))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('is the stored text when this user changed nothing or wrote the same', () => {
    assertProperty(
      fc.property(text, text, (base, theirs) => {
        expect(mergedLines(base, theirs, base)).toBe(theirs);
        expect(mergedLines(base, theirs, theirs)).toBe(theirs);
      }),
      { numRuns: 300 },
    );
  });
});

describe('linesNotIn (what the clash marks in each side of the notes)', () => {
  it.each([
    // text, other, the lines marked
    ['A\nB\nC', 'A\nC', ['B']],
    // Counted: the second "erledigt" is more than the other holds.
    ['erledigt\nerledigt', 'erledigt', ['erledigt']],
    // Spaces at a line's end do not count; empty lines are never marked.
    ['Termin Montag \n\nD', 'Termin Montag', ['D']],
    ['neu', '', ['neu']],
    ['', 'alt', []],
  ])('%j against %j marks %j', (text, other, marked) => {
    const lines = linesNotIn(text, other);
    expect(lines.filter((line) => line.only).map((line) => line.line)).toEqual(marked);
    // Every line is kept, in order: the text shown is the text chosen.
    expect(lines.map((line) => line.line).join('\n')).toBe(text);
  });
});

describe('marksLines (whether the clash marks lines and says so)', () => {
  it.each([
    ['A\nB', 'A', true],
    // The same lines in another order, or differing by spaces at an end: nothing marked, no hint.
    ['A\nB', 'B\nA', false],
    ['A \nB', 'A\nB', false],
    // One line each: the whole values differ, compared as they are.
    ['A', 'B', false],
  ])('%j and %j: %j', (a, b, marked) => {
    expect(marksLines(a, b)).toBe(marked);
  });
});
