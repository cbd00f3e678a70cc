/** Sections 6.4 and 6.5: the gated recurrent unit and the LSTM cell, one time step each. */
import { arrow, box, circle, line, math, svg, text } from './draw.mjs';

/** A small operator node (⊙, +, 1−) on a path. */
const op = (cx, cy, label) => circle(cx, cy, 11) + text(cx, cy + 5, label, { size: 's' });

/** A gate or candidate: a box with its activation, and its name under it. */
const unit = (x, y, act, name, cls) => box(x, y, 62, 30, act, { cls, text: { size: 's' } }) + math(x + 31, y + 46, name, { cls: 'f-s' });

/** The inputs every gate reads: H_{t-1} down the left edge and X_t from below meet on one bus. */
function inputs(busY, busTo) {
  return [
    box(6, 20, 58, 30, 'H_{t-1}', { text: { cls: 'f-i' } }),
    box(6, busY + 28, 58, 30, 'X_t', { text: { cls: 'f-i' } }),
    line(35, 50, 35, busY),
    line(35, busY + 28, 35, busY),
    line(35, busY, busTo, busY),
  ];
}

export const gruCell = {
  name: 'gru-cell',
  labels: { reset: 'reset', update: 'update', candidate: 'candidate' },
  draw: (L) => {
    const busY = 196, gy = 132;
    return svg(430, 262, [
      inputs(busY, 196),
      // the state path along the top: H_{t-1} -> kept share -> + -> H_t
      line(64, 35, 258, 35),
      op(270, 35, '⊙'),
      arrow(281, 35, 339, 35, { size: 7 }),
      op(350, 35, '+'),
      arrow(361, 35, 370, 35, { size: 7 }),
      box(370, 20, 54, 30, 'H_t', { cls: 'f-run', text: { cls: 'f-i' } }),
      // reset and update gates read the bus
      arrow(110, busY, 110, gy + 30, { size: 7 }),
      unit(79, gy, 'σ', `R_t  ${L.reset}`, 'f-acc'),
      arrow(196, busY, 196, gy + 30, { size: 7 }),
      unit(165, gy, 'σ', `Z_t  ${L.update}`, 'f-acc'),
      // R_t ⊙ H_{t-1} feeds the candidate
      line(110, gy, 110, 101),
      op(110, 90, '⊙'),
      line(110, 35, 110, 79),
      line(121, 90, 300, 90),
      arrow(300, 90, 300, gy, { size: 7 }),
      // the candidate also reads X_t
      line(64, busY + 43, 300, busY + 43),
      arrow(300, busY + 43, 300, gy + 30, { size: 7 }),
      unit(269, gy, 'tanh', `H̃_t  ${L.candidate}`, 'f-warn'),
      // Z_t keeps H_{t-1}; 1 − Z_t takes the candidate
      line(196, gy, 196, 62),
      line(196, 62, 270, 62),
      arrow(270, 62, 270, 46, { size: 7 }),
      line(270, 62, 394, 62),
      op(394, 118, '1−'),
      arrow(394, 62, 394, 107, { size: 7 }),
      line(331, 147, 366, 147),
      op(394, 147, '⊙'),
      line(383, 147, 366, 147),
      arrow(394, 129, 394, 136, { size: 6 }),
      line(405, 147, 414, 147),
      line(414, 147, 414, 80),
      line(414, 80, 350, 80),
      arrow(350, 80, 350, 46, { size: 7 }),
    ]);
  },
};

export const lstmCell = {
  name: 'lstm-cell',
  labels: { forget: 'forget', input: 'input', output: 'output', candidate: 'candidate', memory: 'memory cell' },
  draw: (L) => {
    const busY = 206, gy = 142;
    const gates = [
      { x: 76, act: 'σ', name: `F_t ${L.forget}`, cls: 'f-acc' },
      { x: 150, act: 'σ', name: `I_t ${L.input}`, cls: 'f-acc' },
      { x: 224, act: 'tanh', name: `C̃_t`, cls: 'f-warn' },
      { x: 298, act: 'σ', name: `O_t ${L.output}`, cls: 'f-acc' },
    ];
    const mid = (g) => g.x + 31;
    return svg(430, 272, [
      // the memory cell runs along the top, touched only by ⊙ and +
      box(6, 16, 58, 30, 'C_{t-1}', { text: { cls: 'f-i' } }),
      line(64, 31, 96, 31, { cls: 'f-la' }),
      op(107, 31, '⊙'),
      line(118, 31, 244, 31, { cls: 'f-la' }),
      op(255, 31, '+'),
      arrow(266, 31, 370, 31, { cls: 'f-la', size: 7 }),
      box(370, 16, 54, 30, 'C_t', { cls: 'f-acc', text: { cls: 'f-i' } }),
      text(180, 22, L.memory, { size: 'xs', cls: 'f-m' }),
      // H_{t-1} and X_t on one bus that every gate reads
      box(6, 64, 58, 30, 'H_{t-1}', { text: { cls: 'f-i' } }),
      box(6, busY + 30, 58, 30, 'X_t', { text: { cls: 'f-i' } }),
      line(35, 94, 35, busY),
      line(35, busY + 30, 35, busY),
      line(35, busY, mid(gates[3]), busY),
      gates.map((g) => arrow(mid(g), busY, mid(g), gy + 30, { size: 7 }) + unit(g.x, gy, g.act, g.name, g.cls)),
      // F_t scales the old memory; I_t ⊙ C̃_t is added
      arrow(mid(gates[0]), gy, mid(gates[0]), 42, { size: 7 }),
      line(mid(gates[1]), gy, mid(gates[1]), 90),
      line(mid(gates[1]), 90, 244, 90),
      op(255, 90, '⊙'),
      line(mid(gates[2]), gy, mid(gates[2]), 101),
      arrow(255, 79, 255, 42, { size: 7 }),
      // H_t = O_t ⊙ tanh(C_t)
      line(395, 46, 395, 74),
      box(372, 74, 46, 24, 'tanh', { text: { size: 's' } }),
      line(395, 98, 395, 107),
      op(395, 118, '⊙'),
      line(mid(gates[3]), gy, mid(gates[3]), 118),
      arrow(mid(gates[3]), 118, 384, 118, { size: 7 }),
      arrow(395, 129, 395, 160, { size: 7 }),
      box(370, 160, 50, 30, 'H_t', { cls: 'f-run', text: { cls: 'f-i' } }),
    ]);
  },
};

export default [gruCell, lstmCell];
