/**
 * The kernel worker's entry: a Kernel wired to the MessagePort the page hands over. Started by
 * the sandbox frame (frame.ts); talks to the page directly over the port.
 */
import { Kernel } from './kernel';
import { keepWasmFetch, lockDownGlobals } from './lockdown';
import { setAssetLoader } from '../lib/assets';
import { setStorageBackend } from '../lib/io/storage';
import type { PageToKernel } from './protocol';

self.onmessage = (first: MessageEvent<{ type: 'connect'; port: MessagePort }>) => {
  const port = first.data.port;
  const kernel = new Kernel((message) => {
    const transfer = message.type === 'output' && message.output.kind === 'images' ? message.output.images.map((i) => i.pixels.buffer as ArrayBuffer) : [];
    port.postMessage(message, transfer);
  });
  setAssetLoader((path) => kernel.requestAsset(path));
  setStorageBackend(kernel.storage); // nd.save / nd.load / saveParameters go through the page
  kernel.onStarted = () => {
    keepWasmFetch(self, kernel.wasmBase); // before the lockdown takes fetch away
    lockDownGlobals(self);
  };
  port.onmessage = (e: MessageEvent<PageToKernel>) => kernel.handle(e.data);
  // Shared memory cannot cross into the sandbox's agent cluster: the interrupt flag arrives as
  // a messageerror there, and stop falls back to the interrupt message (see ShareInterruptRequest).
  port.onmessageerror = () => undefined;
  self.addEventListener('unhandledrejection', (e) => {
    e.preventDefault();
    kernel.reportUnhandled(e.reason);
  });
  self.addEventListener('error', (e) => {
    e.preventDefault();
    kernel.reportUnhandled(e.error ?? e.message);
  });
  port.start();
};
