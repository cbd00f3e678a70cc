/**
 * The operator part of the MXNet test port: cases from test_ndarray.py, test_operator.py,
 * test_loss.py and test_gluon.py with NumPy's values (generate.py). Each case checks the forward
 * output and, for differentiable ops, the gradient of sum(f(x) * head) for a random head
 * (MXNet's check_numeric_gradient idea, with NumPy's float64 finite differences as reference).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { autograd, type NDArray } from '../../../src/lib/index';
import { useBackend } from '../helpers/backend';
import { expectMatches, toNd, type OpCase } from './cases';
import { OPS, type GradSource } from './ops';
import elementwise from './cases/elementwise.json';
import creation from './cases/creation.json';
import reduce from './cases/reduce.json';
import shape from './cases/shape.json';
import indexing from './cases/indexing.json';
import linalg from './cases/linalg.json';
import nn from './cases/nn.json';
import loss from './cases/loss.json';
import gluonCases from './cases/gluon.json';
import features from './cases/features.json';

beforeAll(useBackend);

const FILES: Record<string, OpCase[]> = {
  elementwise: elementwise as OpCase[],
  creation: creation as OpCase[],
  reduce: reduce as OpCase[],
  shape: shape as OpCase[],
  indexing: indexing as OpCase[],
  linalg: linalg as OpCase[],
  nn: nn as OpCase[],
  loss: loss as OpCase[],
  features: features as OpCase[],
  gluon: (gluonCases as unknown as (OpCase | { kind: string })[]).filter((c): c is OpCase => 'op' in c),
};

async function runCase(c: OpCase): Promise<void> {
  const fn = OPS[c.op];
  if (!fn) throw new Error(`no OPS entry for '${c.op}'`);
  const tol = c.tol ?? 1e-4;
  const xs = c.inputs.map(toNd);
  const gradOf: GradSource[] = [...xs];

  const out = fn(xs, c.params, gradOf);
  if (c.outputs) {
    expect(Array.isArray(out), 'several outputs').toBe(true);
    const outs = out as NDArray[];
    expect(outs.length, 'number of outputs').toBe(c.outputs.length);
    for (let i = 0; i < outs.length; i++) await expectMatches(outs[i]!, c.outputs[i]!, tol, `output ${i}`);
  } else {
    await expectMatches(out as NDArray, c.output!, tol, 'forward');
  }

  if (c.grads && c.head) {
    const diff = c.grads.map((g, i) => (g ? i : -1)).filter((i) => i >= 0);
    const ins = c.inputs.map(toNd);
    diff.forEach((i) => ins[i]!.attachGrad());
    const of: GradSource[] = [...ins];
    const y = autograd.record(() => fn(ins, c.params, of) as NDArray);
    y.backward(toNd(c.head));
    const gtol = c.gradTol ?? 1e-3;
    for (const i of diff) await expectMatches(of[i]!.grad, c.grads[i]!, gtol, `gradient of input ${i}`);
  }
}

for (const [file, cases] of Object.entries(FILES)) {
  describe(`MXNet port: ${file}`, () => {
    for (const c of cases) {
      it(`${c.id} (${c.from.replace('tests/python/unittest/', '')})`, async () => {
        await runCase(c);
      });
    }
  });
}

describe('MXNet port: the cases exist', () => {
  it('at least 200 op cases, each naming its MXNet test', () => {
    const all = Object.values(FILES).flat();
    expect(all.length).toBeGreaterThanOrEqual(200);
    for (const c of all) expect(c.from).toMatch(/^tests\/python\/unittest\/test_\w+\.py::test_\w+$/);
  });
});
