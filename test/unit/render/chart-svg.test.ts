import { describe, expect, it } from 'vitest';
import { inflateSync } from 'node:zlib';
import type { ChartOutput } from '../../../src/lib/output-kinds';
import { chartHtml, chartSvgDocument, contourMask, thin } from '../../../src/render/chart-svg';
import { LIGHT_CHART } from '../../../src/render/chart-palette';

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

describe('chartSvgDocument (notebooks)', () => {
  it('a standalone SVG: one path per line series, dashes, the legend inside, escaped labels, notes', () => {
    const c = chart({ notes: ['loss became NaN at epoch = 3 <oops>'] });
    c.panels[0]!.title = 'A & B';
    const svg = chartSvgDocument(c, 'nb1');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="400" height="')).toBe(true);
    expect(svg.endsWith('</svg>')).toBe(true);
    // One path per line series in the plot (inside the clip), and a sample of each in the legend.
    const plot = /<g clip-path="url\(#nb1-0-c\)">(.*?)<\/g>/.exec(svg)![1]!;
    expect(plot.match(/<path class="static-chart-line static-chart-s\d" d="M/g)).toHaveLength(2);
    expect(svg).toContain('stroke-dasharray="6 4"');
    expect(svg).toContain('>A &amp; B<');
    const legend = /<g class="static-chart-legend">(.*?)<\/g><text class="static-chart-note"/.exec(svg)![1]!;
    expect(legend).toContain('>train loss</text>');
    expect(legend).toContain('>test acc</text>');
    expect(legend).toContain('<circle class="static-chart-dot static-chart-s1"'); // lines+markers: the marker on the sample
    expect(svg).toContain('epoch = 3 &lt;oops&gt;');
    expect(svg).not.toMatch(/="[^"]*(NaN|undefined)/);
  });

  it('coloured by a style inside it, with the light palette (the same classes as the static pages)', () => {
    const svg = chartSvgDocument(chart(), 'nb');
    const style = /<style>([^<]*)<\/style>/.exec(svg)![1]!;
    expect(style).toContain(`.static-chart-s0 { stroke: ${LIGHT_CHART.series[0]}; fill: ${LIGHT_CHART.series[0]}; }`);
    expect(style).toContain(`.static-chart-s1 { stroke: ${LIGHT_CHART.series[1]}`);
    expect(style).toContain(LIGHT_CHART.grid);
    expect(svg).toContain('<rect width="400" height="'); // a white background: the picture reads on a dark notebook too
    expect(svg).toContain('fill="#fff"');
  });

  it('a chart with a NaN and log axes still draws (the gap breaks the line)', () => {
    const c = chart();
    c.panels[0]!.yScale = 'log';
    c.panels[0]!.series[0]!.y = [0.9, NaN, 0.4, 0.3];
    c.panels[0]!.series[0]!.x = [1, 2, 3, 4];
    const svg = chartSvgDocument(c, 'nb');
    expect(svg.match(/static-chart-s0" d="M[^"]*M/g)?.length).toBe(1); // two pieces in one path
    expect(svg).not.toMatch(/NaN|undefined|Infinity/);
  });

  it('panels side by side, ids after the id given, a legend that wraps, a contour as a mask', () => {
    const x = [-1, 0, 1];
    const z = x.flatMap((b) => x.map((a) => a * a + b * b));
    const names = ['a long series name, the first of four', 'a long series name, the second of four', 'a long series name, the third of four', 'four'];
    const c: ChartOutput = {
      kind: 'chart',
      chartId: 'c',
      notes: [],
      panels: [
        { xScale: 'linear', yScale: 'linear', equalAxes: true, contour: { x, y: x, z, levels: 4 }, series: names.map((n) => ({ name: n, x: [0, 1], y: [0, 1], mode: 'lines' as const })) },
        { xScale: 'linear', yScale: 'linear', series: [{ name: 'four', x: [0, 1], y: [1, 0], mode: 'markers', symbol: 'star' }] },
      ],
    };
    const svg = chartSvgDocument(c, 'k9');
    expect(svg).toMatch(/^<svg [^>]*width="800"/);
    expect(svg).toContain('<g transform="translate(400 0)">');
    expect(svg).toContain('id="k9-0-c"');
    expect(svg).toContain('id="k9-1-c"');
    expect(svg).toContain('<mask id="k9-0-m"><image href="data:image/png;base64,');
    const rows = new Set([...svg.matchAll(/<g transform="translate\(\d+ (\d+)\)">(?:<path|<circle)/g)].map((m) => m[1]));
    expect(rows.size).toBe(2); // four legend entries, one per name, in two rows across 800 units
    expect(svg.match(/>four<\/text>/g)).toHaveLength(1);
    const height = Number(/height="(\d+)"/.exec(svg)![1]);
    expect(height).toBeGreaterThan(260 + 2 * 20 - 1);
    // Chinese names are wider per character: 24 of them fill more than one row of 400 units.
    const zh = chartSvgDocument({ ...c, panels: [{ ...c.panels[1]!, series: ['训练损失训练损失训练损失训练损失训练损失训练损失', '测试精度'].map((n) => ({ name: n, x: [0], y: [0], mode: 'lines' as const })) }] }, 'z');
    expect(new Set([...zh.matchAll(/<g transform="translate\(\d+ (\d+)\)"><path/g)].map((m) => m[1])).size).toBe(2);
  });
});
