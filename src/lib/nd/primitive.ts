/**
 * Primitive ops: the small set of functions whose derivative the library knows by hand.
 * Each defines its forward (TensorFlow.js kernels) and its backward (the vector-Jacobian
 * product) side by side; everything else (softmax, cross-entropy, layers) is built from them.
 */
import { tf, type Tensor } from '../engine/tf';
import { isRecording } from '../autograd/state';
import { TapeNode } from '../autograd/tape';
import { NDArray } from './ndarray';
import { OpError, fmtShape } from './errors';
import { allocationError, arrayBytes, checkAllocation, isAllocationFailure } from './memory-guard';
import { maxArrayBytes } from './backend-limits';

/** What the backward of one call may read: the inputs and the output, as they were. */
export interface Saved {
  /** The input tensors as they were at the call (empty unless the primitive saves inputs). */
  readonly inputs: readonly Tensor[];
  /** The output tensor (only if the primitive saves its output). */
  readonly output: Tensor;
  /** The inputs' shapes: every backward may need them to undo broadcasting. */
  readonly inputShapes: readonly (readonly number[])[];
  /** Which inputs need a gradient: backward may skip (return null for) the others. */
  readonly needsGrad: readonly boolean[];
  /** What the forward handed over besides the output (see WithExtras); empty if nothing. */
  readonly extras: readonly Tensor[];
}

/**
 * A forward's result with intermediates the backward would otherwise recompute (a recurrence's
 * gates: recomputing them costs as many products as the forward). Kept only while recording.
 */
export interface WithExtras {
  readonly output: Tensor;
  readonly extras: readonly Tensor[];
}

function hasExtras(r: Tensor | WithExtras): r is WithExtras {
  return !(r instanceof tf.Tensor);
}

export interface Primitive<A> {
  readonly name: string;
  /** y = f(x_1, ..., x_n), or y with extras for the backward. Runs inside tf.tidy. */
  forward(xs: readonly Tensor[], attrs: A): Tensor | WithExtras;
  /** Given dL/dy, returns dL/dx_i for each input (null where none is needed). Runs inside tf.tidy. */
  backward?(dy: Tensor, saved: Saved, attrs: A): readonly (Tensor | null)[];
  /** Which tensors the backward reads; the tape keeps only those. Default: inputs. */
  readonly saves?: 'inputs' | 'output' | 'both' | 'none';
}

export function definePrimitive<A = undefined>(p: Primitive<A>): Primitive<A> {
  return p;
}

/** Called before each op: the kernel uses it to stop a running cell (soft interrupt). */
let beforeOp: (() => void) | null = null;
export function setBeforeOpHook(hook: (() => void) | null): void {
  beforeOp = hook;
}

/**
 * Another reference to a tensor's data, for the tape. tf.clone shares the data on WebGL, WebGPU
 * and CPU but copies it on WASM (its Identity kernel); a same-shape reshape shares it everywhere.
 * Sharing also lets the nodes of an unrolled RNN, which all save the same weight, be seen as
 * saving one tensor (fast-paths/backward-memo.ts).
 */
function shareData(t: Tensor): Tensor {
  return tf.reshape(t, t.shape);
}

/** Integer arrays (labels, indices) never carry gradients. */
function needsGrad(x: NDArray): boolean {
  return x.dtype === 'float32' && (x.tapeNode !== null || x.hasGrad);
}

/** Runs a primitive on arrays; while recording, appends it to the tape. */
export function apply<A>(p: Primitive<A>, inputs: readonly NDArray[], attrs: A): NDArray {
  if (beforeOp !== null) beforeOp();
  const xs = inputs.map((x) => x.tensor);
  let y: Tensor;
  let extras: readonly Tensor[] = [];
  try {
    const result = tf.tidy(() => p.forward(xs, attrs) as Tensor | { output: Tensor; extras: Tensor[] });
    if (hasExtras(result)) ({ output: y, extras } = result);
    else y = result;
  } catch (e) {
    if (isAllocationFailure(e)) throw allocationError(p.name, null, e as Error, inputs.map((x) => x.shape));
    // tfjs's own checks throw bare Errors ("Argument 'x' passed to 'sqrt' must be float32"): name the op and the inputs.
    if (e instanceof Error && e.constructor === Error) {
      const shapes = inputs.map((x) => `${x.dtype} ${fmtShape(x.shape)}`).join(', ');
      throw Object.assign(new OpError(`${p.name}: ${e.message} (inputs: ${shapes}).`), { cause: e });
    }
    throw e;
  }
  // WebGPU does not throw on a buffer too large for the device: it would read as zeros.
  if (arrayBytes(y.shape) > maxArrayBytes()) {
    const shape = y.shape;
    y.dispose();
    checkAllocation(p.name, shape);
  }
  const out = NDArray.fromTensor(y);
  const recorded = p.backward !== undefined && isRecording() && inputs.some(needsGrad);
  if (!recorded) tf.dispose(extras as Tensor[]);
  if (recorded) {
    const saves = p.saves ?? 'inputs';
    const keptInputs = saves === 'inputs' || saves === 'both' ? xs.map(shareData) : [];
    const keptOutput = saves === 'output' || saves === 'both' ? shareData(y) : null;
    const inputShapes = inputs.map((x) => x.shape);
    const needs = inputs.map(needsGrad);
    const saved: Saved = {
      inputShapes,
      needsGrad: needs,
      extras,
      get inputs() {
        return keptInputs;
      },
      get output() {
        if (keptOutput === null) throw new Error(`internal: primitive '${p.name}' reads its output in backward but does not save it`);
        return keptOutput;
      },
    };
    const backward = p.backward!;
    const parents = inputs.map((x, i) => (needs[i] ? (x.tapeNode ?? x) : null));
    const owned = [...keptInputs, ...(keptOutput === null ? [] : [keptOutput]), ...extras];
    out.tapeNode = new TapeNode(p.name, parents, inputShapes, (dy) => backward(dy, saved, attrs), owned);
  }
  return out;
}
