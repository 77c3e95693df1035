import { linesNotIn } from '../merge';

/** Whether two versions of the notes are compared line by line: either has several lines. */
export const linesCompared = (a: string, b: string): boolean => a.includes('\n') || b.includes('\n');

/**
 * Notes of several lines beside another version of them, each line that version does not hold
 * marked (the clash's choice, the form's comparison after a clash): two long notes that differ
 * in one line need not be compared by eye (buyer review). The text itself is unchanged.
 */
export function MarkedLines(props: { text: string; against: string }) {
  return (
    <>
      {linesNotIn(props.text, props.against).map(({ line, only }, index) => (
        <>
          {index ? '\n' : ''}
          {only ? <mark>{line}</mark> : line}
        </>
      ))}
    </>
  );
}
