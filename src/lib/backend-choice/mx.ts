/** `mx`: devices and the backend in use, as MXNet's `mx.cpu()` / `mx.gpu()` / `mx.context`. */
import { backendInfo, initBackend, BACKEND_LADDER } from '../engine/backends';
import { Context, cpu, currentContext, gpu, numGpus } from '../engine/context';
import { BackendUnavailableError, withBackend } from './with-backend';
import { DeviceLostError, simulateDeviceLoss } from '../engine/device-loss';

export const mx = {
  Context,
  cpu,
  gpu,
  currentContext,
  numGpus,
  /** Which backend runs and which rungs of the ladder were skipped (and why). */
  backendInfo,
  /** Starts (or switches to) a backend; the kernel calls this at start. */
  initBackend,
  /** The backends in the order the kernel tries them: WebGPU, WebGL, WASM, CPU. */
  ladder: BACKEND_LADDER,
  /** Runs a function on another backend for a moment, then switches back (comparing backends). */
  withBackend,
  BackendUnavailableError,
  /** Testing the kernel's recovery: destroys the WebGPU device or loses the WebGL context, as a driver reset would (false on WASM/CPU). */
  simulateDeviceLoss,
  DeviceLostError,
};
