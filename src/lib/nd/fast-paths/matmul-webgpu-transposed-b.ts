/**
 * tf.matMul with transposeB on WebGPU: b is transposed first.
 *
 * | backend | when | measured win | test |
 * | --- | --- | --- | --- |
 * | webgpu | transposeB, a with more than 8 rows | (256, 784) (256, 784)^T on SwiftShader: ~1320 -> ~820 ms | test/unit/lib/nd/fast-paths/transpose-webgpu-matrix.test.ts |
 *
 * tfjs's matMul shader reads 4 floats at a time only when b is not transposed: with transposeB it
 * falls back to scalar reads, ~1.6x slower for Dense's x W^T (measured, (256, 784) (256, 784)^T on
 * SwiftShader: ~1320 ms with the flag, ~820 ms transposing b first, ~800 ms for an untransposed
 * (784, 256) b). So b is transposed first there (fastTranspose: the fast transpose program);
 * transposeA keeps its flag, since that shader keeps the 4-wide reads. Other backends read
 * transposes natively in their shaders: they keep the flags.
 */
import { tf, type Tensor } from '../../engine/tf';
import { hasFewRows } from './matmul-wasm-transposed';
import { swapLast } from './transpose-webgpu-matrix';

/** The product with b transposed first, or null where this path does not apply. */
export function matMulWebgpuTransposedB(a: Tensor, b: Tensor, transposeA: boolean, transposeB: boolean): Tensor | null {
  if (tf.getBackend() !== 'webgpu' || !transposeB || hasFewRows(a, transposeA)) return null;
  return tf.matMul(a, swapLast(b), transposeA, false);
}
