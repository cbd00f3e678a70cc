/** Sections 6.6 and 6.7: a deep recurrent network and a bidirectional one, over three time steps. */
import { arrow, box, line, text } from './draw.mjs';
import { svg } from './draw.mjs';

const STEPS = ['t-1', 't', 't+1'];
const XS = [110, 230, 350];

export const birnn = {
  name: 'birnn',
  labels: { forward: 'forward', backward: 'backward' },
  draw: (L) => {
    const out = [];
    XS.forEach((x, i) => {
      const t = STEPS[i];
      out.push(box(x - 25, 14, 50, 30, `O_{${t}}`, { cls: 'f-warn', text: { cls: 'f-i' } }));
      out.push(box(x - 25, 80, 50, 30, `H_{${t}}`, { cls: 'f-acc', text: { cls: 'f-i' } }));
      out.push(box(x - 25, 146, 50, 30, `H_{${t}}`, { cls: 'f-run', text: { cls: 'f-i' } }));
      out.push(box(x - 25, 214, 50, 30, `X_{${t}}`, { text: { cls: 'f-i' } }));
      out.push(arrow(x, 214, x, 176, { size: 7 })); // X -> forward
      // X -> backward, around the forward state on its right
      out.push(line(x + 25, 229, x + 36, 229), line(x + 36, 229, x + 36, 126), line(x + 36, 126, x + 12, 126));
      out.push(arrow(x + 12, 126, x + 12, 110, { size: 7 }));
      out.push(arrow(x + 4, 80, x + 4, 44, { size: 7 })); // backward -> O
      // forward -> O, around the backward state on its left
      out.push(line(x - 25, 161, x - 36, 161), line(x - 36, 161, x - 36, 60), line(x - 36, 60, x - 12, 60));
      out.push(arrow(x - 12, 60, x - 12, 44, { size: 7 }));
    });
    // the recurrences: forward left to right, backward right to left
    [[12, 85], [145, 205], [265, 325], [385, 428]].forEach(([a, b]) => out.push(arrow(a, 167, b, 167, { cls: 'f-lg', size: 7 })));
    [[85, 12], [205, 145], [325, 265], [428, 385]].forEach(([a, b]) => out.push(arrow(a, 89, b, 89, { cls: 'f-la', size: 7 })));
    out.push(text(12, 186, L.forward, { anchor: 'start', size: 'xs', cls: 'f-tg' }));
    out.push(text(12, 80, L.backward, { anchor: 'start', size: 'xs', cls: 'f-ta' }));
    return svg(436, 252, out);
  },
};

export const deepRnn = {
  name: 'deep-rnn',
  labels: { layer: 'layer {l}' },
  draw: (L) => {
    const out = [];
    const rows = [{ y: 196, lab: 'X' }, { y: 136, lab: 'H^{(1)}' }, { y: 76, lab: 'H^{(2)}' }, { y: 16, lab: 'O' }];
    XS.forEach((x, i) => {
      const t = STEPS[i];
      rows.forEach((r, k) => {
        const cls = k === 0 ? 'f-box' : k === 3 ? 'f-warn' : 'f-run';
        const label = k === 0 || k === 3 ? `${r.lab}_{${t}}` : `${r.lab.replace(/\^\{\((\d)\)\}/, '')}_{${t}}^{(${k})}`;
        out.push(box(x - 30, r.y, 60, 30, label, { cls, text: { cls: 'f-i' } }));
        if (k > 0) out.push(arrow(x, r.y + 60, x, r.y + 30, { size: 7 }));
      });
    });
    [136, 76].forEach((y) => [[10, 80], [140, 200], [260, 320], [380, 428]].forEach(([a, b]) => out.push(arrow(a, y + 15, b, y + 15, { cls: 'f-la', size: 7 }))));
    out.push(text(8, 131, L.layer.replace('{l}', 1), { anchor: 'start', size: 'xs', cls: 'f-m' }));
    out.push(text(8, 71, L.layer.replace('{l}', 2), { anchor: 'start', size: 'xs', cls: 'f-m' }));
    return svg(436, 234, out);
  },
};

export default [deepRnn, birnn];
