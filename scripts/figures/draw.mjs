/**
 * The small drawing vocabulary of the book's figures: boxes, nodes, arrows, grids of numbers and
 * labels, written as SVG strings. Colours are classes (`f-...`) whose rules take the page's theme
 * variables (src/content/content.css holds the same rules for the inlined figures; each file
 * carries them too, with the light theme's colours as fallbacks, so it also reads on its own).
 * Sizes are in CSS pixels at the figure's natural size: text is 14 px (12 px small), and no
 * figure is wider than 440 px, so on a 390 px phone the text shrinks to no less than ~10 px.
 * A translated figure (build.mjs --lang) carries its language on the root: <svg lang="zh-CN">
 * and <g class="f-root f-zh">, whose words take a font stack with Chinese glyphs (math and code
 * keep theirs).
 */

export const FIGURE_CSS = `
.f-root text{fill:var(--text,#1f2023);font-family:var(--font-ui,system-ui,sans-serif);font-size:14px}
.f-root.f-zh text:not(.f-i):not(.f-code){font-family:system-ui,-apple-system,'Segoe UI','PingFang SC','Hiragino Sans GB','Microsoft YaHei','Noto Sans CJK SC','Source Han Sans SC','Noto Sans SC','WenQuanYi Micro Hei',sans-serif}
.f-root text.f-s{font-size:12px}
.f-root text.f-xs{font-size:11px}
.f-root text.f-m{fill:var(--muted,#5f5e5a)}
.f-root text.f-i{font-family:var(--font-text,Georgia,serif);font-style:italic;font-size:15px}
.f-root text.f-i.f-s{font-size:12px}
.f-root text.f-b{font-weight:600}
.f-root text.f-big{font-size:22px}
.f-root text.f-code{font-family:var(--font-code,monospace)}
.f-root text.f-ta{fill:var(--accent,#1c5fa8)}
.f-root text.f-tr{fill:var(--error,#b42318)}
.f-root text.f-tg{fill:var(--run,#1f7a3d)}
.f-root text.f-tw{fill:var(--warn,#8a5a00)}
.f-l{stroke:var(--text,#1f2023);fill:none;stroke-width:1.5}
.f-lm{stroke:var(--muted,#5f5e5a);fill:none;stroke-width:1.2}
.f-la{stroke:var(--accent,#1c5fa8);fill:none;stroke-width:2}
.f-lr{stroke:var(--error,#b42318);fill:none;stroke-width:2}
.f-lg{stroke:var(--run,#1f7a3d);fill:none;stroke-width:2}
.f-lw{stroke:var(--warn,#8a5a00);fill:none;stroke-width:2}
.f-hd{fill:var(--text,#1f2023)}
.f-hm{fill:var(--muted,#5f5e5a)}
.f-ha{fill:var(--accent,#1c5fa8)}
.f-hr{fill:var(--error,#b42318)}
.f-hg{fill:var(--run,#1f7a3d)}
.f-hw{fill:var(--warn,#8a5a00)}
.f-box{fill:var(--bg-raised,#fff);stroke:var(--text,#1f2023);stroke-width:1.5}
.f-acc{fill:var(--accent-soft,#e3edf8);stroke:var(--accent,#1c5fa8);stroke-width:1.5}
.f-run{fill:var(--run-soft,#e4f2e8);stroke:var(--run,#1f7a3d);stroke-width:1.5}
.f-warn{fill:var(--warn-bg,#fdf4dc);stroke:var(--warn,#8a5a00);stroke-width:1.5}
.f-err{fill:var(--error-bg,#fdecea);stroke:var(--error,#b42318);stroke-width:1.5}
.f-sunk{fill:var(--bg-sunken,#f3f1ec);stroke:var(--border-strong,#cbc5b9);stroke-width:1}
.f-dash{stroke-dasharray:5 4}
.f-ghost{opacity:.4}
`.trim();

const fmt = (n) => String(Math.round(n * 100) / 100);
const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The whole figure: natural size, viewBox, the palette, a root group that styles text. */
export function svg(width, height, body) {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<style>${FIGURE_CSS.replace(/\n/g, '')}</style><g class="f-root">${[body].flat(Infinity).join('')}</g></svg>\n`
  );
}

/**
 * Text at (x, y) (baseline). `x_1`, `x_{784}` and `h^2` become sub- and superscripts, so labels
 * stay plain strings that a translation can replace. opts: anchor ('middle' default), cls.
 */
export function text(x, y, str, { anchor = 'middle', cls = '', size } = {}) {
  const parts = String(str).split(/([_^](?:\{[^}]*\}|[^\s{]))/);
  let out = '';
  for (const part of parts) {
    if (part === '') continue;
    if (/^[_^]/.test(part)) {
      const body = part[1] === '{' ? part.slice(2, -1) : part.slice(1);
      const dy = part[0] === '_' ? 4 : -6;
      out += `<tspan dy="${dy}" font-size="75%">${esc(body)}</tspan><tspan dy="${-dy}">\u200b</tspan>`;
    } else {
      out += esc(part);
    }
  }
  const c = [cls, size === 's' ? 'f-s' : size === 'xs' ? 'f-xs' : ''].filter(Boolean).join(' ');
  return `<text x="${fmt(x)}" y="${fmt(y)}" text-anchor="${anchor}"${c ? ` class="${c}"` : ''}>${out}</text>`;
}

/** Italic math label (a variable name), centered. */
export const math = (x, y, str, opts = {}) => text(x, y, str, { ...opts, cls: `f-i ${opts.cls ?? ''}`.trim() });

export function rect(x, y, w, h, { cls = 'f-box', rx = 4 } = {}) {
  return `<rect x="${fmt(x)}" y="${fmt(y)}" width="${fmt(w)}" height="${fmt(h)}"${rx ? ` rx="${rx}"` : ''} class="${cls}"/>`;
}

/** A box with a centered label (one line, or several given as an array). */
export function box(x, y, w, h, label, { cls = 'f-box', text: textOpts = {}, rx = 4, lineGap = 16 } = {}) {
  const lines = [label].flat().filter((l) => l !== '' && l != null);
  const top = y + h / 2 - ((lines.length - 1) * lineGap) / 2 + 5;
  return rect(x, y, w, h, { cls, rx }) + lines.map((l, i) => text(x + w / 2, top + i * lineGap, l, textOpts)).join('');
}

export function circle(cx, cy, r, { cls = 'f-box' } = {}) {
  return `<circle cx="${fmt(cx)}" cy="${fmt(cy)}" r="${fmt(r)}" class="${cls}"/>`;
}

/** A network unit: a circle with a math label inside. */
export function node(cx, cy, label, { r = 17, cls = 'f-box', textCls = '' } = {}) {
  // A long subscript (x_{784}) is set smaller so it stays inside the circle.
  const long = /\{.{3,}\}/.test(label);
  return circle(cx, cy, r, { cls }) + math(long ? cx - 2 : cx, cy + 5, label, { cls: `${textCls}${long ? ' f-s' : ''}`.trim() });
}

export function line(x1, y1, x2, y2, { cls = 'f-l' } = {}) {
  return `<line x1="${fmt(x1)}" y1="${fmt(y1)}" x2="${fmt(x2)}" y2="${fmt(y2)}" class="${cls}"/>`;
}

export function path(d, { cls = 'f-l' } = {}) {
  return `<path d="${d}" class="${cls}"/>`;
}

const HEAD = { 'f-l': 'f-hd', 'f-lm': 'f-hm', 'f-la': 'f-ha', 'f-lr': 'f-hr', 'f-lg': 'f-hg', 'f-lw': 'f-hw' };

/** An arrowhead with its tip at (x, y), pointing along (dx, dy). */
export function head(x, y, dx, dy, { cls = 'f-l', size = 8 } = {}) {
  const len = Math.hypot(dx, dy) || 1;
  const ux = dx / len, uy = dy / len;
  const bx = x - ux * size, by = y - uy * size;
  const px = -uy * size * 0.45, py = ux * size * 0.45;
  const base = cls.split(' ')[0];
  return `<path d="M${fmt(x)} ${fmt(y)}L${fmt(bx + px)} ${fmt(by + py)}L${fmt(bx - px)} ${fmt(by - py)}Z" class="${HEAD[base] ?? 'f-hd'}"/>`;
}

/** A straight arrow from (x1, y1) to (x2, y2); `gap` shortens both ends (e.g. a node's radius). */
export function arrow(x1, y1, x2, y2, { cls = 'f-l', gap = 0, gapStart = gap, gapEnd = gap, size = 8 } = {}) {
  const len = Math.hypot(x2 - x1, y2 - y1) || 1;
  const ux = (x2 - x1) / len, uy = (y2 - y1) / len;
  const sx = x1 + ux * gapStart, sy = y1 + uy * gapStart;
  const ex = x2 - ux * gapEnd, ey = y2 - uy * gapEnd;
  return line(sx, sy, ex - ux * size * 0.8, ey - uy * size * 0.8, { cls }) + head(ex, ey, ux, uy, { cls, size });
}

/** A curved arrow (quadratic Bezier through control point (cx, cy)). */
export function curve(x1, y1, cx, cy, x2, y2, { cls = 'f-l', size = 8 } = {}) {
  const dx = x2 - cx, dy = y2 - cy;
  const len = Math.hypot(dx, dy) || 1;
  const ex = x2 - (dx / len) * size * 0.8, ey = y2 - (dy / len) * size * 0.8;
  return path(`M${fmt(x1)} ${fmt(y1)}Q${fmt(cx)} ${fmt(cy)} ${fmt(ex)} ${fmt(ey)}`, { cls }) + head(x2, y2, dx, dy, { cls, size });
}

/**
 * A grid of cells with numbers (values[r][c]; null for an empty cell) with its top left corner at
 * (x, y). `cellCls(r, c)` picks each cell's class (default f-box); `textCls(r, c)` its text's.
 */
export function grid(x, y, values, { cell = 30, cellCls = () => 'f-box', textCls = () => '', size } = {}) {
  let out = '';
  values.forEach((row, r) =>
    row.forEach((v, c) => {
      out += rect(x + c * cell, y + r * cell, cell, cell, { cls: cellCls(r, c), rx: 0 });
      if (v !== null && v !== undefined) out += text(x + c * cell + cell / 2, y + r * cell + cell / 2 + 5, v, { cls: textCls(r, c), size });
    }),
  );
  return out;
}

/** A thick outline around cells [r0, r1) x [c0, c1) of a grid drawn at (x, y). */
export function outline(x, y, r0, c0, r1, c1, { cell = 30, cls = 'f-la' } = {}) {
  return rect(x + c0 * cell, y + r0 * cell, (c1 - c0) * cell, (r1 - r0) * cell, { cls, rx: 0 });
}

/** 2-D cross-correlation (no padding, stride 1), for figures that print its numbers. */
export function corr2d(X, K, { pad = [0, 0], stride = [1, 1] } = {}) {
  const P = padded(X, pad);
  const oh = Math.floor((P.length - K.length) / stride[0]) + 1;
  const ow = Math.floor((P[0].length - K[0].length) / stride[1]) + 1;
  return Array.from({ length: oh }, (_, i) =>
    Array.from({ length: ow }, (_, j) => {
      let s = 0;
      K.forEach((row, a) => row.forEach((k, b) => (s += P[i * stride[0] + a][j * stride[1] + b] * k)));
      return s;
    }),
  );
}

export function padded(X, [ph, pw]) {
  const w = X[0].length + 2 * pw;
  const zeros = () => Array(w).fill(0);
  return [...Array.from({ length: ph }, zeros), ...X.map((r) => [...Array(pw).fill(0), ...r, ...Array(pw).fill(0)]), ...Array.from({ length: ph }, zeros)];
}

export const range2d = (h, w, f = (i) => i) => Array.from({ length: h }, (_, r) => Array.from({ length: w }, (_, c) => f(r * w + c)));
