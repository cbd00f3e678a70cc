/**
 * Outputs as text, for a terminal (deno repl, node) and for the text/plain part of a Jupyter
 * MIME bundle, plus a table's text/html: what a reader outside the page sees of tables, image
 * grids and charts.
 */
import type { ChartOutput, ImagesOutput, TableOutput } from '../lib/output-kinds';
import { escapeXml } from '../render/escape-xml';

const cell = (v: string | number | null): string => (v === null ? '' : typeof v === 'number' ? formatNumber(v) : v);

/** Numbers as a table shows them: integers as is, others to 6 significant digits. */
export function formatNumber(v: number): string {
  return Number.isInteger(v) || !Number.isFinite(v) ? String(v) : String(Number(v.toPrecision(6)));
}

/**
 * Columns a string takes in a terminal: 2 for East Asian wide and fullwidth characters (CJK
 * ideographs, kana, hangul, fullwidth punctuation such as '，'), 1 for the others, so that the
 * Chinese edition's tables line up.
 */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    const wide = (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0x303e) || (c >= 0x3041 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x20000 && c <= 0x3fffd);
    w += wide ? 2 : 1;
  }
  return w;
}

const padEnd = (s: string, width: number): string => s + ' '.repeat(Math.max(0, width - displayWidth(s)));
const padStart = (s: string, width: number): string => ' '.repeat(Math.max(0, width - displayWidth(s))) + s;

/** The table with its columns padded to their widest cell (in terminal columns), numbers right-aligned. */
export function tableText(t: TableOutput): string {
  const rows = [t.columns, ...t.rows.map((r) => r.map(cell))];
  const widths = t.columns.map((_, j) => Math.max(...rows.map((r) => displayWidth(r[j] ?? ''))));
  const numeric = t.columns.map((_, j) => t.rows.length > 0 && t.rows.every((r) => typeof r[j] === 'number' || r[j] === null));
  const line = (r: string[]): string => r.map((v, j) => (numeric[j] ? padStart(v, widths[j]!) : padEnd(v, widths[j]!))).join('  ').trimEnd();
  const out = [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)];
  return (t.caption ? `${t.caption}\n` : '') + out.join('\n');
}

export function tableHtml(t: TableOutput): string {
  const head = t.columns.map((c) => `<th>${escapeXml(c)}</th>`).join('');
  const body = t.rows.map((r) => `<tr>${r.map((v) => `<td${typeof v === 'number' ? ' style="text-align:right"' : ''}>${escapeXml(cell(v))}</td>`).join('')}</tr>`).join('');
  return `<table>${t.caption ? `<caption>${escapeXml(t.caption)}</caption>` : ''}<thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

/**
 * The image grid as an HTML table: each image (a PNG, given as base64) scaled up without
 * smoothing, its title under it, as the page draws it (the PNG grid alone has no titles).
 */
export function imagesHtml(out: ImagesOutput, pngs: string[]): string {
  const cells = out.images.map((im, k) => {
    const title = im.title ? `<br>${escapeXml(im.title).replace(/\n/g, '<br>')}` : '';
    return `<td style="text-align:center;vertical-align:top;padding:2px 4px;font-size:11px"><img src="data:image/png;base64,${pngs[k]}" width="${im.width * out.scale}" height="${im.height * out.scale}" style="image-rendering:pixelated" alt="">${title}</td>`;
  });
  const rows: string[] = [];
  for (let i = 0; i < cells.length; i += Math.max(1, out.columns)) rows.push(`<tr>${cells.slice(i, i + Math.max(1, out.columns)).join('')}</tr>`);
  return `<table style="border-collapse:collapse">${rows.join('')}</table>`;
}

export function imagesText(out: ImagesOutput): string {
  const first = out.images[0];
  const size = first ? ` ${first.width}x${first.height}${first.channels === 1 ? ' grayscale' : ' RGB'}` : '';
  // A title may have two lines (the true label over the predicted one): one line here, ' / ' between.
  const titles = out.images.some((im) => im.title) ? `: ${out.images.map((im) => (im.title ?? '?').replace(/\n/g, ' / ')).join(', ')}` : '';
  return `[${out.images.length} images${size}${titles}]`;
}

/** Every series' point count and latest point: `[chart: train loss (3 points, last 3, 0.523), ...]`. */
export function chartText(chart: ChartOutput): string {
  const panels = chart.panels.map((p) => {
    const series = p.series.map((s) => {
      const n = s.y.length;
      return n === 0 ? `${s.name} (no points)` : `${s.name} (${n} point${n === 1 ? '' : 's'}, last ${formatNumber(s.x[n - 1]!)}, ${formatNumber(s.y[n - 1]!)})`;
    });
    // An untitled panel of unnamed series (`d2l.plot` without a legend) says what its axes are instead.
    const unnamed = p.series.every((s, i) => s.name === `series ${i + 1}`);
    const axes = p.yLabel && p.xLabel ? `${p.yLabel} against ${p.xLabel}` : undefined;
    const title = p.title ?? (unnamed ? axes : undefined);
    return `${title ? `${title}: ` : ''}${series.join(', ')}`;
  });
  return [`[chart: ${panels.join(' | ')}]`, ...chart.notes].join('\n');
}
