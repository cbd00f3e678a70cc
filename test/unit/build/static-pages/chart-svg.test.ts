import { describe, expect, it } from 'vitest';
import { inflateSync } from 'node:zlib';
import type { ChartOutput } from '../../../../src/kernel/protocol';
import { chartHtml, contourMask, makeAxis, niceStep, thin, tickLabel } from '../../../../src/build/static-pages/chart-svg';

const chart = (over: Partial<ChartOutput> = {}): ChartOutput => ({
  kind: 'chart',
  chartId: 'c1',
  notes: [],
  panels: [
    {
      xLabel: 'epoch',
      yLabel: 'loss',
      xScale: 'linear',
      yScale: 'linear',
      series: [
        { name: 'train loss', x: [1, 2, 3], y: [0.9, 0.5, 0.4], mode: 'lines' },
        { name: 'test acc', x: [1, 2, 3], y: [0.7, 0.8, 0.85], mode: 'lines+markers', dash: 'dash' },
      ],
    },
  ],
  ...over,
});

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

  it('a single value still gets a range', () => {
    const a = makeAxis('linear', [3, 3], undefined, true);
    expect(a.hi).toBeGreaterThan(a.lo);
  });
});

describe('series', () => {
  it('keeps short series whole and thins long ones to the lowest and highest point of each column', () => {
    expect(thin([1, 2, 3], [3, 2, 1])).toEqual([0, 1, 2]);
    const n = 10000;
    const x = Array.from({ length: n }, (_, i) => i);
    const y = x.map((i) => (i === 5000 ? 100 : i === 7000 ? -100 : Math.sin(i)));
    const keep = thin(x, y, 400);
    expect(keep.length).toBeLessThanOrEqual(400);
    expect(keep).toContain(5000);
    expect(keep).toContain(7000);
    expect(keep).toEqual([...keep].sort((a, b) => a - b));
  });
});

describe('chartHtml', () => {
  it('draws axes, tick labels, axis labels, the series and a legend, coloured from CSS', () => {
    const html = chartHtml(chart(), 'p0');
    expect(html).toMatch(/^<figure class="output static-chart"/);
    expect(html).toContain('<svg class="static-chart-panel" viewBox="0 0 400 260" role="img"');
    expect(html).toContain('>epoch</text>');
    expect(html).toContain('>loss</text>');
    expect(html).toContain('>0.9</text>'); // a y tick
    expect((html.match(/<path class="static-chart-line static-chart-s0" d="M/g) ?? []).length).toBe(2); // the line and its legend sample
    expect(html).toContain('static-chart-s1" d="M'); // the second series
    expect(html).toContain('stroke-dasharray="6 4"');
    expect(html).toContain('<circle class="static-chart-dot static-chart-s1"');
    expect(html).toContain('<ul class="static-chart-legend"><li>');
    expect(html).toContain('train loss</li>');
    expect(html).not.toMatch(/#[0-9a-f]{6}/i); // no colour baked in: light and dark come from CSS
  });

  it('breaks a line at NaN and at values a log axis cannot show', () => {
    const html = chartHtml(
      chart({ panels: [{ xScale: 'linear', yScale: 'log', series: [{ name: 'l', x: [1, 2, 3, 4, 5], y: [1, 0.5, Number.NaN, 0.1, 0], mode: 'lines' }] }] }),
      'p',
    );
    const d = /static-chart-s0" d="([^"]+)"/.exec(html)![1]!;
    expect(d.match(/M/g)!.length).toBe(2);
    expect(d.match(/L/g)!.length).toBe(1);
  });

  it('escapes text from cells and keeps ids unique per chart', () => {
    const html = chartHtml(chart({ panels: [{ title: '<b>&', xScale: 'linear', yScale: 'linear', series: [{ name: 'a<script>', x: [0, 1], y: [0, 1], mode: 'lines' }] }] }), 'cell3-1');
    expect(html).toContain('&lt;b&gt;&amp;');
    expect(html).toContain('a&lt;script&gt;');
    expect(html).not.toContain('<script');
    expect(html).toContain('id="cell3-1-0-c"');
    expect(html).toContain('clip-path="url(#cell3-1-0-c)"');
  });

  it('draws one svg per panel, colours series by name across panels, and one legend entry per name', () => {
    const s = (name: string) => ({ name, x: [0, 1], y: [1, 2], mode: 'lines' as const });
    const html = chartHtml(chart({ panels: [{ xScale: 'linear', yScale: 'linear', series: [s('a'), s('b')] }, { xScale: 'linear', yScale: 'linear', series: [s('b')] }] }), 'x');
    expect(html.match(/<svg class="static-chart-panel"/g)!.length).toBe(2);
    expect(html.match(/<li>/g)!.length).toBe(2);
    expect(html.match(/static-chart-s1" d="M[^"]*" ?\/>/g)!.length).toBeGreaterThanOrEqual(2); // b in both panels, same colour
  });

  it('shows the chart notes', () => {
    expect(chartHtml(chart({ notes: ['the loss became NaN at epoch 3'] }), 'n')).toContain('<p class="static-chart-note">the loss became NaN at epoch 3</p>');
  });

  it('draws a contour as a mask of contour lines, lowest values strongest', () => {
    const x = [-1, 0, 1];
    const y = [-1, 0, 1];
    const z = y.flatMap((b) => x.map((a) => a * a + b * b));
    const mask = contourMask({ x, y, z, levels: 4 })!;
    expect(mask.width).toBeGreaterThan(3);
    const centre = mask.pixels[Math.floor(mask.height / 2) * mask.width + Math.floor(mask.width / 2)]!;
    const corner = mask.pixels[0]!;
    expect(centre).toBeGreaterThan(corner); // the minimum's band is the strongest fill
    expect(Math.max(...mask.pixels)).toBeGreaterThan(200); // contour lines
    const html = chartHtml(chart({ panels: [{ xScale: 'linear', yScale: 'linear', contour: { x, y, z, levels: 4 }, series: [] }] }), 'k');
    expect(html).toContain('<mask id="k-0-m"><image href="data:image/png;base64,');
    const png = Buffer.from(/base64,([^"]+)"/.exec(html)![1]!, 'base64');
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(inflateSync(png.subarray(png.indexOf('IDAT') + 4)).length).toBe((mask.width + 1) * mask.height);
  });
});
