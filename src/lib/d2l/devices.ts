/**
 * Devices helpers, introduced in "Devices: WebGPU, WebGL, WASM and CPU"
 * (chapters/04-deep-learning-computation/05-devices.md) and used by the training loops of the
 * convolutional chapters.
 */
import { cpu, gpu, numGpus, type Context } from '../engine/context';

/**
 * The GPU when the kernel runs on one (WebGPU or WebGL), else the CPU (WASM or plain
 * JavaScript): where to put a network and its data. Like d2l's try_gpu, it never fails.
 */
export function tryGpu(): Context {
  return numGpus() > 0 ? gpu() : cpu();
}
