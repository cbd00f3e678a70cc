// What a cell's outputs may cost the page (issue 14): every output kind bounded with what was left
// out, appends O(1), chart text shown as written (no live links), log axes of 300,000 points.
import { describe, expect, it } from 'vitest';
import { boundOutput, OUTPUT_CAPS } from '../../../../src/app/run/bound-output';
import { IDLE, MAX_OUTPUTS, OutputLog } from '../../../../src/app/run/cell-run';
import { chartLayout, chartTraces, LIGHT_CHART, logTicks, plotlyText } from '../../../../src/app/outputs/chart-figure';
import type { ChartOutput } from '../../../../src/kernel/protocol';
import { sanitizeDownloadName } from '../../../../src/kernel/page/download-name';

describe('bounded outputs', () => {
  it('a 50-million-character error message shows 10,000 characters and says how many it left out', () => {
    const shown = boundOutput({ kind: 'error', name: 'Error', message: 'x'.repeat(50_000_000), line: null, column: null, sourceLine: null });
    expect(shown.kind === 'error' && shown.message.length).toBe(OUTPUT_CAPS.errorChars + 1);
    expect(shown.leftOut).toEqual(['49,990,000 more characters of the error message left out']);
  });

  it('a table of 200,000 rows (maxRows: Infinity) shows 1,000 of them', () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => [i, 'a']);
    const shown = boundOutput({ kind: 'table', columns: ['i', 's'], rows });
    expect(shown.kind === 'table' && shown.rows.length).toBe(OUTPUT_CAPS.tableRows);
    expect(shown.leftOut).toEqual(['199,000 more rows left out']);
  });

  it('images beyond the pixel budget are left out, counted', () => {
    const image = { width: 1000, height: 1000, channels: 1 as const, pixels: new Uint8Array(1_000_000) };
    const shown = boundOutput({ kind: 'images', images: Array(10).fill(image), columns: 2, scale: 1 });
    expect(shown.kind === 'images' && shown.images.length).toBe(4);
    expect(shown.leftOut).toEqual(['6 more images left out']);
  });

  it('a series of 300,000 points is thinned to the cap, its last point kept', () => {
    const x = Array.from({ length: 300_000 }, (_, i) => i + 1);
    const shown = boundOutput({ kind: 'chart', chartId: 'c', notes: [], panels: [{ xScale: 'log', yScale: 'log', series: [{ name: 'loss', x, y: x, mode: 'lines' }] }] });
    const s = shown.kind === 'chart' ? shown.panels[0]!.series[0]! : null;
    expect(s!.x.length).toBeLessThanOrEqual(OUTPUT_CAPS.chartPoints);
    expect(s!.x.at(-1)).toBe(300_000);
    expect(shown.leftOut?.[0]).toMatch(/of the 300,000 points of 'loss' left out/);
  });
});

describe('the output log', () => {
  it('30,000 alternating stdout/stderr prints take well under a second (no re-copy per output), and the rest is counted', () => {
    const log = new OutputLog();
    const t0 = performance.now();
    for (let i = 0; i < 30_000; i++) log.add({ kind: 'text', stream: i % 2 ? 'stderr' : 'stdout', text: `line ${i}\n` });
    for (let i = 0; i < 20; i++) log.applyTo(IDLE); // a flush copies the kept list once
    const ms = performance.now() - t0;
    expect(ms).toBeLessThan(1000);
    expect(log.outputs.length).toBe(MAX_OUTPUTS);
    expect(log.droppedOutputs).toBe(30_000 - MAX_OUTPUTS);
  });

  it('20,000 errors make at most MAX_OUTPUTS error blocks', () => {
    const log = new OutputLog();
    for (let i = 0; i < 20_000; i++) log.add({ kind: 'error', name: 'Error', message: `r${i}`, line: null, column: null, sourceLine: null });
    expect(log.outputs.length).toBe(MAX_OUTPUTS);
    expect(log.applyTo(IDLE).droppedOutputs).toBe(20_000 - MAX_OUTPUTS);
  });
});

describe('charts: text from cells is shown as written, never as markup', () => {
  const evil = '<a href="https://evil.example/?q=secret">click</a> & <b>bold</b>';
  const chart: ChartOutput = {
    kind: 'chart',
    chartId: 'c',
    notes: [],
    panels: [{ title: evil, xLabel: evil, yLabel: evil, xScale: 'linear', yScale: 'linear', series: [{ name: evil, x: [1], y: [1], mode: 'lines' }] }],
  };
  it('escapes &, < and > in series names, titles and axis labels', () => {
    const escaped = plotlyText(evil);
    expect(escaped).not.toMatch(/[<>]/);
    const traces = chartTraces(chart, LIGHT_CHART);
    const layout = chartLayout(chart, LIGHT_CHART, 'sans-serif');
    expect(traces[0]!.name).toBe(escaped);
    expect(JSON.stringify(layout)).not.toContain('<a');
    expect((layout.annotations as { text: string }[])[0]!.text).toBe(escaped);
  });

  it('log ticks over 300,000 points do not overflow the stack', () => {
    const values = Array.from({ length: 300_000 }, (_, i) => 1 + i);
    expect(() => logTicks(values)).not.toThrow();
  });
});

describe('download names', () => {
  it.each([
    ['e2e-saved.nd', 'e2e-saved.nd'],
    ['dir/e2e-w.nd', 'e2e-w.nd'],
    ['invoice.pdf.exe', 'invoice_pdf_exe.bin'],
    ['evil.html', 'evil_html.bin'],
    ['..\\..\\x.csv', 'x.csv'],
    ['', 'download.bin'],
    ['a"b<c>|d.txt', 'a_b_c_d.txt'],
    ['résumé.json', 'résumé.json'],
  ])('%j -> %j', (name, safe) => {
    expect(sanitizeDownloadName(name)).toBe(safe);
  });
});
