import { describe, expect, it } from 'vitest';
import { HEAD_LINES, PART_CHARS, TAIL_LINES, textWindow } from '../../../../src/app/outputs/text-window';

const lines = (n: number) => Array.from({ length: n }, (_, i) => `line ${i}\n`).join('');

describe('textWindow', () => {
  it('draws a short text whole', () => {
    const t = lines(HEAD_LINES + TAIL_LINES);
    expect(textWindow(t)).toEqual({ head: t, hiddenLines: 0, hiddenChars: 0, tail: '' });
  });

  it('draws the first and last lines of 100,000 and counts the ones between', () => {
    const t = lines(100_000);
    const w = textWindow(t);
    expect(w.head.split('\n').slice(0, -1)).toHaveLength(HEAD_LINES);
    expect(w.head.endsWith(`line ${HEAD_LINES - 1}\n`)).toBe(true);
    expect(w.tail.startsWith(`line ${100_000 - TAIL_LINES}\n`)).toBe(true);
    expect(w.tail.endsWith('line 99999\n')).toBe(true);
    expect(w.hiddenLines).toBe(100_000 - HEAD_LINES - TAIL_LINES);
    expect(w.head + t.slice(w.head.length, w.head.length + w.hiddenChars) + w.tail).toBe(t);
  });

  it('shows more lines on demand, and all once the head reaches the tail', () => {
    const t = lines(5_000);
    expect(textWindow(t, 2_400).hiddenLines).toBe(5_000 - 2_400 - TAIL_LINES);
    expect(textWindow(t, 4_900).hiddenLines).toBe(0);
    expect(textWindow(t, 4_900).head).toBe(t);
  });

  it('counts a last line without a line break', () => {
    const t = lines(1_000) + 'end';
    const w = textWindow(t);
    expect(w.tail.endsWith('line 999\nend')).toBe(true);
    expect(w.hiddenLines).toBe(1_001 - HEAD_LINES - TAIL_LINES);
  });

  it('bounds the characters drawn of a single huge line', () => {
    const t = 'x'.repeat(5 * PART_CHARS);
    const w = textWindow(t);
    expect(w.head.length).toBe(PART_CHARS);
    expect(w.tail.length).toBe(PART_CHARS);
    expect(w.hiddenLines).toBe(1);
    expect(w.hiddenChars).toBe(3 * PART_CHARS);
  });
});
