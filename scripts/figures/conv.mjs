/**
 * Convolutions and pooling on Section 5.1's own small example: the input holds 0..8, the kernel
 * is [[1, 2], [0, -1]]; the numbers in the figures are computed here from them, as the code does.
 */
import { corr2d, grid, line, outline, padded, range2d, rect, svg, text } from './draw.mjs';

export const X = range2d(3, 3);
export const K = [[1, 2], [0, -1]];
// The two-channel example of the section: channel 0 holds 0..8, channel 1 holds 1..9; the kernel
// slices are [[0, 1], [2, 3]] and [[1, 2], [3, 4]], so every output position differs.
export const X2 = [X, range2d(3, 3, (i) => i + 1)];
export const K2 = [[[0, 1], [2, 3]], [[1, 2], [3, 4]]];
export const addAll = (arrays) => arrays.reduce((a, b) => a.map((r, i) => r.map((v, j) => v + b[i][j])));
const fmtNum = (v) => (v < 0 ? `−${-v}` : `${v}`);
const sym = (x, y, s) => text(x, y + 2, s, { cls: 'f-big' });
const caption = (x, y, s) => text(x, y, s, { size: 's', cls: 'f-m' });
const hl = (r0, c0, r1, c1, cls) => (r, c) => (r >= r0 && r < r1 && c >= c0 && c < c1 ? cls : 'f-box');
const nums = (A) => A.map((r) => r.map(fmtNum));

export const corr2dFig = {
  name: 'corr2d',
  labels: { input: 'input', kernel: 'kernel', output: 'output' },
  draw: (L) => {
    const c = 34, y = 36;
    const Y = corr2d(X, K);
    const win = X.slice(0, 2).map((r) => r.slice(0, 2));
    const terms = win.flat().map((v, i) => `${v}×${K.flat()[i] < 0 ? `(${fmtNum(K.flat()[i])})` : K.flat()[i]}`);
    return svg(400, 200, [
      grid(10, y, X, { cell: c, cellCls: hl(0, 0, 2, 2, 'f-acc') }),
      outline(10, y, 0, 0, 2, 2, { cell: c }),
      caption(10 + 1.5 * c, y - 12, L.input),
      sym(140, y + 1.5 * c + 5, '∗'),
      grid(162, y + c / 2, nums(K), { cell: c, cellCls: () => 'f-acc' }),
      caption(162 + c, y - 12, L.kernel),
      sym(255, y + 1.5 * c + 5, '='),
      grid(278, y + c / 2, nums(Y), { cell: c, cellCls: hl(0, 0, 1, 1, 'f-acc') }),
      outline(278, y + c / 2, 0, 0, 1, 1, { cell: c }),
      caption(278 + c, y - 12, L.output),
      text(200, 180, `${terms.join(' + ')} = ${fmtNum(Y[0][0])}`, { size: 's', cls: 'f-ta' }),
    ]);
  },
};

export const padding = {
  name: 'padding',
  labels: { input: 'input, padded by 1', kernel: 'kernel', output: 'output' },
  draw: (L) => {
    const c = 28, y = 36;
    const P = padded(X, [1, 1]);
    const Y = corr2d(X, K, { pad: [1, 1] });
    // The window at output (1, 1) covers the corner of the original input: the unpadded first output.
    return svg(420, 220, [
      grid(10, y, P, { cell: c, cellCls: (r, cc) => (r >= 1 && r < 3 && cc >= 1 && cc < 3 ? 'f-acc' : r === 0 || r === 4 || cc === 0 || cc === 4 ? 'f-sunk' : 'f-box'), textCls: (r, cc) => (r === 0 || r === 4 || cc === 0 || cc === 4 ? 'f-m' : '') }),
      outline(10, y, 1, 1, 3, 3, { cell: c }),
      caption(10 + 2.5 * c, y - 12, L.input),
      sym(167, y + 2.5 * c + 5, '∗'),
      grid(182, y + 1.5 * c, nums(K), { cell: c, cellCls: () => 'f-acc' }),
      caption(182 + c, y - 12, L.kernel),
      sym(255, y + 2.5 * c + 5, '='),
      grid(272, y + 0.5 * c, nums(Y), { cell: c, cellCls: hl(1, 1, 2, 2, 'f-acc') }),
      outline(272, y + 0.5 * c, 1, 1, 2, 2, { cell: c }),
      caption(272 + 2 * c, y - 12, L.output),
      text(210, 205, `(3 + 2 − 2) / 1 + 1 = 4`, { size: 's', cls: 'f-m' }),
    ]);
  },
};

export const stride = {
  name: 'stride',
  labels: { input: 'input, padded by 1', kernel: 'kernel', output: 'output', strides: 'stride 3 down, 2 across' },
  draw: (L) => {
    const c = 28, y = 36;
    const P = padded(X, [1, 1]);
    const Y = corr2d(X, K, { pad: [1, 1], stride: [3, 2] });
    const windows = [
      [0, 0, 'f-la', 'f-acc'],
      [0, 2, 'f-lg', 'f-run'],
      [3, 0, 'f-lw', 'f-warn'],
    ];
    const fill = (r, cc) => {
      for (const [r0, c0, , f] of windows) if (r >= r0 && r < r0 + 2 && cc >= c0 && cc < c0 + 2) return f;
      return r === 0 || r === 4 || cc === 0 || cc === 4 ? 'f-sunk' : 'f-box';
    };
    const outFill = (r, cc) => (r === 0 && cc === 0 ? 'f-acc' : r === 0 && cc === 1 ? 'f-run' : r === 1 && cc === 0 ? 'f-warn' : 'f-box');
    return svg(420, 220, [
      grid(10, y, P, { cell: c, cellCls: fill, textCls: (r, cc) => (r === 0 || r === 4 || cc === 0 || cc === 4 ? 'f-m' : '') }),
      windows.map(([r0, c0, cls]) => outline(10, y, r0, c0, r0 + 2, c0 + 2, { cell: c, cls })),
      caption(10 + 2.5 * c, y - 12, L.input),
      sym(167, y + 2.5 * c + 5, '∗'),
      grid(182, y + 1.5 * c, nums(K), { cell: c, cellCls: () => 'f-acc' }),
      caption(182 + c, y - 12, L.kernel),
      sym(255, y + 2.5 * c + 5, '='),
      grid(280, y + 1.5 * c, nums(Y), { cell: c, cellCls: outFill }),
      caption(280 + c, y - 12, L.output),
      text(210, 205, L.strides, { size: 's', cls: 'f-m' }),
    ]);
  },
};

export const multiIn = {
  name: 'conv-multi-in',
  labels: { channel: 'channel {i}', sum: 'sum' },
  draw: (L) => {
    const c = 26, rowH = 110;
    const parts = X2.map((Xc, i) => corr2d(Xc, K2[i]));
    const Y = addAll(parts);
    const row = (i) => {
      const y = 30 + i * rowH;
      return [
        caption(10 + 1.5 * c, y - 8, L.channel.replace('{i}', i)),
        grid(10, y, Xc(i), { cell: c, cellCls: hl(0, 0, 2, 2, 'f-acc') }),
        outline(10, y, 0, 0, 2, 2, { cell: c }),
        sym(104, y + 1.5 * c + 5, '∗'),
        grid(118, y + c / 2, nums(K2[i]), { cell: c, cellCls: () => 'f-acc' }),
        sym(186, y + 1.5 * c + 5, '='),
        grid(200, y + c / 2, nums(parts[i]), { cell: c, cellCls: hl(0, 0, 1, 1, 'f-acc') }),
      ];
    };
    const Xc = (i) => X2[i];
    const yOut = 30 + rowH / 2 + c / 2;
    return svg(400, 250, [
      row(0),
      row(1),
      line(262, 30 + c * 1.5, 290, yOut + c, { cls: 'f-lm' }),
      line(262, 30 + rowH + c * 1.5, 290, yOut + c, { cls: 'f-lm' }),
      text(290, yOut - 10, `+`, { cls: 'f-b' }),
      grid(300, yOut, nums(Y), { cell: 34, cellCls: hl(0, 0, 1, 1, 'f-acc') }),
      caption(300 + 34, yOut - 24, L.sum),
      text(200, 240, `${fmtNum(parts[0][0][0])} + ${fmtNum(parts[1][0][0])} = ${fmtNum(Y[0][0])}`, { size: 's', cls: 'f-ta' }),
    ]);
  },
};

/** Channels drawn as a stack of squares, front one last; returns the front square's corner. */
function stack(x, y, n, size, { cls = 'f-box', step = 8, label } = {}) {
  let out = '';
  for (let i = n - 1; i >= 0; i--) out += rect(x + i * step, y - i * step, size, size, { cls, rx: 2 });
  if (label) out += text(x + size / 2 + ((n - 1) * step) / 2, y + size + 18, label, { size: 's', cls: 'f-m' });
  return out;
}

export const multiOut = {
  name: 'conv-multi-out',
  labels: { input: 'input', kernels: 'kernels', outputs: 'output channels' },
  draw: (L) => {
    const kernels = multiOutKernels;
    const outputs = kernels.map((k) => addAll(X2.map((Xc, i) => corr2d(Xc, k[i]))));
    const rowY = (o) => 36 + o * 76;
    return svg(420, 292, [
      stack(14, 122, 2, 60, { label: '2 × 3 × 3' }),
      caption(50, 24, L.input),
      caption(200, 24, L.kernels),
      caption(340, 24, L.outputs),
      kernels.map((k, o) => [
        line(88, 142, 160, rowY(o) + 22, { cls: 'f-lm' }),
        stack(170, rowY(o) + 10, 2, 34, { cls: 'f-acc', step: 6 }),
        text(257, rowY(o) + 20, o === 0 ? 'K2' : `K2 + ${o}`, { size: 's', cls: 'f-m' }),
        line(222, rowY(o) + 26, 292, rowY(o) + 26, { cls: 'f-lm' }),
        grid(296, rowY(o), nums(outputs[o]), { cell: 34 }),
      ]),
      text(200, 282, '3 × 2 × 2 × 2', { size: 's', cls: 'f-m' }),
      text(330, 282, '3 × 2 × 2', { size: 's', cls: 'f-m' }),
    ]);
  },
};

export const conv1x1 = {
  name: 'conv-1x1',
  labels: { input: 'input', kernel: 'kernel', output: 'output' },
  draw: (L) => {
    const c = 20;
    const pixel = (x, y, n, step, cls) => {
      let out = '';
      for (let i = n - 1; i >= 0; i--) {
        out += grid(x + i * step, y - i * step, range2d(4, 4, () => null), { cell: c, cellCls: (r, cc) => (r === 0 && cc === 3 ? cls : 'f-box') });
      }
      return out;
    };
    // The same pixel (row 0, column 3) of every channel: visible on the back channels too.
    const w = [0, 1, 2].map((i) => [12 + 3.5 * c + i * 16, 78 + 0.5 * c - i * 16]);
    const o = [0, 1].map((i) => [300 + 3.5 * c + i * 16, 78 + 0.5 * c - i * 16]);
    return svg(420, 210, [
      pixel(12, 78, 3, 16, 'f-acc'),
      caption(60, 30, L.input),
      text(60, 190, '3 × 4 × 4', { size: 's', cls: 'f-m' }),
      stack(182, 108, 3, 16, { cls: 'f-acc', step: 6 }),
      stack(182, 140, 3, 16, { cls: 'f-acc', step: 6 }),
      caption(200, 80, L.kernel),
      text(200, 190, '2 × 3 × 1 × 1', { size: 's', cls: 'f-m' }),
      pixel(300, 78, 2, 16, 'f-run'),
      caption(345, 30, L.output),
      text(345, 190, '2 × 4 × 4', { size: 's', cls: 'f-m' }),
      w.map(([x, y]) => line(x, y, 180, 130, { cls: 'f-la' })),
      o.map(([x, y]) => line(222, 130, x, y, { cls: 'f-lg' })),
      w.map(([x, y]) => `<circle cx="${x}" cy="${y}" r="3" class="f-ha"/>`),
      o.map(([x, y]) => `<circle cx="${x}" cy="${y}" r="3" class="f-hg"/>`),
    ]);
  },
};

export const maxPool2x2 = (A) => A.slice(0, -1).map((r, i) => r.slice(0, -1).map((_, j) => Math.max(A[i][j], A[i][j + 1], A[i + 1][j], A[i + 1][j + 1])));
/** Output channel o of the multi-output example uses the kernel K2 + o. */
export const multiOutKernels = [0, 1, 2].map((d) => K2.map((k) => k.map((r) => r.map((v) => v + d))));

export const pooling = {
  name: 'pooling',
  labels: { input: 'input', output: '2 × 2 max pooling' },
  draw: (L) => {
    const c = 34, y = 36;
    const Y = maxPool2x2(X);
    return svg(330, 190, [
      grid(10, y, X, { cell: c, cellCls: hl(0, 0, 2, 2, 'f-acc') }),
      outline(10, y, 0, 0, 2, 2, { cell: c }),
      caption(10 + 1.5 * c, y - 12, L.input),
      sym(150, y + 1.5 * c + 5, '→'),
      grid(190, y + c / 2, Y, { cell: c, cellCls: hl(0, 0, 1, 1, 'f-acc') }),
      outline(190, y + c / 2, 0, 0, 1, 1, { cell: c }),
      caption(190 + c, y - 12, L.output),
      text(165, 175, `max(0, 1, 3, 4) = ${Y[0][0]}`, { size: 's', cls: 'f-ta' }),
    ]);
  },
};

export default [corr2dFig, padding, stride, multiIn, multiOut, conv1x1, pooling];
