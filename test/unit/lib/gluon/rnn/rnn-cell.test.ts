/**
 * gluon.rnn.RNNCell / GRUCell / LSTMCell: one step with MXNet's parameter names and layouts.
 * A cell unrolled over a sequence must give what the fused layer gives with the same weights;
 * gradients against finite differences; shapes, states, deferred init, errors, leaks.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { autograd, gluon, init, nd, ShapeError, type NDArray } from '../../../../../src/lib/index';
import { useBackend } from '../../../helpers/backend';
import { checkOp, expectClose, expectNoLeak, values } from '../../../helpers/check-op';
import { checkParamGrads } from '../../../helpers/param-grads';

beforeAll(useBackend);

const { RNN, LSTM, GRU, RNNCell, LSTMCell, GRUCell } = gluon.rnn;
type Kind = 'rnn' | 'gru' | 'lstm';

function makeCell(kind: Kind, hidden: number) {
  return kind === 'lstm' ? new LSTMCell(hidden) : kind === 'gru' ? new GRUCell(hidden) : new RNNCell(hidden);
}
function makeLayer(kind: Kind, hidden: number) {
  return kind === 'lstm' ? new LSTM(hidden) : kind === 'gru' ? new GRU(hidden) : new RNN(hidden, { activation: 'tanh' });
}

describe('recurrent cells', () => {
  for (const kind of ['rnn', 'gru', 'lstm'] as Kind[]) {
    it(`${kind}: unrolled, the same outputs and states as the fused layer with the same weights`, async () => {
      const H = 5;
      const cell = makeCell(kind, H);
      const layer = makeLayer(kind, H);
      cell.initialize(new init.Normal(0.5));
      layer.initialize();
      const x = nd.random.normal(0, 1, [4, 3, 6]); // (T, N, C)
      const states = cell.beginState({ batchSize: 3, func: (s) => nd.random.normal(0, 0.5, s) });
      cell.unroll(4, x, { layout: 'TNC', beginState: states }); // finishes deferred init
      for (const p of cell.collectParams().values()) if (p.name.endsWith('bias')) p.setData(nd.random.uniform(-0.5, 0.5, p.shape!));
      layer.forward(x);
      for (const kindName of ['i2h_weight', 'h2h_weight', 'i2h_bias', 'h2h_bias']) {
        layer.collectParams().getByName(`${layer.prefix}l0_${kindName}`).setData(cell.collectParams().getByName(`${cell.prefix}${kindName}`).data());
      }
      const [outs, last] = cell.unroll(4, x, { layout: 'TNC', beginState: states });
      const [ref, refStates] = layer.forward(x, states.map((s) => s.expandDims(0)));
      expect((outs as NDArray).shape).toEqual([4, 3, H]);
      expectClose(await values(outs as NDArray), await values(ref), 2e-5, 'outputs');
      expect(last.length).toBe(kind === 'lstm' ? 2 : 1);
      for (let k = 0; k < last.length; k++) expectClose(await values(last[k]!), await values(refStates[k]!), 2e-5, `state ${k}`);
    });

    it(`${kind}: one step's gradients (input, states, parameters) against finite differences`, async () => {
      const cell = makeCell(kind, 3);
      cell.initialize(new init.Normal(0.6));
      const x = nd.random.normal(0, 1, [2, 4]);
      const states = cell.beginState({ batchSize: 2, func: (s) => nd.random.normal(0, 0.5, s) });
      cell.forward(x, states);
      for (const p of cell.collectParams().values()) if (p.name.endsWith('bias')) p.setData(nd.random.uniform(-0.5, 0.5, p.shape!));
      const run = (v: NDArray, ...s: NDArray[]): NDArray => {
        const [y, next] = cell.forward(v, s);
        return nd.concat(y.reshape([-1]), ...next.map((t) => t.reshape([-1])), { dim: 0 });
      };
      await checkOp(run, [x, ...states], { fdTol: 3e-2 });
      await checkParamGrads(() => run(x, ...states), cell.collectParams().values(), { maxEntries: 8, tol: 3e-2 });
    });
  }

  it("names, shapes and printing as Gluon's; RNNCell's default activation is tanh", async () => {
    const cell = new LSTMCell(4);
    expect(String(cell)).toBe('LSTMCell(None -> 16)');
    expect([...cell.collectParams().keys()].map((k) => k.slice(cell.prefix.length))).toEqual(['i2h_weight', 'h2h_weight', 'i2h_bias', 'h2h_bias']);
    cell.initialize();
    const [y, s] = cell.forward(nd.ones([2, 3]), cell.beginState(2));
    expect(y.shape).toEqual([2, 4]);
    expect(s.map((t) => t.shape)).toEqual([[2, 4], [2, 4]]);
    expect(cell.i2h_weight.shape).toEqual([16, 3]);
    expect(String(cell)).toBe('LSTMCell(3 -> 16)');
    expect(new GRUCell(2, { inputSize: 5 }).i2h_weight.shape).toEqual([6, 5]);
    const rnn = new RNNCell(3);
    rnn.initialize(new init.Normal(2));
    const out = await values(rnn.forward(nd.random.normal(0, 3, [4, 2]))[0]);
    expect(out.some((v) => v < 0)).toBe(true); // tanh, not relu
    expect(out.every((v) => Math.abs(v) <= 1)).toBe(true);
    const [merged] = rnn.unroll(3, nd.ones([4, 3, 2]));
    expect((merged as NDArray).shape).toEqual([4, 3, 3]); // NTC by default
    const [each] = rnn.unroll(3, nd.ones([4, 3, 2]), { mergeOutputs: false });
    expect((each as NDArray[]).map((t) => t.shape)).toEqual([[4, 3], [4, 3], [4, 3]]);
  });

  it('clear errors for a sequence, wrong states or input size', () => {
    const cell = new GRUCell(4);
    cell.initialize();
    expect(() => cell.forward(nd.ones([3, 2, 5]))).toThrow(/one time step.*unroll\(\)/);
    expect(() => cell.forward(nd.ones([2, 5]), [nd.zeros([3, 4])])).toThrow(ShapeError);
    expect(() => new LSTMCell(4).forward(nd.ones([2, 5]), [nd.zeros([2, 4])])).toThrow(/2 states \(h and c\)/);
    cell.forward(nd.ones([2, 5]));
    expect(() => cell.forward(nd.ones([2, 6]))).toThrow(/expects 5 features/);
  });

  it('no tensor leaks over a recorded unroll and backward', async () => {
    const cell = new LSTMCell(8);
    cell.initialize();
    const x = nd.random.normal(0, 1, [3, 5, 4]);
    cell.unroll(5, x);
    const params = [...cell.collectParams().values()];
    await expectNoLeak(async () => {
      const l = autograd.record(() => (cell.unroll(5, x)[0] as NDArray).square().mean());
      l.backward();
      await params[0]!.grad().data();
    });
  });
});
