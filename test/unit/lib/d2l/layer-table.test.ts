/**
 * d2l.layerTable: output shapes, parameter counts and multiply-adds of each layer, checked by
 * hand on LeNet and on a network of nested VGG-style blocks; refusals of bad arguments.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { d2l, gluon, init } from '../../../../src/lib/index';
import { useBackend } from '../../helpers/backend';

beforeAll(useBackend);

const { Sequential, Conv2D, MaxPool2D, Dense, Dropout } = gluon.nn;

describe('d2l.layerTable', () => {
  it('lists LeNet layer by layer with the counts worked out by hand', () => {
    const net = new Sequential();
    net.add(
      new Conv2D(6, { kernelSize: 5, padding: 2, activation: 'relu' }),
      new MaxPool2D({ poolSize: 2, strides: 2 }),
      new Conv2D(16, { kernelSize: 5, activation: 'relu' }),
      new MaxPool2D({ poolSize: 2, strides: 2 }),
      new Dense(120, { activation: 'relu' }),
      new Dropout(0.5),
      new Dense(10),
    );
    net.initialize(new init.Xavier());
    const table = d2l.layerTable(net, [1, 1, 28, 28]);
    expect(table.rows.map((r) => r.layer)).toEqual(['Conv2D', 'MaxPool2D', 'Conv2D', 'MaxPool2D', 'Dense', 'Dropout', 'Dense']);
    expect(table.rows.map((r) => r['output shape'])).toEqual(['6 x 28 x 28', '6 x 14 x 14', '16 x 10 x 10', '16 x 5 x 5', '120', '120', '10']);
    const params = [6 * 25 + 6, 0, 16 * 6 * 25 + 16, 0, 400 * 120 + 120, 0, 120 * 10 + 10];
    expect(table.rows.map((r) => r.parameters)).toEqual(params);
    // conv: outputs per image x (input channels x window); dense: one product per weight
    const multiplyAdds = [6 * 28 * 28 * 25, 0, 16 * 10 * 10 * 6 * 25, 0, 400 * 120, 0, 120 * 10];
    expect(table.rows.map((r) => r['multiply-adds'])).toEqual(multiplyAdds);
    expect(table.parameters).toBe(params.reduce((a, b) => a + b));
    expect(table.multiplyAdds).toBe(multiplyAdds.reduce((a, b) => a + b));
  });

  it('counts per example whatever the batch, and sums nested blocks into one row', () => {
    const block = (numConvs: number, channels: number) => {
      const b = new Sequential();
      for (let i = 0; i < numConvs; i++) b.add(new Conv2D(channels, { kernelSize: 3, padding: 1, activation: 'relu' }));
      b.add(new MaxPool2D({ poolSize: 2, strides: 2 }));
      return b;
    };
    const net = new Sequential();
    net.add(block(1, 4), block(2, 8), new Dense(10));
    net.initialize(new init.Xavier());
    const table = d2l.layerTable(net, [3, 1, 8, 8]);
    expect(table.rows.map((r) => r.layer)).toEqual(['Sequential(Conv2D, MaxPool2D)', 'Sequential(Conv2D, Conv2D, MaxPool2D)', 'Dense']);
    expect(table.rows.map((r) => r['output shape'])).toEqual(['4 x 4 x 4', '8 x 2 x 2', '10']);
    expect(table.rows.map((r) => r.parameters)).toEqual([4 * 9 + 4, 8 * 4 * 9 + 8 + 8 * 8 * 9 + 8, 32 * 10 + 10]);
    expect(table.rows.map((r) => r['multiply-adds'])).toEqual([4 * 64 * 9, 8 * 16 * 4 * 9 + 8 * 16 * 8 * 9, 32 * 10]);
  });

  it('refuses a network that is not a Sequential, and a bad input shape', () => {
    const net = new Sequential();
    net.add(new Dense(2));
    net.initialize();
    expect(() => d2l.layerTable(new Dense(2) as never, [1, 3])).toThrow(/must be a gluon.nn.Sequential/);
    expect(() => d2l.layerTable(net, [0, 3])).toThrow(/inputShape must list positive integers/);
  });
});
