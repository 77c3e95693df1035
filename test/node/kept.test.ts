// src/kept.ts: the per-isolate memo that telephone links, dates' texts, formatters, built reads,
// placeholders, label readings and the list's rows share.
import { describe, expect, it } from 'vitest';
import { kept } from '../../src/kept';

describe('kept', () => {
  it('makes a value once per key and answers it while kept', () => {
    const map = new Map<string, { key: string }>();
    const made: string[] = [];
    const make = (key: string) => {
      made.push(key);
      return { key };
    };
    const a = kept(map, 'a', make);
    expect(kept(map, 'a', make)).toBe(a);
    expect(kept(map, 'b', make)).toEqual({ key: 'b' });
    expect(made).toEqual(['a', 'b']);
  });

  it('is bounded: past 4,096 keys the map starts again, and a forgotten key is made anew', () => {
    const map = new Map<string, number>();
    let calls = 0;
    for (let i = 0; i < 10_000; i++) {
      kept(map, String(i), () => ++calls);
      expect(map.size).toBeLessThanOrEqual(4096);
    }
    expect(calls).toBe(10_000);
    expect(kept(map, '0', () => -1)).toBe(-1);
  });

  it('an undefined value counts as none kept: made again on its next use', () => {
    const map = new Map<string, string | undefined>();
    let calls = 0;
    const make = () => {
      calls += 1;
      return undefined;
    };
    kept(map, 'x', make);
    kept(map, 'x', make);
    expect(calls).toBe(2);
  });
});
