/** Section 6.1: the recurrent network over time, its inputs and labels, sampling, gradient clipping. */
import { arrow, box, circle, line, math, path, rect, svg, text } from './draw.mjs';

export const rnnUnrolled = {
  name: 'rnn-unrolled',
  labels: { state: 'hidden state' },
  draw: (L) => {
    const xs = [90, 215, 340], steps = ['t-1', 't', 't+1'];
    const out = [];
    xs.forEach((x, i) => {
      const t = steps[i];
      out.push(box(x - 36, 20, 72, 34, `O_{${t}}`, { cls: 'f-warn', text: { cls: 'f-i' } }));
      out.push(box(x - 36, 110, 72, 34, `H_{${t}}`, { cls: 'f-run', text: { cls: 'f-i' } }));
      out.push(box(x - 36, 200, 72, 34, `X_{${t}}`, { text: { cls: 'f-i' } }));
      out.push(arrow(x, 200, x, 144, { size: 7 }));
      out.push(arrow(x, 110, x, 54, { size: 7 }));
      if (i === 1) {
        out.push(math(x + 24, 180, 'W_{xh}', { cls: 'f-s f-m' }));
        out.push(math(x + 24, 90, 'W_{hq}', { cls: 'f-s f-m' }));
      }
    });
    out.push(arrow(8, 127, 54, 127, { cls: 'f-la', size: 7 }));
    out.push(arrow(126, 127, 179, 127, { cls: 'f-la', size: 7 }));
    out.push(arrow(251, 127, 304, 127, { cls: 'f-la', size: 7 }));
    out.push(arrow(376, 127, 420, 127, { cls: 'f-la', size: 7 }));
    out.push(math(152, 118, 'W_{hh}', { cls: 'f-s f-ta' }));
    out.push(math(278, 118, 'W_{hh}', { cls: 'f-s f-ta' }));
    out.push(text(215, 162, L.state, { size: 'xs', cls: 'f-m' }));
    return svg(428, 244, out);
  },
};

/** The first characters of the corpus, and their indices as the section prints them. */
export const TEXT = 'the time mach';
export const VOCAB = ' abcdefghijklmnopqrstuvwxyz';

export const charLm = {
  name: 'char-lm',
  labels: { input: 'input', label: 'label' },
  draw: (L) => {
    const n = 10, c = 34, x0 = 58;
    const show = (ch) => (ch === ' ' ? '␣' : ch);
    const cells = (row, y, offset, cls) =>
      Array.from({ length: n }, (_, i) => {
        const ch = TEXT[i + offset];
        return box(x0 + i * c, y, c - 4, 30, show(ch), { cls, text: { cls: 'f-code' } }) + text(x0 + i * c + (c - 4) / 2, y + (row === 'in' ? 46 : -8), `${VOCAB.indexOf(ch)}`, { size: 'xs', cls: 'f-m' });
      }).join('');
    // At every position the network reads the input and is trained to predict the label above it: the next character.
    const arrows = Array.from({ length: n }, (_, i) => arrow(x0 + i * c + (c - 4) / 2, 112, x0 + i * c + (c - 4) / 2, 74, { cls: 'f-lm', size: 6 })).join('');
    return svg(420, 170, [
      text(8, 62, L.label, { anchor: 'start', size: 's' }),
      cells('out', 40, 1, 'f-acc'),
      arrows,
      text(8, 134, L.input, { anchor: 'start', size: 's' }),
      cells('in', 114, 0, 'f-box'),
    ]);
  },
};

/** The toy corpus 0..29, 2 examples per minibatch, 6 steps; the random order is the one recorded. */
export const STEPS = 6;
export const RANDOM_BATCHES = [[18, 6], [0, 12]];

export const sampling = {
  name: 'sampling',
  labels: { random: 'random sampling', consecutive: 'consecutive sampling', batch: 'minibatch {i}', unused: 'unused' },
  draw: (L) => {
    const u = 13, x0 = 22;
    const batchOf = (start) => RANDOM_BATCHES.findIndex((b) => b.includes(start));
    const seg = (x, y, from, to, b) => box(x, y, (to - from + 1) * u - 2, 28, `${from}–${to}`, { cls: b === 0 ? 'f-acc' : b === 1 ? 'f-run' : 'f-sunk', text: { size: to - from < 5 ? 'xs' : 's', cls: b < 0 ? 'f-m' : '' } });
    const random = [0, 6, 12, 18, 24].map((s) => seg(x0 + s * u, 40, s, s + STEPS - 1, s === 24 ? -1 : batchOf(s)));
    // Consecutive: two rows of 15, walked 6 columns at a time; the last 3 of each row are left.
    const rowLen = 15;
    const consecutive = [0, 1].flatMap((r) =>
      [0, 6, 12].map((col) => seg(x0 + col * u + (r === 1 ? 0 : 0), 130 + r * 36, r * rowLen + col, r * rowLen + Math.min(col + STEPS, rowLen) - 1, col === 12 ? -1 : col / 6)),
    );
    const legend = (x, cls, label) => rect(x, 222, 16, 14, { cls, rx: 2 }) + text(x + 22, 234, label, { anchor: 'start', size: 's' });
    return svg(420, 246, [
      text(x0, 28, L.random, { anchor: 'start', size: 's', cls: 'f-b' }),
      random,
      text(x0, 118, L.consecutive, { anchor: 'start', size: 's', cls: 'f-b' }),
      consecutive,
      legend(x0, 'f-acc', L.batch.replace('{i}', 1)),
      legend(x0 + 130, 'f-run', L.batch.replace('{i}', 2)),
      legend(x0 + 260, 'f-sunk', L.unused),
    ]);
  },
};

export const clipping = {
  name: 'grad-clipping',
  labels: { kept: 'kept', clipped: 'clipped' },
  draw: (L) => {
    const cx = 150, cy = 150, r = 90;
    const g = [250, -70], gx = cx + g[0] * 0.9, gy = cy + g[1] * 0.9; // a long gradient
    const len = Math.hypot(gx - cx, gy - cy);
    const px = cx + ((gx - cx) / len) * r, py = cy + ((gy - cy) / len) * r;
    const small = [cx - 40, cy - 52];
    return svg(420, 270, [
      circle(cx, cy, r, { cls: 'f-sunk' }),
      line(cx, cy, cx, cy + r, { cls: 'f-lm f-dash' }),
      math(cx + 10, cy + r / 2 + 4, 'θ', { anchor: 'start' }),
      arrow(cx, cy, gx, gy, { cls: 'f-lr f-dash', size: 9 }),
      math(gx - 6, gy - 12, 'g', { cls: 'f-tr' }),
      arrow(cx, cy, px, py, { cls: 'f-la', size: 9 }),
      math(px - 4, py + 26, 'θ g / ‖g‖', { cls: 'f-ta f-s' }),
      text(px - 4, py + 42, L.clipped, { size: 'xs', cls: 'f-ta' }),
      arrow(cx, cy, small[0], small[1], { cls: 'f-lg', size: 9 }),
      text(small[0] - 10, small[1] - 8, L.kept, { size: 'xs', cls: 'f-tg' }),
      circle(cx, cy, 3, { cls: 'f-hd' }),
    ]);
  },
};

export default [rnnUnrolled, charLm, sampling, clipping];
