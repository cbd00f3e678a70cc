/**
 * A lost GPU device (driver reset, GPU process crash, another tab taking the GPU). WebGPU tells
 * us through `device.lost`; tfjs itself does not notice and keeps submitting work to a device
 * that ignores it (results read as zeros, or reads reject). The kernel watches for the loss,
 * fails the running cell with a DeviceLostError and moves to the next backend of the ladder.
 */
import { tf } from './tf';

/** The GPU device behind the backend was lost: what happened and what the kernel did. */
export class DeviceLostError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DeviceLostError';
  }
}

interface LostInfo {
  reason?: string;
  message?: string;
}

interface GpuDeviceLike {
  lost?: Promise<LostInfo>;
  destroy?: () => void;
}

function webgpuDevice(): GpuDeviceLike | null {
  if (tf.getBackend() !== 'webgpu') return null;
  return (tf.backend() as unknown as { device?: GpuDeviceLike }).device ?? null;
}

/**
 * Calls `onLost(description)` once if the active backend's GPU device is lost. Returns false when
 * the backend has no device to watch (WASM, CPU; WebGL's context loss is not watched yet).
 */
export function watchDeviceLoss(onLost: (description: string) => void): boolean {
  const device = webgpuDevice();
  if (!device?.lost) return false;
  void device.lost.then((info) => onLost(`the WebGPU device was lost (${info.reason ?? 'unknown reason'}${info.message ? `: ${info.message}` : ''})`));
  return true;
}

/**
 * For tests of the recovery path: destroys the WebGPU device as a driver reset would.
 * Returns false when the active backend has no device (not WebGPU).
 */
export function simulateDeviceLoss(): boolean {
  const device = webgpuDevice();
  if (!device?.destroy) return false;
  device.destroy();
  return true;
}
