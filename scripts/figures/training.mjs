/** Training itself: the recorded graph of autograd, errors against complexity and epochs, K-fold splits. */
import { arrow, box, circle, line, math, path, rect, svg, text } from './draw.mjs';

/** Section 1.4's example: y = 2 x^T x at x = (0, 1, 2, 3). */
export const X = [0, 1, 2, 3];
export const U = X.reduce((s, v) => s + v * v, 0); // 14
export const Y = 2 * U; // 28

export const autogradGraph = {
  name: 'autograd-graph',
  labels: { forward: 'forward: record', backward: 'backward: chain rule', dot: 'dot', times2: '× 2' },
  draw: (L) => {
    const fy = 62, by = 168;
    const op = (cx, label) => circle(cx, fy, 22, { cls: 'f-sunk' }) + text(cx, fy + 5, label, { size: 's' });
    const vec = `(${X.join(', ')})^⊤`;
    const grad = `(${X.map((v) => 4 * v).join(', ')})^⊤`;
    return svg(430, 232, [
      text(10, 18, L.forward, { anchor: 'start', size: 's', cls: 'f-m' }),
      box(10, 40, 80, 44, 'x', { text: { cls: 'f-i' } }),
      text(50, 104, vec, { size: 's' }),
      arrow(90, fy, 138, fy, { gapEnd: 0 }),
      op(160, L.dot),
      arrow(182, fy, 215, fy),
      box(215, 40, 60, 44, 'u', { text: { cls: 'f-i' } }),
      text(245, 104, `${U}`, { size: 's' }),
      arrow(275, fy, 303, fy),
      op(325, L.times2),
      arrow(347, fy, 370, fy),
      box(370, 40, 50, 44, 'y', { text: { cls: 'f-i' } }),
      text(395, 104, `${Y}`, { size: 's' }),
      text(10, 138, L.backward, { anchor: 'start', size: 's', cls: 'f-ta' }),
      box(334, by - 20, 88, 40, '∂y/∂y = 1', { cls: 'f-acc', text: { size: 's' } }),
      arrow(334, by, 290, by, { cls: 'f-la' }),
      text(312, by - 8, '× 2', { size: 'xs', cls: 'f-ta' }),
      box(196, by - 20, 94, 40, '∂y/∂u = 2', { cls: 'f-acc', text: { size: 's' } }),
      arrow(196, by, 150, by, { cls: 'f-la' }),
      text(173, by - 8, '× 2x', { size: 'xs', cls: 'f-ta' }),
      box(10, by - 20, 140, 40, '∂y/∂x = 4x', { cls: 'f-acc', text: { size: 's' } }),
      text(80, by + 40, grad, { size: 's', cls: 'f-ta' }),
    ]);
  },
};

/** Axes with an origin at (x0, y0), a width and a height, and their titles. */
function axes(x0, y0, w, h, xTitle, yTitle) {
  return [
    arrow(x0, y0, x0 + w, y0, { size: 7 }),
    arrow(x0, y0, x0, y0 - h, { size: 7 }),
    text(x0 + w, y0 + 20, xTitle, { anchor: 'end', size: 's' }),
    text(x0 - 8, y0 - h + 4, yTitle, { anchor: 'end', size: 's' }),
  ];
}

/** A smooth curve through y = f(t) for t in [0, 1], mapped into a box. */
function plot(f, x0, y0, w, h, cls) {
  const pts = Array.from({ length: 41 }, (_, i) => i / 40).map((t) => `${(x0 + t * w).toFixed(1)} ${(y0 - f(t) * h).toFixed(1)}`);
  return path(`M${pts.join('L')}`, { cls });
}

export const capacity = {
  name: 'capacity',
  labels: { complexity: 'model complexity', error: 'error', training: 'training error', generalization: 'generalization error', under: 'underfitting', over: 'overfitting', best: 'best' },
  draw: (L) => {
    const x0 = 60, y0 = 210, w = 340, h = 180;
    const train = (t) => 0.08 + 0.78 * Math.exp(-3.2 * t);
    const gen = (t) => train(t) + 0.05 + 0.55 * t * t;
    let best = 0;
    for (let t = 0; t <= 1; t += 0.005) if (gen(t) < gen(best)) best = t;
    return svg(420, 240, [
      rect(x0 + 1, y0 - h, best * w - 1, h, { cls: 'f-sunk', rx: 0 }),
      axes(x0, y0, w, h, L.complexity, L.error),
      plot(gen, x0, y0, w, h, 'f-lr'),
      plot(train, x0, y0, w, h, 'f-la'),
      line(x0 + best * w, y0, x0 + best * w, y0 - h, { cls: 'f-lm f-dash' }),
      text(x0 + best * w, y0 + 20, L.best, { size: 's', cls: 'f-m' }),
      text(x0 + (best * w) / 2, y0 - 12, L.under, { size: 's' }),
      text(x0 + best * w + ((1 - best) * w) / 2, y0 - 12, L.over, { size: 's' }),
      text(x0 + w - 4, y0 - gen(1) * h - 10, L.generalization, { anchor: 'end', size: 's', cls: 'f-tr' }),
      text(x0 + w - 4, y0 - train(1) * h - 10, L.training, { anchor: 'end', size: 's', cls: 'f-ta' }),
    ]);
  },
};

export const trainValid = {
  name: 'train-valid-curves',
  labels: { epochs: 'epochs', error: 'error', training: 'training error', validation: 'validation error', lowest: 'lowest validation error' },
  draw: (L) => {
    const x0 = 60, y0 = 210, w = 340, h = 180;
    const train = (t) => 0.06 + 0.8 * Math.exp(-5 * t);
    const valid = (t) => 0.2 + 0.68 * Math.exp(-5.5 * t) + 0.28 * Math.max(0, t - 0.32) ** 1.6;
    let best = 0;
    for (let t = 0; t <= 1; t += 0.005) if (valid(t) < valid(best)) best = t;
    const bx = x0 + best * w, byy = y0 - valid(best) * h;
    return svg(420, 240, [
      axes(x0, y0, w, h, L.epochs, L.error),
      plot(valid, x0, y0, w, h, 'f-lr'),
      plot(train, x0, y0, w, h, 'f-la'),
      circle(bx, byy, 4, { cls: 'f-err' }),
      line(bx, byy + 6, bx, y0, { cls: 'f-lm f-dash' }),
      text(bx, y0 + 20, L.lowest, { size: 's', cls: 'f-m' }),
      text(x0 + w - 4, y0 - valid(1) * h - 10, L.validation, { anchor: 'end', size: 's', cls: 'f-tr' }),
      text(x0 + w - 4, y0 - train(1) * h - 10, L.training, { anchor: 'end', size: 's', cls: 'f-ta' }),
    ]);
  },
};

/** Section 3.8: 1460 training houses, K = 5 folds of 292. */
export const K = 5, ROWS = 1460, FOLD = Math.floor(ROWS / K);

export const kfold = {
  name: 'kfold',
  labels: { round: 'split {i}', validation: 'validation', training: 'training', rows: 'rows' },
  draw: (L) => {
    const x0 = 72, cw = 68, rh = 30, y0 = 40;
    const rows = Array.from({ length: K }, (_, i) =>
      [
        text(x0 - 10, y0 + i * (rh + 8) + rh / 2 + 5, L.round.replace('{i}', i + 1), { anchor: 'end', size: 's' }),
        ...Array.from({ length: K }, (_, j) => box(x0 + j * cw, y0 + i * (rh + 8), cw - 4, rh, '', { cls: i === j ? 'f-warn' : 'f-acc', rx: 3 })),
      ],
    );
    const ticks = Array.from({ length: K + 1 }, (_, j) => text(x0 + j * cw - 2, y0 - 10, `${j * FOLD}`, { size: 'xs', cls: 'f-m' }));
    const ly = y0 + K * (rh + 8) + 14;
    return svg(430, ly + 30, [
      text(x0 + (K * cw) / 2, 14, L.rows, { size: 'xs', cls: 'f-m' }),
      ticks,
      rows,
      rect(x0, ly, 18, 14, { cls: 'f-acc', rx: 2 }),
      text(x0 + 24, ly + 12, L.training, { anchor: 'start', size: 's' }),
      rect(x0 + 130, ly, 18, 14, { cls: 'f-warn', rx: 2 }),
      text(x0 + 154, ly + 12, L.validation, { anchor: 'start', size: 's' }),
    ]);
  },
};

export default [autogradGraph, capacity, trainValid, kfold];
