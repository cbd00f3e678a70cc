/**
 * A convolution's input gradient on WebGPU through the backend's own Conv2DBackpropInput.
 *
 * | backend | when | measured win | test |
 * | --- | --- | --- | --- |
 * | webgpu | dilation 1 | LeNet's second convolution on SwiftShader: ~13.9 s -> ~1.0 s | test/unit/lib/nd/ops/nn.test.ts (convolution gradients, --project webgpu) |
 *
 * Elsewhere the input gradient is a forward convolution of the zero-dilated dy with the flipped
 * filter (conv.ts, inputGrad). WebGPU's Conv2D shader is 4-wide only when the output channels
 * are a multiple of 4; the input gradient's output channels are the input's (LeNet: 6), and the
 * scalar shader is ~10x slower than WebGPU's own Conv2DBackpropInput (measured, LeNet's second
 * convolution, SwiftShader: ~13.9 s against ~1.0 s). It has no dilation parameter: dilated
 * convolutions keep the forward-convolution path.
 */
import { tf, type Tensor } from '../../engine/tf';

/**
 * dL/dx (n, h, w, c) from dy (n, oh, ow, f) and the weight w (f, c, kh, kw) of a convolution with
 * the given stride and padding, or null where this path does not apply.
 */
export function convInputGradWebgpu(dyNhwc: Tensor, w: Tensor, inSize: [number, number], stride: [number, number], pad: [number, number], dilate: [number, number]): Tensor | null {
  if (dilate[0] !== 1 || dilate[1] !== 1 || tf.getBackend() !== 'webgpu') return null;
  const n = dyNhwc.shape[0]!;
  const wHwio = tf.transpose(w, [2, 3, 1, 0]) as tf.Tensor4D; // (kh, kw, c, f)
  const [ph, pw] = pad;
  return tf.conv2dTranspose(dyNhwc as tf.Tensor4D, wHwio, [n, inSize[0], inSize[1], w.shape[1]!], stride, [[0, 0], [ph, ph], [pw, pw], [0, 0]]);
}
