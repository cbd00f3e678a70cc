/**
 * Runs before every test file in the browser: starts the backend the project asks for and, on
 * WebGPU, fails the test during which the device reported an error. WebGPU validation errors
 * (e.g. too many storage buffers, BROWSER-NOTES.md) do not throw: they only reach the device's
 * `uncapturederror` event, and the results silently come back as zeros.
 */
import { afterAll, afterEach, beforeAll } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { requestedBackend, useBackend } from '../unit/helpers/backend';

/** The parts of GPUDevice used here (the DOM lib of our TypeScript has no WebGPU types). */
interface GpuDeviceLike extends EventTarget {
  queue: { onSubmittedWorkDone(): Promise<void> };
  lost: Promise<{ reason: string; message: string }>;
}

const errors: string[] = [];
let device: GpuDeviceLike | null = null;

beforeAll(async () => {
  await useBackend();
  if (requestedBackend() !== 'webgpu') return;
  device = (tf.backend() as unknown as { device: GpuDeviceLike }).device;
  device.addEventListener('uncapturederror', (event) => {
    const error = (event as Event & { error?: { constructor: { name: string }; message: string } }).error;
    errors.push(`${error?.constructor.name ?? 'GPUError'}: ${error?.message ?? String(event)}`);
  });
  void device.lost.then((info) => errors.push(`device lost (${info.reason}): ${info.message}`));
});

/** Waits for the GPU to finish what was submitted, so its errors have been dispatched. */
async function drain(): Promise<void> {
  if (!device) return;
  await device.queue.onSubmittedWorkDone();
  await new Promise((r) => setTimeout(r, 0));
}

function failOnErrors(when: string): void {
  if (errors.length === 0) return;
  const all = errors.splice(0);
  throw new Error(`WebGPU device reported ${all.length} error(s) ${when}:\n${all.join('\n')}`);
}

afterEach(async () => {
  await drain();
  failOnErrors('during this test');
});

afterAll(async () => {
  await drain();
  failOnErrors('after the last test of this file');
});
