/** Gluon's blocks: the tree of Section 4.1's nested network, and Section 4.2's deferred initialization. */
import { arrow, box, circle, line, rect, svg, text } from './draw.mjs';

const code = (x, y, s, opts = {}) => text(x, y, s, { anchor: 'start', ...opts, cls: `f-code ${opts.cls ?? ''}`.trim() });

/** A container block: a rounded frame with its name on top. Returns [svg, inner top y]. */
function container(x, y, w, h, name, cls = 'f-sunk') {
  return rect(x, y, w, h, { cls, rx: 6 }) + code(x + 8, y + 17, name, { size: 's', cls: 'f-b' });
}

const layer = (x, y, w, label) => box(x, y, w, 26, label, { cls: 'f-acc', text: { size: 's', cls: 'f-code' } });

export const blockTree = {
  name: 'block-tree',
  labels: { fancy: 'forward: dense twice, a constant weight, a loop' },
  draw: (L) => {
    // Printed by the section: Sequential(NestMLP(net: Sequential(Dense 20->64, Dense 64->32), dense: Dense 32->16), Dense 16->20, FancyMLP(dense: Dense 20->20)).
    const out = [];
    out.push(container(10, 10, 400, 352, 'Sequential'));
    out.push(container(24, 34, 372, 162, '(0) NestMLP', 'f-box'));
    out.push(container(38, 58, 344, 92, '(net) Sequential'));
    out.push(layer(52, 82, 316, '(0) Dense(20 → 64, relu)'));
    out.push(arrow(210, 108, 210, 116, { size: 5 }));
    out.push(layer(52, 116, 316, '(1) Dense(64 → 32, relu)'));
    out.push(arrow(210, 150, 210, 160, { size: 5 }));
    out.push(layer(38, 160, 344, '(dense) Dense(32 → 16, relu)'));
    out.push(arrow(210, 196, 210, 210, { size: 6 }));
    out.push(layer(24, 210, 372, '(1) Dense(16 → 20, linear)'));
    out.push(arrow(210, 236, 210, 252, { size: 6 }));
    out.push(container(24, 252, 372, 96, '(2) FancyMLP', 'f-box'));
    out.push(layer(38, 276, 344, '(dense) Dense(20 → 20, relu)'));
    out.push(text(38, 330, L.fancy, { anchor: 'start', size: 's', cls: 'f-m' }));
    return svg(420, 372, out);
  },
};

export const deferredInit = {
  name: 'deferred-init',
  labels: {
    unknown: 'shape (256, 0): 0 is not known yet',
    recorded: 'initializer recorded, no values: reading them fails',
    first: 'input (2, 20): shape (256, 20), values drawn',
    second: 'nothing to do',
  },
  draw: (L) => {
    const steps = [
      ['new gluon.nn.Dense(256)', L.unknown, 'f-box'],
      ['lazyNet.initialize(new MyInit())', L.recorded, 'f-warn'],
      ['lazyNet.forward(X)  // first', L.first, 'f-acc'],
      ['lazyNet.forward(X)  // again', L.second, 'f-acc'],
    ];
    const dy = 62;
    const out = [line(22, 24, 22, 24 + (steps.length - 1) * dy, { cls: 'f-lm' })];
    steps.forEach(([c, state, cls], i) => {
      const y = 24 + i * dy;
      out.push(circle(22, y, 7, { cls }));
      out.push(code(40, y + 5, c, { size: 's' }));
      out.push(text(40, y + 27, state, { anchor: 'start', size: 's', cls: 'f-m' }));
    });
    return svg(420, 24 + (steps.length - 1) * dy + 40, out);
  },
};

export const sharedParams = {
  name: 'shared-params',
  labels: { params: 'one weight, one bias', grads: 'gradients from both layers add up' },
  draw: (L) => {
    // Section 4.2's sharedNet: layers (1) and (2) hold the same Parameter objects.
    const rows = [
      ['(0) Dense(20 → 16, relu)', 'f-acc'],
      ['(1) Dense(16 → 16, relu)', 'f-run'],
      ['(2) Dense(16 → 16, relu)', 'f-run'],
      ['(3) Dense(16 → 1)', 'f-acc'],
    ];
    const out = [];
    rows.forEach(([label, cls], i) => {
      const y = 14 + i * 50;
      out.push(box(10, y, 220, 30, label, { cls, text: { size: 's', cls: 'f-code' } }));
      if (i > 0) out.push(arrow(120, y - 20, 120, y, { size: 6 }));
    });
    out.push(box(290, 78, 130, 72, ['weight (16, 16)', 'bias (16,)'], { cls: 'f-warn', text: { size: 's', cls: 'f-code' } }));
    out.push(text(355, 168, L.params, { size: 'xs', cls: 'f-m' }));
    out.push(line(230, 79, 290, 104, { cls: 'f-lw f-dash' }));
    out.push(line(230, 129, 290, 124, { cls: 'f-lw f-dash' }));
    out.push(text(220, 222, L.grads, { size: 's', cls: 'f-m' }));
    return svg(430, 232, out);
  },
};

export const backendLadder = {
  name: 'backend-ladder',
  labels: { fails: 'absent or fails' },
  draw: (L) => {
    // Section 4.5's ladder, top to bottom; mx.gpu() is the first two rungs, mx.cpu() the last two.
    const rungs = [
      ['WebGPU', 'mx.gpu()', 'f-acc'],
      ['WebGL', 'mx.gpu()', 'f-acc'],
      ['WASM', 'mx.cpu()', 'f-run'],
      ['CPU (JavaScript)', 'mx.cpu()', 'f-run'],
    ];
    const out = [];
    rungs.forEach(([name, ctx, cls], i) => {
      const y = 12 + i * 62;
      out.push(box(20, y, 170, 34, name, { cls, text: { cls: 'f-b' } }));
      out.push(code(206, y + 22, ctx, { size: 's', cls: 'f-m' }));
      if (i > 0) {
        out.push(arrow(105, y - 28, 105, y, { size: 7 }));
        out.push(text(118, y - 10, L.fails, { anchor: 'start', size: 'xs', cls: 'f-m' }));
      }
    });
    return svg(330, 12 + 3 * 62 + 44, out);
  },
};

export default [blockTree, deferredInit, sharedParams, backendLadder];
