/**
 * Recorded cell outputs as static HTML, with the app's classes (outputs.css) so they look as the
 * app draws them: text and values as <pre> (a long one folded as the app folds it: static-text.ts), errors as <pre>, tables as tables, images as PNG data URLs,
 * charts as inline SVG (src/render/chart-svg.ts), controls as their recorded values with a note that they
 * move with JavaScript. The switch is exhaustive: a new output kind fails to compile here. Pure.
 */
import { assertNever, type CellOutput, type ErrorOutput, type ImagesOutput, type TableOutput } from '../../kernel/protocol';
import { formatControlValue } from '../../app/outputs/controls-view';
import type { Messages } from '../../app/i18n/messages';
import { chartHtml } from '../../render/chart-svg';
import { escapeHtml } from './escape-html';
import { pngDataUrl } from '../../render/png';
import { textOutputHtml } from './static-text';
import type { StaticWords } from './static-words';

export interface OutputContext {
  m: Messages;
  words: StaticWords;
  /** A prefix unique to the cell in its page, for SVG ids. */
  idPrefix: string;
}

/** Largest side an image is shown at, as the app (images-view.tsx). */
const MAX_SHOWN_PX = 1024;

/** Six significant digits without trailing zeros, as the app's tables (table-view.tsx). */
export function formatTableNumber(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6)));
}

function tableHtml(t: TableOutput): string {
  const head = t.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('');
  const rows = t.rows
    .map((row) => `<tr>${row.map((v) => (typeof v === 'number' ? `<td class="num">${formatTableNumber(v)}</td>` : `<td>${v === null ? '' : escapeHtml(v)}</td>`)).join('')}</tr>`)
    .join('');
  return `<div class="output output-table table-scroll"><table>${t.caption ? `<caption>${escapeHtml(t.caption)}</caption>` : ''}<thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table></div>`;
}

function imagesHtml(o: ImagesOutput, m: Messages): string {
  const columns = Math.max(1, Math.min(o.columns, 50));
  const figures = o.images
    .map((image, i) => {
      const { width, height } = image;
      const caption = image.title !== undefined ? `<figcaption>${escapeHtml(image.title)}</figcaption>` : '';
      if (width === 0 || height === 0) return `<figure class="image-cell"><span class="image-empty">${escapeHtml(m.outputs.emptyImage(width, height))}</span>${caption}</figure>`;
      const fit = Math.min(o.scale, MAX_SHOWN_PX / Math.max(width, height));
      const alt = image.title ?? `${i + 1}`;
      return `<figure class="image-cell"><img src="${pngDataUrl(width, height, image.channels, image.pixels)}" width="${Math.round(width * fit)}" height="${Math.round(height * fit)}" alt="${escapeHtml(alt)}"/>${caption}</figure>`;
    })
    .join('');
  return `<div class="output output-images" style="grid-template-columns: repeat(${columns}, max-content)">${figures}</div>`;
}

function errorHtml(e: ErrorOutput, m: Messages): string {
  let where = '';
  if (e.line !== null) {
    const position = m.outputs.errorLine(e.line) + (e.column !== null ? m.outputs.errorColumn(e.column) : '');
    // The caret under the column: the line's own text before it, hidden (as the app draws it), so
    // that wide characters and tabs push it as far as they push the line.
    const caret = (line: string, column: number) => `\n<span class="error-caret-pad" aria-hidden="true">${escapeHtml(line.slice(0, Math.max(0, column - 1)).padEnd(Math.max(0, column - 1)))}</span>^`;
    const source = e.sourceLine !== null ? `<pre class="error-source">${escapeHtml(e.sourceLine)}${e.column !== null ? caret(e.sourceLine, e.column) : ''}</pre>` : '';
    where = `<div class="error-where"><span class="error-position">${escapeHtml(position)}</span>${source}</div>`;
  }
  return `<div class="output output-error"><div class="error-head"><span class="error-name">${escapeHtml(e.name)}</span>: ${escapeHtml(e.message)}</div>${where}</div>`;
}

export function outputHtml(o: CellOutput, ctx: OutputContext, index = 0): string {
  switch (o.kind) {
    case 'text':
      return textOutputHtml(o.text, `output output-text output-${o.stream}`, ctx.m);
    case 'value':
      return textOutputHtml(o.text, `output output-value${o.type === 'ndarray' ? ' output-ndarray' : ''}`, ctx.m);
    case 'error':
      return errorHtml(o, ctx.m);
    case 'table':
      return tableHtml(o);
    case 'images':
      return imagesHtml(o, ctx.m);
    case 'chart':
      return chartHtml(o, `${ctx.idPrefix}-${index}`);
    case 'controls': {
      const values = o.controls.map((c, i) => `<span class="controls-static-value">${escapeHtml(c.name)} = ${escapeHtml(formatControlValue(o.values[i] ?? ''))}</span>`).join('');
      const inner = o.outputs.map((x, i) => outputHtml(x, { ...ctx, idPrefix: `${ctx.idPrefix}-${index}` }, i)).join('');
      return (
        `<div class="output output-controls" data-state="${o.state}"><p class="controls-static">${values}</p>` +
        `<p class="static-controls-note">${escapeHtml(ctx.words.controlsNote)}</p><div class="controls-outputs">${inner}</div></div>`
      );
    }
    default:
      return assertNever(o);
  }
}
