import { describe, expect, it } from 'vitest';
import { logTicks, makeAxis, niceStep, tickLabel } from '../../../src/render/chart-axes';

describe('axes', () => {
  it('steps are 1, 2 or 5 times a power of ten', () => {
    expect(niceStep(10)).toBe(2);
    expect(niceStep(1)).toBeCloseTo(0.2);
    expect(niceStep(0.37)).toBeCloseTo(0.1); // 0.074 per tick rounds up to 0.1
    expect(niceStep(0.3)).toBeCloseTo(0.05);
    expect(niceStep(900)).toBe(200);
  });

  it('labels carry the decimals of their step, and no float noise', () => {
    expect(tickLabel(0.30000000000000004, 0.1)).toBe('0.3');
    expect(tickLabel(2, 0.5)).toBe('2.0');
    expect(tickLabel(1500, 500)).toBe('1500');
    expect(tickLabel(0, 0.1)).toBe('0');
    expect(tickLabel(200000, 50000)).toBe('2e+5');
  });

  it('a linear axis ends on round ticks around the data; limits are kept as given', () => {
    const a = makeAxis('linear', [0.43, 1.16], undefined, true);
    expect(a.lo).toBeCloseTo(0.4);
    expect(a.hi).toBeCloseTo(1.2);
    expect(a.ticks.map((t) => t.label)).toEqual(['0.4', '0.5', '0.6', '0.7', '0.8', '0.9', '1.0', '1.1', '1.2']);
    const lim = makeAxis('linear', [5, 6], [0, 10], true);
    expect([lim.lo, lim.hi]).toEqual([0, 10]);
  });

  it('a log axis works in decades and labels its ticks in full', () => {
    const a = makeAxis('log', [1e-3, 0.5, 2], undefined, true);
    expect(a.lo).toBeLessThan(-3);
    expect(a.hi).toBeGreaterThan(Math.log10(2));
    const labels = a.ticks.map((t) => t.label);
    expect(labels).toContain('0.01');
    expect(labels).toContain('1');
    expect(labels.every((l) => !/^\d$/.test(l) || ['1', '2', '5', '3'].includes(l))).toBe(true);
  });

  it('without padding a linear axis spans the data (an x axis of epochs starts at the first); a log axis keeps its limits', () => {
    const x = makeAxis('linear', [1, 2, 10], undefined, false);
    expect([x.lo, x.hi]).toEqual([1, 10]);
    expect(x.ticks.map((t) => t.label)).toEqual(['2', '4', '6', '8', '10']);
    const log = makeAxis('log', [5], [0.01, 100], true);
    expect([log.lo, log.hi]).toEqual([-2, 2]);
    expect(log.ticks.map((t) => t.label)).toEqual(['0.01', '0.03', '0.1', '0.3', '1', '3', '10', '30', '100']);
  });

  it('a single value still gets a range', () => {
    const a = makeAxis('linear', [3, 3], undefined, true);
    expect(a.hi).toBeGreaterThan(a.lo);
  });

  it('log ticks: wider ranges get fewer ticks per decade, so the labels do not pile up', () => {
    const perDecade = (values: number[]) => logTicks(values).tickvals.filter((v) => v >= 1 && v < 10);
    expect([perDecade([2.3, 22]), perDecade([0.1, 50]), perDecade([0.005, 100]), perDecade([1e-6, 1e3])]).toEqual([[1, 2, 3, 5], [1, 2, 5], [1, 3], [1]]);
    const { tickvals, ticktext } = logTicks([1e-6, 1e6]);
    expect(ticktext[tickvals.indexOf(1e-6)]).toBe('1e-6');
    expect(ticktext[tickvals.indexOf(1e6)]).toBe('1e+6');
    expect(ticktext[tickvals.indexOf(0.001)]).toBe('0.001');
  });
});
