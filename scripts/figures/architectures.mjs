/**
 * LeNet, AlexNet and VGG as stacks of layer blocks with the output shapes that Sections 5.1, 5.5
 * and 5.6 print (per image: channels x height x width), and the axes of batch normalization.
 */
import { arrow, box, grid, range2d, rect, svg, text } from './draw.mjs';

const KIND_CLS = { input: 'f-sunk', conv: 'f-acc', pool: 'f-run', dense: 'f-warn' };

/**
 * rows: [kind, label, ...shapes]; heads: the shape columns' titles. One block per layer, an arrow
 * between blocks, the shapes to the right of each block.
 */
function architecture(rows, heads, { width = 420, blockW = 200, rowH = 28, gap = 12, colX = [290, 375] } = {}) {
  const top = heads.length ? 34 : 10;
  const out = heads.map((h, i) => text(colX[i], 18, h, { size: 's', cls: 'f-m' }));
  rows.forEach(([kind, label, ...shapes], i) => {
    const y = top + i * (rowH + gap);
    out.push(box(10, y, blockW, rowH, label, { cls: KIND_CLS[kind], text: { size: 's' } }));
    shapes.forEach((s, j) => out.push(text(colX[j], y + rowH / 2 + 5, s, { size: 's' })));
    if (i > 0) out.push(arrow(10 + blockW / 2, y - gap, 10 + blockW / 2, y, { size: 6 }));
  });
  return svg(width, top + rows.length * (rowH + gap), out);
}

/** Output shapes per layer (after the input row), as the sections print them. */
export const LENET_SHAPES = ['1 × 28 × 28', '6 × 28 × 28', '6 × 14 × 14', '16 × 10 × 10', '16 × 5 × 5', '120', '84', '10'];
export const ALEXNET_SHAPES = [
  ['1 × 224 × 224', '1 × 64 × 64'], ['96 × 55 × 55', '6 × 15 × 15'], ['96 × 27 × 27', '6 × 7 × 7'], ['256 × 27 × 27', '16 × 7 × 7'],
  ['256 × 13 × 13', '16 × 3 × 3'], ['384 × 13 × 13', '24 × 3 × 3'], ['384 × 13 × 13', '24 × 3 × 3'], ['256 × 13 × 13', '16 × 3 × 3'],
  ['256 × 6 × 6', '16 × 1 × 1'], ['4096', '256'], ['4096', '256'], ['10', '10'],
];
export const VGG_SHAPES = [
  ['1 × 224 × 224', '1 × 32 × 32'], ['64 × 112 × 112', '4 × 16 × 16'], ['128 × 56 × 56', '8 × 8 × 8'], ['256 × 28 × 28', '16 × 4 × 4'],
  ['512 × 14 × 14', '32 × 2 × 2'], ['512 × 7 × 7', '32 × 1 × 1'], ['4096', '256'], ['4096', '256'], ['10', '10'],
];
const withShapes = (rows, shapes) => rows.map((r, i) => [...r, ...[shapes[i]].flat()]);

export const lenet = {
  name: 'lenet',
  labels: { input: 'input', conv: 'conv {k}, {c} channels', pad: 'pad {p}', pool: 'max pool 2 × 2, stride 2', dense: 'dense {n}', relu: 'ReLU', shape: 'output shape', comma: ', ' },
  draw: (L) => {
    const conv = (k, c, p) => [L.conv.replace('{k}', k).replace('{c}', c), p ? L.pad.replace('{p}', p) : '', L.relu].filter(Boolean).join(L.comma);
    return architecture(
      withShapes(
        [
          ['input', L.input],
          ['conv', conv('5 × 5', 6, 2)],
          ['pool', L.pool],
          ['conv', conv('5 × 5', 16, 0)],
          ['pool', L.pool],
          ['dense', L.dense.replace('{n}', 120) + L.comma + L.relu],
          ['dense', L.dense.replace('{n}', 84) + L.comma + L.relu],
          ['dense', L.dense.replace('{n}', 10)],
        ],
        LENET_SHAPES,
      ),
      [L.shape],
      { blockW: 250, colX: [350], width: 430 },
    );
  },
};

export const alexnet = {
  name: 'alexnet',
  labels: { input: 'input', conv: 'conv {k}', stride: 'stride {s}', pad: 'pad {p}', pool: 'max pool 3 × 3, stride 2', dense: 'dense, dropout', output: 'dense', full: 'AlexNet', small: 'this book', comma: ', ' },
  draw: (L) => {
    const conv = (k, s, p) => [L.conv.replace('{k}', k), s ? L.stride.replace('{s}', s) : '', L.pad.replace('{p}', p)].filter(Boolean).join(L.comma);
    return architecture(
      withShapes(
        [
          ['input', L.input],
          ['conv', conv('11 × 11', 4, 2)],
          ['pool', L.pool],
          ['conv', conv('5 × 5', 0, 2)],
          ['pool', L.pool],
          ['conv', conv('3 × 3', 0, 1)],
          ['conv', conv('3 × 3', 0, 1)],
          ['conv', conv('3 × 3', 0, 1)],
          ['pool', L.pool],
          ['dense', L.dense],
          ['dense', L.dense],
          ['dense', L.output],
        ],
        ALEXNET_SHAPES,
      ),
      [L.full, L.small],
      { blockW: 200, colX: [272, 372], width: 430 },
    );
  },
};

export const vgg = {
  name: 'vgg',
  labels: { input: 'input', block: '{n} × conv 3 × 3, pool', dense: 'dense, dropout', output: 'dense', full: 'VGG-11', small: 'this book' },
  draw: (L) => {
    const block = (n) => L.block.replace('{n}', n);
    return architecture(
      withShapes(
        [
          ['input', L.input],
          ['conv', block(1)],
          ['conv', block(1)],
          ['conv', block(2)],
          ['conv', block(2)],
          ['conv', block(2)],
          ['dense', L.dense],
          ['dense', L.dense],
          ['dense', L.output],
        ],
        VGG_SHAPES,
      ),
      [L.full, L.small],
      { blockW: 200, colX: [275, 372], width: 430 },
    );
  },
};

export const bnAxes = {
  name: 'batch-norm-axes',
  labels: { dense: 'dense layer', conv: 'convolutional layer', batch: 'batch', features: 'features', channels: 'channels', oneFeature: 'one feature: axis 0', oneChannel: 'one channel: axes 0, 2, 3' },
  draw: (L) => {
    const c = 20;
    const left = [
      text(75, 20, L.dense, { size: 's', cls: 'f-b' }),
      grid(25, 50, range2d(5, 5, () => null), { cell: c, cellCls: (r, cc) => (cc === 1 ? 'f-acc' : 'f-box') }),
      rect(25 + c, 50, c, 5 * c, { cls: 'f-la', rx: 0 }),
      text(75, 42, `${L.features} →`, { size: 'xs', cls: 'f-m' }),
      text(14, 100, `${L.batch} ↓`, { size: 'xs', cls: 'f-m', anchor: 'middle' }).replace('<text ', '<text transform="rotate(-90 14 100)" '),
      text(75, 175, L.oneFeature, { size: 's', cls: 'f-ta' }),
    ];
    // Four examples of the batch, each three channels of 3 x 3, the front channel highlighted in every one.
    const s = 12, step = 8;
    const example = (x, y) => {
      let out = '';
      for (let ch = 2; ch >= 0; ch--) out += grid(x + ch * step, y - ch * step, range2d(3, 3, () => null), { cell: s, cellCls: () => (ch === 0 ? 'f-acc' : 'f-box') });
      return out;
    };
    const right = [
      text(300, 20, L.conv, { size: 's', cls: 'f-b' }),
      [0, 1, 2, 3].map((b) => example(188 + b * 58, 92)),
      text(300, 52, `${L.channels} ↗`, { size: 'xs', cls: 'f-m' }),
      text(300, 150, `${L.batch} →`, { size: 'xs', cls: 'f-m' }),
      text(300, 175, L.oneChannel, { size: 's', cls: 'f-ta' }),
    ];
    return svg(430, 190, [left, right]);
  },
};

export default [lenet, alexnet, vgg, bnAxes];
