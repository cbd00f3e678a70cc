/**
 * layerTable: what each layer of a Sequential network does to one input and what it costs,
 * introduced in "Deep Convolutional Networks (AlexNet)"
 * (chapters/05-convolutional-networks/05-alexnet.md) and reused by VGG
 * (chapters/05-convolutional-networks/06-vgg.md), whose layers come in nested blocks.
 *
 * Multiply-adds per example:
 *   Conv2D (f, c/g, kh, kw): every output value sums (c/g) kh kw products, so
 *                            (outputs per example) x (c/g) x kh x kw
 *   Dense (units, inUnits):  one product per weight, units x inUnits
 * Bias additions, activations and pooling are not counted: they are a small share of the work.
 */
import { Block } from '../gluon/block';
import { Conv2D } from '../gluon/nn/conv';
import { Dense } from '../gluon/nn/dense';
import { Sequential } from '../gluon/nn/sequential';
import { ArgumentError } from '../nd/errors';
import { ndScope } from '../nd/lifetime';
import type { NDArray } from '../nd/ndarray';
import { uniform } from '../nd/ops/random';

export interface LayerRow {
  /** The layer's class, or for a nested Sequential the classes of its layers. */
  layer: string;
  /** The output's shape for one example, e.g. '96 x 55 x 55'. */
  'output shape': string;
  parameters: number;
  'multiply-adds': number;
}

export interface LayerTable {
  rows: LayerRow[];
  /** Totals over all rows. */
  parameters: number;
  multiplyAdds: number;
}

function describe(block: Block): string {
  if (block instanceof Sequential) {
    const names = Array.from({ length: block.length }, (_, i) => describe(block.get(i)));
    return `Sequential(${names.join(', ')})`;
  }
  return block.constructor.name;
}

function parameterCount(block: Block): number {
  return block.collectParams().values().reduce((n, p) => n + (p.shape ?? []).reduce((a, b) => a * b, 1), 0);
}

/** Runs `block` on H and returns its output and the multiply-adds it did per example. */
function forwardCounting(block: Block, H: NDArray): [NDArray, number] {
  if (block instanceof Sequential) {
    let total = 0;
    for (let i = 0; i < block.length; i++) {
      const [out, m] = forwardCounting(block.get(i), H);
      H = out;
      total += m;
    }
    return [H, total];
  }
  const out = block.forward(H);
  let multiplyAdds = 0;
  if (block instanceof Conv2D) {
    const [, cIn, kh, kw] = block.weight.shape as [number, number, number, number];
    multiplyAdds = (out.size / out.shape[0]!) * cIn * kh * kw;
  } else if (block instanceof Dense) {
    const [units, inUnits] = block.weight.shape as [number, number];
    multiplyAdds = units * inUnits;
  }
  return [out, multiplyAdds];
}

/**
 * Passes one random input of `inputShape` (batch first, e.g. [1, 1, 224, 224]) through the
 * layers of `net` one by one, outside autograd (prediction mode), and lists for each top-level
 * layer its output shape, its parameters and its multiply-adds per example. Initialize the
 * network first; deferred shapes are settled by this very pass.
 */
export function layerTable(net: Sequential, inputShape: number[]): LayerTable {
  if (!(net instanceof Sequential)) {
    throw new ArgumentError(`layerTable: net must be a gluon.nn.Sequential (its layers are listed in order), got ${net === null ? 'null' : typeof net === 'object' ? (net as object).constructor.name : typeof net}.`);
  }
  if (!Array.isArray(inputShape) || inputShape.length < 2 || !inputShape.every((d) => Number.isInteger(d) && d > 0)) {
    throw new ArgumentError(`layerTable: inputShape must list positive integers with the batch first, e.g. [1, 1, 224, 224], got ${JSON.stringify(inputShape)}.`);
  }
  const rows = ndScope(() => {
    let H = uniform(0, 1, inputShape); // (batch, ...)
    const out: LayerRow[] = [];
    for (let i = 0; i < net.length; i++) {
      const layer = net.get(i);
      const [next, multiplyAdds] = forwardCounting(layer, H);
      H = next;
      out.push({ layer: describe(layer), 'output shape': H.shape.slice(1).join(' x '), parameters: parameterCount(layer), 'multiply-adds': multiplyAdds });
    }
    return out;
  });
  const parameters = rows.reduce((n, r) => n + r.parameters, 0);
  const multiplyAdds = rows.reduce((n, r) => n + r['multiply-adds'], 0);
  return { rows, parameters, multiplyAdds };
}
