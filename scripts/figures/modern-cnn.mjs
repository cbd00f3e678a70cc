/**
 * Sections 5.7-5.10: the NiN network, the Inception block, the residual block and the dense
 * block, each drawn as boxes (layers) and arrows (data), top to bottom from input to output.
 */
import { arrow, box, path, svg, text } from './draw.mjs';

const CONV = 'f-acc', POOL = 'f-run', MERGE = 'f-warn', IO = 'f-sunk';

/** A vertical stack of layers with the shape of one image after each, as the section prints it. */
function stack(rows, head, { width = 430, blockW = 250, rowH = 28, gap = 12, colX = 355 } = {}) {
  const top = 34;
  const out = [text(colX, 18, head, { size: 's', cls: 'f-m' })];
  rows.forEach(([cls, label, shape], i) => {
    const y = top + i * (rowH + gap);
    out.push(box(10, y, blockW, rowH, label, { cls, text: { size: 's' } }));
    out.push(text(colX, y + rowH / 2 + 5, shape, { size: 's' }));
    if (i > 0) out.push(arrow(10 + blockW / 2, y - gap, 10 + blockW / 2, y, { size: 6 }));
  });
  return svg(width, top + rows.length * (rowH + gap), out);
}

/** Output shapes of this book's NiN (Section 5.7), per image. */
export const NIN_SHAPES = ['1 × 28 × 28', '16 × 14 × 14', '16 × 7 × 7', '32 × 7 × 7', '10 × 7 × 7', '10'];

export const nin = {
  name: 'nin',
  labels: {
    input: 'input',
    block: 'NiN block: conv {k}, 2 × conv 1 × 1, {c} ch.',
    pool: 'max pool 2 × 2, stride 2',
    gap: 'global average pool',
    classes: 'conv 1 × 1, 10 channels (one per class)',
    shape: 'output shape',
  },
  draw: (L) => {
    const block = (k, c) => L.block.replace('{k}', k).replace('{c}', c);
    const rows = [
      [IO, L.input],
      [CONV, block('5 × 5', 16)],
      [POOL, L.pool],
      [CONV, block('3 × 3', 32)],
      [CONV, L.classes],
      [POOL, L.gap],
    ];
    return stack(rows.map((r, i) => [...r, NIN_SHAPES[i]]), L.shape, { blockW: 290, colX: 370 });
  },
};

export const inception = {
  name: 'inception',
  labels: { input: 'input', concat: 'concatenate on channels', c1: 'conv 1 × 1', c3: 'conv 3 × 3, pad 1', c5: 'conv 5 × 5, pad 2', pool: 'max pool 3 × 3, pad 1' },
  draw: (L) => {
    const w = 96, gapX = 8, x0 = 14, h = 30;
    const xs = [0, 1, 2, 3].map((i) => x0 + i * (w + gapX));
    const cx = (i) => xs[i] + w / 2;
    const out = [box(120, 12, 190, h, L.input, { cls: IO, text: { size: 's' } })];
    // Row 1 (y 80): the first layer of each path; row 2 (y 150): the second, where there is one.
    const first = [[CONV, L.c1], [CONV, L.c1], [CONV, L.c1], [POOL, L.pool]];
    const second = [null, [CONV, L.c3], [CONV, L.c5], [CONV, L.c1]];
    for (let i = 0; i < 4; i++) {
      out.push(arrow(215, 12 + h, cx(i), 78, { size: 6 }));
      out.push(box(xs[i], 78, w, h + 8, first[i][1].split(', '), { cls: first[i][0], text: { size: 'xs' }, lineGap: 13 }));
      if (second[i]) {
        out.push(arrow(cx(i), 78 + h + 8, cx(i), 148, { size: 6 }));
        out.push(box(xs[i], 148, w, h + 8, second[i][1].split(', '), { cls: second[i][0], text: { size: 'xs' }, lineGap: 13 }));
        out.push(arrow(cx(i), 148 + h + 8, cx(i), 226, { size: 6 }));
      } else {
        out.push(arrow(cx(i), 78 + h + 8, cx(i), 226, { size: 6 }));
      }
    }
    out.push(box(xs[0], 226, xs[3] + w - xs[0], h, L.concat, { cls: MERGE, text: { size: 's' } }));
    return svg(430, 226 + h + 8, out);
  },
};

export const residual = {
  name: 'residual',
  labels: { plain: 'plain block', res: 'residual block', conv: 'conv 3 × 3, batch norm', shortcut: 'shortcut:\nidentity,\nor conv 1 × 1\nto match shapes' },
  draw: (L) => {
    // Symbols, not words: the same in every language.
    const sym = { relu: 'ReLU', add: '+', input: 'x' };
    const col = (x0, withShortcut) => {
      const w = 136, cx = x0 + w / 2, out = [];
      out.push(text(cx, 18, withShortcut ? L.res : L.plain, { size: 's', cls: 'f-b' }));
      out.push(text(cx, 262, sym.input, { cls: 'f-i' }));
      out.push(arrow(cx, 248, cx, 222, { size: 6 }));
      out.push(box(x0, 192, w, 30, L.conv, { cls: CONV, text: { size: 'xs' } }));
      out.push(arrow(cx, 192, cx, 172, { size: 6 }));
      out.push(box(x0, 146, w, 26, sym.relu, { cls: POOL, text: { size: 'xs' } }));
      out.push(arrow(cx, 146, cx, 126, { size: 6 }));
      out.push(box(x0, 96, w, 30, L.conv, { cls: CONV, text: { size: 'xs' } }));
      if (withShortcut) {
        out.push(arrow(cx, 96, cx, 82, { size: 6 }));
        out.push(box(cx - 13, 56, 26, 26, sym.add, { cls: MERGE, text: { size: 's' } }));
        // The shortcut: from the input around the layers to the sum.
        out.push(path(`M${cx} 240 H${x0 + w + 14} V69`, { cls: 'f-la' }));
        out.push(arrow(x0 + w + 14, 69, cx + 13, 69, { cls: 'f-la', size: 6 }));
        L.shortcut.split('\n').forEach((l, i) => out.push(text(x0 + w + 20, 150 + i * 14, l, { size: 'xs', cls: 'f-ta', anchor: 'start' })));
        out.push(arrow(cx, 56, cx, 44, { size: 6 }));
      } else {
        out.push(arrow(cx, 96, cx, 44, { size: 6 }));
      }
      out.push(box(x0, 22, w, 22, sym.relu, { cls: POOL, text: { size: 'xs' } }));
      return out;
    };
    return svg(430, 272, [col(8, false), col(176, true)]);
  },
};

export const denseBlock = {
  name: 'dense-block',
  labels: { conv: 'BN, ReLU, conv 3 × 3', transition: 'transition: BN, conv 1 × 1, avg pool 2 × 2', channels: 'channels' },
  draw: (L) => {
    const out = [], segW = 44, segH = 24, x0 = 14, rowGap = 58, y0 = 14;
    const rowY = (i) => y0 + i * rowGap;
    // Row i: the block's output after i convolutions, x_0 ... x_i concatenated on channels; the
    // newest part (accent) is what convolution i added, the rest is carried over unchanged.
    for (let i = 0; i < 4; i++) {
      for (let j = 0; j <= i; j++) {
        out.push(box(x0 + j * segW, rowY(i), segW - 2, segH, `x_${j}`, { cls: j === i && i > 0 ? CONV : IO, text: { cls: 'f-i', size: 's' } }));
      }
      if (i < 3) {
        const cy = rowY(i) + segH + (rowGap - segH) / 2;
        const bx = x0 + 4 * segW + 20;
        out.push(path(`M${x0 + (i + 1) * segW - 2} ${rowY(i) + segH / 2} H${bx + 60} V${cy - 12}`, { cls: 'f-l' }));
        out.push(box(bx, cy - 12, 150, 24, L.conv, { cls: CONV, text: { size: 'xs' } }));
        out.push(path(`M${bx + 60} ${cy + 12} V${cy + 18} H${x0 + (i + 1.5) * segW}`, { cls: 'f-l' }));
        out.push(arrow(x0 + (i + 1.5) * segW, cy + 18, x0 + (i + 1.5) * segW, rowY(i + 1), { size: 6 }));
        // Everything before is copied down as it is.
        out.push(arrow(x0 + ((i + 1) * segW) / 2, rowY(i) + segH, x0 + ((i + 1) * segW) / 2, rowY(i + 1), { cls: 'f-lm', size: 6 }));
      }
    }
    const ty = rowY(3) + segH + 30;
    out.push(arrow(x0 + 2 * segW, rowY(3) + segH, x0 + 2 * segW, ty, { size: 6 }));
    out.push(box(x0, ty, 330, 26, L.transition, { cls: POOL, text: { size: 'xs' } }));
    return svg(430, ty + 34, out);
  },
};

export default [nin, inception, residual, denseBlock];
