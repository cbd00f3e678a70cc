/** Live charts (src/app/outputs/chart-figure): figures from chart data, and extend-vs-redraw decisions. */
import { describe, expect, it } from 'vitest';
import type { ChartOutput } from '../../src/kernel/protocol';
import { chartLayout, chartTraces, chartUpdate, LIGHT_CHART } from '../../src/app/outputs/chart-figure';

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
});
