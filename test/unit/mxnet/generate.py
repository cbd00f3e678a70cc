#!/usr/bin/env python3
"""Reference values for the port of Apache MXNet's Python unit tests (test/unit/mxnet).

Each case names the MXNet test it comes from (tests/python/unittest/<file>::<test>) and holds
inputs, options and the values NumPy computes in float64: the forward output and, for
differentiable ops, the gradient of L = sum(f(x) * head) for a random head, by central finite
differences in float64 (as MXNet's check_numeric_gradient does). Inputs are rounded to float32
first, so the library and NumPy see the same numbers. Run from the repository root:

    python3 test/unit/mxnet/generate.py              # writes test/unit/mxnet/cases/*.json
    python3 test/unit/mxnet/generate.py --out DIR    # elsewhere (the staleness test)

The JSON files are committed; `generate.test.ts` checks they are what this script writes.
"""
import json
import math
import os
import sys

import numpy as np

OUT = sys.argv[sys.argv.index('--out') + 1] if '--out' in sys.argv else os.path.join(os.path.dirname(os.path.abspath(__file__)), 'cases')
rng = np.random.default_rng(20161)


def f32(a):
    return np.asarray(a, dtype=np.float32).astype(np.float64)


def rand(*shape, lo=-1.0, hi=1.0):
    return f32(rng.uniform(lo, hi, size=shape))


def away(*shape, gap=0.1, lo=-1.0, hi=1.0):
    """Uniform values at least `gap` from 0 (kinks of relu, abs, sign stay out of the FD step)."""
    x = rng.uniform(lo, hi, size=shape)
    x = np.where(np.abs(x) < gap, np.sign(x + 1e-12) * gap, x)
    return f32(x)


def distinct(*shape):
    """A permutation of well-separated values: no ties for max, argmax, sort, max pooling."""
    n = int(np.prod(shape))
    return f32((rng.permutation(n).reshape(shape) - n / 2) / 4)


def arr(a, dtype='float32'):
    a = np.asarray(a)
    if a.ndim == 0:
        a = a.reshape(1)
    # JSON has no NaN: null stands for it (cases.ts reads it back).
    return {'shape': list(a.shape), 'dtype': dtype,
            'data': [(None if math.isnan(v) else float(v)) if dtype == 'float32' else int(v) for v in a.reshape(-1)]}


def num_grad(f, inputs, diff, head, eps=1e-6):
    grads = []
    for i in range(len(inputs)):
        if i not in diff:
            grads.append(None)
            continue
        x = inputs[i]
        g = np.zeros_like(x)
        it = np.nditer(x, flags=['multi_index'])
        for _ in it:
            ix = it.multi_index
            old = x[ix]
            x[ix] = old + eps
            lp = np.sum(f(*inputs) * head)
            x[ix] = old - eps
            lm = np.sum(f(*inputs) * head)
            x[ix] = old
            g[ix] = (lp - lm) / (2 * eps)
        grads.append(arr(g))
    return grads


FILES = {}


def case(file, source, op, inputs, params=None, ref=None, diff=None, dtypes=None, out=None, tol=None, gtol=None, note=None):
    """One op case. `ref` computes the output with NumPy from float64 inputs; `diff` lists the
    inputs to differentiate (default: all float inputs when the op is differentiable)."""
    params = params or {}
    dtypes = dtypes or ['float32'] * len(inputs)
    inputs = [np.array(x, dtype=np.float64) for x in inputs]
    y = ref(*inputs) if out is None else out
    c = {
        'id': f'{source} [{op}#{sum(1 for k in FILES.get(file, []) if k["from"].endswith(source) and k.get("op") == op) + 1}]',
        'from': f'tests/python/unittest/{source}',
        'op': op,
        'inputs': [arr(x, d) for x, d in zip(inputs, dtypes)],
        'params': params,
    }
    if isinstance(y, (list, tuple)):
        c['outputs'] = [arr(v) for v in y]
    else:
        c['output'] = arr(y)
    if diff is None:
        diff = []
    if diff:
        head = f32(rng.uniform(0.5, 1.5, size=np.shape(y)))
        c['head'] = arr(head)
        c['grads'] = num_grad(ref, inputs, diff, head)
    if tol is not None:
        c['tol'] = tol
    if gtol is not None:
        c['gradTol'] = gtol
    if note:
        c['note'] = note
    FILES.setdefault(file, []).append(c)


def other(file, source, kind, data):
    """A case the test file runs with its own code (trainer steps, data loaders, layers)."""
    n = sum(1 for k in FILES.get(file, []) if k['from'].endswith(source) and k.get('kind') == kind) + 1
    FILES.setdefault(file, []).append({'id': f'{source} [{kind}#{n}]', 'from': f'tests/python/unittest/{source}', 'kind': kind, **data})


ALL = lambda n: list(range(n))  # noqa: E731

# ---------------------------------------------------------------------------------------------
# test_ndarray.py / test_operator.py: elementwise
# ---------------------------------------------------------------------------------------------
sig = lambda x: 1 / (1 + np.exp(-x))  # noqa: E731
UNARY = {
    'relu': (lambda x: np.maximum(x, 0), 'test_operator.py::test_relu', away),
    'sigmoid': (sig, 'test_operator.py::test_sigmoid', rand),
    'tanh': (np.tanh, 'test_operator.py::test_unary_math_operators', rand),
    'abs': (np.abs, 'test_operator.py::test_abs', away),
    'sign': (np.sign, 'test_operator.py::test_sign', away),
    'square': (np.square, 'test_operator.py::test_unary_math_operators', rand),
    'exp': (np.exp, 'test_operator.py::test_unary_math_operators', rand),
    'neg': (np.negative, 'test_ndarray.py::test_ndarray_negate', rand),
}
for name, (fn, src, gen) in UNARY.items():
    for shape in [(5,), (3, 4), (2, 3, 2)]:
        case('elementwise', src, name, [gen(*shape)], ref=fn, diff=[0])
for shape in [(6,), (2, 5)]:
    case('elementwise', 'test_operator.py::test_unary_math_operators', 'log', [rand(*shape, lo=0.2, hi=3)], ref=np.log, diff=[0])
    case('elementwise', 'test_operator.py::test_rsqrt_cos_sin', 'sqrt', [rand(*shape, lo=0.2, hi=3)], ref=np.sqrt, diff=[0])

BINARY = {
    'add': (np.add, 'test_ndarray.py::test_ndarray_elementwise'),
    'sub': (np.subtract, 'test_ndarray.py::test_ndarray_elementwise'),
    'mul': (np.multiply, 'test_ndarray.py::test_ndarray_elementwise'),
    'div': (np.divide, 'test_ndarray.py::test_ndarray_elementwise'),
    'maximum': (np.maximum, 'test_operator.py::test_broadcast_binary_op'),
    'minimum': (np.minimum, 'test_operator.py::test_broadcast_binary_op'),
}
for name, (fn, src) in BINARY.items():
    for sa, sb in [((3, 4), (3, 4)), ((3, 4), (1, 4)), ((2, 3, 1), (1, 4))]:
        a, b = distinct(*sa), distinct(*sb) + 0.125
        if name == 'div':
            b = np.where(np.abs(b) < 0.5, 0.5 + np.abs(b), b)
        src2 = src if sa == sb else 'test_ndarray.py::test_broadcast_binary'
        case('elementwise', src2, name, [a, b], ref=fn, diff=[0, 1])
for sa, sb in [((3, 4), (3, 4)), ((2, 3), (1, 3))]:
    case('elementwise', 'test_operator.py::test_broadcast_binary_op', 'pow', [rand(*sa, lo=0.5, hi=2), rand(*sb, lo=-1.5, hi=2)], ref=np.power, diff=[0, 1])
for name, fn, src in [('add', np.add, 'test_ndarray.py::test_ndarray_elementwise'), ('mul', np.multiply, 'test_ndarray.py::test_ndarray_elementwise'),
                      ('sub', np.subtract, 'test_ndarray.py::test_ndarray_elementwise'), ('div', np.divide, 'test_ndarray.py::test_ndarray_elementwise'),
                      ('pow', np.power, 'test_ndarray.py::test_ndarray_elementwise')]:
    s = 2.5
    x = rand(3, 4, lo=0.5, hi=2)
    case('elementwise', src, name + 'Scalar', [x], params={'scalar': s}, ref=lambda x, fn=fn: fn(x, s), diff=[0])

COMPARE = {
    'equal': (np.equal, 'test_ndarray.py::test_ndarray_equal'),
    'notEqual': (np.not_equal, 'test_ndarray.py::test_ndarray_not_equal'),
    'greater': (np.greater, 'test_ndarray.py::test_ndarray_greater'),
    'greaterEqual': (np.greater_equal, 'test_ndarray.py::test_ndarray_greater_equal'),
    'less': (np.less, 'test_ndarray.py::test_ndarray_lesser'),
    'lessEqual': (np.less_equal, 'test_ndarray.py::test_ndarray_lesser_equal'),
}
for name, (fn, src) in COMPARE.items():
    a = f32(rng.integers(0, 3, size=(3, 4)))
    b = f32(rng.integers(0, 3, size=(3, 4)))
    case('elementwise', src, name, [a, b], ref=lambda a, b, fn=fn: fn(a, b).astype(np.float64))
    case('elementwise', src, name, [a, f32(rng.integers(0, 3, size=(1, 4)))], ref=lambda a, b, fn=fn: fn(a, b).astype(np.float64))

for lo, hi in [(-0.5, 0.5), (0.0, 0.3)]:
    case('elementwise', 'test_operator.py::test_clip', 'clip', [away(4, 5, gap=0.05) * 1.0], params={'min': lo, 'max': hi},
         ref=lambda x, lo=lo, hi=hi: np.clip(x, lo, hi), diff=[0])
cond = f32(rng.integers(0, 2, size=(3, 4)))
case('elementwise', 'test_operator.py::test_where', 'where', [cond, rand(3, 4), rand(3, 4)], ref=lambda c, a, b: np.where(c != 0, a, b), diff=[1, 2])
# MXNet's where with a 1-D condition of the first axis's length selects whole rows (test_where's
# "condition is 1-D" branch); NumPy's where would broadcast it along the last axis instead.
cond1 = np.array([1.0, 0.0, 1.0])
case('elementwise', 'test_operator.py::test_where', 'where', [cond1, rand(3, 3), rand(3, 3)],
     ref=lambda c, a, b: np.where(c[:, None] != 0, a, b), diff=[1, 2])
case('elementwise', 'test_operator.py::test_where', 'where', [f32([0, 1]), rand(2, 4), rand(2, 4)],
     ref=lambda c, a, b: np.where(c[:, None] != 0, a, b), diff=[1, 2])
case('elementwise', 'test_ndarray.py::test_ndarray_elementwisesum', 'addN', [rand(3, 4), rand(3, 4), rand(3, 4)], ref=lambda a, b, c: a + b + c, diff=[0, 1, 2])

# ---------------------------------------------------------------------------------------------
# reductions: test_ndarray.py::test_reduce, test_operator.py::test_reduce, test_norm, test_order
# ---------------------------------------------------------------------------------------------
RED = {'sum': np.sum, 'mean': np.mean, 'max': np.max, 'min': np.min, 'prod': np.prod}
for name, fn in RED.items():
    for shape, axis, keep in [((3, 4), None, False), ((3, 4), 0, False), ((3, 4), 1, True), ((2, 3, 4), [0, 2], False), ((2, 3, 4), -1, True)]:
        x = distinct(*shape) if name in ('max', 'min') else (rand(*shape, lo=0.5, hi=1.5) if name == 'prod' else rand(*shape))
        ax = tuple(axis) if isinstance(axis, list) else axis
        p = {}
        if axis is not None:
            p['axis'] = axis
        if keep:
            p['keepDims'] = True
        case('reduce', 'test_ndarray.py::test_reduce' if name != 'prod' else 'test_operator.py::test_reduce', name, [x], params=p,
             ref=lambda x, fn=fn, ax=ax, keep=keep: fn(x, axis=ax, keepdims=keep), diff=[0])
for ordv, axis in [(2, None), (2, 1), (1, 0), (1, None)]:
    x = away(3, 4)
    p = {'ord': ordv}
    if axis is not None:
        p['axis'] = axis
    case('reduce', 'test_ndarray.py::test_norm', 'norm', [x], params=p,
         ref=lambda x, o=ordv, a=axis: (np.sqrt(np.sum(x * x, axis=a)) if o == 2 else np.sum(np.abs(x), axis=a)), diff=[0])
for name, fn in [('argmax', np.argmax), ('argmin', np.argmin)]:
    for shape, axis in [((3, 5), 1), ((3, 5), 0), ((2, 3, 4), 2)]:
        case('reduce', 'test_operator.py::test_order', name, [distinct(*shape)], params={'axis': axis},
             ref=lambda x, fn=fn, a=axis: fn(x, axis=a).astype(np.float64))

# ---------------------------------------------------------------------------------------------
# shape: reshape, transpose, expand_dims, squeeze, flatten, broadcast, tile, concat, stack, split
# ---------------------------------------------------------------------------------------------
for src_shape, target, result in [((2, 3, 4), [6, 4], (6, 4)), ((2, 3, 4), [-1, 4], (6, 4)), ((2, 3, 4), [0, -1], (2, 12)),
                                   ((2, 3, 4), [4, 0, -1], (4, 3, 2)), ((24,), [2, -1, 3], (2, 4, 3))]:
    case('shape', 'test_ndarray.py::test_ndarray_reshape', 'reshape', [rand(*src_shape)], params={'shape': target},
         ref=lambda x, r=result: x.reshape(r), diff=[0])
for shape, axes in [((3, 4), None), ((2, 3, 4), [1, 0, 2]), ((2, 3, 4), [2, 0, 1]), ((2, 3, 4, 2), [3, 1, 0, 2])]:
    case('shape', 'test_operator.py::test_transpose', 'transpose', [rand(*shape)], params={} if axes is None else {'axes': axes},
         ref=lambda x, a=axes: np.transpose(x, a), diff=[0])
for shape, axis in [((3, 4), 0), ((3, 4), 2), ((3, 4), -1), ((2, 3, 4), 1)]:
    case('shape', 'test_ndarray.py::test_ndarray_expand_dims', 'expandDims', [rand(*shape)], params={'axis': axis},
         ref=lambda x, a=axis: np.expand_dims(x, a), diff=[0])
for shape, axis in [((1, 3, 1, 4), None), ((1, 3, 1, 4), 2), ((1, 3, 1, 4), [0, 2]), ((3, 1), 1)]:
    case('shape', 'test_ndarray.py::test_ndarray_squeeze', 'squeeze', [rand(*shape)], params={} if axis is None else {'axis': axis},
         ref=lambda x, a=axis: np.squeeze(x, tuple(a) if isinstance(a, list) else a), diff=[0])
for shape in [(2, 3, 4), (2, 3), (2, 1, 2, 2)]:
    case('shape', 'test_ndarray.py::test_ndarray_flatten', 'flatten', [rand(*shape)], ref=lambda x: x.reshape(x.shape[0], -1), diff=[0])
for shape, target in [((1, 4), [3, 4]), ((3, 1), [3, 5]), ((2, 1, 3), [2, 4, 3]), ((1,), [2, 3])]:
    case('shape', 'test_operator.py::test_broadcast', 'broadcastTo', [rand(*shape)], params={'shape': target},
         ref=lambda x, t=target: np.broadcast_to(x, t), diff=[0])
for shape, reps in [((2, 3), [2, 1]), ((2, 3), [1, 3]), ((3,), [2, 2]), ((2, 2), [2, 3])]:
    case('shape', 'test_operator.py::test_tile', 'tile', [rand(*shape)], params={'reps': reps}, ref=lambda x, r=reps: np.tile(x, r), diff=[0])
for shapes, dim in [(((2, 3), (4, 3)), 0), (((2, 3), (2, 1), (2, 2)), 1), (((2, 2, 3), (2, 1, 3)), 1)]:
    xs = [rand(*s) for s in shapes]
    case('shape', 'test_ndarray.py::test_ndarray_concatenate', 'concat', xs, params={'dim': dim},
         ref=lambda *a, d=dim: np.concatenate(a, axis=d), diff=ALL(len(xs)))
for shape, n, axis in [((3, 4), 2, 0), ((3, 4), 3, 1), ((2, 3), 2, 2)]:
    xs = [rand(*shape) for _ in range(n)]
    case('shape', 'test_operator.py::test_stack', 'stack', xs, params={'axis': axis}, ref=lambda *a, ax=axis: np.stack(a, axis=ax), diff=ALL(n))
for shape, n, axis, sq in [((4, 6), 2, 0, False), ((4, 6), 3, 1, False), ((2, 3, 4), 3, 1, True)]:
    x = rand(*shape)
    parts = np.split(x, n, axis=axis)
    if sq:
        parts = [np.squeeze(p, axis) for p in parts]
    case('shape', 'test_operator.py::test_slice_channel', 'split', [x], params={'numOutputs': n, 'axis': axis, 'squeezeAxis': sq}, out=parts)
for dtype_from, dtype_to, vals in [('float32', 'int32', [1.7, -1.7, 2.5, 0.2, -0.0, 3.0]), ('int32', 'float32', [1, -2, 3, 0, 7, 9])]:
    x = np.array(vals, dtype=np.float64).reshape(2, 3)
    res = np.trunc(x) if dtype_to == 'int32' else x
    case('shape', 'test_ndarray.py::test_ndarray_astype', 'astype', [x], dtypes=[dtype_from], params={'dtype': dtype_to}, out=res)

# ---------------------------------------------------------------------------------------------
# indexing: test_ndarray.py::test_ndarray_indexing / test_ndarray_slice, take, pick, one_hot
# ---------------------------------------------------------------------------------------------


def np_index(spec):
    out = []
    for c in spec:
        if isinstance(c, str):
            if c == '...':
                out.append(Ellipsis)
                continue
            parts = [int(p) if p.strip() else None for p in c.split(':')]
            out.append(slice(*parts))
        else:
            out.append(c)
    return tuple(out)


INDEX_SPECS = [
    ((4, 5), [1]), ((4, 5), [-1]), ((4, 5), ['1:3']), ((4, 5), [':', 2]), ((4, 5), ['::2']), ((4, 5), ['1:5:2', '::-1']),
    ((4, 5), ['::-2', '1:4']), ((2, 3, 4), [1, ':', '1:3']), ((2, 3, 4), ['...', 0]), ((2, 3, 4), [0, 1, 2]),
    ((2, 3, 4), [':', [0, 2]]), ((4, 5), [[3, 0, 3]]), ((2, 3, 4), ['-1:', '::-1', 1]), ((6,), ['-4:-1'])]
for shape, spec in INDEX_SPECS:
    x = rand(*shape)
    case('indexing', 'test_ndarray.py::test_ndarray_indexing', 'get', [x], params={'index': spec}, ref=lambda x, s=spec: x[np_index(s)], diff=[0])
for spec in [['::2'], ['1:5:2'], ['::-2'], [':', '::3']]:
    xi = np.arange(24, dtype=np.float64).reshape(6, 4) if len(spec) == 2 else np.arange(6, dtype=np.float64)
    case('indexing', 'test_ndarray.py::test_ndarray_slice', 'get', [xi], dtypes=['int32'], params={'index': spec}, out=xi[np_index(spec)])
SET_SPECS = [((4, 5), ['1:3'], 7.0), ((4, 5), [':', 2], 'row'), ((2, 3, 4), [1, ':', '1:3'], 'block'), ((4, 5), ['::2', '1::2'], -1.5)]
for shape, spec, v in SET_SPECS:
    x = rand(*shape)
    y = x.copy()
    region = y[np_index(spec)]
    if v == 'row' or v == 'block':
        val = rand(*region.shape) if v == 'block' else rand(region.shape[-1])
    else:
        val = np.array(v)
    y[np_index(spec)] = val
    case('indexing', 'test_ndarray.py::test_ndarray_setitem', 'set', [x, np.asarray(val, dtype=np.float64).reshape(-1) if np.ndim(val) else np.array([float(val)])],
         params={'index': spec, 'valueShape': list(np.shape(val)), 'scalar': bool(np.ndim(val) == 0), **({'value': float(val)} if np.ndim(val) == 0 else {})}, out=y)
for shape, idx, axis, mode in [((5, 3), [[0, 4], [2, 1]], 0, 'clip'), ((5, 3), [2, 0, 2], 1, 'clip'), ((4,), [1, 3, 3], 0, 'clip'),
                               ((5, 3), [-1, 6, 2], 0, 'clip'), ((5, 3), [-1, 6, 2], 0, 'wrap'), ((3, 4), [[5], [-2]], 1, 'wrap')]:
    x = rand(*shape)
    ii = np.array(idx, dtype=np.float64)
    ref = (lambda x, i, a=axis, m=mode: np.take(x, i.astype(int), axis=a, mode=m))
    case('indexing', 'test_operator.py::test_take' if mode == 'clip' and min(np.ravel(idx)) >= 0 else 'test_operator.py::test_take', 'take', [x, ii], dtypes=['float32', 'int32'],
         params={'axis': axis, 'mode': mode}, ref=ref, diff=[0])
for shape, axis, keep in [((3, 4), 1, False), ((3, 4), 0, False), ((2, 3, 4), 2, True), ((2, 3, 4), 1, False)]:
    x = rand(*shape)
    n = shape[axis]
    ishape = list(shape)
    del ishape[axis]
    ii = f32(rng.integers(0, n, size=ishape))

    def pick_ref(x, i, a=axis, k=keep):
        r = np.take_along_axis(x, np.expand_dims(i.astype(int), a), axis=a)
        return r if k else np.squeeze(r, a)
    case('indexing', 'test_operator.py::test_pick', 'pick', [x, ii], dtypes=['float32', 'int32'], params={'axis': axis, 'keepDims': keep}, ref=pick_ref, diff=[0])
# MXNet's pick default mode 'clip': out-of-range indices are clipped to the axis.
case('indexing', 'test_operator.py::test_pick', 'pick', [rand(3, 4), f32([5, -1, 2])], dtypes=['float32', 'int32'], params={'axis': 1},
     ref=lambda x, i: x[np.arange(3), np.clip(i.astype(int), 0, 3)], diff=[0])
# pick along an axis of length 1 (issue 16: its backward threw a raw TensorFlow.js error)
case('indexing', 'test_operator.py::test_pick', 'pick', [rand(3, 1), f32([0, 0, 0])], dtypes=['float32', 'int32'], params={'axis': 1},
     ref=lambda x, i: x[:, 0], diff=[0])
for idx, depth, on, off in [([1, 0, 2], 3, 1.0, 0.0), ([[0, 3], [2, 1]], 4, 1.0, 0.0), ([1, 2], 3, 5.0, -1.0)]:
    ii = np.array(idx, dtype=np.float64)
    case('indexing', 'test_operator.py::test_one_hot', 'oneHot', [ii], dtypes=['int32'], params={'depth': depth, 'onValue': on, 'offValue': off},
         ref=lambda i, d=depth, on=on, off=off: np.where(np.eye(d)[i.astype(int)] > 0, on, off))

# ---------------------------------------------------------------------------------------------
# linear algebra: test_ndarray.py::test_dot, test_operator.py::test_dot, test_batch_dot
# ---------------------------------------------------------------------------------------------
for sa, sb, ta, tb in [((3, 4), (4, 5), False, False), ((4, 3), (4, 5), True, False), ((3, 4), (5, 4), False, True),
                       ((4, 3), (5, 4), True, True), ((5,), (5,), False, False), ((3, 4), (4,), False, False), ((2, 3, 4), (4, 2), False, False)]:
    a, b = rand(*sa), rand(*sb)

    def dot_ref(a, b, ta=ta, tb=tb):
        A = a.T if ta else a
        B = b.T if tb else b
        return np.tensordot(A, B, axes=([A.ndim - 1], [0])) if A.ndim > 1 or B.ndim > 1 else np.array([np.dot(A, B)])
    p = {}
    if ta:
        p['transposeA'] = True
    if tb:
        p['transposeB'] = True
    case('linalg', 'test_ndarray.py::test_dot' if not (ta or tb) else 'test_operator.py::test_dot', 'dot', [a, b], params=p, ref=dot_ref, diff=[0, 1])
for sa, sb, ta, tb in [((2, 3, 4), (2, 4, 5), False, False), ((2, 4, 3), (2, 4, 5), True, False), ((3, 2, 4), (3, 5, 4), False, True)]:
    a, b = rand(*sa), rand(*sb)

    def bdot_ref(a, b, ta=ta, tb=tb):
        A = np.swapaxes(a, 1, 2) if ta else a
        B = np.swapaxes(b, 1, 2) if tb else b
        return np.matmul(A, B)
    p = {}
    if ta:
        p['transposeA'] = True
    if tb:
        p['transposeB'] = True
    case('linalg', 'test_operator.py::test_batch_dot', 'batchDot', [a, b], params=p, ref=bdot_ref, diff=[0, 1])

# ---------------------------------------------------------------------------------------------
# neural-network operators: softmax, log_softmax, convolution, pooling
# ---------------------------------------------------------------------------------------------


def np_softmax(x, axis=-1):
    e = np.exp(x - np.max(x, axis=axis, keepdims=True))
    return e / np.sum(e, axis=axis, keepdims=True)


for shape, axis in [((3, 5), -1), ((3, 5), 0), ((2, 3, 4), 1), ((4,), 0)]:
    case('nn', 'test_operator.py::test_new_softmax', 'softmax', [rand(*shape, lo=-3, hi=3)], params={'axis': axis}, ref=lambda x, a=axis: np_softmax(x, a), diff=[0])
    case('nn', 'test_operator.py::test_log_softmax', 'logSoftmax', [rand(*shape, lo=-3, hi=3)], params={'axis': axis},
         ref=lambda x, a=axis: np.log(np_softmax(x, a)), diff=[0])
# test_softmax_with_large_inputs: no overflow for inputs of +-3.4e38-scale magnitude
big = np.array([[[[-1e30, -1e30]]], [[[1e30, 1e30]]], [[[-3.4e38, -3.4e38]]], [[[3.4e38, 3.4e38]]]], dtype=np.float64)
case('nn', 'test_operator.py::test_softmax_with_large_inputs', 'softmax', [f32(big)], params={'axis': -1}, out=np.full((4, 1, 1, 2), 0.5))


def np_conv(x, w, b, stride=(1, 1), pad=(0, 0), dilate=(1, 1), groups=1):
    n, c, h, wd = x.shape
    f, cg, kh, kw = w.shape
    xp = np.pad(x, ((0, 0), (0, 0), (pad[0], pad[0]), (pad[1], pad[1])))
    oh = (h + 2 * pad[0] - dilate[0] * (kh - 1) - 1) // stride[0] + 1
    ow = (wd + 2 * pad[1] - dilate[1] * (kw - 1) - 1) // stride[1] + 1
    y = np.zeros((n, f, oh, ow))
    fg = f // groups
    for g in range(groups):
        for i in range(oh):
            for j in range(ow):
                win = xp[:, g * cg:(g + 1) * cg, i * stride[0]: i * stride[0] + dilate[0] * (kh - 1) + 1: dilate[0],
                         j * stride[1]: j * stride[1] + dilate[1] * (kw - 1) + 1: dilate[1]]
                y[:, g * fg:(g + 1) * fg, i, j] = np.tensordot(win, w[g * fg:(g + 1) * fg], axes=([1, 2, 3], [1, 2, 3]))
    if b is not None:
        y += b.reshape(1, -1, 1, 1)
    return y


CONVS = [
    ((1, 1, 5, 5), (1, 1, 3, 3), {}, 'test_operator.py::test_convolution_grouping'),
    ((2, 3, 6, 6), (4, 3, 3, 3), {'pad': 1}, 'test_operator.py::test_convolution_grouping'),
    ((1, 2, 7, 7), (3, 2, 3, 3), {'stride': 2}, 'test_operator.py::test_convolution_grouping'),
    ((1, 2, 6, 5), (2, 2, 2, 3), {'stride': [2, 1], 'pad': [1, 0]}, 'test_operator.py::test_convolution_grouping'),
    ((1, 1, 7, 7), (1, 1, 3, 3), {'dilate': 2}, 'test_operator.py::test_convolution_dilated_impulse_response'),
    ((1, 4, 5, 5), (4, 2, 3, 3), {'numGroup': 2}, 'test_operator.py::test_convolution_grouping'),
    ((1, 3, 5, 5), (3, 1, 3, 3), {'numGroup': 3, 'pad': 1}, 'test_operator.py::test_depthwise_convolution'),
    ((2, 2, 4, 4), (3, 2, 1, 1), {}, 'test_operator.py::test_convolution_independent_gradients'),
]
for xs, ws, p, src in CONVS:
    x, w, b = rand(*xs), rand(*ws), rand(ws[0])
    pr = lambda v, d: (v, v) if isinstance(v, int) else tuple(v) if v is not None else (d, d)  # noqa: E731
    ref = (lambda x, w, b, p=p: np_conv(x, w, b, pr(p.get('stride'), 1), pr(p.get('pad'), 0), pr(p.get('dilate'), 1), p.get('numGroup', 1)))
    case('nn', src, 'convolution', [x, w, b], params=p, ref=ref, diff=[0, 1, 2], gtol=2e-3)
x, w = rand(1, 2, 4, 4), rand(2, 2, 3, 3)
case('nn', 'test_operator.py::test_convolution_independent_gradients', 'convolutionNoBias', [x, w], params={'pad': 1},
     ref=lambda x, w: np_conv(x, w, None, (1, 1), (1, 1)), diff=[0, 1])


def np_pool(x, kernel, stride, pad, kind):
    n, c, h, w = x.shape
    kh, kw = kernel
    fill = -np.inf if kind == 'max' else 0.0
    xp = np.pad(x, ((0, 0), (0, 0), (pad[0], pad[0]), (pad[1], pad[1])), constant_values=fill)
    oh = (h + 2 * pad[0] - kh) // stride[0] + 1
    ow = (w + 2 * pad[1] - kw) // stride[1] + 1
    y = np.zeros((n, c, oh, ow))
    for i in range(oh):
        for j in range(ow):
            win = xp[:, :, i * stride[0]:i * stride[0] + kh, j * stride[1]:j * stride[1] + kw]
            y[:, :, i, j] = win.max(axis=(2, 3)) if kind == 'max' else win.mean(axis=(2, 3))
    return y


POOLS = [((1, 1, 4, 4), 2, 2, 0, 'max'), ((2, 2, 5, 5), 3, 2, 1, 'max'), ((1, 2, 6, 6), 2, 1, 0, 'max'), ((1, 1, 4, 6), [2, 3], [2, 3], 0, 'max'),
         ((1, 1, 4, 4), 2, 2, 0, 'avg'), ((2, 2, 5, 5), 3, 2, 1, 'avg'), ((1, 2, 6, 6), 3, 1, 0, 'avg'), ((1, 1, 5, 4), [3, 2], [1, 2], [1, 0], 'avg')]
for xs, k, s, pd, kind in POOLS:
    pr = lambda v: (v, v) if isinstance(v, int) else tuple(v)  # noqa: E731
    case('nn', 'test_operator.py::test_pooling_versions' if kind == 'max' else 'test_operator.py::test_pooling_full_2d', 'pooling', [distinct(*xs)],
         params={'kernel': k, 'stride': s, 'pad': pd, 'poolType': kind}, ref=lambda x, k=k, s=s, pd=pd, kind=kind: np_pool(x, pr(k), pr(s), pr(pd), kind), diff=[0])
for kind in ['max', 'avg']:
    case('nn', 'test_operator.py::test_global_pooling' if False else 'test_operator.py::test_pooling_full_2d', 'pooling', [distinct(2, 3, 4, 5)],
         params={'globalPool': True, 'poolType': kind},
         ref=lambda x, kind=kind: (x.max(axis=(2, 3), keepdims=True) if kind == 'max' else x.mean(axis=(2, 3), keepdims=True)), diff=[0])

# ---------------------------------------------------------------------------------------------
# more of test_ndarray.py / test_operator.py: creation, empty arrays, NaN, modes
# ---------------------------------------------------------------------------------------------
for start, stop, step in [(0, 5, 1), (2, 9, 3), (5, 0, -1), (0.5, 3, 0.5), (0, 1, 0.3)]:
    case('creation', 'test_ndarray.py::test_arange', 'arange', [], params={'start': start, 'stop': stop, 'step': step},
         out=np.arange(start, stop, step))
for shape, v in [([2, 3], 7.0), ([4], -1.5), ([1, 2, 2], 0.0)]:
    case('creation', 'test_ndarray.py::test_ndarray_fill', 'full', [], params={'shape': shape, 'value': v}, out=np.full(shape, v))
case('creation', 'test_ndarray.py::test_init_from_scalar', 'arrayScalar', [], params={'value': 5.0}, out=np.array([5.0]))
# empty arrays: the sum over nothing is 0, and a matrix product with a zero inner dimension is
# all zeros (NumPy and MXNet alike).
for shape, axis in [((0,), None), ((2, 0), 1)]:
    case('reduce', 'test_operator.py::test_reduce', 'sum', [np.zeros(shape)], params={} if axis is None else {'axis': axis},
         out=np.sum(np.zeros(shape), axis=axis))
case('linalg', 'test_operator.py::test_dot', 'dot', [np.zeros((3, 0)), np.zeros((0, 2))], out=np.zeros((3, 2)))
# clip keeps NaN (a diverging run must stay visible), as NumPy's and MXNet's clip
case('elementwise', 'test_operator.py::test_clip', 'clip', [np.array([np.nan, -2.0, 0.5, 3.0])], params={'min': -1, 'max': 1},
     out=np.array([np.nan, -1.0, 0.5, 1.0]))
# pick with mode 'wrap' (MXNet's pick takes mode='clip' | 'wrap')
case('indexing', 'test_operator.py::test_pick', 'pick', [rand(3, 4), f32([5, -1, 2])], dtypes=['float32', 'int32'], params={'axis': 1, 'mode': 'wrap'},
     ref=lambda x, i: x[np.arange(3), np.mod(i.astype(int), 4)], diff=[0])
# softmax and log_softmax stay finite for large inputs (test_softmax_with_large_inputs, test_log_softmax)
xl = f32(np.array([[1000.0, 0.0, -1000.0], [-5e3, -5e3 + 1, -5e3 + 2]]))
case('nn', 'test_operator.py::test_log_softmax', 'logSoftmax', [xl], params={'axis': -1}, out=xl - np.log(np.sum(np.exp(xl - xl.max(axis=1, keepdims=True)), axis=1, keepdims=True)) - xl.max(axis=1, keepdims=True))
case('nn', 'test_operator.py::test_softmax_with_large_inputs', 'softmax', [xl], params={'axis': -1}, out=np_softmax(xl, -1))
# norm with keepDims (test_norm)
case('reduce', 'test_ndarray.py::test_norm', 'norm', [away(2, 3, 4)], params={'ord': 2, 'axis': 2, 'keepDims': True},
     ref=lambda x: np.sqrt(np.sum(x * x, axis=2, keepdims=True)), diff=[0])
# where with scalar branches (test_where: scalar x / y)
case('elementwise', 'test_operator.py::test_where', 'whereScalars', [f32(rng.integers(0, 2, size=(3, 4)))], params={'a': 2.0, 'b': -1.0},
     ref=lambda c: np.where(c != 0, 2.0, -1.0))
# take with a 2-D index along axis 1 of a 3-D array
case('indexing', 'test_operator.py::test_take', 'take', [rand(2, 4, 3), f32([[0, 3], [2, 2]])], dtypes=['float32', 'int32'], params={'axis': 1, 'mode': 'clip'},
     ref=lambda x, i: np.take(x, i.astype(int), axis=1), diff=[0])
# expand + reshape round trips through flatten of 4-D (test_ndarray_flatten) and transpose with negative-free axes
case('shape', 'test_ndarray.py::test_ndarray_reshape', 'reshape', [rand(2, 3, 4)], params={'shape': [-1]}, ref=lambda x: x.reshape(-1), diff=[0])
case('shape', 'test_operator.py::test_expand_dims', 'expandDims', [rand(2, 3)], params={'axis': -3}, ref=lambda x: np.expand_dims(x, -3), diff=[0])
# broadcast of both operands at once (test_broadcast_binary)
case('elementwise', 'test_ndarray.py::test_broadcast_binary', 'mul', [rand(3, 1, 2), rand(1, 4, 1)], ref=np.multiply, diff=[0, 1])
case('elementwise', 'test_ndarray.py::test_broadcast_binary', 'sub', [rand(4,), rand(3, 1)], ref=np.subtract, diff=[0, 1])

# ---------------------------------------------------------------------------------------------
# issue 16's features, in MXNet's names and semantics (lib-defects adds them): reshape's special
# codes, reshapeLike, argmin/topk/sort/argsort, the new losses, LayerNorm and InstanceNorm
# ---------------------------------------------------------------------------------------------
for src_shape, args, dst in [((2, 3, 5, 5), [0, -1], (2, 75)), ((2, 3, 5, 5), [0, 0, -1], (2, 3, 25)), ((5, 3, 4, 5), [0, -1, 0], (5, 15, 4)),
                             ((2, 3, 5, 4), [-1, 0, 0], (8, 3, 5)), ((2, 3, 5, 5), [0, 0, 0, 0], (2, 3, 5, 5)), ((2, 4, 5, 3), [-1, 2, 2, 1], (30, 2, 2, 1)),
                             ((2, 3, 5, 6), [-2], (2, 3, 5, 6)), ((2, 3, 5, 6), [6, 1, -2], (6, 1, 5, 6)), ((2, 3, 5, 6), [-3, -3], (6, 30)),
                             ((2, 3, 5, 6), [-3, -1], (6, 30)), ((64,), [-4, 16, 4], (16, 4)), ((64,), [-4, 16, -1], (16, 4)),
                             ((64, 1, 2, 3), [-4, 16, -1, -2], (16, 4, 1, 2, 3))]:
    case('features', 'test_operator.py::test_reshape_new', 'reshape', [rand(*src_shape)], params={'shape': args}, ref=lambda x, d=dst: x.reshape(d), diff=[0])
for sa, sb in [((2, 3, 4), (6, 4)), ((6,), (2, 3)), ((30, 20), (600,))]:
    case('features', 'test_operator.py::test_reshape_like', 'reshapeLike', [rand(*sa), rand(*sb)], ref=lambda a, b: a.reshape(b.shape), diff=[0])
for shape, axis, k, ret, asc in [((3, 5), -1, 2, 'value', False), ((3, 5), -1, 3, 'indices', False), ((4, 3), 0, 2, 'value', True), ((2, 3, 4), 1, 1, 'indices', True)]:
    def topk_ref(x, axis=axis, k=k, ret=ret, asc=asc):
        order = np.argsort(x if asc else -x, axis=axis, kind='stable')
        idx = np.take(order, np.arange(k), axis=axis)
        return np.take_along_axis(x, idx, axis=axis) if ret == 'value' else idx.astype(np.float64)
    case('features', 'test_operator.py::test_order', 'topk', [distinct(*shape)], params={'axis': axis, 'k': k, 'retTyp': ret, 'isAscend': asc},
         ref=topk_ref, diff=[0] if ret == 'value' else None)
for shape, axis, asc in [((3, 5), -1, True), ((4, 3), 0, False), ((2, 3, 4), 1, True)]:
    case('features', 'test_operator.py::test_order', 'sort', [distinct(*shape)], params={'axis': axis, 'isAscend': asc},
         ref=lambda x, a=axis, asc=asc: np.sort(x, axis=a) if asc else -np.sort(-x, axis=a), diff=[0])
    case('features', 'test_operator.py::test_order', 'argsort', [distinct(*shape)], params={'axis': axis, 'isAscend': asc},
         ref=lambda x, a=axis, asc=asc: np.argsort(x if asc else -x, axis=a, kind='stable').astype(np.float64))
for shape, axis in [((3, 5), 1), ((2, 3, 4), 0)]:
    case('features', 'test_operator.py::test_order', 'argmin', [distinct(*shape)], params={'axis': axis},
         ref=lambda x, a=axis: np.argmin(x, axis=a).astype(np.float64))


def huber(p, l, rho=1.0):
    d = np.abs(p - l)
    r = np.where(d > rho, d - 0.5 * rho, (0.5 / rho) * d * d)
    return r.reshape(r.shape[0], -1).mean(axis=1)


for rho in [1.0, 0.5]:
    x, lab = rand(4, 3, lo=-2, hi=2), rand(4, 3, lo=-2, hi=2)
    x = np.where(np.abs(np.abs(x - lab) - rho) < 0.05, x + 0.1, x)
    case('features', 'test_loss.py::test_huber_loss', 'loss', [x, lab], params={'loss': 'HuberLoss', 'options': {'rho': rho}},
         ref=lambda p, l, rho=rho: huber(p, l, rho), diff=[0])
x, lab = rand(4, 3), rand(4, 3)
x = np.where(np.abs(x - lab) < 0.05, x + 0.1, x)
case('features', 'test_loss.py::test_l1_loss', 'loss', [x, lab], params={'loss': 'L1Loss', 'options': {}}, ref=lambda p, l: np.abs(p - l).mean(axis=1), diff=[0])
logp = f32(np.log(np_softmax(rand(3, 4, lo=-2, hi=2))))
lab = np_softmax(rand(3, 4, lo=-2, hi=2))
case('features', 'test_loss.py::test_kl_loss', 'loss', [logp, f32(lab)], params={'loss': 'KLDivLoss', 'options': {'fromLogits': True}},
     ref=lambda p, l: (l * (np.log(l + 1e-12) - p)).mean(axis=1), diff=[0])


def cosine_loss(a, b, y, margin=0.0):
    cos = np.sum(a * b, axis=1) / (np.linalg.norm(a, axis=1) * np.linalg.norm(b, axis=1))
    return np.where(y == 1, 1 - cos, np.maximum(0, cos - margin))


a, b = rand(4, 3), rand(4, 3)
yl = np.array([1.0, -1.0, 1.0, -1.0])
case('features', 'test_loss.py::test_cosine_loss', 'loss', [a, b, yl], params={'loss': 'CosineEmbeddingLoss', 'options': {}, 'threeInputs': True},
     ref=cosine_loss, diff=[0, 1])


def layer_norm(x, axis=-1, eps=1e-5):
    mu = x.mean(axis=axis, keepdims=True)
    var = x.var(axis=axis, keepdims=True)
    return (x - mu) / np.sqrt(var + eps)


for shape in [(3, 5), (2, 3, 4)]:
    case('features', 'test_gluon.py::test_layernorm', 'layerNorm', [rand(*shape, lo=-2, hi=2)], params={}, ref=layer_norm, diff=[0])
case('features', 'test_gluon.py::test_instancenorm', 'instanceNorm', [rand(2, 3, 4, 4, lo=-2, hi=2)], params={},
     ref=lambda x: (x - x.mean(axis=(2, 3), keepdims=True)) / np.sqrt(x.var(axis=(2, 3), keepdims=True) + 1e-5), diff=[0])

# ---------------------------------------------------------------------------------------------
# test_loss.py (and the losses' definitions in gluon/loss.py)
# ---------------------------------------------------------------------------------------------
out4 = np.array([1, 2, 3, 4.0])
lab4 = np.array([1, 3, 5, 7.0])
wt4 = np.array([0.5, 1, 0.5, 1])
# test_loss_ndarray: sum of the per-example losses
for name, opts, sw, total in [('L1Loss', {}, None, 6.0), ('L1Loss', {'weight': 0.5}, None, 3.0), ('L1Loss', {}, wt4, 5.0),
                              ('L2Loss', {}, None, 7.0), ('L2Loss', {'weight': 0.25}, None, 1.75), ('L2Loss', {}, wt4, 6.0)]:
    ins = [out4, lab4] + ([sw] if sw is not None else [])
    case('loss', 'test_loss.py::test_loss_ndarray', 'lossSum', ins, params={'loss': name, 'options': opts}, out=np.array([total]))
o2 = np.array([[0, 2], [1, 4.0]])
l2 = np.array([0, 1.0])
case('loss', 'test_loss.py::test_loss_ndarray', 'loss', [o2, l2], params={'loss': 'SoftmaxCrossEntropyLoss', 'options': {}}, out=np.array([2.12692809, 0.04858733]))
case('loss', 'test_loss.py::test_loss_ndarray', 'loss', [o2, l2, np.array([[0.5], [1.0]])], params={'loss': 'SoftmaxCrossEntropyLoss', 'options': {}},
     out=np.array([1.06346405, 0.04858733]))


def sce(pred, label, axis=-1, sparse=True, logits=False):
    lp = pred if logits else np.log(np_softmax(pred, axis))
    if sparse:
        r = -np.take_along_axis(lp, np.expand_dims(label.astype(int), axis), axis=axis)
    else:
        r = -np.sum(lp * label, axis=axis, keepdims=True)
    return r.reshape(r.shape[0], -1).mean(axis=1)


for shape, opts in [((4, 5), {}), ((3, 4), {'fromLogits': True}), ((4, 3), {'sparseLabel': False}), ((2, 3, 4), {'axis': 1})]:
    x = rand(*shape, lo=-2, hi=2)
    if opts.get('fromLogits'):
        x = np.log(np_softmax(x))
    ax = opts.get('axis', -1)
    if opts.get('sparseLabel') is False:
        lab = np_softmax(rand(*shape, lo=-2, hi=2))
    else:
        lshape = list(shape)
        del lshape[ax]
        lab = f32(rng.integers(0, shape[ax], size=lshape))
    case('loss', 'test_loss.py::test_ce_loss', 'loss', [f32(x), lab], params={'loss': 'SoftmaxCrossEntropyLoss', 'options': opts},
         ref=lambda p, l, o=opts: sce(p, l, o.get('axis', -1), o.get('sparseLabel', True), o.get('fromLogits', False)), diff=[0])


def bce(pred, label, from_sigmoid=False, pos_weight=None):
    if from_sigmoid:
        pw = 1 if pos_weight is None else pos_weight
        r = -(pw * label * np.log(pred + 1e-12) + (1 - label) * np.log(1 - pred + 1e-12))
    else:
        if pos_weight is None:
            r = np.maximum(pred, 0) - pred * label + np.log1p(np.exp(-np.abs(pred)))
        else:
            lw = 1 + (pos_weight - 1) * label
            r = pred - pred * label + lw * (np.log1p(np.exp(-np.abs(pred))) + np.maximum(-pred, 0))
    return r.reshape(r.shape[0], -1).mean(axis=1)


for shape, opts in [((5, 3), {}), ((4, 1), {'fromSigmoid': True}), ((3, 2, 2), {})]:
    x = rand(*shape, lo=-3, hi=3) if not opts else rand(*shape, lo=0.1, hi=0.9)
    lab = f32(rng.integers(0, 2, size=shape))
    case('loss', 'test_loss.py::test_bce_loss', 'loss', [x, lab], params={'loss': 'SigmoidBinaryCrossEntropyLoss', 'options': opts},
         ref=lambda p, l, o=opts: bce(p, l, o.get('fromSigmoid', False)), diff=[0], gtol=2e-3)
x = rand(4, 3, lo=-3, hi=3)
lab = f32(rng.integers(0, 2, size=(4, 3)))
pw = rand(3, lo=0.5, hi=3)
case('loss', 'test_loss.py::test_bce_loss_with_pos_weight', 'loss', [x, lab, pw], params={'loss': 'SigmoidBinaryCrossEntropyLoss', 'options': {}, 'posWeight': True},
     ref=lambda p, l, w: bce(p, l, False, w), diff=[0])
# test_bce_equal_ce2: BCE from sigmoid equals 2-class softmax CE from logits on log([1-p, p])
p = rand(6, 1, lo=0.1, hi=0.9)
lab = f32(rng.integers(0, 2, size=(6, 1)))
two = f32(np.log(np.concatenate([1 - p, p], axis=1) + 1e-8))
case('loss', 'test_loss.py::test_bce_equal_ce2', 'loss', [p, lab], params={'loss': 'SigmoidBinaryCrossEntropyLoss', 'options': {'fromSigmoid': True}},
     out=sce(two, lab[:, 0], -1, True, True), tol=1e-4)
for name, fn in [('L2Loss', lambda p, l: 0.5 * np.square(p - l)), ('L1Loss', lambda p, l: np.abs(p - l))]:
    for shape in [(4, 3), (3, 2, 2)]:
        x, lab = rand(*shape), rand(*shape)
        x = np.where(np.abs(x - lab) < 0.05, x + 0.1, x)
        case('loss', 'test_loss.py::test_l2_loss' if name == 'L2Loss' else 'test_loss.py::test_l1_loss', 'loss', [x, lab], params={'loss': name, 'options': {}},
             ref=lambda p, l, fn=fn: fn(p, l).reshape(p.shape[0], -1).mean(axis=1), diff=[0])

# ---------------------------------------------------------------------------------------------
# test_gluon.py: layers with known weights (Dense, Conv2D, pooling layers, Flatten, BatchNorm)
# ---------------------------------------------------------------------------------------------
for units, inshape, act, flatten in [(4, (3, 5), None, True), (3, (2, 4), 'relu', True), (2, (2, 3, 4), 'tanh', True), (3, (2, 3, 4), None, False)]:
    x = rand(*inshape)
    nin = int(np.prod(inshape[1:])) if flatten else inshape[-1]
    W, b = rand(units, nin), rand(units)

    def dense_ref(x, W, b, act=act, flatten=flatten):
        xx = x.reshape(x.shape[0], -1) if flatten else x
        y = xx @ W.T + b
        return np.maximum(y, 0) if act == 'relu' else np.tanh(y) if act == 'tanh' else y
    case('gluon', 'test_gluon.py::test_dense', 'denseLayer', [x, W, b], params={'units': units, 'activation': act, 'flatten': flatten}, ref=dense_ref, diff=[0, 1, 2])
for xs, ch, k, opts in [((1, 2, 6, 6), 3, 3, {}), ((2, 1, 5, 5), 2, 2, {'strides': 2, 'padding': 1}), ((1, 2, 5, 5), 2, 3, {'dilation': 2, 'padding': 2})]:
    x, w, b = rand(*xs), rand(ch, xs[1], k, k), rand(ch)
    pr = lambda v, d: (v, v) if isinstance(v, int) else tuple(v) if v is not None else (d, d)  # noqa: E731
    case('gluon', 'test_gluon.py::test_conv', 'conv2dLayer', [x, w, b], params={'channels': ch, 'kernelSize': k, **opts},
         ref=lambda x, w, b, o=opts: np_conv(x, w, b, pr(o.get('strides'), 1), pr(o.get('padding'), 0), pr(o.get('dilation'), 1)), diff=[0, 1, 2], gtol=2e-3)
# test_gluon.py::test_conv / test_pool: output shapes of layers on a given input (as the MXNet test asserts)
SHAPES = [
    ('Conv2D', {'channels': 16, 'kernelSize': [3, 4]}, (2, 4, 20, 20), (2, 16, 18, 17)),
    ('Conv2D', {'channels': 16, 'kernelSize': [3, 3], 'strides': 2}, (2, 4, 20, 20), (2, 16, 9, 9)),
    ('Conv2D', {'channels': 16, 'kernelSize': [3, 3], 'padding': 4}, (2, 4, 20, 20), (2, 16, 26, 26)),
    ('Conv2D', {'channels': 16, 'kernelSize': [3, 3], 'dilation': 4}, (2, 4, 20, 20), (2, 16, 12, 12)),
    ('Conv2D', {'channels': 16, 'kernelSize': [3, 3], 'groups': 2}, (2, 4, 20, 20), (2, 16, 18, 18)),
    ('MaxPool2D', {}, (2, 2, 10, 10), (2, 2, 5, 5)),
    ('MaxPool2D', {'poolSize': 3}, (2, 2, 10, 10), (2, 2, 3, 3)),
    ('MaxPool2D', {'poolSize': 3, 'strides': 1, 'padding': 1}, (2, 2, 10, 10), (2, 2, 10, 10)),
    ('AvgPool2D', {}, (2, 2, 10, 10), (2, 2, 5, 5)),
    ('AvgPool2D', {'poolSize': 2, 'strides': 2, 'padding': 1}, (2, 2, 10, 10), (2, 2, 6, 6)),
    ('GlobalAvgPool2D', {}, (2, 2, 10, 10), (2, 2, 1, 1)),
    ('GlobalMaxPool2D', {}, (2, 2, 10, 10), (2, 2, 1, 1)),
    ('Flatten', {}, (2, 3, 4, 5), (2, 60)),
    ('Dense', {'units': 7}, (2, 3, 4), (2, 7)),
    ('Dense', {'units': 7, 'flatten': False}, (2, 3, 4), (2, 3, 7)),
]
for layer, opts, ins, outs in SHAPES:
    other('gluon', 'test_gluon.py::test_conv' if 'Conv' in layer else 'test_gluon.py::test_pool' if 'Pool' in layer else
          'test_gluon.py::test_flatten' if layer == 'Flatten' else 'test_gluon.py::test_dense', 'layerShape',
          {'layer': layer, 'options': opts, 'inShape': list(ins), 'outShape': list(outs)})
# BatchNorm in training: normalizes with the batch statistics; moving stats move by momentum 0.9
for xs in [(4, 3), (2, 3, 2, 2)]:
    x = rand(*xs, lo=-2, hi=2)
    axes = (0,) if len(xs) == 2 else (0, 2, 3)
    mu = x.mean(axis=axes)
    var = x.var(axis=axes)
    gamma, beta = rand(3, lo=0.5, hi=1.5), rand(3)
    bshape = (1, 3) if len(xs) == 2 else (1, 3, 1, 1)
    y = gamma.reshape(bshape) * (x - mu.reshape(bshape)) / np.sqrt(var.reshape(bshape) + 1e-5) + beta.reshape(bshape)
    other('gluon', 'test_gluon.py::test_batchnorm', 'batchNormTrain', {
        'x': arr(x), 'gamma': arr(gamma), 'beta': arr(beta), 'y': arr(y),
        'runningMean': arr(0.1 * mu), 'runningVar': arr(0.9 * 1 + 0.1 * var * xs[0] * (np.prod(xs[2:]) if len(xs) > 2 else 1) /
                                                         (xs[0] * (np.prod(xs[2:]) if len(xs) > 2 else 1) - 1)),
        'runningVarBiased': arr(0.9 + 0.1 * var)})

# ---------------------------------------------------------------------------------------------
# test_gluon_trainer.py / test_optimizer.py: parameter updates of each optimizer
# ---------------------------------------------------------------------------------------------


def run_opt(name, o, w, grads, batch):
    w = w.copy()
    lr = o.get('learningRate', 0.01 if name in ('sgd', 'nag', 'adagrad') else 0.001)
    wd = o.get('wd', 0.0)
    clip = o.get('clipGradient')
    mom = np.zeros_like(w)
    var = np.zeros_like(w)
    hist = np.zeros_like(w)
    out = []
    for t, g in enumerate(grads, 1):
        g = g / batch
        if clip is not None:
            g = np.clip(g, -clip, clip)
        if name == 'sgd':
            g = g + wd * w
            m = o.get('momentum', 0.0)
            if m:
                mom = m * mom - lr * g
                w = w + mom
            else:
                w = w - lr * g
        elif name == 'nag':
            g = g + wd * w
            m = o.get('momentum', 0.0)
            mom = m * mom + g
            w = w - lr * (g + m * mom)
        elif name == 'adam':
            b1, b2, eps = o.get('beta1', 0.9), o.get('beta2', 0.999), o.get('epsilon', 1e-8)
            g = g + wd * w
            mom = b1 * mom + (1 - b1) * g
            var = b2 * var + (1 - b2) * g * g
            lrt = lr * math.sqrt(1 - b2 ** t) / (1 - b1 ** t)
            w = w - lrt * mom / (np.sqrt(var) + eps)
        elif name == 'adagrad':
            eps = o.get('eps', 1e-7)
            hist = hist + g * g
            w = w - lr * (g / np.sqrt(hist + eps) + wd * w)
        elif name == 'rmsprop':
            g1, eps = o.get('gamma1', 0.9), o.get('epsilon', 1e-8)
            g = g + wd * w
            var = (1 - g1) * g * g + g1 * var
            w = w - lr * g / np.sqrt(var + eps)
        out.append(w.copy())
    return out


OPTS = [('sgd', {'learningRate': 0.1}), ('sgd', {'learningRate': 0.1, 'momentum': 0.9}), ('sgd', {'learningRate': 0.1, 'wd': 0.01}),
        ('sgd', {'learningRate': 0.5, 'momentum': 0.5, 'wd': 0.1}), ('sgd', {'learningRate': 0.1, 'clipGradient': 0.3}),
        ('nag', {'learningRate': 0.1, 'momentum': 0.9}), ('adam', {}), ('adam', {'learningRate': 0.01, 'beta1': 0.8, 'wd': 0.01}),
        ('adagrad', {'learningRate': 0.1}), ('adagrad', {'learningRate': 0.1, 'wd': 0.05}), ('rmsprop', {}),
        ('rmsprop', {'learningRate': 0.01, 'gamma1': 0.5, 'wd': 0.01})]
for name, o in OPTS:
    for batch in [1, 4]:
        w0 = rand(2, 3)
        grads = [rand(2, 3, lo=-2, hi=2) for _ in range(3)]
        other('trainer', 'test_gluon_trainer.py::test_trainer', 'optimizerSteps', {
            'optimizer': name, 'options': o, 'batchSize': batch, 'w0': arr(w0), 'grads': [arr(g) for g in grads],
            'after': [arr(w) for w in run_opt(name, o, w0, grads, batch)]})

# ---------------------------------------------------------------------------------------------
# test_gluon_data.py: ArrayDataset + DataLoader batching (last_batch keep / discard / rollover)
# ---------------------------------------------------------------------------------------------
for n, bs, last in [(10, 3, 'keep'), (10, 3, 'discard'), (10, 5, 'keep'), (7, 2, 'rollover'), (8, 10, 'keep'), (8, 10, 'discard')]:
    sizes = []
    if last == 'rollover':
        # two epochs: the leftover of the first is prepended to the second
        carry = 0
        epochs = []
        for _ in range(2):
            total = carry + n
            epochs.append([bs] * (total // bs))
            carry = total % bs
        sizes = epochs
    else:
        full, rem = divmod(n, bs)
        sizes = [[bs] * full + ([rem] if rem and last == 'keep' else [])]
    other('data', 'test_gluon_data.py::test_array_dataset' if last != 'rollover' else 'test_gluon_data.py::test_dataloader_context', 'loaderBatches',
          {'n': n, 'batchSize': bs, 'lastBatch': last, 'epochs': sizes})

# ---------------------------------------------------------------------------------------------
# test_autograd.py: values that the test file checks with its own code
# ---------------------------------------------------------------------------------------------
x = rand(4, 5)
other('autograd', 'test_autograd.py::test_unary_func', 'gradOf', {'fn': 'exp', 'x': arr(x), 'grad': arr(np.exp(x))})
other('autograd', 'test_autograd.py::test_unary_func', 'gradOf', {'fn': 'half', 'x': arr(x), 'grad': arr(np.full(x.shape, 0.5))})
other('autograd', 'test_autograd.py::test_unary_func', 'gradOf', {'fn': 'square', 'x': arr(x), 'grad': arr(2 * x)})
other('autograd', 'test_autograd.py::test_gradient', 'gradOf', {'fn': 'expSquare', 'x': arr(x), 'grad': arr(2 * x * np.exp(x * x))})
a, b = rand(4, 5), rand(4, 5)
other('autograd', 'test_autograd.py::test_binary_func', 'binaryGrad', {'fn': 'add', 'a': arr(a), 'b': arr(b), 'ga': arr(np.ones_like(a)), 'gb': arr(np.ones_like(b))})
other('autograd', 'test_autograd.py::test_binary_func', 'binaryGrad', {'fn': 'mul', 'a': arr(a), 'b': arr(b), 'ga': arr(b), 'gb': arr(a)})
other('autograd', 'test_autograd.py::test_binary_func', 'binaryGrad', {'fn': 'mixed', 'a': arr(a), 'b': arr(b), 'ga': arr(b + 1), 'gb': arr(a)})

for file, cases in FILES.items():
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, f'{file}.json'), 'w') as fh:
        json.dump(cases, fh, indent=None, separators=(',', ':'), allow_nan=False)
        fh.write('\n')
count = sum(len(c) for c in FILES.values())
print(f'wrote {count} cases in {len(FILES)} files to {os.path.relpath(OUT)}', file=sys.stderr)
