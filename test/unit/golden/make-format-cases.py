#!/usr/bin/env python3
"""Writes format-cases.json: arrays and NumPy's str() of them, the reference for formatArray.

MXNet 1.x prints an NDArray as str(x.asnumpy()) followed by the <NDArray ...> line, so NumPy's
default array2string is the ground truth for the values part. Run by hand (never by the tests):

    python3 test/unit/golden/make-format-cases.py

Values are stored as base64 of their little-endian bytes (float32 or int32), so every value
(nan, inf, -0.0, subnormals) survives exactly and the file stays small.
"""
import base64
import json
import os

import numpy as np

np.set_printoptions()  # NumPy's defaults: precision 8, threshold 1000, edgeitems 3, linewidth 75

cases = []


def add(name, values, shape=None, dtype=np.float32):
    a = np.asarray(values, dtype=dtype)
    if shape is not None:
        a = a.reshape(shape)
    stored = base64.b64encode(a.astype(a.dtype.newbyteorder('<')).tobytes()).decode('ascii')
    cases.append({
        'name': name,
        'shape': list(a.shape),
        'dtype': 'float32' if dtype == np.float32 else 'int32',
        'data': stored,
        'expected': str(a),
    })


def normal(seed, shape, scale=1.0):
    return (np.random.default_rng(seed).standard_normal(shape) * scale).astype(np.float32)


def uniform(seed, shape, low=0.0, high=1.0):
    return np.random.default_rng(seed).uniform(low, high, shape).astype(np.float32)


nan, inf = float('nan'), float('inf')

# Small shapes and aranges (integers stored as floats print as "0.", "11.").
add('shape (1,)', [3.0])
add('arange 5', np.arange(5))
add('arange 2x3', np.arange(6), (2, 3))
add('arange 3x4', np.arange(12), (3, 4))
add('arange 2x3x4', np.arange(24), (2, 3, 4))
add('arange 2x2x2x2', np.arange(16), (2, 2, 2, 2))
add('shape 1x1', [7.5], (1, 1))
add('shape 3x1x2', np.arange(6) - 2.5, (3, 1, 2))
add('negative integers as floats', np.arange(-5, 5))
add('integers up to 1e5', [1, 12, 123, 1234, 12345, 99999])
add('all zeros 3x3', np.zeros((3, 3)))

# Random normal float32 at several seeds and scales (positional and scientific modes).
add('normal seed 0 scale 1 2x4', normal(0, (2, 4)))
add('normal seed 1 scale 1 3x3', normal(1, (3, 3)))
add('normal seed 2 scale 1 4x5', normal(2, (4, 5)))
add('normal seed 3 scale 1e-5', normal(3, (2, 3), 1e-5))
add('normal seed 4 scale 1e-3', normal(4, (3, 3), 1e-3))
add('normal seed 5 scale 100', normal(5, (2, 4), 100))
add('normal seed 6 scale 1e5', normal(6, (2, 3), 1e5))
add('normal seed 7 scale 1e20', normal(7, (3, 2), 1e20))
add('normal seed 8 scale 10 3-D', normal(8, (2, 2, 3), 10))
add('uniform seed 9 [0,1)', uniform(9, (3, 4)))
add('uniform seed 10 [-1,1) 4-D', uniform(10, (2, 2, 2, 2), -1, 1))

# The scientific-notation switch: max >= 1e6 (float32 cutoff), min < 1e-4, max/min > 1e3.
add('max just under 1e6', [999999.0, 5000.0])
add('max exactly 1e6', [1e6, 5000.0])
add('min exactly float32(1e-4)', [1e-4, 0.05])
add('min just under 1e-4', [9.99e-5, 0.05])
add('ratio exactly 1000', [1.0, 1000.0])
add('ratio just over 1000', [1.0, 1000.0001])
add('ratio 0.001 to 1', [0.001, 1.0])
add('mixed tiny and huge', [1e-10, -1.0, 1e10, 3.5])
add('scientific with differing digit counts', [1e-5, 1.5e-5, 1.2345e-5, -2e-6])
add('subnormals and float32 max', [1e-45, 1e-40, 1.0, 3.4028235e38, -3.4028235e38])
add('powers of two scientific', 2.0 ** np.arange(-13, 24, 4))
add('powers of two positional', [0.5, 0.25, 0.125, 64.0, 0.0625])

# Rounding at the 8-fractional-digit cap and shortest round-trip digits.
add('cap at 8 fractional digits', [0.00012345678, 0.1])
add('tie at the cap rounds to even', [0.001953125, 0.5])
add('thirds', [1 / 3, 2 / 3, 1.0])
add('tenths', [0.1, 0.2, 0.3, 0.7])
add('near one', [0.99999994, 1.0000001, 1.5])

# nan, inf and -0.
add('nan and inf', [nan, 1.0, inf])
add('nan and -inf', [nan, -inf, 2.5])
add('only nan', [nan, nan])
add('only inf', [inf, -inf])
add('only -inf', [-inf])
add('nan in scientific mode', [1e-7, nan, -inf, 2.0])
add('negative zero with values', [-0.0, 1.5])
add('negative zero alone', [-0.0])
add('zero and negative zero', [0.0, -0.0])

# int32 arrays.
add('int32 1 2 3', [1, 2, 3], dtype=np.int32)
add('int32 2x3 negatives', [-3, 10, 200, 7, -45, 0], (2, 3), dtype=np.int32)
add('int32 extremes', [-2147483648, 2147483647, 0], dtype=np.int32)
add('int32 long row', np.arange(40) * 1000, (1, 40), dtype=np.int32)
add('int32 summarized', np.arange(2000) - 1000, dtype=np.int32)

# Long rows wrap at 75 columns.
add('long row 1x40 normal', normal(11, (1, 40)))
add('long 1-D arange 40', np.arange(40))
add('long rows 2x30 scale 100', normal(12, (2, 30), 100))
add('long rows scientific 2x20', normal(13, (2, 20), 1e20))
add('long rows with nan 2x25', np.where(np.arange(50) % 7 == 3, nan, normal(14, 50)), (2, 25))
add('1000 elements not summarized 10x100', np.arange(1000), (10, 100))

# Summarization above 1000 elements: first/last 3 per axis with '...'.
add('summarized 2000 normal', normal(15, 2000))
add('summarized 1001 arange', np.arange(1001))
add('summarized 50x50 arange', np.arange(2500), (50, 50))
add('summarized 10x10x20 normal', normal(16, (10, 10, 20)))
add('summarized 7x7x7x7', np.arange(2401) / 7 + 1, (7, 7, 7, 7))
add('over threshold, no axis longer than 6', np.arange(1296), (6, 6, 6, 6))
add('summarized 200x8 scale 1e-5', normal(17, (200, 8), 1e-5))
add('summarized 2x1000 with nan', np.where(np.arange(2000) == 1998, nan, normal(18, 2000)), (2, 1000))

# Empty arrays.
add('empty (0,)', [])
add('empty (2,0)', np.zeros((2, 0)))
add('empty (0,3)', np.zeros((0, 3)))

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'format-cases.json')
with open(out, 'w') as f:
    json.dump({'numpy': np.__version__, 'cases': cases}, f, separators=(',', ':'))
    f.write('\n')
print(f'wrote {len(cases)} cases to {out}')
