import { beforeAll, describe, expect, it } from 'vitest';
import { d2l, nd } from '../../../../src/lib/index';
import { useBackend } from '../../helpers/backend';

beforeAll(useBackend);

describe('d2l.adam', () => {
  it('follows the bias-corrected update rule, step by step', async () => {
    const x = nd.array([1, -2, 0.5]);
    x.attachGrad();
    const states = d2l.initAdamStates([x]);
    const hyperparams = { lr: 0.1, t: 0 };
    // The same rule in plain numbers.
    const ref = { x: [1, -2, 0.5], v: [0, 0, 0], s: [0, 0, 0] };
    const grads = [
      [0.5, -4, 0],
      [1, 2, 1e-3],
    ];
    for (const [step, g] of grads.entries()) {
      x.grad.set(nd.array(g));
      d2l.adam([x], states, hyperparams);
      const t = step + 1;
      ref.x = ref.x.map((xi, i) => {
        ref.v[i] = 0.9 * ref.v[i]! + 0.1 * g[i]!;
        ref.s[i] = 0.999 * ref.s[i]! + 0.001 * g[i]! ** 2;
        return xi - (0.1 * (ref.v[i]! / (1 - 0.9 ** t))) / (Math.sqrt(ref.s[i]! / (1 - 0.999 ** t)) + 1e-6);
      });
      expect(hyperparams.t).toBe(t);
      const got = Array.from(await x.data());
      got.forEach((xi, i) => expect(xi).toBeCloseTo(ref.x[i]!, 5));
      // The first step moves each coordinate by lr against the sign of its gradient, whatever the
      // gradient's scale (0.5 and -4 alike); a zero gradient does not move.
      if (t === 1) [0.9, -1.9, 0.5].forEach((xi, i) => expect(got[i]).toBeCloseTo(xi, 4));
    }
  });

  it('refuses states made for other parameters', () => {
    const a = nd.zeros([2]);
    a.attachGrad();
    expect(() => d2l.adam([a, a], d2l.initAdamStates([a]), { lr: 0.1, t: 0 })).toThrow(/got 2 parameters but 1 states; make the states with initAdamStates\(params\)/);
  });
});
