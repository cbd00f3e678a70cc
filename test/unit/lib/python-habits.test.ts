/**
 * Python habits on NDArrays: `a + b`, `a * 2`, `a < b` and `a[1]` would silently give a string,
 * NaN, false or undefined in JavaScript; they throw a TypeError that says what to write. Text
 * (template strings, String(x), printing) keeps working.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { nd, NDArray, NDArrayCoercionError } from '../../../src/lib/index';
import { formatForPrint } from '../../../src/lib/display';
import { requestedBackend, useBackend } from '../helpers/backend';

beforeAll(useBackend);

/* eslint-disable @typescript-eslint/no-explicit-any -- the point is what untyped reader code does */
const a = () => nd.array([1, 2, 3]) as any;
const b = () => nd.array([4, 5, 6]) as any;

describe('operators on NDArrays', () => {
  it.each([
    ['a + b', () => a() + b()],
    ['a - b', () => a() - b()],
    ['a * 2', () => a() * 2],
    ['a / b', () => a() / b()],
    ['a ** 2', () => a() ** 2],
    ['-a', () => -a()],
    ['+a', () => +a()],
    ['a < b', () => a() < b()],
    ['a >= 1', () => a() >= 1],
    ['a == 1', () => a() == 1], // eslint-disable-line eqeqeq
    ['Number(a)', () => Number(a())],
    ['Math.max(a, 0)', () => Math.max(a(), 0)],
    ['1 + a', () => 1 + a()],
  ])('%s throws a TypeError that says which method to call', (_, f) => {
    let error: unknown;
    try {
      f();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(NDArrayCoercionError);
    expect(error).toBeInstanceOf(TypeError);
    const message = (error as Error).message;
    expect(message).toMatch(/\(3,\)/); // which array
    expect(message).toMatch(/a\.add\(b\)/);
    expect(message).toMatch(/a\.greater\(b\)/);
    expect(message).toMatch(/asScalar/);
  });

  it('keeps text: template strings, String(), toString, formatting for print', () => {
    const x = nd.array([1, 2]);
    const text = x.toString();
    // On WebGPU a synchronous read is unsafe, so the text names the array and says how to see its values.
    expect(text).toMatch(requestedBackend() === 'webgpu' ? /^<NDArray 2 @webgpu\(0\)> \(values not read: use print\(x\)/ : /^\[1\. 2\.\]\n<NDArray 2 @/);
    expect(`${x}`).toBe(text);
    expect(String(x)).toBe(text);
    expect('x = ' + String(x)).toBe(`x = ${text}`);
    expect([x].join()).toBe(text);
    expect(formatForPrint(x)).toBe(text);
    expect(JSON.stringify({ shape: x.shape })).toBe('{"shape":[2]}');
  });

  it('== and === between two arrays still compare identity (no coercion happens)', () => {
    const x = nd.array([1]);
    const y = x;
    expect(x === y).toBe(true);
    expect((x as any) == nd.array([1])).toBe(false); // eslint-disable-line eqeqeq
  });
});

describe('Python indexing on NDArrays', () => {
  it('a[1], a[0], a[-1] throw, saying to write a.get(i)', () => {
    const x = nd.array([[1, 2], [3, 4]]) as any;
    expect(() => x[1]).toThrow(NDArrayCoercionError);
    expect(() => x[1]).toThrow(/a\.get\(1\)/);
    expect(() => x[0]).toThrow(/a\.get\(0\)/);
    expect(() => x[-1]).toThrow(/a\.get\(-1\)/);
    expect(() => x[4095]).toThrow(NDArrayCoercionError);
  });

  it('a[1] = v throws, saying to write a.set(v, 1); the array is unchanged', async () => {
    const x = nd.array([1, 2, 3]) as any;
    expect(() => {
      x[1] = 5;
    }).toThrow(/a\.set\(value, 1\)/);
    expect(Object.keys(x)).not.toContain('1');
    expect(await (x as NDArray).toArray()).toEqual([1, 2, 3]);
  });

  it('leaves the rest alone: iteration, get, in, own keys', async () => {
    const x = nd.array([[1, 2], [3, 4]]);
    expect(await x.get(1).toArray()).toEqual([3, 4]);
    expect(Array.from(x)).toHaveLength(2);
    expect(Object.keys(x).some((k) => /^-?\d+$/.test(k))).toBe(false);
    expect('shape' in x).toBe(true);
  });
});
