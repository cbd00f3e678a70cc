/**
 * Where the library's outputs go outside the page: the display hook of the notebook host.
 *
 * | output | Deno's Jupyter kernel                                   | a terminal (deno repl, deno run, node)        |
 * | ------ | ------------------------------------------------------- | --------------------------------------------- |
 * | text   | console.log/error by whole lines; a `\r` progress line is one output updated in place (jupyter-text.ts) | stdout/stderr |
 * | table  | text/html table + text/plain                            | an aligned text table                         |
 * | images | text/html (each image, its title under it) + image/png grid + text/plain | a one-line summary with the titles |
 * | chart  | image/svg+xml + text/plain, one output updated in place (display_id), once per task that changed it | one summary line once the chart stops changing |
 *
 * The page draws charts live with Plotly; a notebook gets a picture of the latest state instead.
 */
import type { ChartOutput, DisplayOutput } from '../lib/output-kinds';
import { assertNever } from '../lib/output-kinds';
import { ChartUpdates } from './chart-updates';
import type { JupyterApi, MimeBundle } from './jupyter-api';
import { jupyterText } from './jupyter-text';
import { eachImagePng, imagesPng } from './images-png';
import { chartText, imagesHtml, imagesText, tableHtml, tableText } from './output-text';
import { chartSvgDocument } from '../render/chart-svg';
import { base64 } from '../render/png';

export type { JupyterApi, MimeBundle } from './jupyter-api';

export interface OutputSink {
  /** Writes text as is (no newline added): the library's text ends its own lines, and `\r` rewrites one. */
  write(text: string, stream: 'stdout' | 'stderr'): void;
  /** Deno's Jupyter API, when running in its kernel. */
  jupyter: JupyterApi | null;
}

/** Deno's Jupyter API when this runs in Deno's Jupyter kernel, else null. */
export function findJupyter(): JupyterApi | null {
  const deno = (globalThis as { Deno?: { jupyter?: { display?: unknown } } }).Deno;
  try {
    return typeof deno?.jupyter?.display === 'function' ? (deno.jupyter as unknown as JupyterApi) : null;
  } catch {
    return null; // outside `deno jupyter`, reading Deno.jupyter throws
  }
}

/**
 * Where text goes: in Deno's Jupyter kernel, `console` by whole lines (jupyter-text.ts: the kernel
 * does not show Deno.stdout); elsewhere stdout/stderr of Deno or Node, unbuffered, without added
 * newlines.
 */
export function processSink(): OutputSink {
  const jupyter = findJupyter();
  if (jupyter) {
    const write = jupyterText({ jupyter, printLine: (line, stream) => (stream === 'stdout' ? console.log : console.error)(line) });
    return { write, jupyter };
  }
  const deno = (globalThis as { Deno?: { stdout: { writeSync(b: Uint8Array): number }; stderr: { writeSync(b: Uint8Array): number } } }).Deno;
  const node = (globalThis as { process?: { stdout: { write(s: string): boolean }; stderr: { write(s: string): boolean } } }).process;
  const encoder = new TextEncoder();
  const write = (text: string, stream: 'stdout' | 'stderr'): void => {
    if (deno) {
      const bytes = encoder.encode(text);
      const target = stream === 'stdout' ? deno.stdout : deno.stderr;
      for (let at = 0; at < bytes.length; ) at += target.writeSync(bytes.subarray(at));
    } else if (node) (stream === 'stdout' ? node.stdout : node.stderr).write(text);
    else (stream === 'stdout' ? console.log : console.error)(text.replace(/\n$/, ''));
  };
  return { write, jupyter: null };
}

export interface Outputs {
  /** The display hook (setDisplayHook). */
  hook: (output: DisplayOutput) => void;
  /** Shows the charts still waiting for their turn (before the process exits). */
  flush: () => void;
}

/** The display hook for `sink`. */
export function createOutputs(sink: OutputSink): Outputs {
  const jupyter = sink.jupyter;
  // A display id per chart and kernel session: a re-run or a restarted kernel must not update older cells' charts.
  const session = Math.random().toString(36).slice(2, 10);
  const charts = jupyter
    ? new ChartUpdates((chart, first) => void jupyter.display(chartBundle(chart, `handson-${session}-${chart.chartId}`), { raw: true, display_id: `handson-${session}-${chart.chartId}`, update: !first }), { endOfTask: true })
    : new ChartUpdates((chart) => sink.write(`${chartText(chart)}\n`, 'stdout'), { quietMs: 300 });
  const hook = (output: DisplayOutput): void => {
    switch (output.kind) {
      case 'text':
        sink.write(output.text, output.stream);
        break;
      case 'table':
        if (jupyter) void jupyter.display({ 'text/plain': tableText(output), 'text/html': tableHtml(output) }, { raw: true });
        else sink.write(`${tableText(output)}\n`, 'stdout');
        break;
      case 'images':
        if (jupyter) {
          const html = imagesHtml(output, eachImagePng(output).map(base64));
          void jupyter.display({ 'text/plain': imagesText(output), 'text/html': html, 'image/png': base64(imagesPng(output)) }, { raw: true });
        }
        else sink.write(`${imagesText(output)}\n`, 'stdout');
        break;
      case 'chart':
        charts.push(output);
        break;
      default:
        assertNever(output);
    }
  };
  return { hook, flush: () => charts.flushAll() };
}

/** `id`: unique in the notebook (the SVG's clip paths and masks are named after it, and a notebook may inline the SVG). */
export function chartBundle(chart: ChartOutput, id: string): MimeBundle {
  return { 'text/plain': chartText(chart), 'image/svg+xml': chartSvgDocument(chart, id.replace(/[^A-Za-z0-9_-]/g, '_')) };
}
