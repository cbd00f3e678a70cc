/**
 * The kernel worker's entry: a Kernel wired to the MessagePort the page hands over. Started by
 * the sandbox frame (frame.ts); talks to the page directly over the port.
 *
 * Cell code shares this realm with the kernel, so it must not reach the port: a cell that wraps
 * `MessagePort.prototype.postMessage`, or the `data` getter of `MessageEvent.prototype`, would
 * otherwise catch the port on the kernel's next message and speak for the kernel (or read the
 * page's messages, the next cell's code among them). So what the kernel uses to talk is taken
 * here, when this module runs, before any cell (the methods themselves, called through a
 * captured Reflect.apply), and the prototypes are frozen once the kernel has started. What a
 * shared realm cannot prevent: a cell that replaces other built-ins (String.prototype.slice,
 * Array.prototype.map) sees the data the kernel passes through them, later cells' code included;
 * it still cannot send anything as the kernel, and the page validates every message anyway.
 */
import { Kernel } from '../core/kernel';
import { keepWasmFetch, lockDownGlobals } from './lockdown';
import { transferList } from './transfer-list';
import { setAssetLoader, setStorageBackend } from '../../lib/host';
import type { KernelToPage, PageToKernel } from '../protocol';

const apply = Reflect.apply;
const freeze = Object.freeze;
const postMessageOf = MessagePort.prototype.postMessage;
const startOf = MessagePort.prototype.start;
const dataOf = Object.getOwnPropertyDescriptor(MessageEvent.prototype, 'data')!.get!;
const addListener = EventTarget.prototype.addEventListener;
const preventDefault = Event.prototype.preventDefault;
const getters = {
  reason: Object.getOwnPropertyDescriptor(PromiseRejectionEvent.prototype, 'reason')!.get!,
  error: Object.getOwnPropertyDescriptor(ErrorEvent.prototype, 'error')!.get!,
  message: Object.getOwnPropertyDescriptor(ErrorEvent.prototype, 'message')!.get!,
};
const readEvent = (name: keyof typeof getters, e: Event): unknown => apply(getters[name], e, []);

/** What the kernel's talk goes through; frozen so no cell can wrap them later. */
const FROZEN_PROTOTYPES = [MessagePort.prototype, MessageEvent.prototype, Event.prototype, EventTarget.prototype, ErrorEvent.prototype, PromiseRejectionEvent.prototype];

self.onmessage = (first: MessageEvent) => {
  self.onmessage = null;
  const { port } = apply(dataOf, first, []) as { type: 'connect'; port: MessagePort };
  const post = (message: KernelToPage, transfer: Transferable[]): void => apply(postMessageOf, port, [message, transfer]);
  const kernel = new Kernel((message) => post(message, transferList(message)));
  setAssetLoader((path) => kernel.assets.request(path)); // datasets come from the page
  setStorageBackend(kernel.storage); // nd.save / nd.load / saveParameters go through the page
  kernel.onStarted = () => {
    keepWasmFetch(self, kernel.wasmBase); // before the lockdown takes fetch away
    lockDownGlobals(self);
    for (const proto of FROZEN_PROTOTYPES) freeze(proto);
  };
  port.onmessage = (e: MessageEvent) => kernel.handle(apply(dataOf, e, []) as PageToKernel);
  // Shared memory cannot cross into another agent cluster (an opaque-origin frame, as the kernel
  // frame once was): the interrupt flag arrives as a messageerror there, and stop falls back to the interrupt message (see ShareInterruptRequest).
  port.onmessageerror = () => undefined;
  apply(addListener, self, [
    'unhandledrejection',
    (e: PromiseRejectionEvent) => {
      apply(preventDefault, e, []);
      kernel.reportUnhandled(readEvent('reason', e));
    },
  ]);
  apply(addListener, self, [
    'error',
    (e: ErrorEvent) => {
      apply(preventDefault, e, []);
      kernel.reportUnhandled(readEvent('error', e) ?? readEvent('message', e));
    },
  ]);
  apply(startOf, port, []);
};
