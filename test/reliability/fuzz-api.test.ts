/**
 * Bad input: the public library API called with wrong types, shapes, dtypes, axes and options
 * (fast-check). Every failure must be an Error subclass (not a bare Error, not an engine
 * TypeError from deep inside) whose message names the function called, and no array passed in
 * may change: not when the call fails, and not when a non-mutating op succeeds.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gluon, init, nd, NDArray } from '../../src/lib/index';
import { useBackend } from '../unit/helpers/backend';
import { recordCount } from './counts';

beforeAll(useBackend);

/** Runs per target; bounded so the suite stays within its time budget. */
const RUNS = Number(process.env.RELIABILITY_FUZZ_RUNS ?? 60);

let tried = 0;
let rejected = 0;
afterAll(() => recordCount('bad-input', { tried, rejected, runsPerTarget: RUNS }));

// Arrays of small random shapes and both dtypes (valid values in wrong places are bad input too).
const shapeArb = fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 0, maxLength: 3 });
const arrayArb = fc.tuple(shapeArb, fc.constantFrom('float32' as const, 'int32' as const)).map(([shape, dtype]) => {
  const s = shape.length === 0 ? [1] : shape;
  const n = s.reduce((a, b) => a * b, 1);
  return nd.array(Array.from({ length: n }, (_, i) => ((i * 7) % 5) - 2), { dtype }).reshape(s);
});

// Values that are wrong for most parameters: wrong types, bad numbers, ragged and nested lists.
const junkArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(undefined, null, NaN, Infinity, -Infinity, -1, 0, 1.5, 1e12, -3, 7, '', 'abc', '2', true, false, {}, [], [[1], [1, 2]], [1, 'a'], [-1, 2], [2.5], [[[]]], 'float64', 'int8'),
  fc.constant(() => 1),
  fc.string({ maxLength: 4 }),
  fc.integer({ min: -5, max: 5 }),
  fc.array(fc.integer({ min: -2, max: 5 }), { maxLength: 4 }),
);

const optionsArb: fc.Arbitrary<unknown> = fc.oneof(
  junkArb,
  fc.record(
    {
      axis: junkArb,
      dtype: junkArb,
      keepDims: junkArb,
      dim: junkArb,
      mode: junkArb,
      activation: fc.oneof(junkArb, fc.constantFrom('relu', 'softmax', 'tanh', 'sigmoid')),
      inUnits: junkArb,
      strides: junkArb,
      padding: junkArb,
      learningRate: junkArb,
      momentum: junkArb,
      wd: junkArb,
    },
    { requiredKeys: [], noNullPrototype: true },
  ),
);

const argArb: fc.Arbitrary<unknown> = fc.oneof({ weight: 2, arbitrary: arrayArb }, { weight: 3, arbitrary: junkArb }, { weight: 1, arbitrary: optionsArb });

/** What an NDArray holds, to compare before and after a call. */
function snapshot(x: NDArray): string {
  return `${x.dtype}${JSON.stringify(x.shape)}${JSON.stringify(Array.from(x.dataSync()))}`;
}

function arraysIn(args: unknown[]): NDArray[] {
  return args.flatMap((a) => (a instanceof NDArray ? [a] : Array.isArray(a) ? a.filter((v): v is NDArray => v instanceof NDArray) : []));
}

interface Target {
  /** Words any of which the error message must contain (the function's name). */
  names: string[];
  /** Whether a successful call may change its first array argument (in-place ops). */
  mutates?: boolean;
  call: (args: unknown[]) => unknown;
  arity: number;
}

/* eslint-disable @typescript-eslint/no-explicit-any */
const anyNd = nd as any;
const first = (args: unknown[]): any => args[0];
const method = (name: string, arity: number, mutates = false): Target => ({
  names: [name],
  mutates,
  arity: arity + 1,
  call: (args) => {
    const x = args[0] instanceof NDArray ? args[0] : nd.ones([2, 3]);
    return (x as any)[name](...args.slice(1));
  },
});
const ndFn = (name: string, arity: number): Target => ({ names: [`nd.${name}`, name], arity, call: (args) => anyNd[name](...args) });

const TARGETS: Record<string, Target> = {
  // creation
  'nd.array': ndFn('array', 2),
  'nd.zeros': ndFn('zeros', 2),
  'nd.ones': ndFn('ones', 2),
  'nd.full': ndFn('full', 3),
  'nd.arange': ndFn('arange', 4),
  'nd.random.normal': { names: ['nd.random.normal'], arity: 4, call: (a) => anyNd.random.normal(...a) },
  'nd.random.uniform': { names: ['nd.random.uniform'], arity: 4, call: (a) => anyNd.random.uniform(...a) },
  'nd.random.randint': { names: ['nd.random.randint'], arity: 3, call: (a) => anyNd.random.randint(...a) },
  // elementwise, reductions, shape, indexing, linear algebra
  'nd.add': ndFn('add', 2),
  'nd.multiply': { names: ['nd.multiply', 'mul', 'multiply'], arity: 2, call: (a) => anyNd.multiply(...a) },
  'nd.maximum': ndFn('maximum', 2),
  'nd.clip': ndFn('clip', 3),
  'nd.where': ndFn('where', 3),
  'nd.sum': ndFn('sum', 2),
  'nd.mean': ndFn('mean', 2),
  'nd.argmax': ndFn('argmax', 2),
  'nd.norm': ndFn('norm', 2),
  'nd.reshape': ndFn('reshape', 2),
  'nd.transpose': ndFn('transpose', 2),
  'nd.expandDims': ndFn('expandDims', 2),
  'nd.squeeze': ndFn('squeeze', 2),
  'nd.broadcastTo': ndFn('broadcastTo', 2),
  'nd.tile': ndFn('tile', 2),
  'nd.concat': ndFn('concat', 3),
  'nd.stack': ndFn('stack', 3),
  'nd.split': ndFn('split', 3),
  'nd.take': ndFn('take', 3),
  'nd.pick': ndFn('pick', 3),
  'nd.oneHot': ndFn('oneHot', 3),
  'nd.dot': ndFn('dot', 3),
  'nd.batchDot': ndFn('batchDot', 3),
  'nd.softmax': ndFn('softmax', 2),
  // MXNet's elemwise_add is add with an `out`: errors from the add itself name add.
  'nd.elemwiseAdd': { names: ['elemwiseAdd', 'add'], arity: 3, call: (a) => anyNd.elemwiseAdd(...a) },
  'x.get': method('get', 2),
  'x.astype': method('astype', 1),
  'x.reshape': method('reshape', 2),
  'x.sum': method('sum', 1),
  'x.pick': method('pick', 2),
  'x.set': method('set', 2, true),
  'x.addInPlace': { ...method('addInPlace', 1, true), names: ['addInPlace', 'add'] }, // x += y: add's errors
  // gluon: layer constructors, and calls of initialized layers on bad inputs
  'gluon.nn.Dense': { names: ['Dense'], arity: 2, call: (a) => new (gluon.nn.Dense as any)(...a) },
  'gluon.nn.Conv2D': { names: ['Conv2D'], arity: 3, call: (a) => new (gluon.nn.Conv2D as any)(...a) },
  'gluon.nn.MaxPool2D': { names: ['MaxPool2D', 'Pool'], arity: 2, call: (a) => new (gluon.nn.MaxPool2D as any)(...a) },
  'gluon.nn.Dropout': { names: ['Dropout'], arity: 2, call: (a) => new (gluon.nn.Dropout as any)(...a) },
  'gluon.nn.BatchNorm': { names: ['BatchNorm'], arity: 1, call: (a) => new (gluon.nn.BatchNorm as any)(...a) },
  'gluon.nn.Activation': { names: ['Activation'], arity: 2, call: (a) => new (gluon.nn.Activation as any)(...a) },
  'Dense call': {
    names: ['Dense', 'dense'],
    arity: 1,
    call: (a) => {
      const net = new gluon.nn.Dense(3, { inUnits: 4 });
      net.initialize(new init.Normal(0.1));
      return net.forward(first(a));
    },
  },
  'Conv2D call': {
    names: ['Conv2D', 'conv'],
    arity: 1,
    call: (a) => {
      const net = new gluon.nn.Conv2D(2, 3);
      net.initialize(new init.Normal(0.1));
      return net.forward(first(a));
    },
  },
  'gluon.Trainer': {
    names: ['Trainer'],
    arity: 3,
    call: (a) => {
      const net = new gluon.nn.Dense(2, { inUnits: 2 });
      net.initialize();
      const params = a[0] instanceof NDArray || a[0] === undefined ? net.collectParams() : a[0];
      return new (gluon.Trainer as any)(params, a[1], a[2]);
    },
  },
  'trainer.step': {
    names: ['step', 'Trainer'],
    arity: 1,
    call: (a) => {
      const net = new gluon.nn.Dense(2, { inUnits: 2 });
      net.initialize();
      return new gluon.Trainer(net.collectParams(), 'sgd', { learningRate: 0.1 }).step(first(a));
    },
  },
};

/** A failure must be a named Error subclass whose message says which function failed. */
function checkFailure(name: string, target: Target, e: unknown, args: unknown[]): void {
  const shown = args.map((a) => (a instanceof NDArray ? `NDArray${JSON.stringify(a.shape)}` : typeof a === 'function' ? 'fn' : JSON.stringify(a) ?? String(a))).join(', ');
  expect(e, `${name}(${shown}) threw a non-Error: ${String(e)}`).toBeInstanceOf(Error);
  const err = e as Error;
  expect(err.constructor, `${name}(${shown}) threw a bare Error: ${err.message}`).not.toBe(Error);
  expect(['TypeError', 'RangeError', 'ReferenceError', 'SyntaxError'], `${name}(${shown}) threw an engine ${err.name}: ${err.message}`).not.toContain(err.name);
  const lower = err.message.toLowerCase();
  expect(target.names.some((n) => lower.includes(n.toLowerCase())), `${name}(${shown}): the message does not name the function: ${err.name}: ${err.message}`).toBe(true);
}

describe('bad input: every failure names the function, arrays never change', () => {
  for (const [name, target] of Object.entries(TARGETS)) {
    it(name, () => {
      fc.assert(
        fc.property(fc.array(argArb, { minLength: 0, maxLength: target.arity }), (args) => {
          const arrays = arraysIn(args);
          const before = arrays.map(snapshot);
          tried++;
          let failed = false;
          try {
            const result = target.call(args);
            if (result instanceof Promise) throw new Error(`${name} returned a promise; the fuzz target must be synchronous`);
          } catch (e) {
            failed = true;
            rejected++;
            checkFailure(name, target, e, args);
          }
          const after = arrays.map(snapshot);
          arrays.forEach((x, i) => {
            if (failed || !(target.mutates && x === args[0])) expect(after[i], `${name}: argument array ${i} changed (call ${failed ? 'failed' : 'succeeded'})`).toBe(before[i]);
          });
        }),
        { numRuns: RUNS, seed: process.env.RELIABILITY_SEED ? Number(process.env.RELIABILITY_SEED) : undefined },
      );
    });
  }
});
