/**
 * Elementwise primitives. Binary ones broadcast like NumPy; their gradients undo the
 * broadcast by summing (see unbroadcast). Each op: forward and backward side by side.
 */
import { tf, type Tensor } from '../../engine/tf';
import { ArgumentError, ShapeError, fmtShape } from '../errors';
import { NDArray, type Operand } from '../ndarray';
import { apply, definePrimitive, type Primitive } from '../primitive';
import { broadcastShapes } from '../shape-utils';
import { checkAllocation } from '../memory-guard';
import { unbroadcast } from './broadcast-grad';
import { asOperand, expectArray } from './operand';

// ---- binary primitives ---------------------------------------------------------------

// y = a + b        dy/da = 1, dy/db = 1
const Add = definePrimitive({
  name: 'add',
  saves: 'none',
  forward: ([a, b]) => tf.add(a!, b!),
  backward: (dy, s) => [unbroadcast(dy, s.inputShapes[0]!), unbroadcast(dy, s.inputShapes[1]!)],
});

// y = a - b        dy/da = 1, dy/db = -1
const Sub = definePrimitive({
  name: 'sub',
  saves: 'none',
  forward: ([a, b]) => tf.sub(a!, b!),
  backward: (dy, s) => [unbroadcast(dy, s.inputShapes[0]!), unbroadcast(tf.neg(dy), s.inputShapes[1]!)],
});

// y = a * b        dy/da = b, dy/db = a
const Mul = definePrimitive({
  name: 'mul',
  forward: ([a, b]) => tf.mul(a!, b!),
  backward: (dy, { inputs: [a, b], inputShapes, needsGrad }) => [
    needsGrad[0] ? unbroadcast(tf.mul(dy, b!), inputShapes[0]!) : null,
    needsGrad[1] ? unbroadcast(tf.mul(dy, a!), inputShapes[1]!) : null,
  ],
});

// y = a / b        dy/da = 1/b, dy/db = -a/b^2
const Div = definePrimitive({
  name: 'div',
  forward: ([a, b]) => tf.div(a!, b!),
  backward: (dy, { inputs: [a, b], inputShapes, needsGrad }) => [
    needsGrad[0] ? unbroadcast(tf.div(dy, b!), inputShapes[0]!) : null,
    needsGrad[1] ? unbroadcast(tf.neg(tf.div(tf.mul(dy, a!), tf.square(b!))), inputShapes[1]!) : null,
  ],
});

// y = a ^ b        dy/da = b a^(b-1), dy/db = a^b ln a
const Pow = definePrimitive({
  name: 'pow',
  saves: 'both',
  forward: ([a, b]) => tf.pow(a!, b!),
  backward: (dy, { inputs: [a, b], output, inputShapes, needsGrad }) => [
    needsGrad[0] ? unbroadcast(tf.mul(dy, tf.mul(b!, tf.pow(a!, tf.sub(b!, 1)))), inputShapes[0]!) : null,
    needsGrad[1] ? unbroadcast(tf.mul(dy, tf.mul(output, tf.log(a!))), inputShapes[1]!) : null,
  ],
});

// y = max(a, b)    the gradient goes to the larger input (to a on ties, as MXNet)
const Maximum = definePrimitive({
  name: 'maximum',
  forward: ([a, b]) => tf.maximum(a!, b!),
  backward: (dy, { inputs: [a, b], inputShapes }) => {
    const aWins = tf.cast(tf.greaterEqual(a!, b!), 'float32');
    return [unbroadcast(tf.mul(dy, aWins), inputShapes[0]!), unbroadcast(tf.mul(dy, tf.sub(1, aWins)), inputShapes[1]!)];
  },
});

// y = min(a, b)    the gradient goes to the smaller input (to a on ties)
const Minimum = definePrimitive({
  name: 'minimum',
  forward: ([a, b]) => tf.minimum(a!, b!),
  backward: (dy, { inputs: [a, b], inputShapes }) => {
    const aWins = tf.cast(tf.lessEqual(a!, b!), 'float32');
    return [unbroadcast(tf.mul(dy, aWins), inputShapes[0]!), unbroadcast(tf.mul(dy, tf.sub(1, aWins)), inputShapes[1]!)];
  },
});

/** Comparisons return 0/1 in the inputs' dtype (as MXNet); they have no gradient. */
function comparison(name: string, f: (a: Tensor, b: Tensor) => Tensor): Primitive<undefined> {
  return definePrimitive({
    name,
    forward: ([a, b]) => tf.cast(f(a!, b!), tf.upcastType(a!.dtype, b!.dtype)),
  });
}
const Equal = comparison('equal', tf.equal);
const NotEqual = comparison('notEqual', tf.notEqual);
const Greater = comparison('greater', tf.greater);
const GreaterEqual = comparison('greaterEqual', tf.greaterEqual);
const Less = comparison('less', tf.less);
const LessEqual = comparison('lessEqual', tf.lessEqual);

function binary(p: Primitive<undefined>, a: NDArray, b: Operand): NDArray {
  expectArray(p.name, 'the first argument', a);
  const [bArr, temporary] = asOperand(p.name, 'the second argument', b, a);
  try {
    // A clear error before TensorFlow.js's; and a broadcast result too large for the backend is
    // refused before it is tried: on WASM a failed memory growth breaks the module for good
    // (every later allocation fails with "memory access out of bounds").
    checkAllocation(p.name, broadcastShapes(p.name, a.shape, bArr.shape));
  } catch (e) {
    if (temporary) bArr.dispose();
    throw e;
  }
  const out = apply(p, [a, bArr], undefined);
  if (temporary) bArr.dispose(); // the tape keeps its own reference when it needs one
  return out;
}

/** a + b elementwise, broadcasting as NumPy (MXNet's broadcast_add); b may be a number. */
export const add = (a: NDArray, b: Operand): NDArray => binary(Add, a, b);
/** a - b elementwise, broadcasting (MXNet's broadcast_sub); b may be a number. */
export const sub = (a: NDArray, b: Operand): NDArray => binary(Sub, a, b);
/** a * b elementwise, broadcasting (MXNet's broadcast_mul); b may be a number. */
export const mul = (a: NDArray, b: Operand): NDArray => binary(Mul, a, b);
/** a / b elementwise, broadcasting (MXNet's broadcast_div); b may be a number. */
export const div = (a: NDArray, b: Operand): NDArray => binary(Div, a, b);
/** a ** b elementwise, broadcasting (MXNet's broadcast_power); b may be a number. */
export const pow = (a: NDArray, b: Operand): NDArray => binary(Pow, a, b);
/** The larger of a and b elementwise, broadcasting (MXNet's broadcast_maximum). */
export const maximum = (a: NDArray, b: Operand): NDArray => binary(Maximum, a, b);
/** The smaller of a and b elementwise, broadcasting (MXNet's broadcast_minimum). */
export const minimum = (a: NDArray, b: Operand): NDArray => binary(Minimum, a, b);
/** 1 where a == b, else 0 (MXNet's broadcast_equal); no gradient. */
export const equal = (a: NDArray, b: Operand): NDArray => binary(Equal, a, b);
/** 1 where a != b, else 0 (MXNet's broadcast_not_equal); no gradient. */
export const notEqual = (a: NDArray, b: Operand): NDArray => binary(NotEqual, a, b);
/** 1 where a > b, else 0 (MXNet's broadcast_greater); no gradient. */
export const greater = (a: NDArray, b: Operand): NDArray => binary(Greater, a, b);
/** 1 where a >= b, else 0 (MXNet's broadcast_greater_equal); no gradient. */
export const greaterEqual = (a: NDArray, b: Operand): NDArray => binary(GreaterEqual, a, b);
/** 1 where a < b, else 0 (MXNet's broadcast_lesser); no gradient. */
export const less = (a: NDArray, b: Operand): NDArray => binary(Less, a, b);
/** 1 where a <= b, else 0 (MXNet's broadcast_lesser_equal); no gradient. */
export const lessEqual = (a: NDArray, b: Operand): NDArray => binary(LessEqual, a, b);

// ---- unary primitives ----------------------------------------------------------------

// y = -x           dy/dx = -1
const Neg = definePrimitive({ name: 'neg', saves: 'none', forward: ([x]) => tf.neg(x!), backward: (dy) => [tf.neg(dy)] });

// y = |x|          dy/dx = sign(x)
const Abs = definePrimitive({ name: 'abs', forward: ([x]) => tf.abs(x!), backward: (dy, { inputs: [x] }) => [tf.mul(dy, tf.sign(x!))] });

// y = e^x          dy/dx = e^x = y
const Exp = definePrimitive({ name: 'exp', saves: 'output', forward: ([x]) => tf.exp(x!), backward: (dy, { output }) => [tf.mul(dy, output)] });

// y = ln x         dy/dx = 1/x
const Log = definePrimitive({ name: 'log', forward: ([x]) => tf.log(x!), backward: (dy, { inputs: [x] }) => [tf.div(dy, x!)] });

// y = sqrt(x)      dy/dx = 1/(2 y)
const Sqrt = definePrimitive({ name: 'sqrt', saves: 'output', forward: ([x]) => tf.sqrt(x!), backward: (dy, { output }) => [tf.div(dy, tf.mul(output, 2))] });

// y = x^2          dy/dx = 2x
const Square = definePrimitive({ name: 'square', forward: ([x]) => tf.square(x!), backward: (dy, { inputs: [x] }) => [tf.mul(dy, tf.mul(x!, 2))] });

// y = sign(x)      piecewise constant: dy/dx = 0 (MXNet's gradient, so backward through sign works and gives zeros)
const Sign = definePrimitive({ name: 'sign', saves: 'none', forward: ([x]) => tf.sign(x!), backward: (dy) => [tf.zerosLike(dy)] });

// y = max(x, 0)    dy/dx = 1 where y > 0
const Relu = definePrimitive({
  name: 'relu',
  saves: 'output',
  forward: ([x]) => tf.relu(x!),
  backward: (dy, { output }) => [tf.mul(dy, tf.cast(tf.greater(output, 0), 'float32'))],
});

// y = 1/(1+e^-x)   dy/dx = y (1 - y)
const Sigmoid = definePrimitive({
  name: 'sigmoid',
  saves: 'output',
  forward: ([x]) => tf.sigmoid(x!),
  backward: (dy, { output: y }) => [tf.mul(dy, tf.mul(y, tf.sub(1, y)))],
});

// y = tanh(x)      dy/dx = 1 - y^2
const Tanh = definePrimitive({
  name: 'tanh',
  saves: 'output',
  forward: ([x]) => tf.tanh(x!),
  backward: (dy, { output: y }) => [tf.mul(dy, tf.sub(1, tf.square(y)))],
});

// y = min(max(x, lo), hi)   dy/dx = 1 inside [lo, hi], 0 outside
// NaN stays NaN (as in MXNet and NumPy): tfjs's WASM ClipByValue returns the lower bound for
// NaN, which would hide a diverging run, so NaN entries are put back explicitly.
const Clip = definePrimitive<{ min: number; max: number }>({
  name: 'clip',
  forward: ([x], { min, max }) => {
    const clipped = tf.clipByValue(x!, min, max);
    return x!.dtype === 'float32' ? tf.where(tf.isNaN(x!), x!, clipped) : clipped;
  },
  backward: (dy, { inputs: [x] }, { min, max }) => [
    tf.mul(dy, tf.cast(tf.logicalAnd(tf.greaterEqual(x!, min), tf.lessEqual(x!, max)), 'float32')),
  ],
});

function unary(p: Primitive<undefined>, x: NDArray): NDArray {
  return apply(p, [expectArray(p.name, 'x', x)], undefined);
}

/** -x elementwise (MXNet's negative). */
export const neg = (x: NDArray): NDArray => unary(Neg, x);
/** |x| elementwise (MXNet's abs). */
export const abs = (x: NDArray): NDArray => unary(Abs, x);
/** e^x elementwise (MXNet's exp). */
export const exp = (x: NDArray): NDArray => unary(Exp, x);
/** The natural logarithm elementwise (MXNet's log). */
export const log = (x: NDArray): NDArray => unary(Log, x);
/** The square root elementwise (MXNet's sqrt). */
export const sqrt = (x: NDArray): NDArray => unary(Sqrt, x);
/** x^2 elementwise (MXNet's square). */
export const square = (x: NDArray): NDArray => unary(Square, x);
/** -1, 0 or 1 by the sign of x, elementwise (MXNet's sign). */
export const sign = (x: NDArray): NDArray => unary(Sign, x);
/** max(x, 0) elementwise (MXNet's relu). */
export const relu = (x: NDArray): NDArray => unary(Relu, x);
/** 1 / (1 + e^-x) elementwise (MXNet's sigmoid). */
export const sigmoid = (x: NDArray): NDArray => unary(Sigmoid, x);
/** The hyperbolic tangent elementwise (MXNet's tanh). */
export const tanh = (x: NDArray): NDArray => unary(Tanh, x);

/** x limited to [min, max] elementwise (MXNet's clip); the gradient is 0 outside the range. */
export function clip(x: NDArray, min: number, max: number): NDArray {
  expectArray('clip', 'x', x);
  if (typeof min !== 'number' || typeof max !== 'number' || !(min <= max)) {
    throw new ArgumentError(`clip: min and max must be numbers with min <= max, got min=${String(min)}, max=${String(max)}.`);
  }
  return apply(Clip, [x], { min, max });
}

// ---- where ---------------------------------------------------------------------------

// y = cond ? a : b    dy/da = cond, dy/db = 1 - cond (cond itself has no gradient)
const Where = definePrimitive({
  name: 'where',
  forward: ([c, a, b]) => {
    const outShape = broadcastShapes('where', broadcastShapes('where', c!.shape, a!.shape), b!.shape);
    return tf.where(tf.broadcastTo(tf.notEqual(c!, 0), outShape), tf.broadcastTo(a!, outShape), tf.broadcastTo(b!, outShape));
  },
  backward: (dy, { inputs: [c], inputShapes }) => {
    const mask = tf.cast(tf.notEqual(c!, 0), 'float32');
    return [null, unbroadcast(tf.mul(dy, mask), inputShapes[1]!), unbroadcast(tf.mul(dy, tf.sub(1, mask)), inputShapes[2]!)];
  },
});

/**
 * Elementwise choice: `a` where `condition` is nonzero, `b` elsewhere (all broadcast). As in
 * MXNet, a 1-D condition of length n with n-row operands of higher rank selects whole rows
 * (the first axis), not columns: `where(nd.array([1, 0]), A, B)` takes row 0 of A and row 1 of B.
 */
export function where(condition: NDArray, a: Operand, b: Operand): NDArray {
  expectArray('where', 'condition', condition);
  const like = a instanceof NDArray ? a : b instanceof NDArray ? b : condition;
  const [aArr, ta] = asOperand('where', 'x', a, like);
  const [bArr, tb] = asOperand('where', 'y', b, like);
  let cond = condition;
  try {
    const valueShape = broadcastShapes('where', aArr.shape, bArr.shape);
    if (condition.ndim === 1 && valueShape.length > 1) {
      // MXNet's row selection: the condition's n entries choose among the n rows.
      if (condition.shape[0] !== valueShape[0]) {
        throw new ShapeError(
          `where: a 1-D condition selects rows (MXNet's rule), so its length must equal the number of rows; ` +
            `got a condition of shape ${fmtShape(condition.shape)} for values of shape ${fmtShape(valueShape)}. ` +
            `For elementwise selection give a condition of the values' shape.`,
        );
      }
      cond = condition.reshape([condition.shape[0]!, ...valueShape.slice(1).map(() => 1)]); // (n, 1, ..., 1)
    }
    checkAllocation('where', broadcastShapes('where', cond.shape, valueShape));
  } catch (e) {
    if (ta) aArr.dispose();
    if (tb) bArr.dispose();
    throw e;
  }
  const out = apply(Where, [cond, aArr, bArr], undefined);
  if (ta) aArr.dispose();
  if (tb) bArr.dispose();
  if (cond !== condition) cond.dispose();
  return out;
}
