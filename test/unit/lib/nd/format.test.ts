/**
 * formatArray against NumPy: golden/format-cases.json holds arrays and NumPy's str() of them
 * (made by golden/make-format-cases.py, which the tests never run). MXNet prints an NDArray as
 * str(x.asnumpy()) followed by the <NDArray ...> line, so these strings are MXNet's output.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { nd } from '../../../../src/lib/index';
import { formatArray } from '../../../../src/lib/nd/format';
import { useBackend } from '../../helpers/backend';
import goldenText from '../../golden/format-cases.json?raw';

interface GoldenCase {
  name: string;
  shape: number[];
  dtype: 'float32' | 'int32';
  /** base64 of the little-endian float32 / int32 bytes */
  data: string;
  expected: string;
}

const golden = JSON.parse(goldenText) as { numpy: string; cases: GoldenCase[] };

function decode(c: GoldenCase): Float32Array | Int32Array {
  const binary = atob(c.data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return c.dtype === 'int32' ? new Int32Array(bytes.buffer) : new Float32Array(bytes.buffer);
}

describe('formatArray matches NumPy str() (golden cases)', () => {
  it('has the cases', () => {
    expect(golden.cases.length).toBeGreaterThanOrEqual(60);
  });

  it.each(golden.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const values = decode(c);
    expect(values.length).toBe(c.shape.reduce((a, b) => a * b, 1));
    expect(formatArray(values, c.shape, c.dtype, 'cpu(0)')).toBe(`${c.expected}\n<NDArray ${c.shape.join('x')} @cpu(0)>`);
  });

  it('gives the same text for plain number arrays as for typed arrays', () => {
    for (const c of golden.cases.filter((g) => g.shape.length === 2 && g.dtype === 'float32')) {
      const typed = decode(c);
      expect(formatArray(Array.from(typed), c.shape, c.dtype, 'cpu(0)')).toBe(formatArray(typed, c.shape, c.dtype, 'cpu(0)'));
    }
  });
});

describe('formatArray', () => {
  it("prints MXNet's examples", () => {
    const arange = Array.from({ length: 12 }, (_, i) => i);
    expect(formatArray(arange, [3, 4], 'float32', 'cpu(0)')).toBe(
      '[[ 0.  1.  2.  3.]\n [ 4.  5.  6.  7.]\n [ 8.  9. 10. 11.]]\n<NDArray 3x4 @cpu(0)>',
    );
    const normal = new Float32Array([2.2122064, 0.7740038, 1.0434405, 1.1839255, 1.8917114, -1.2347414, -1.771029, -0.45138445]);
    expect(formatArray(normal, [2, 4], 'float32', 'cpu(0)')).toBe(
      '[[ 2.2122064   0.7740038   1.0434405   1.1839255 ]\n [ 1.8917114  -1.2347414  -1.771029   -0.45138445]]\n<NDArray 2x4 @cpu(0)>',
    );
  });

  it('prints a shape (1,) array as [3.]', () => {
    expect(formatArray([3], [1], 'float32', 'cpu(0)')).toBe('[3.]\n<NDArray 1 @cpu(0)>');
  });

  it('names the device it is given', () => {
    expect(formatArray([1, 2, 3, 4, 5, 6], [2, 3], 'float32', 'webgpu(0)')).toBe('[[1. 2. 3.]\n [4. 5. 6.]]\n<NDArray 2x3 @webgpu(0)>');
    expect(formatArray([1, 2, 3], [3], 'int32', 'wasm(0)')).toBe('[1 2 3]\n<NDArray 3 @wasm(0)>');
  });

  it('prints float32 values as float32, not as the doubles they were written as', () => {
    // 0.1 as a double is 0.1000000000000000055...; as float32 it is 0.100000001490116..., whose
    // shortest round-trip form is still 0.1. 1/3 needs 8 digits as float32 (17 as a double).
    expect(formatArray([0.1, 1 / 3], [2], 'float32', 'cpu(0)')).toBe('[0.1        0.33333334]\n<NDArray 2 @cpu(0)>');
  });

  it('formats a 1000x1000 array quickly by reading only the printed corners', () => {
    // Row r holds 10*(r % 10) + (column % 10), so the corners show which rows and columns printed.
    const big = new Float32Array(1000 * 1000);
    for (let i = 0; i < big.length; i++) big[i] = (Math.floor(i / 1000) % 10) * 10 + (i % 10);
    let reads = 0;
    const counting = new Proxy(big, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver);
      },
    });
    const start = performance.now();
    const text = formatArray(big, [1000, 1000], 'float32', 'cpu(0)');
    const elapsed = performance.now() - start;
    expect(elapsed).toBeLessThan(100); // about 2 ms in Node
    expect(text).toBe(
      [
        '[[ 0.  1.  2. ...  7.  8.  9.]',
        ' [10. 11. 12. ... 17. 18. 19.]',
        ' [20. 21. 22. ... 27. 28. 29.]',
        ' ...',
        ' [70. 71. 72. ... 77. 78. 79.]',
        ' [80. 81. 82. ... 87. 88. 89.]',
        ' [90. 91. 92. ... 97. 98. 99.]]',
        '<NDArray 1000x1000 @cpu(0)>',
      ].join('\n'),
    );

    formatArray(counting, [1000, 1000], 'float32', 'cpu(0)');
    expect(reads).toBeLessThanOrEqual(2 * 36); // 6x6 corners, read once for widths and once to print
  });
});

describe('NDArray text form', () => {
  beforeAll(useBackend);

  it('x.format() reads the values and names the backend', async () => {
    const x = nd.array([[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11]]);
    const device = x.context.toString(); // e.g. wasm(0) in Node, webgpu(0) in the browser
    expect(device).toMatch(/^(cpu|wasm|webgl|webgpu)\(0\)$/);
    expect(await x.format()).toBe(`[[ 0.  1.  2.  3.]\n [ 4.  5.  6.  7.]\n [ 8.  9. 10. 11.]]\n<NDArray 3x4 @${device}>`);
    const i = nd.array([1, -2, 30], { dtype: 'int32' });
    expect(await i.format()).toBe(`[ 1 -2 30]\n<NDArray 3 @${device}>`);
  });
});
