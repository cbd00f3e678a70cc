/**
 * The host contract: what a host (the kernel, in its worker or in Node) uses to run the library
 * for a reader. `index.ts` is what cells see; this module is what the host sees, and the kernel
 * imports the library through these two only (test/unit/import-direction.test.ts holds it to that).
 *
 * The library works without a host: a plain Node script prints to the console, reads and writes
 * files on disk, runs callbacks of d2l.controls once, and starts on the ladder's first backend
 * that works. A host changes that by installing hooks, one per concern:
 *
 * | concern            | the host calls                                   | the library then                                   |
 * | ------------------ | ------------------------------------------------ | -------------------------------------------------- |
 * | outputs            | setDisplayHook, flushDisplay                     | hands each output (output-kinds.ts) to the hook    |
 * | controls           | setControlsHost                                  | lets the host re-run a controls' callback          |
 * | assets (datasets)  | setAssetLoader                                   | asks the host for the book's files                 |
 * | saved files        | setStorageBackend                                | nd.save / nd.load / saveParameters go to the host  |
 * | before each op     | setBeforeOpHook                                  | calls it first (a stop request, a lost device)     |
 * | memory             | reclaimMemory                                    | frees what dropped arrays held (yields once)       |
 * | backend start      | configureWasmPaths, limitWasmThreads, startBackend | probes or takes the host's choice, then starts   |
 * | device loss        | watchDeviceLoss, deviceLostNow, initBackend      | reports a lost GPU device; the host moves on       |
 *
 * Every hook takes null to go back to the default. Hooks are module state: one host per realm.
 */
export { display, flushDisplay, getDisplayHook, print, setDisplayHook, type DisplayHook } from './display';
export { coerceControlValue, setControlsHost, type ControlsHost, type ControlSpec, type ControlValue, type SelectControl, type SliderControl } from './controls';
export { setAssetLoader, type AssetLoader } from './assets';
export { setStorageBackend, type StorageBackend } from './io/storage';
export { setBeforeOpHook } from './nd/primitive';
export { reclaimMemory } from './nd/lifetime';
export { BACKEND_LADDER, backendInfo, configureWasmPaths, initBackend, type BackendInfo, type BackendName } from './engine/backends';
export type { BackendProbe, BackendTrial, ProbeBasis } from './engine/backend-probe';
export { startBackend } from './backend-choice/start-fastest';
export { DEFAULT_THREAD_LIMIT, limitWasmThreads, wasmThreading, type WasmThreading } from './engine/wasm-threads';
export { DeviceLostError, deviceLostNow, watchDeviceLoss } from './engine/device-loss';
/**
 * TensorFlow.js under the library, for what only the host does with it: read its memory
 * counters for the status bar, drop a backend whose device was lost, and keep its platform fetch
 * for the WASM binaries once the sandbox has taken the global fetch away.
 */
export { tf } from './engine/tf';
