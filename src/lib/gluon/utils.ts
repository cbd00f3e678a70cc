/** `gluon.utils`: Gluon's helpers for gradients and devices. */
import { nd } from '../nd/index';
import { NDArray } from '../nd/ndarray';
import { ArgumentError, ShapeError, fmtShape } from '../nd/errors';
import { expectArray } from '../nd/ops/operand';
import { pause } from '../autograd/state';
import { checkOptions } from '../nd/options';
import type { Context } from '../engine/context';

/**
 * Rescales `arrays` in place so that their joint L2 norm is at most `maxNorm` (gradient
 * clipping, used by the RNN chapter), and resolves to the norm before clipping:
 *   norm = sqrt(sum_i ||a_i||^2);   a_i *= min(maxNorm / (norm + 1e-8), 1)
 * The arrays are rescaled before the returned promise resolves (only reading the norm waits).
 */
export async function clipGlobalNorm(arrays: NDArray[], maxNorm: number, options: { checkIsfinite?: boolean } = {}): Promise<number> {
  if (!Array.isArray(arrays) || arrays.length === 0) {
    throw new ArgumentError('clipGlobalNorm: arrays must be a non-empty list of NDArrays, e.g. the gradients params.map((p) => p.grad()).');
  }
  arrays.forEach((a, i) => expectArray('clipGlobalNorm', `arrays[${i}]`, a));
  checkOptions('clipGlobalNorm', options, ['checkIsfinite'], '{ checkIsfinite: false }');
  if (typeof maxNorm !== 'number' || !(maxNorm > 0)) throw new ArgumentError(`clipGlobalNorm: maxNorm must be a positive number, got ${String(maxNorm)}.`);
  const total = pause(() =>
    nd.scope(() => {
      // Pairwise sums rather than nd.addN: addN over 8+ arrays is wrong on WebGPU.
      let sumSq = arrays[0]!.square().sum();
      for (let i = 1; i < arrays.length; i++) sumSq = sumSq.add(arrays[i]!.square().sum());
      const norm = sumSq.sqrt(); // (1,)
      const scale = nd.full([1], maxNorm).div(norm.add(1e-8)).minimum(1); // min(maxNorm / (norm + 1e-8), 1)
      for (const a of arrays) a.assignResult(a.mul(scale));
      return norm;
    }),
  );
  const value = await total.asScalar();
  total.dispose();
  if ((options.checkIsfinite ?? true) && !Number.isFinite(value)) {
    console.warn('clipGlobalNorm: nan or inf is detected. Clipping results will be undefined.');
  }
  return value;
}

/**
 * Splits `data` along `batchAxis` into `numSlice` parts (Gluon's split_data). With
 * evenSplit (default) the batch size must divide evenly; otherwise the last part takes the rest.
 */
export function splitData(data: NDArray, numSlice: number, options: { batchAxis?: number; evenSplit?: boolean } = {}): NDArray[] {
  expectArray('splitData', 'data', data);
  checkOptions('splitData', options, ['batchAxis', 'evenSplit'], '{ batchAxis: 0, evenSplit: false }');
  const axis = options.batchAxis ?? 0;
  const size = data.shape[axis];
  if (size === undefined) throw new ArgumentError(`splitData: batchAxis ${axis} is out of range for data of shape ${fmtShape(data.shape)}.`);
  if (!Number.isInteger(numSlice) || numSlice < 1) throw new ArgumentError(`splitData: numSlice must be a positive integer, got ${String(numSlice)}.`);
  if (size < numSlice) {
    throw new ShapeError(`splitData: too many slices for data with shape ${fmtShape(data.shape)}: arguments are numSlice=${numSlice} and batchAxis=${axis}. Use a batch size at least as large as the number of devices.`);
  }
  const even = options.evenSplit ?? true;
  if (even && size % numSlice !== 0) {
    throw new ShapeError(
      `splitData: data with shape ${fmtShape(data.shape)} cannot be evenly split into ${numSlice} slices along axis ${axis}. Use a batch size that's a multiple of ${numSlice} or set evenSplit: false to allow uneven partitioning of data.`,
    );
  }
  if (numSlice === 1) return [data];
  const step = Math.floor(size / numSlice);
  const parts: NDArray[] = [];
  for (let i = 0; i < numSlice; i++) {
    const start = i * step;
    const end = i < numSlice - 1 ? (i + 1) * step : size;
    const index = data.shape.map((_, a) => (a === axis ? `${start}:${end}` : ':'));
    parts.push(data.get(...index));
  }
  return parts;
}

/**
 * Splits `data` into one part per context and places each there (Gluon's split_and_load).
 * The book runs on one device at a time, so with one context it returns [data].
 */
export function splitAndLoad(data: NDArray | number[], ctxList: Context[], options: { batchAxis?: number; evenSplit?: boolean } = {}): NDArray[] {
  if (!Array.isArray(ctxList) || ctxList.length === 0) {
    throw new ArgumentError('splitAndLoad: ctxList must be a non-empty list of contexts, e.g. [mx.currentContext()].');
  }
  const arr = data instanceof NDArray ? data : nd.array(data as number[]);
  if (ctxList.length === 1) return [arr.asInContext(ctxList[0]!)];
  return splitData(arr, ctxList.length, options).map((part, i) => part.asInContext(ctxList[i]!));
}

export const utils = { clipGlobalNorm, splitData, splitAndLoad };
