import { beforeAll, describe, expect, it } from 'vitest';
import { gluon, nd, ArgumentError, OpError } from '../../../../src/lib/index';
import { OutOfMemoryError, arrayBytes, formatBytes } from '../../../../src/lib/nd/memory-guard';
import { useBackend } from '../../helpers/backend';

beforeAll(useBackend);

describe('arrays too large for memory', () => {
  it('nd.zeros of 50,000 x 50,000 fails with OutOfMemoryError naming the op, the shape and the bytes', () => {
    expect(() => nd.zeros([50000, 50000])).toThrow(OutOfMemoryError);
    expect(() => nd.zeros([50000, 50000])).toThrow(/^nd\.zeros: out of memory.*\(50000, 50000\).*10\.0 GB/);
  });
  it('random, arange and ops on huge results fail the same way, and the library works afterwards', async () => {
    expect(() => nd.random.normal(0, 1, [50000, 50000])).toThrow(/nd\.random\.normal: out of memory/);
    expect(() => nd.arange(1e12)).toThrow(/nd\.arange: out of memory.*\(1000000000000,\)/);
    expect(() => nd.ones([50000, 1]).broadcastTo([50000, 50000])).toThrow(OutOfMemoryError);
    expect(await nd.ones([2, 2]).sum().asScalar()).toBe(4);
  });
  it('a broadcast whose result is too large is refused before it runs, and the backend keeps working', async () => {
    // On WASM a tried-and-failed growth of its memory broke the module: every later allocation
    // failed with "memory access out of bounds".
    const column = nd.ones([50000, 1]);
    const row = nd.ones([1, 50000]);
    expect(() => column.add(row)).toThrow(/^add: out of memory.*\(50000, 50000\)/);
    expect(() => column.mul(row)).toThrow(OutOfMemoryError);
    expect(() => nd.where(column, row, 0)).toThrow(/^where: out of memory/);
    expect(await nd.ones([300, 300]).add(nd.ones([300, 1])).sum().asScalar()).toBe(180000);
    expect(await column.add(1).sum().asScalar()).toBe(100000);
  });
  it('the library exports OutOfMemoryError', async () => {
    const lib = await import('../../../../src/lib/index');
    expect(lib.OutOfMemoryError).toBe(OutOfMemoryError);
  });
  it('formats bytes for readers', () => {
    expect(formatBytes(arrayBytes([50000, 50000]))).toBe('10.0 GB');
    expect(formatBytes(12)).toBe('12 bytes');
  });
});

describe('errors name the function the reader called (found by test/reliability/fuzz-api)', () => {
  it('a tfjs kernel refusing a dtype becomes an OpError naming the op', () => {
    expect(() => nd.array([1, 4], { dtype: 'int32' }).sqrt()).toThrow(OpError);
    expect(() => nd.array([1, 4], { dtype: 'int32' }).sqrt()).toThrow(/^sqrt: .*inputs: int32 \(2,\)/);
  });
  it('norm of integers is computed in float32; its bad axis names norm', async () => {
    expect(await nd.norm(nd.array([3, 4], { dtype: 'int32' })).asScalar()).toBe(5);
    expect(() => nd.norm(nd.ones([2]), { axis: 'x' as unknown as number })).toThrow(/^norm: axis must be/);
    expect(() => nd.norm(undefined as unknown as ReturnType<typeof nd.ones>)).toThrow(/^norm: x must be an NDArray, got undefined/);
  });
  it('layers name themselves for bad options and inputs', () => {
    expect(() => new gluon.nn.Dense(3, null as never)).toThrow(/^Dense: options must be an object/);
    expect(() => new gluon.nn.Dense(3, { activation: 'nope' as never })).toThrow(/^Dense: unknown activation "nope"/);
    const dense = new gluon.nn.Dense(3, { inUnits: 2 });
    dense.initialize();
    expect(() => dense.forward(undefined as never)).toThrow(ArgumentError);
    expect(() => dense.forward(undefined as never)).toThrow(/Dense: the input must be an NDArray/);
  });
  it('in-place writes name the method', () => {
    expect(() => nd.ones([2, 3]).addInPlace(nd.ones([1, 2, 3]))).toThrow(/^addInPlace: the result has shape \(1, 2, 3\)/);
    expect(() => nd.ones([2, 1]).set([[1], [1, 2]] as never)).toThrow(/^set: the value is not an array: nd\.array: the nested lists are ragged/);
  });
});
