/**
 * A lost GPU device (driver reset, GPU process crash, another tab taking the GPU). WebGPU tells
 * us through `device.lost`; WebGL through a `webglcontextlost` event on the backend's canvas (an
 * OffscreenCanvas in the kernel's worker) and `gl.isContextLost()`. tfjs itself does not notice:
 * it keeps submitting work that is ignored (results read as zeros, reads reject or never settle).
 * The kernel watches for the loss, fails the running cell with a DeviceLostError and moves to the
 * next backend of the ladder.
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

interface ContextLostEventLike {
  statusMessage?: string;
}

interface WebGlLike {
  canvas?: {
    addEventListener?: (type: 'webglcontextlost', listener: (e: ContextLostEventLike) => void, options?: { once?: boolean }) => void;
  };
  isContextLost(): boolean;
  getExtension(name: 'WEBGL_lose_context'): { loseContext(): void } | null;
}

function webgpuDevice(): GpuDeviceLike | null {
  if (tf.getBackend() !== 'webgpu') return null;
  return (tf.backend() as unknown as { device?: GpuDeviceLike }).device ?? null;
}

/** The WebGL backend's rendering context (tfjs's GPGPUContext keeps it as `gpgpu.gl`). */
function webglContext(): WebGlLike | null {
  if (tf.getBackend() !== 'webgl') return null;
  return (tf.backend() as unknown as { gpgpu?: { gl?: WebGlLike } }).gpgpu?.gl ?? null;
}

const webglLost = (detail?: string): string => `the WebGL context was lost${detail ? ` (${detail})` : ''}`;

/** The backend whose device was lost, once it is (reads on it fail from then on). */
let lost: { backend: object; description: string } | null = null;
/** Rejects of reads waiting on a GPU backend: a lost WebGL context never completes their fences. */
const waitingReads = new Set<(e: DeviceLostError) => void>();

const readFailure = (description: string): DeviceLostError => new DeviceLostError(`${description}: the values being read are gone with it`);

function markLost(backend: object, description: string): void {
  if (lost?.backend === backend) return;
  lost = { backend, description };
  const rejects = [...waitingReads];
  waitingReads.clear();
  for (const reject of rejects) reject(readFailure(description));
}

function lostDescription(): string | null {
  if (lost !== null && lost.backend === tf.backend()) return lost.description;
  return deviceLostNow();
}

/**
 * Wraps a read of GPU memory (`tensor.data()`) so that it fails with a DeviceLostError when the
 * device is lost, instead of never settling (WebGL: the fence of a lost context never passes) or
 * settling with values a lost device no longer holds. Free on WASM and CPU.
 */
export function guardRead<T>(read: Promise<T>): Promise<T> {
  const name = tf.getBackend();
  if (name !== 'webgl' && name !== 'webgpu') return read;
  return new Promise<T>((resolve, reject) => {
    const already = lostDescription();
    if (already !== null) {
      read.catch(() => undefined);
      reject(readFailure(already));
      return;
    }
    waitingReads.add(reject);
    read.then(
      (value) => {
        waitingReads.delete(reject);
        const now = lostDescription();
        if (now !== null) reject(readFailure(now));
        else resolve(value);
      },
      (e: unknown) => {
        waitingReads.delete(reject);
        reject(e);
      },
    );
  });
}

/**
 * Calls `onLost(description)` once if the active backend's GPU device is lost, after failing the
 * reads still waiting on it. Returns false when the backend has no device to watch (WASM, CPU).
 */
export function watchDeviceLoss(onLost: (description: string) => void): boolean {
  const backend = tf.backend();
  let reported = false;
  const report = (description: string): void => {
    if (reported) return;
    reported = true;
    onLost(description);
    markLost(backend, description);
  };
  const device = webgpuDevice();
  if (device?.lost) {
    void device.lost.then((info) => report(`the WebGPU device was lost (${info.reason ?? 'unknown reason'}${info.message ? `: ${info.message}` : ''})`));
    return true;
  }
  const gl = webglContext();
  if (gl?.canvas?.addEventListener) {
    gl.canvas.addEventListener('webglcontextlost', (e) => report(webglLost(e.statusMessage || undefined)), { once: true });
    if (gl.isContextLost()) queueMicrotask(() => report(webglLost()));
    return true;
  }
  return false;
}

/**
 * Whether the active backend's device is known lost right now, without waiting for the loss
 * event (which arrives a task later: a cell can fail on the lost context before that). WebGL
 * only; WebGPU reports its loss only through `device.lost`. Returns the description or null.
 */
export function deviceLostNow(): string | null {
  return webglContext()?.isContextLost() ? webglLost() : null;
}

/**
 * For tests of the recovery path: destroys the WebGPU device as a driver reset would, or loses
 * the WebGL context through `WEBGL_lose_context`. Returns false when the active backend has no
 * GPU device (WASM, CPU) or the browser cannot simulate the loss.
 */
export function simulateDeviceLoss(): boolean {
  const device = webgpuDevice();
  if (device?.destroy) {
    device.destroy();
    return true;
  }
  const lose = webglContext()?.getExtension('WEBGL_lose_context');
  if (!lose) return false;
  lose.loseContext();
  return true;
}
