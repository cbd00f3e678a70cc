/**
 * 2-D convolution (MXNet's Convolution, layout NCHW) as one primitive.
 *
 * Forward, with xp the input zero-padded by (ph, pw):
 *   y[n, f, i, j] = b[f] + sum_{c, a, b} xp[n, c, i*sh + a*dh, j*sw + b*dw] * w[f, c, a, b]
 *   oh = floor((h + 2ph - dh(kh-1) - 1) / sh) + 1   (likewise ow)
 *
 * Both gradients are forward convolutions too (TensorFlow.js's Conv2D in NHWC), because the
 * WASM backend registers no Conv2DBackpropFilter; see filterGrad and inputGrad for the math.
 * With numGroup = g, channels and filters split into g equal groups convolved separately.
 */
import { tf, type Tensor } from '../../engine/tf';
import { ArgumentError, ShapeError, fmtShape } from '../errors';
import type { NDArray } from '../ndarray';
import { apply, definePrimitive } from '../primitive';
import { sumAllBut } from './channel-sum';
import { conv2dNhwc, dilateZeros } from './conv-kernels';
import { convInputGradWebgpu } from '../fast-paths/conv-input-grad-webgpu';
import { dilateSpatialWasm } from '../fast-paths/dilate-zeros-wasm';
import { CONVOLUTION_KEYS, type ConvolutionOptions, expectFloat, expectNchw, outSize, pair } from './nn-options';
import { bool, checkOptions, oneOf } from '../options';
import { describe, expectArray } from './operand';

interface ConvAttrs {
  stride: [number, number];
  pad: [number, number];
  dilate: [number, number];
  groups: number;
  /** the input's spatial size (h, w) */
  inSize: [number, number];
  kernel: [number, number];
}

/** Channel slice [g*size, (g+1)*size) of a tensor along `axis`. */
function group(t: Tensor, axis: number, g: number, size: number): Tensor {
  if (t.shape[axis] === size) return t;
  const begin = t.shape.map(() => 0);
  begin[axis] = g * size;
  const sz = [...t.shape];
  sz[axis] = size;
  return tf.slice(t, begin, sz);
}

/** Runs `f` per group and concatenates the results along `axis`. */
function perGroup(groups: number, axis: number, f: (g: number) => Tensor): Tensor {
  if (groups === 1) return f(0);
  return tf.concat(Array.from({ length: groups }, (_, g) => f(g)), axis);
}

/**
 * dL/dw[f, c, a, b] = sum_{n, i, j} xp[n, c, i*sh + a*dh, j*sw + b*dw] * dy[n, f, i, j]
 *
 * This is a convolution in which the channels play the batch, the batch plays the input
 * channels and dy plays the filter: input xp as (c, h, w, n), filter dy as (oh, ow, n, f),
 * stride (dh, dw) and dilation (sh, sw) — the forward's stride and dilation trade places.
 * Only the rows xp[0 .. hc) with hc = (kh-1) dh + (oh-1) sh + 1 are ever read (when
 * (h + 2ph - k_eff) % sh != 0 the last rows are not), so the bottom padding is chosen to end
 * there (negative = crop), which makes the result exactly (c, kh, kw, f).
 */
function filterGrad(x: Tensor, dy: Tensor, a: ConvAttrs): Tensor {
  const [ph, pw] = a.pad;
  const [h, w] = a.inSize;
  const [kh, kw] = a.kernel;
  const [sh, sw] = a.stride;
  const [dh, dw] = a.dilate;
  const [oh, ow] = [dy.shape[2]!, dy.shape[3]!];
  const hc = (kh - 1) * dh + (oh - 1) * sh + 1;
  const wc = (kw - 1) * dw + (ow - 1) * sw + 1;
  const xin = tf.transpose(x, [1, 2, 3, 0]); // (c, h, w, n)
  const filt = tf.transpose(dy, [2, 3, 0, 1]); // (oh, ow, n, f)
  const r = conv2dNhwc(xin, filt, [dh, dw], [sh, sw], [ph, hc - h - ph, pw, wc - w - pw]); // (c, kh, kw, f)
  return tf.transpose(r, [3, 0, 1, 2]); // (f, c, kh, kw)
}

/**
 * dL/dx = the transposed convolution of dy: each y[i, j] spread dy[i, j] * w over the window
 * it read. Written as a forward convolution: put (sh - 1) zeros between dy's rows and
 * (sw - 1) between its columns (length L = (oh-1) sh + 1), then correlate with the filter
 * flipped in both spatial axes, input/output channels swapped, dilation (dh, dw), stride 1:
 *   dxp[r] = sum_a dy_dilated[r - a*dh] w[a] = sum_a' pad(dy_dilated)[r + a'*dh] w[kh-1-a']
 * with padding (kh-1) dh - ph at the top (this also drops the forward's padding rows) and
 * h + ph - L at the bottom, so the output is exactly h rows: rows the forward never read
 * (when (h + 2ph - k_eff) % sh != 0) come out as zeros, as they must.
 * (tf.conv2dTranspose, i.e. Conv2DBackpropInput, would also work on every backend in
 * tfjs 4.22, but measured 1.5-9x slower than this on WASM, where Conv2D runs on XNNPACK; WebGPU
 * uses it: fast-paths/conv-input-grad-webgpu.ts. On WASM the zeros go in with one heap loop:
 * fast-paths/dilate-zeros-wasm.ts.)
 */
function inputGrad(dyNhwc: Tensor, w: Tensor, a: ConvAttrs): Tensor {
  const [ph, pw] = a.pad;
  const [h, wd] = a.inSize;
  const [kh, kw] = a.kernel;
  const [sh, sw] = a.stride;
  const [dh, dw] = a.dilate;
  const gpu = convInputGradWebgpu(dyNhwc, w, a.inSize, a.stride, a.pad, a.dilate); // WebGPU: its own Conv2DBackpropInput
  if (gpu !== null) return gpu;
  const d = sh === 1 && sw === 1 ? dyNhwc : (dilateSpatialWasm(dyNhwc, sh, sw) ?? dilateZeros(dilateZeros(dyNhwc, 1, sh), 2, sw)); // (n, L_h, L_w, f)
  const [lh, lw] = [d.shape[1]!, d.shape[2]!];
  const filt = tf.transpose(tf.reverse(w, [2, 3]), [2, 3, 0, 1]); // (kh, kw, f, c): flipped, channels swapped
  const top = (kh - 1) * dh - ph;
  const left = (kw - 1) * dw - pw;
  return conv2dNhwc(d, filt, [1, 1], [dh, dw], [top, h + ph - lh, left, wd + pw - lw]); // (n, h, w, c)
}

const Convolution = definePrimitive<ConvAttrs>({
  name: 'convolution',
  forward: ([x, w, b], a) => {
    const { groups } = a;
    const cg = x!.shape[1]! / groups;
    const fg = w!.shape[0]! / groups;
    const xh = tf.transpose(x!, [0, 2, 3, 1]); // (n, h, w, c)
    const wh = tf.transpose(w!, [2, 3, 1, 0]); // (kh, kw, c/g, f)
    const pads: [number, number, number, number] = [a.pad[0], a.pad[0], a.pad[1], a.pad[1]];
    const bias = (g: number): Tensor | undefined => (b === undefined ? undefined : group(b, 0, g, fg));
    const y = perGroup(groups, 3, (g) => conv2dNhwc(group(xh, 3, g, cg), group(wh, 3, g, fg), a.stride, a.dilate, pads, bias(g))); // (n, oh, ow, f)
    return tf.transpose(y, [0, 3, 1, 2]); // (n, f, oh, ow)
  },
  backward: (dy, { inputs: [x, w], needsGrad }, a) => {
    const { groups } = a;
    const cg = x!.shape[1]! / groups;
    const fg = w!.shape[0]! / groups;
    // dy (n, f, oh, ow)
    let dx: Tensor | null = null;
    if (needsGrad[0]) {
      const dyh = tf.transpose(dy, [0, 2, 3, 1]); // (n, oh, ow, f)
      const dxh = perGroup(groups, 3, (g) => inputGrad(group(dyh, 3, g, fg), group(w!, 0, g, fg), a)); // (n, h, w, c)
      dx = tf.transpose(dxh, [0, 3, 1, 2]); // (n, c, h, w)
    }
    const dw = needsGrad[1] ? perGroup(groups, 0, (g) => filterGrad(group(x!, 1, g, cg), group(dy, 1, g, fg), a)) : null;
    // y = ... + b[f]   dL/db[f] = sum_{n, i, j} dy[n, f, i, j]
    const db = needsGrad.length > 2 && needsGrad[2] ? tf.reshape(sumAllBut(dy, 1), [dy.shape[1]!]) : null;
    return needsGrad.length > 2 ? [dx, dw, db] : [dx, dw];
  },
});

/**
 * y = x (*) w + b, MXNet's Convolution: data (n, c, h, w), weight (f, c/numGroup, kh, kw),
 * bias (f,) or null -> (n, f, oh, ow) with oh = floor((h + 2ph - dh(kh-1) - 1)/sh) + 1.
 */
export function convolution(data: NDArray, weight: NDArray, bias: NDArray | null = null, options?: ConvolutionOptions): NDArray {
  const op = 'nd.convolution';
  const o = checkOptions(op, options, CONVOLUTION_KEYS, '{ kernel: [3, 3], numFilter: 6, stride: 2, pad: 1 }');
  expectNchw(op, 'data', data);
  expectArray(op, 'weight', weight);
  expectFloat(op, 'weight', weight);
  const stride = pair(op, 'stride', o.stride, 1, 1);
  const pad = pair(op, 'pad', o.pad, 0, 0);
  const dilate = pair(op, 'dilate', o.dilate, 1, 1);
  const groups = o.numGroup ?? 1;
  if (!Number.isInteger(groups) || groups < 1) throw new ArgumentError(`${op}: numGroup must be a positive integer, got ${String(groups)}.`);
  oneOf(op, 'layout', o.layout, ['NCHW'], 'NCHW');
  if (o.workspace !== undefined && !(typeof o.workspace === 'number' && o.workspace >= 0)) throw new ArgumentError(`${op}: workspace must be a number of MB >= 0, got ${describe(o.workspace)}.`);
  oneOf(op, 'cudnnTune', o.cudnnTune, ['off', 'limited_workspace', 'fastest', null], null);
  bool(op, 'cudnnOff', o.cudnnOff, false);
  const [, c, h, w] = data.shape as [number, number, number, number];
  if (weight.ndim !== 4) {
    throw new ShapeError(`${op}: weight must be 4-D (numFilter, channels/numGroup, kh, kw), got shape ${fmtShape(weight.shape)}.`);
  }
  const [f, cw, kh, kw] = weight.shape as [number, number, number, number];
  // MXNet's kernel and num_filter restate the weight's shape: accepted, and must agree with it.
  if (o.kernel !== undefined) {
    const k = pair(op, 'kernel', o.kernel, 1, 1);
    if (k[0] !== kh || k[1] !== kw) {
      throw new ShapeError(`${op}: kernel (${k.join(', ')}) does not match the weight ${fmtShape(weight.shape)}, whose window is (${kh}, ${kw}). Make the weight (numFilter, channels, ${k.join(', ')}) or drop kernel.`);
    }
  }
  if (o.numFilter !== undefined && o.numFilter !== f) {
    throw new ShapeError(`${op}: numFilter ${describe(o.numFilter)} does not match the weight ${fmtShape(weight.shape)}, which has ${f} filters (its first dimension).`);
  }
  if (bool(op, 'noBias', o.noBias, false) && bias !== null) {
    throw new ArgumentError(`${op}: noBias is true but a bias was given; pass null as the bias, or drop noBias.`);
  }
  if (c % groups !== 0 || f % groups !== 0) {
    throw new ShapeError(`${op}: numGroup=${groups} must divide both the input channels (${c}) and the number of filters (${f}).`);
  }
  if (cw * groups !== c) {
    throw new ShapeError(
      `${op}: data ${fmtShape(data.shape)} has ${c} channels, so weight ${fmtShape(weight.shape)} needs ${c / groups} in its second dimension ` +
        `(channels/numGroup with numGroup=${groups}), got ${cw}.`,
    );
  }
  if (bias !== null) {
    expectArray(op, 'bias', bias);
    expectFloat(op, 'bias', bias);
    if (bias.ndim !== 1 || bias.shape[0] !== f) {
      throw new ShapeError(`${op}: bias must have shape (${f},) (one value per filter), got ${fmtShape(bias.shape)}. Pass null for no bias.`);
    }
  }
  const oh = outSize(h, kh, pad[0], stride[0], dilate[0]);
  const ow = outSize(w, kw, pad[1], stride[1], dilate[1]);
  if (oh < 1 || ow < 1) {
    throw new ShapeError(
      `${op}: the kernel (${kh}, ${kw}) with dilate (${dilate.join(', ')}) spans (${dilate[0] * (kh - 1) + 1}, ${dilate[1] * (kw - 1) + 1}), ` +
        `larger than the padded input (${h + 2 * pad[0]}, ${w + 2 * pad[1]}) of data ${fmtShape(data.shape)}: use a smaller kernel or more padding.`,
    );
  }
  const attrs: ConvAttrs = { stride, pad, dilate, groups, inSize: [h, w], kernel: [kh, kw] };
  return apply(Convolution, bias === null ? [data, weight] : [data, weight, bias], attrs);
}
