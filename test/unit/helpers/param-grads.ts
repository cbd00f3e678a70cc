/**
 * Gradients of a layer's parameters against central finite differences: the layer runs
 * inside autograd.record with the parameters' attached gradients, L = sum(y * h) for a
 * random head h, and each checked entry of each parameter is nudged in place (setData) to
 * measure dL/dp numerically.
 */
import { autograd, nd, type NDArray } from '../../../src/lib/index';
import type { Parameter } from '../../../src/lib/gluon/parameter';
import { expectClose, values } from './check-op';

export interface ParamGradOptions {
  /** Run forward in training mode (BatchNorm's batch statistics, Dropout) for both the tape and the differences. */
  train?: boolean;
  eps?: number;
  tol?: number;
  /** Check at most this many entries per parameter (spread over the array). */
  maxEntries?: number;
}

export async function checkParamGrads(forward: () => NDArray, params: Parameter[], options: ParamGradOptions = {}): Promise<void> {
  const run = (): NDArray => (options.train ? autograd.trainMode(forward) : autograd.predictMode(forward));
  const y0 = run();
  const h = nd.random.uniform(0.5, 1.5, y0.shape);
  const hv = await values(h);
  const y = autograd.record(() => forward(), { trainMode: options.train ?? false });
  y.backward(h);
  const grads = await Promise.all(params.map(async (p) => values(p.grad())));
  const loss = async (): Promise<number> => (await values(run())).reduce((s, v, i) => s + v * hv[i]!, 0);
  const eps = options.eps ?? 1e-2;
  for (let k = 0; k < params.length; k++) {
    const p = params[k]!;
    const shape = p.shape!;
    const base = await values(p.data());
    const max = options.maxEntries ?? 24;
    const stride = Math.max(1, Math.floor(base.length / max));
    const picked: number[] = [];
    for (let j = 0; j < base.length && picked.length < max; j += stride) picked.push(j);
    const fd: number[] = [];
    for (const j of picked) {
      const at = async (delta: number): Promise<number> => {
        const v = base.slice();
        v[j]! += delta;
        p.setData(nd.array(v).reshape(shape));
        return loss();
      };
      fd.push(((await at(eps)) - (await at(-eps))) / (2 * eps));
    }
    p.setData(nd.array(base).reshape(shape));
    expectClose(
      picked.map((j) => grads[k]![j]!),
      fd,
      options.tol ?? 2e-2,
      `grad of ${p.name} vs finite differences`,
    );
  }
}
