/**
 * A chart output drawn with Plotly, loaded when the chart first comes near the screen. Live
 * updates extend the drawn traces (or redraw when the shape changed); the counts of both are
 * on the element (data-draws, data-extends) for the end-to-end tests.
 */
import { useEffect, useRef, useState } from 'react';
import type { ChartOutput } from '../../kernel/protocol';
import { useTheme } from '../theme/theme-store';
import { useNearViewport } from '../ui/use-near-viewport';
import { chartLayout, chartTraces, chartUpdate, DARK_CHART, LIGHT_CHART } from './chart-figure';
import { loadPlotly } from './load-plotly';
import type { PlotlyApi } from './plotly-types';

const CONFIG = { responsive: true, displaylogo: false, modeBarButtonsToRemove: ['select2d', 'lasso2d', 'toImage'] };

export function ChartView({ chart }: { chart: ChartOutput }) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<HTMLDivElement>(null);
  const near = useNearViewport(box, '400px 0px');
  const { theme } = useTheme();
  const [plotly, setPlotly] = useState<PlotlyApi | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const drawn = useRef<{ chart: ChartOutput; theme: string } | null>(null);
  const counts = useRef({ draws: 0, extends: 0 });

  useEffect(() => {
    if (!near || plotly) return;
    let live = true;
    loadPlotly().then(
      (p) => live && setPlotly(() => p),
      (e: Error) => live && setFailed(`The chart library could not load (${e.message}); reload the page to try again.`),
    );
    return () => {
      live = false;
    };
  }, [near, plotly]);

  useEffect(() => {
    const el = plot.current;
    if (!plotly || !el) return;
    const colors = theme === 'dark' ? DARK_CHART : LIGHT_CHART;
    const prev = drawn.current;
    const update = prev && prev.theme === theme ? chartUpdate(prev.chart, chart) : { kind: 'react' as const };
    drawn.current = { chart, theme };
    const mark = () => {
      el.dataset['draws'] = String(counts.current.draws);
      el.dataset['extends'] = String(counts.current.extends);
    };
    if (update.kind === 'same') return;
    if (update.kind === 'extend') {
      counts.current.extends++;
      mark();
      void plotly.extendTraces(el, { x: update.x, y: update.y }, update.indices);
      return;
    }
    counts.current.draws++;
    mark();
    const font = getComputedStyle(document.documentElement).getPropertyValue('--font-ui').trim() || 'sans-serif';
    void plotly.react(el, chartTraces(chart, colors), chartLayout(chart, colors, font), CONFIG);
  }, [plotly, chart, theme]);

  useEffect(() => {
    const el = plot.current;
    return () => {
      drawn.current = null;
      if (el && plotly) plotly.purge(el);
    };
  }, [plotly]);

  return (
    <div className="output output-chart" ref={box}>
      {failed ? <p className="chart-failed">{failed}</p> : <div className="chart-plot" ref={plot} data-chart-id={chart.chartId} data-draws="0" data-extends="0" />}
      {!plotly && !failed && <div className="chart-placeholder">Loading chart…</div>}
      {chart.notes.length > 0 && (
        <ul className="chart-notes">
          {chart.notes.map((n, i) => (
            <li key={i}>{n}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
