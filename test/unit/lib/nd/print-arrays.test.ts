/**
 * print() shows NDArrays with their values on every backend: the values are read
 * asynchronously (synchronous reads are wrong on WebGPU) from a copy taken at the call, and
 * outputs keep their order; the kernel waits for the reads before the cell's value or error.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { nd } from '../../../../src/lib/index';
import { display, flushDisplay, print, type DisplayOutput } from '../../../../src/lib/display';
import { captureDisplay } from '../../helpers/display';
import { useBackend } from '../../helpers/backend';
import { startKernel } from '../../helpers/kernel';

beforeAll(useBackend);

const texts = (outputs: DisplayOutput[]): string[] => outputs.map((o) => (o.kind === 'text' ? o.text : `[${o.kind}]`));

describe('print with NDArrays', () => {
  it('shows the values in MXNet form, in call order with other outputs', async () => {
    const outputs = captureDisplay();
    const x = nd.array([1, 2]);
    print('before');
    print('x =', x);
    print('after');
    display({ kind: 'table', columns: ['a'], rows: [[1]] });
    await flushDisplay();
    expect(texts(outputs)).toEqual(['before\n', `x = [1. 2.]\n<NDArray 2 @${x.context}>\n`, 'after\n', '[table]']);
  });

  it('shows the values at the time of the call, not after later in-place writes', async () => {
    const outputs = captureDisplay();
    const x = nd.array([1, 2, 3]);
    print(x);
    x.set(0);
    print(x);
    await flushDisplay();
    expect(texts(outputs)[0]).toMatch(/^\[1\. 2\. 3\.\]/);
    expect(texts(outputs)[1]).toMatch(/^\[0\. 0\. 0\.\]/);
  });

  it('frees the copies it read', async () => {
    captureDisplay();
    const x = nd.ones([4, 4]);
    await flushDisplay();
    const before = tf.memory().numTensors;
    for (let i = 0; i < 20; i++) print(x);
    await flushDisplay();
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('the kernel waits for printed arrays', () => {
  /** A cell's run, with where its last output and its done message fall among the kernel's messages. */
  async function startPrinting() {
    const { run } = await startKernel();
    return async (code: string) => {
      const r = await run(code);
      return { ...r, doneIndex: r.after.findIndex((m) => m.type === 'done'), lastOutputIndex: r.after.map((m) => m.type).lastIndexOf('output') };
    };
  }

  it('before the value and before done', async () => {
    const run = await startPrinting();
    const r = await run('const x = nd.array([[1, 2], [3, 4]]);\nprint("x is", x);\nconsole.log("then");\n42');
    // (the kernel coalesces a tick's prints into one text output per stream)
    expect(r.outputs.map((o) => o.kind)).toEqual(['text', 'value']);
    expect(r.outputs[0]).toMatchObject({ kind: 'text', text: expect.stringMatching(/^x is \[\[1\. 2\.\]\n \[3\. 4\.\]\]\n<NDArray 2x2 @\w+\(0\)>\nthen\n$/) });
    expect(r.lastOutputIndex).toBeLessThan(r.doneIndex);
  });

  it('before the error of a cell that fails after printing', async () => {
    const run = await startPrinting();
    const r = await run('print(nd.ones([2]));\nnd.ones([2]).add(nd.ones([3]));');
    expect(r.done.status).toBe('error');
    expect(r.outputs.map((o) => o.kind)).toEqual(['text', 'error']);
    expect(r.outputs[0]).toMatchObject({ text: expect.stringMatching(/^\[1\. 1\.\]/) });
  });
});
