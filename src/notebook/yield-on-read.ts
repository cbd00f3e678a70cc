/**
 * Lets dropped arrays be freed during a long cell outside the page.
 *
 * The library frees an NDArray's tensor when the garbage collector drops the NDArray: a
 * FinalizationRegistry callback, which runs as a task of the event loop. A training loop in a
 * cell awaits a read per step (`await l.sum().asScalar()`), but on WASM and CPU such a read
 * resolves in microtasks: the event loop never turns, no callback runs, and TensorFlow.js's WASM
 * heap fills until XNNPACK fails ("Got status 6", out of memory) and WASM aborts (measured in
 * Deno 2.9: 7.8 "Learning-rate scheduling" and 5.2 "Convolutions with Gluon" aborted). The page's
 * kernel avoids this by rewriting cells so that loops yield now and then; a notebook runs cells as
 * they are, so here each asynchronous read (data, toArray, asScalar, format) gives the event loop
 * a turn, through the host's reclaimMemory, when the last turn is `intervalMs` old. Deno runs the
 * finalizers only once a timer fires, not after reclaimMemory's message-channel turns (measured:
 * 33,000 live tensors after 3,000 loop steps with those turns, about 1,500 with a 1 ms timer
 * after them; Node frees with either), hence the timer.
 */
import { NDArray } from '../lib/index';
import { reclaimMemory } from '../lib/host';

const READS = ['data', 'toArray', 'asScalar', 'format'] as const;

const timerTurn = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 1));

export function yieldOnReads(intervalMs = 100, now: () => number = () => performance.now(), reclaim: () => Promise<void> = async () => {
  await reclaimMemory();
  await timerTurn();
}): void {
  let last = now();
  const proto = NDArray.prototype as unknown as Record<(typeof READS)[number], (...args: unknown[]) => Promise<unknown>>;
  for (const name of READS) {
    const read = proto[name];
    // A named function: the library's messages and stack traces name the method.
    const wrapped = {
      async [name](this: NDArray, ...args: unknown[]): Promise<unknown> {
        const value = await read.apply(this, args);
        if (now() - last >= intervalMs) {
          await reclaim();
          last = now();
        }
        return value;
      },
    }[name]!;
    Object.defineProperty(proto, name, { value: wrapped, writable: true, configurable: true });
  }
}
