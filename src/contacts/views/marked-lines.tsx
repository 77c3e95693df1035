import * as React from '../../views/jsx-factory';
import { linesNotIn } from '../merge';

/**
 * Whether two versions of the notes are shown line by line with marks: either has several lines
 * and a line of one is not in the other (the same lines in another order mark nothing).
 */
export const marksLines = (a: string, b: string): boolean =>
  (a.includes('\n') || b.includes('\n')) && [...linesNotIn(a, b), ...linesNotIn(b, a)].some((line) => line.only);

/**
 * Notes of several lines beside another version of them, each line that version does not hold
 * marked (the clash's choice, the form's comparison after a clash): two long notes that differ
 * in one line need not be compared by eye (buyer review). The text itself is unchanged; a screen
 * reader hears `said` ("Nur hier:") before a marked line.
 */
export function MarkedLines(props: { text: string; against: string; said: string }) {
  return (
    <>
      {linesNotIn(props.text, props.against).map(({ line, only }, index) => (
        <>
          {index ? '\n' : ''}
          {only ? (
            <mark>
              <span class="sr-only">{props.said}</span>
              {line}
            </mark>
          ) : (
            line
          )}
        </>
      ))}
    </>
  );
}
