/**
 * Zeros between the rows and columns of an NHWC tensor on WASM (the input gradient of a strided
 * convolution), written in one loop over the heap.
 *
 * | backend | when | measured win | test |
 * | --- | --- | --- | --- |
 * | wasm | float32 (n, h, w, c), stride > 1 on either spatial axis | ResNet step, stride-2 blocks: 2 x Slice (1664, 14, 32) 51 ms and 2 x Slice (896, 8, 64) 30 ms (one thread, load ~30) plus their pads, to one pass | test/unit/lib/nd/ops/nn.test.ts (strided convolutions: plain-loop VJP and finite differences) |
 *
 * The kernel formulation (conv-kernels.ts, dilateZeros) pads a view and slices it back, per
 * axis; tfjs's WASM Slice first copies its whole input out of the heap. Here x is copied out
 * once (see pool-grad-wasm.ts, heapCopy, for why loops do not index the heap itself), each
 * pixel's c values go to (i sh, j sw) of a zero-filled array, and that is copied back in.
 */
import { tf, type Tensor } from '../../engine/tf';
import { heapCopy, heapTensor } from './pool-grad-wasm';

/** (n, h, w, c) -> (n, (h-1) sh + 1, (w-1) sw + 1, c), x at every (sh, sw)-th cell, zeros between; null where this path does not apply. */
export function dilateSpatialWasm(x: Tensor, sh: number, sw: number): Tensor | null {
  if (tf.getBackend() !== 'wasm' || x.dtype !== 'float32' || x.rank !== 4) return null;
  const [n, h, w, c] = x.shape as [number, number, number, number];
  const [H, W] = [(h - 1) * sh + 1, (w - 1) * sw + 1];
  const v = heapCopy(x);
  const o = new Float32Array(n * H * W * c);
  for (let b = 0; b < n; b++) {
    for (let i = 0; i < h; i++) {
      const src = ((b * h + i) * w) * c;
      const dst = ((b * H + i * sh) * W) * c;
      for (let j = 0; j < w; j++) {
        const from = src + j * c;
        const to = dst + j * sw * c;
        for (let k = 0; k < c; k++) o[to + k] = v[from + k]!;
      }
    }
  }
  return heapTensor([n, H, W, c], o);
}
