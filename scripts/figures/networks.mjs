/** Networks drawn as units and connections: linear and softmax regression, the MLP, dropout. */
import { arrow, line, math, node, svg, text } from './draw.mjs';

/** Units of one layer, spread evenly over a width, centered at cx. */
const layerXs = (n, cx, spacing) => Array.from({ length: n }, (_, i) => cx + (i - (n - 1) / 2) * spacing);

/** Dense connections from every unit of `from` to every unit of `to` (arrays of [x, y]). */
function dense(from, to, { r = 17, cls = 'f-lm', skip = () => false } = {}) {
  let out = '';
  for (const [i, a] of from.entries()) for (const [j, b] of to.entries()) if (!skip(i, j)) out += arrow(a[0], a[1], b[0], b[1], { cls, gap: r, size: 5 });
  return out;
}

/** A row of units; labels null draw an ellipsis in place of a unit. */
function units(labels, xs, y, opts = {}) {
  return labels.map((l, i) => (l === null ? text(xs[i], y + 5, '⋯', { cls: 'f-m' }) : node(xs[i], y, l, opts))).join('');
}

const layerLabel = (x, y, label) => text(x, y, label, { anchor: 'start', size: 's', cls: 'f-m' });

export const linregNet = {
  name: 'linreg-net',
  labels: { output: 'output layer', input: 'input layer' },
  draw: (L) => {
    const xs = layerXs(2, 150, 90);
    const inputs = xs.map((x) => [x, 140]);
    return svg(340, 180, [
      dense(inputs, [[150, 40]], { cls: 'f-l' }),
      units(['ŷ'], [150], 40, { cls: 'f-acc' }),
      units(['x_1', 'x_2'], xs, 140),
      layerLabel(220, 45, L.output),
      layerLabel(220, 145, L.input),
      math(80, 95, 'w_1', { cls: 'f-ta' }),
      math(220, 95, 'w_2', { cls: 'f-ta' }),
    ]);
  },
};

export const softmaxNet = {
  name: 'softmax-net',
  labels: { output: 'output layer: 10 classes', input: 'input layer: 784 pixels' },
  draw: (L) => {
    const inLabels = ['x_1', 'x_2', 'x_3', null, 'x_{784}'];
    const outLabels = ['o_1', 'o_2', null, 'o_{10}'];
    const xi = layerXs(5, 180, 66), xo = layerXs(4, 180, 70);
    const inputs = xi.map((x, i) => [x, 160]).filter((_, i) => inLabels[i] !== null);
    const outputs = xo.map((x) => [x, 50]).filter((_, i) => outLabels[i] !== null);
    return svg(400, 215, [
      dense(inputs, outputs),
      units(outLabels, xo, 50, { cls: 'f-acc', r: 19 }),
      units(inLabels, xi, 160, { r: 19 }),
      text(180, 18, L.output, { size: 's', cls: 'f-m' }),
      text(180, 205, L.input, { size: 's', cls: 'f-m' }),
    ]);
  },
};

export const mlp = {
  name: 'mlp',
  labels: { output: 'output layer', hidden: 'hidden layer', input: 'input layer', units: '{n} units' },
  draw: (L) => {
    const inLabels = ['x_1', 'x_2', 'x_3', null, 'x_{784}'];
    const hidLabels = ['h_1', 'h_2', 'h_3', null, 'h_{256}'];
    const outLabels = ['o_1', 'o_2', null, 'o_{10}'];
    const xi = layerXs(5, 160, 62), xh = layerXs(5, 160, 62), xo = layerXs(4, 160, 66);
    const pick = (xs, labels, y) => xs.map((x) => [x, y]).filter((_, i) => labels[i] !== null);
    return svg(420, 300, [
      dense(pick(xi, inLabels, 255), pick(xh, hidLabels, 150)),
      dense(pick(xh, hidLabels, 150), pick(xo, outLabels, 45)),
      units(outLabels, xo, 45, { cls: 'f-acc', r: 19 }),
      units(hidLabels, xh, 150, { cls: 'f-run', r: 19 }),
      units(inLabels, xi, 255, { r: 19 }),
      [[L.output, 10, 45], [L.hidden, 256, 150], [L.input, 784, 255]].map(([name, n, y]) => layerLabel(312, y - 4, name) + layerLabel(312, y + 13, L.units.replace('{n}', n))),
    ]);
  },
};

export const dropout = {
  name: 'dropout',
  labels: { before: 'without dropout', after: 'h_2 and h_5 dropped' },
  draw: (L) => {
    const panel = (ox, dropped, title) => {
      const xi = layerXs(4, ox + 100, 44), xh = layerXs(5, ox + 100, 40), xo = layerXs(3, ox + 100, 50);
      const inputs = xi.map((x) => [x, 245]), hidden = xh.map((x) => [x, 145]), outputs = xo.map((x) => [x, 50]);
      const gone = (j) => dropped.includes(j);
      const hiddenUnits = hidden
        .map(([x, y], j) =>
          gone(j)
            ? node(x, y, `h_${j + 1}`, { r: 16, cls: 'f-sunk f-dash', textCls: 'f-m' }) + line(x - 11, y - 11, x + 11, y + 11, { cls: 'f-lr' }) + line(x - 11, y + 11, x + 11, y - 11, { cls: 'f-lr' })
            : node(x, y, `h_${j + 1}`, { r: 16, cls: 'f-run' }),
        )
        .join('');
      return [
        dense(inputs, hidden, { r: 16, skip: (_, j) => gone(j) }),
        dense(hidden, outputs, { r: 16, skip: (j) => gone(j) }),
        units(['o_1', 'o_2', 'o_3'], xo, 50, { r: 16, cls: 'f-acc' }),
        hiddenUnits,
        units(['x_1', 'x_2', 'x_3', 'x_4'], xi, 245, { r: 16 }),
        text(ox + 100, 290, title, { size: 's', cls: 'f-m' }),
      ];
    };
    return svg(420, 300, [panel(5, [], L.before), panel(215, [1, 4], L.after)]);
  },
};

export default [linregNet, softmaxNet, mlp, dropout];
