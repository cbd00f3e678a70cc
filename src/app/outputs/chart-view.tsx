/**
 * A chart output drawn with Plotly, loaded when the chart first comes near the screen. Live
 * updates extend the drawn traces (or redraw when the shape changed); the counts of both are
 * on the element (data-draws, data-extends) for the end-to-end tests.
 */
import { useEffect, useRef, useState } from 'react';
import type { ChartOutput } from '../../kernel/protocol';
import { useTheme } from '../theme/theme-store';
import { useMessages } from '../i18n/messages';
import { useNearViewport } from '../ui/use-near-viewport';
import { chartData, chartLayout, chartUpdate, DARK_CHART, LIGHT_CHART, type LegendRoom } from './chart-figure';
import { loadPlotly } from './load-plotly';
import type { PlotlyApi } from './plotly-types';

// Not Plotly's `responsive`: it adds a window listener per chart (kept until purge) and redraws
// outside our queue. A ResizeObserver below queues the redraws instead.
const CONFIG = { responsive: false, displaylogo: false, modeBarButtonsToRemove: ['select2d', 'lasso2d', 'toImage'] };

export function ChartView({ chart }: { chart: ChartOutput }) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<HTMLDivElement>(null);
  const near = useNearViewport(box, '400px 0px');
  const { theme } = useTheme();
  const m = useMessages();
  const [plotly, setPlotly] = useState<PlotlyApi | null>(null);
  // What failed, worded when shown (the page's language may change while the chart stays).
  const [failed, setFailed] = useState<{ kind: 'draw' | 'load'; error: string } | null>(null);
  const drawn = useRef<{ chart: ChartOutput; theme: string } | null>(null);
  const counts = useRef({ draws: 0, extends: 0 });
  // Plotly calls run one after another: an update must not start while a draw is in flight.
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  // Plotly must not draw into a removed element (the reader navigated away mid-update): its
  // promise chain then fails inside Plotly.
  const enqueue = (op: () => Promise<unknown> | void) => {
    queue.current = queue.current
      .then(() => (plot.current?.isConnected ? op() : undefined))
      .catch((e: Error) => plot.current?.isConnected && setFailed({ kind: 'draw', error: e.message }));
  };

  useEffect(() => {
    if (!near || plotly) return;
    let live = true;
    loadPlotly().then(
      (p) => live && setPlotly(() => p),
      (e: Error) => live && setFailed({ kind: 'load', error: e.message }),
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
      enqueue(() => plotly.extendTraces(el, { x: update.x, y: update.y }, update.indices));
      return;
    }
    counts.current.draws++;
    mark();
    const font = getComputedStyle(document.documentElement).getPropertyValue('--font-ui').trim() || 'sans-serif';
    const traces = chartData(chart, colors);
    const layout = chartLayout(chart, colors, font, legendRoom(el, font));
    enqueue(() => plotly.react(el, traces, layout, CONFIG));
  }, [plotly, chart, theme]);

  // Follow the width of the column (window resizes, the phone drawer, the sidebar).
  useEffect(() => {
    const el = plot.current;
    if (!plotly || !el || typeof ResizeObserver === 'undefined') return;
    let width = el.clientWidth;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const ro = new ResizeObserver(() => {
      if (el.clientWidth === width || el.clientWidth === 0) return;
      width = el.clientWidth;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        const now = drawn.current;
        if (!now) return;
        // The legend may wrap into more or fewer rows at the new width: its room follows.
        const font = getComputedStyle(document.documentElement).getPropertyValue('--font-ui').trim() || 'sans-serif';
        const { height, margin } = chartLayout(now.chart, LIGHT_CHART, font, legendRoom(el, font));
        enqueue(() => plotly.relayout(el, { autosize: true, height, 'margin.b': margin.b }));
      }, 150);
    });
    ro.observe(el);
    return () => {
      ro.disconnect();
      if (timer) clearTimeout(timer);
    };
    // enqueue is stable in behaviour (it reads refs only).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [plotly]);

  // No Plotly.purge on unmount: Plotly finishes some redraws (legend margins) outside the
  // promises it returns, and purging under them throws inside Plotly. Without `responsive` it
  // holds no global listeners, so a removed chart is simply garbage-collected.
  useEffect(
    () => () => {
      drawn.current = null;
    },
    [plotly],
  );

  return (
    <div className="output output-chart" ref={box}>
      {failed ? <p className="chart-failed">{failed.kind === 'draw' ? m.outputs.chartFailed(failed.error) : m.outputs.chartLibraryFailed(failed.error)}</p> : <div className="chart-plot" ref={plot} data-chart-id={chart.chartId} data-draws="0" data-extends="0" />}
      {!plotly && !failed && <div className="chart-placeholder">{m.outputs.loadingChart}</div>}
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

let measure: CanvasRenderingContext2D | null = null;
/** The chart's width and how wide Plotly draws a legend text (12 px in the page's UI font). */
function legendRoom(el: HTMLElement, font: string): LegendRoom {
  measure ??= document.createElement('canvas').getContext('2d');
  const ctx = measure;
  return {
    width: el.clientWidth,
    textWidth: (text) => {
      if (!ctx) return text.length * 7;
      ctx.font = `12px ${font}`;
      return ctx.measureText(text).width;
    },
  };
}
