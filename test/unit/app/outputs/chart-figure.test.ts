/** Live charts (src/app/outputs/chart-figure): figures from chart data, and extend-vs-redraw decisions. */
import { describe, expect, it } from 'vitest';
import type { ChartOutput } from '../../../../src/kernel/protocol';
import { chartLayout, chartTraces, chartUpdate, LIGHT_CHART } from '../../../../src/app/outputs/chart-figure';
import { styleOf } from '../../../../src/lib/d2l/chart-style';

const chart = (points: number, extra: Partial<ChartOutput['panels'][0]> = {}): ChartOutput => ({
  kind: 'chart',
  chartId: 'animator-1',
  notes: [],
  panels: [
    {
      xLabel: 'epoch',
      xScale: 'linear',
      yScale: 'log',
      series: [
        { name: 'train loss', x: [...Array(points).keys()], y: [...Array(points).keys()].map((i) => 1 / (i + 1)), mode: 'lines' },
        { name: 'test acc', x: [...Array(points).keys()], y: [...Array(points).keys()].map((i) => i / 10), mode: 'lines+markers' },
      ],
      ...extra,
    },
  ],
});

describe('chartUpdate', () => {
  it('extends traces with only the new points', () => {
    expect(chartUpdate(chart(2), chart(4))).toEqual({ kind: 'extend', indices: [0, 1], x: [[2, 3], [2, 3]], y: [[1 / 3, 1 / 4], [0.2, 0.3]] });
  });

  it('draws a line of one point as a marker (else the axes stay empty), and as a line again from its second point', () => {
    expect(chartTraces(chart(1), LIGHT_CHART).map((t) => t.mode)).toEqual(['lines+markers', 'lines+markers']);
    expect(chartUpdate(chart(1), chart(2)).kind).toBe('react');
    expect(chartTraces(chart(2), LIGHT_CHART).map((t) => t.mode)).toEqual(['lines', 'lines+markers']);
    expect(chartUpdate(chart(2), chart(3)).kind).toBe('extend');
  });

  it('does nothing when nothing changed', () => {
    expect(chartUpdate(chart(3), chart(3))).toEqual({ kind: 'same' });
  });

  it('redraws when a series is added, a value changed, or an axis changed', () => {
    const more = chart(3);
    more.panels[0]!.series.push({ name: 'test loss', x: [0], y: [1], mode: 'lines' });
    expect(chartUpdate(chart(3), more).kind).toBe('react');
    const edited = chart(3);
    edited.panels[0]!.series[0]!.y[1] = 42;
    expect(chartUpdate(chart(3), edited).kind).toBe('react');
    expect(chartUpdate(chart(3), chart(3, { yScale: 'linear' })).kind).toBe('react');
    expect(chartUpdate(chart(3), chart(3, { yLim: [0, 1] })).kind).toBe('react');
  });

  it('treats NaN points as equal to themselves (a diverged loss still extends)', () => {
    const a = chart(2);
    a.panels[0]!.series[0]!.y[1] = NaN;
    const b = chart(3);
    b.panels[0]!.series[0]!.y[1] = NaN;
    expect(chartUpdate(a, b).kind).toBe('extend');
  });
});

describe('figure', () => {
  it('puts panels on their own axes with log ranges in log10 units, one legend entry per name', () => {
    const two: ChartOutput = {
      kind: 'chart',
      chartId: 'plot-1',
      notes: [],
      panels: [
        { title: 'loss', xScale: 'linear', yScale: 'log', yLim: [0.01, 10], series: [{ name: 'train', x: [1], y: [1], mode: 'lines' }] },
        { title: 'acc', xScale: 'log', yScale: 'linear', series: [{ name: 'train', x: [1], y: [1], mode: 'lines' }] },
      ],
    };
    const traces = chartTraces(two, LIGHT_CHART);
    expect(traces.map((t) => [t.xaxis, t.yaxis, t.showlegend, t.line!.color])).toEqual([
      ['x', 'y', true, LIGHT_CHART.series[0]],
      ['x2', 'y2', false, LIGHT_CHART.series[0]],
    ]);
    const layout = chartLayout(two, LIGHT_CHART, 'sans-serif');
    expect(layout.grid).toEqual({ rows: 1, columns: 2, pattern: 'independent' });
    expect(layout['yaxis']).toMatchObject({ type: 'log', range: [-2, 1] });
    expect(layout['xaxis2']).toMatchObject({ type: 'log', autorange: true });
    expect(layout.annotations).toHaveLength(2);
  });

  it("draws matplotlib's dashed, dotted and x styles as Plotly line dashes and marker symbols", () => {
    const styled: ChartOutput = {
      kind: 'chart',
      chartId: 'plot-3',
      notes: [],
      panels: [{ xScale: 'linear', yScale: 'linear', series: ['-', '--', ':', 'x', '-.s'].map((f, i) => ({ name: f, x: [i, i + 1], y: [i, i], ...styleOf(f) })) }],
    };
    const traces = chartTraces(styled, LIGHT_CHART);
    expect(traces.map((t) => [t.mode, t.line!.dash, t.marker!.symbol])).toEqual([
      ['lines', undefined, undefined],
      ['lines', 'dash', undefined],
      ['lines', 'dot', undefined],
      ['markers', undefined, 'x'],
      ['lines+markers', 'dashdot', 'square'],
    ]);
  });

  it('labels log-axis ticks in full (20, not "2"), and not on linear axes', () => {
    const one: ChartOutput = {
      kind: 'chart',
      chartId: 'plot-2',
      notes: [],
      panels: [{ xScale: 'linear', yScale: 'log', series: [{ name: 'perplexity', x: [1, 2], y: [22, 2.3], mode: 'lines' }] }],
    };
    const layout = chartLayout(one, LIGHT_CHART, 'sans-serif');
    const y = layout['yaxis'] as { tickvals: number[]; ticktext: string[] };
    const label = (v: number) => y.ticktext[y.tickvals.indexOf(v)];
    expect([label(2), label(3), label(5), label(10), label(20), label(0.05), label(0.001), label(1e-4), label(2e6)]).toEqual(['2', '3', '5', '10', '20', '0.05', '0.001', '1e-4', '2e+6']);
    expect(y.tickvals.length).toBe(y.ticktext.length);
    expect(layout['xaxis']).not.toHaveProperty('tickvals');
  });
});

describe('contours under a trajectory', () => {
  it('draw a contour trace under the series, and a growing path extends past it', async () => {
    const { chartData, chartUpdate, LIGHT_CHART } = await import('../../../../src/app/outputs/chart-figure');
    const contour = { x: [0, 1], y: [0, 1, 2], z: [0, 1, 2, 3, 4, Infinity] };
    const at = (n: number) => ({ kind: 'chart' as const, chartId: 't', notes: [], panels: [{ xScale: 'linear' as const, yScale: 'linear' as const, contour, series: [{ name: 'path', x: [0, 1, 2].slice(0, n), y: [0, 1, 2].slice(0, n), mode: 'lines+markers' as const }] }] });
    const data = chartData(at(2), LIGHT_CHART);
    expect(data.map((t) => t.type)).toEqual(['contour', 'scatter']);
    expect(data[0]).toMatchObject({ z: [[0, 1], [2, 3], [4, null]] });
    expect(chartUpdate(at(2), at(3))).toEqual({ kind: 'extend', indices: [1], x: [[2]], y: [[2]] });
    const moved = { ...at(3), panels: [{ ...at(3).panels[0]!, contour: { ...contour, z: [9, 1, 2, 3, 4, 5] } }] };
    expect(chartUpdate(at(2), moved)).toEqual({ kind: 'react' });
  });
});

describe('the chart toolbar', () => {
  it('has a top margin to sit in, titled or not, so it does not cover the plot', () => {
    const panel = { series: [{ name: 'loss', x: [1, 2], y: [1, 0.5], mode: 'lines' as const }], xScale: 'linear' as const, yScale: 'linear' as const };
    const layout = chartLayout({ kind: 'chart', chartId: 'c', panels: [panel], notes: [] } as never, LIGHT_CHART, 'sans-serif');
    expect((layout.margin as { t: number }).t).toBeGreaterThanOrEqual(32);
  });
});

describe('the legend below the axis title', () => {
  const chart = (names: string[]): ChartOutput => ({
    kind: 'chart',
    chartId: 'c',
    notes: [],
    panels: [{ xScale: 'linear', yScale: 'linear', xLabel: 'epoch', series: names.map((name) => ({ name, x: [1], y: [1], mode: 'lines' as const })) }],
  });
  const room = (width: number) => ({ width, textWidth: (t: string) => t.length * 7 });

  it('wraps its items greedily across the plot width', async () => {
    const { legendRows } = await import('../../../../src/app/outputs/chart-figure');
    expect(legendRows([60, 60, 60], 1000)).toBe(1);
    expect(legendRows([60, 60, 60], 230)).toBe(2); // two items of 106 px fit in 230, the third wraps
    expect(legendRows([500], 100)).toBe(1); // one item too wide still takes one row
  });

  it('sits at the bottom of the figure, with the bottom margin grown by its rows', () => {
    const names = ['train loss', 'train acc', 'test acc'];
    const wide = chartLayout(chart(names), LIGHT_CHART, 'sans-serif', room(1200));
    const phone = chartLayout(chart(names), LIGHT_CHART, 'sans-serif', room(330));
    expect(wide.legend).toMatchObject({ yref: 'container', y: 0, yanchor: 'bottom' });
    expect(phone.margin.b - wide.margin.b).toBeGreaterThan(20); // a second row on the phone
    expect(phone.height - wide.height).toBe(phone.margin.b - wide.margin.b); // the plot keeps its height
    const single = chartLayout(chart(['loss']), LIGHT_CHART, 'sans-serif', room(330));
    expect(single.showlegend).toBe(false);
    expect(single.margin.b).toBeLessThan(wide.margin.b);
  });
});
