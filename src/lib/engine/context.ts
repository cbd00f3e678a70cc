/**
 * MXNet's device model ("context") mapped to the browser. `mx.gpu()` is the GPU backend
 * (WebGPU, or WebGL where WebGPU is missing); `mx.cpu()` is WASM (or plain JS). Arrays print
 * the backend they live on: `<NDArray 2x2 @webgpu(0)>`.
 */
import { backendInfo, type BackendName } from './backends';

export type DeviceType = 'gpu' | 'cpu';

/** A device, as MXNet's Context: mx.gpu() (WebGPU or WebGL) or mx.cpu() (WASM or plain JS). */
export class Context {
  constructor(
    readonly deviceType: DeviceType,
    readonly deviceId = 0,
  ) {}

  /** The TensorFlow.js backend this context runs on. */
  get backend(): BackendName {
    const active = backendInfo().name;
    const activeType: DeviceType = active === 'webgpu' || active === 'webgl' ? 'gpu' : 'cpu';
    // One backend runs at a time; a context of the other kind names the rung it would use.
    if (activeType === this.deviceType) return active;
    return this.deviceType === 'gpu' ? 'webgpu' : 'wasm';
  }

  /** True when both name the same device. */
  equals(other: Context): boolean {
    return this.deviceType === other.deviceType && this.deviceId === other.deviceId;
  }

  /** The backend and device id, as arrays print it: `webgpu(0)`. */
  toString(): string {
    return `${this.backend}(${this.deviceId})`;
  }
}

/** The context of the backend in use: where new arrays are made. */
export function currentContext(): Context {
  const name = backendInfo().name;
  // Every new array asks (ndarray.ts): contexts are immutable, so one of each kind is shared.
  return name === 'webgpu' || name === 'webgl' ? GPU0 : CPU0;
}

const GPU0 = new Context('gpu', 0);
const CPU0 = new Context('cpu', 0);

/** The GPU device (MXNet's mx.gpu()): WebGPU, or WebGL where WebGPU is missing. */
export function gpu(deviceId = 0): Context {
  return new Context('gpu', deviceId);
}

/** The CPU device (MXNet's mx.cpu()): WASM, or plain JavaScript. */
export function cpu(deviceId = 0): Context {
  return new Context('cpu', deviceId);
}

/** How many GPUs the reader has: 1 when the GPU backend is the one running, else 0. */
export function numGpus(): number {
  return currentContext().deviceType === 'gpu' ? 1 : 0;
}
