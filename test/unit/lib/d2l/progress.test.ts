/**
 * d2l.progress (tqdm's habit) and the training helpers' progress on their chart: counts, bar,
 * time so far and left, throttling, the line finished on break, and the chart note removed
 * when training ends.
 */
import { describe, expect, it } from 'vitest';
import { captureDisplay } from '../../helpers/display';
import { Animator } from '../../../../src/lib/d2l/animator';
import { formatProgress, formatSeconds, progress, Progress } from '../../../../src/lib/d2l/progress';
import { trainingProgress } from '../../../../src/lib/d2l/training-progress';



describe('formatting', () => {
  it.each([
    [3.21, '3.2 s'],
    [42.4, '42 s'],
    [125, '2 min 05 s'],
    [3720, '1 h 02 min'],
  ])('%s s reads %s', (s, text) => expect(formatSeconds(s)).toBe(text));

  it('a known total gives a bar, a percentage and the time left at the rate so far', () => {
    expect(formatProgress({ done: 30, total: 100, elapsedSeconds: 3, desc: 'epoch 1' })).toBe('epoch 1 30/100 [██████░░░░░░░░░░░░░░] 30% · 3.0 s · ~7.0 s left');
    expect(formatProgress({ done: 100, total: 100, elapsedSeconds: 10 })).toBe('100/100 [████████████████████] 100% · 10 s');
  });

  it('an unknown total gives the count and the rate', () => {
    expect(formatProgress({ done: 50, total: null, elapsedSeconds: 2 })).toBe('50 · 2.0 s · 25.0/s');
  });
});

describe('Progress', () => {
  it('rewrites one line in place, at most every minIntervalMs, and finishes it with a newline', () => {
    const out = captureDisplay();
    let t = 0;
    const bar = new Progress({ total: 4, minIntervalMs: 250, now: () => t });
    t = 100;
    bar.update(); // first update: shown at once
    t = 200;
    bar.update(); // 100 ms later: throttled
    t = 400;
    bar.update();
    bar.close();
    const texts = out.map((o) => (o.kind === 'text' ? o.text : o.kind));
    expect(texts).toEqual(['\r1/4 [█████░░░░░░░░░░░░░░░] 25% · 0.1 s · ~0.3 s left', '\r3/4 [███████████████░░░░░] 75% · 0.4 s · ~0.1 s left', '\r3/4 [███████████████░░░░░] 75% · 0.4 s · ~0.1 s left\n']);
  });

  it('rejects a total that is not a count', () => {
    expect(() => new Progress({ total: 2.5 })).toThrow(/total must be a whole number/);
  });
});

describe('d2l.progress(iterable)', () => {
  it('yields every item, takes the total from the length, and finishes the line on break', () => {
    const out = captureDisplay();
    const seen: number[] = [];
    for (const x of progress([1, 2, 3, 4], { desc: 'items', minIntervalMs: 0 })) {
      seen.push(x);
      if (x === 3) break;
    }
    expect(seen).toEqual([1, 2, 3]);
    const last = out[out.length - 1]!;
    expect(last.kind === 'text' && last.text).toMatch(/^\ritems 2\/4 .*\n$/);
  });

  it('says what it expected when given nothing to loop over', () => {
    expect(() => [...progress(42 as unknown as number[])]).toThrow(/expected something to loop over/);
  });
});

describe('training helpers', () => {
  it('show epoch and minibatch progress with the time left on the chart, and remove it at the end', () => {
    const out = captureDisplay();
    let t = 0;
    const animator = new Animator({ legend: ['loss'] });
    const p = trainingProgress(animator, 2, 3, () => t);
    t = 2000;
    p.step(0, 1);
    const notes = () => {
      const c = out.filter((o) => o.kind === 'chart').pop();
      return c?.kind === 'chart' ? c.notes : null;
    };
    expect(notes()).toEqual(['epoch 1/2, minibatch 1/3 · 2.0 s so far · about 10 s left']);
    t = 2500;
    p.step(0, 2); // within a second of the last: not redrawn
    expect(notes()).toEqual(['epoch 1/2, minibatch 1/3 · 2.0 s so far · about 10 s left']);
    t = 6000;
    p.step(0, 3);
    expect(notes()).toEqual(['epoch 1/2, minibatch 3/3 · 6.0 s so far · about 6.0 s left']);
    p.close();
    expect(notes()).toEqual([]);
  });
});
