/**
 * print() shows NDArrays with their values on every backend: the values are read
 * asynchronously (synchronous reads are wrong on WebGPU) from a copy taken at the call, and
 * outputs keep their order; the kernel waits for the reads before the cell's value or error.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { nd } from '../../../../src/lib/index';
import { display, flushDisplay, print, setDisplayHook, type DisplayOutput } from '../../../../src/lib/display';
import { Kernel } from '../../../../src/kernel/core/kernel';
import type { KernelToPage } from '../../../../src/kernel/protocol';
import { requestedBackend, useBackend } from '../../helpers/backend';

beforeAll(useBackend);
afterEach(() => setDisplayHook(null));

function collect(): DisplayOutput[] {
  const outputs: DisplayOutput[] = [];
  setDisplayHook((o) => outputs.push(o));
  return outputs;
}
const texts = (outputs: DisplayOutput[]): string[] => outputs.map((o) => (o.kind === 'text' ? o.text : `[${o.kind}]`));

describe('print with NDArrays', () => {
  it('shows the values in MXNet form, in call order with other outputs', async () => {
    const outputs = collect();
    const x = nd.array([1, 2]);
    print('before');
    print('x =', x);
    print('after');
    display({ kind: 'table', columns: ['a'], rows: [[1]] });
    await flushDisplay();
    expect(texts(outputs)).toEqual(['before\n', `x = [1. 2.]\n<NDArray 2 @${x.context}>\n`, 'after\n', '[table]']);
  });

  it('shows the values at the time of the call, not after later in-place writes', async () => {
    const outputs = collect();
    const x = nd.array([1, 2, 3]);
    print(x);
    x.set(0);
    print(x);
    await flushDisplay();
    expect(texts(outputs)[0]).toMatch(/^\[1\. 2\. 3\.\]/);
    expect(texts(outputs)[1]).toMatch(/^\[0\. 0\. 0\.\]/);
  });

  it('frees the copies it read', async () => {
    collect();
    const x = nd.ones([4, 4]);
    await flushDisplay();
    const before = tf.memory().numTensors;
    for (let i = 0; i < 20; i++) print(x);
    await flushDisplay();
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('the kernel waits for printed arrays', () => {
  async function startKernel() {
    const messages: KernelToPage[] = [];
    const kernel = new Kernel((m) => messages.push(m));
    kernel.handle({ type: 'start', backend: requestedBackend() });
    let n = 0;
    const run = async (code: string) => {
      const id = `p${++n}`;
      const start = messages.length;
      const done = await kernel.execute({ type: 'execute', id, cellId: `c${n}`, code });
      const after = messages.slice(start);
      const outputs = after.flatMap((m) => (m.type === 'output' && m.id === id ? [m.output] : []));
      return { done, outputs, doneIndex: after.findIndex((m) => m.type === 'done'), lastOutputIndex: after.map((m) => m.type).lastIndexOf('output') };
    };
    await run('1');
    return run;
  }

  it('before the value and before done', async () => {
    const run = await startKernel();
    const r = await run('const x = nd.array([[1, 2], [3, 4]]);\nprint("x is", x);\nconsole.log("then");\n42');
    // (the kernel coalesces a tick's prints into one text output per stream)
    expect(r.outputs.map((o) => o.kind)).toEqual(['text', 'value']);
    expect(r.outputs[0]).toMatchObject({ kind: 'text', text: expect.stringMatching(/^x is \[\[1\. 2\.\]\n \[3\. 4\.\]\]\n<NDArray 2x2 @\w+\(0\)>\nthen\n$/) });
    expect(r.lastOutputIndex).toBeLessThan(r.doneIndex);
  });

  it('before the error of a cell that fails after printing', async () => {
    const run = await startKernel();
    const r = await run('print(nd.ones([2]));\nnd.ones([2]).add(nd.ones([3]));');
    expect(r.done.status).toBe('error');
    expect(r.outputs.map((o) => o.kind)).toEqual(['text', 'error']);
    expect(r.outputs[0]).toMatchObject({ text: expect.stringMatching(/^\[1\. 1\.\]/) });
  });
});
