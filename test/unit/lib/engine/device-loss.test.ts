// Device loss without a GPU: a stand-in WebGL backend whose context can be lost as
// WEBGL_lose_context does it (isContextLost() true at once, the webglcontextlost event a task
// later). Checks what the kernel relies on: the loss is reported once, reads waiting on the lost
// context fail with DeviceLostError instead of never settling, later reads fail at once, and
// nothing changes for the CPU backends. (The real thing runs in headless Chromium:
// test/reliability/faults.e2e.test.mjs, 'WebGL context lost'.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../../../src/lib/engine/tf';
import { inBrowser } from '../../../../src/lib/engine/backends';
import { DeviceLostError, deviceLostNow, guardRead, simulateDeviceLoss, watchDeviceLoss } from '../../../../src/lib/engine/device-loss';
import { requestedBackend, useBackend } from '../../helpers/backend';

class FakeGl {
  readonly canvas = new EventTarget();
  private lost = false;
  isContextLost(): boolean {
    return this.lost;
  }
  getExtension(name: string): { loseContext(): void } | null {
    if (name !== 'WEBGL_lose_context') return null;
    return {
      loseContext: () => {
        this.lost = true;
        setTimeout(() => this.canvas.dispatchEvent(new Event('webglcontextlost')), 0);
      },
    };
  }
}

class FakeWebGlBackend extends tf.KernelBackend {
  readonly gpgpu = { gl: new FakeGl() };
  override dispose(): void {}
}

const never = <T>(): Promise<T> => new Promise<T>(() => undefined);

// In browsers the real WebGL backend owns the name; there the e2e test covers this.
describe.skipIf(inBrowser())('device loss on WebGL (a stand-in context)', () => {
  const home = requestedBackend();
  beforeAll(async () => {
    await useBackend();
    tf.registerBackend('webgl', () => new FakeWebGlBackend());
    await tf.setBackend('webgl');
  });
  afterAll(async () => {
    await tf.setBackend(home);
    tf.removeBackend('webgl');
  });

  it('reports the loss once, fails the read waiting on it, and every read after it', async () => {
    expect(tf.getBackend()).toBe('webgl');
    const reports: string[] = [];
    expect(watchDeviceLoss((what) => reports.push(what))).toBe(true);
    const waiting = guardRead(never<Float32Array>());
    const finishing = guardRead(new Promise<Float32Array>((resolve) => setTimeout(() => resolve(new Float32Array([1])), 20)));
    expect(deviceLostNow()).toBeNull();

    expect(simulateDeviceLoss()).toBe(true);
    // Lost at once, before the event: the kernel checks this when a cell fails.
    expect(deviceLostNow()).toBe('the WebGL context was lost');
    await expect(waiting).rejects.toThrow(DeviceLostError);
    await expect(waiting).rejects.toThrow(/^the WebGL context was lost: the values being read are gone with it$/);
    expect(reports).toEqual(['the WebGL context was lost']);
    // A read that completes after the loss returns values the context no longer holds: refused.
    await expect(finishing).rejects.toThrow(DeviceLostError);
    await expect(guardRead(Promise.resolve(new Float32Array([2])))).rejects.toThrow(/WebGL context was lost/);
    expect(reports).toHaveLength(1);
  });

  it('leaves reads on the CPU backends alone', async () => {
    await tf.setBackend(home);
    const read = Promise.resolve(new Float32Array([3]));
    expect(guardRead(read)).toBe(read);
    expect(deviceLostNow()).toBeNull();
    expect(simulateDeviceLoss()).toBe(false);
    expect(watchDeviceLoss(() => undefined)).toBe(false);
  });
});
