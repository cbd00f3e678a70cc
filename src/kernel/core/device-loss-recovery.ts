/**
 * What the kernel does when the GPU device under its backend is lost (a driver reset, another
 * tab taking the GPU, WebGL's context lost): the cell that was running stops with an error that
 * says so, results computed since cannot be trusted, and the kernel moves to the next rung of the
 * ladder (WebGPU -> WebGL -> WASM -> CPU) with a fresh scope. The library reports the loss
 * (engine/device-loss.ts); this module is the kernel's state machine around it:
 *
 *   running on a device --loss--> lost --(the running cell ends, or at once when idle)--> recovering --> running on the next rung
 *
 * A loss while a cell runs is noticed three ways: the device's event, the before-op hook (the next
 * library op throws), and a synchronous check when the cell ends (WebGL reports a lost context
 * before its event arrives).
 */
import { BACKEND_LADDER, backendInfo, DeviceLostError, deviceLostNow, initBackend, tf, watchDeviceLoss, type BackendName } from '../../lib/host';
import type { KernelState } from '../protocol';
import { isInstance, readThrown } from './thrown-value';

/** What the recovery needs from the kernel. */
export interface DeviceLossHost {
  /** Whether a cell (or a controls' callback) runs now: a loss while idle is recovered from at once. */
  isRunning(): boolean;
  /** Queues a task behind the running cell. */
  enqueue(task: () => Promise<void>): void;
  setState(state: KernelState): void;
  /** Forgets the cells' variables (their arrays lived on the lost device). */
  resetScope(): void;
}

export class DeviceLossRecovery {
  /** What happened to the GPU device, once it is lost (until the kernel moved to the next rung). */
  private lost: string | null = null;
  /** Rungs left because their device was lost (shown with the ladder's skipped rungs). */
  readonly lostRungs: { name: BackendName; reason: string }[] = [];
  /** DeviceLostErrors this kernel made (they already say what it does; the library's do not). */
  private readonly ownErrors = new WeakSet<DeviceLostError>();

  constructor(private readonly host: DeviceLossHost) {}

  /** Watches the active backend's GPU device; a loss while idle is recovered from at once. */
  watch(): void {
    const backend = backendInfo().name;
    watchDeviceLoss((what) => {
      if (backendInfo().name !== backend || this.lost !== null) return;
      this.lost = what;
      if (!this.host.isRunning()) this.host.enqueue(() => this.recover());
    });
  }

  /**
   * Whether the device is lost, taking note of a loss the device reports synchronously (WebGL's
   * isContextLost) before its event.
   */
  isLost(): boolean {
    if (this.lost === null) this.lost = deviceLostNow();
    return this.lost !== null;
  }

  /** For the before-op hook: stops the running cell's next op once the device is lost. */
  throwIfLost(): void {
    if (this.lost !== null) throw this.error(null);
  }

  /**
   * The error a failed cell reports: a lost device's own story when the device is lost (a lost
   * WebGL context makes tfjs fail, "Unable to create WebGLTexture", a task before its event
   * arrives), else what the cell threw.
   */
  explain(thrown: unknown): unknown {
    const own = isInstance(thrown, DeviceLostError) && this.ownErrors.has(thrown as DeviceLostError);
    return this.isLost() && !own ? this.error(thrown) : thrown;
  }

  /** The error that stops a cell on a lost device, keeping where the cause surfaced in the cell. */
  error(cause: unknown): DeviceLostError {
    // The library's DeviceLostError (a read that failed) says nothing this message does not.
    const seen = cause !== null && isInstance(cause, Error) ? readThrown(cause) : null;
    const detail = seen && !isInstance(cause, DeviceLostError) ? ` (the cell saw: ${seen.name}: ${seen.message})` : '';
    const error = new DeviceLostError(
      `${this.lost}${detail}, so this cell stopped. The kernel moves to the next backend of the ladder (${nextRungAfter(backendInfo().name) ?? 'none left'}) ` +
        'and its variables are reset: run the cells above again. If this repeats, close other GPU-heavy tabs or choose a CPU backend.',
    );
    // Keep the position where the cause surfaced in the cell (errorOutput reads the stack's frames).
    const frames = seen ? (seen.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l)) : [];
    if (frames.length) error.stack = `${error.name}: ${error.message}\n${frames.join('\n')}`;
    this.ownErrors.add(error);
    return error;
  }

  /** Leaves the lost backend for the next rung of the ladder, with a fresh scope. */
  async recover(): Promise<void> {
    if (this.lost === null) return;
    const lost = backendInfo().name;
    this.lostRungs.push({ name: lost, reason: this.lost });
    this.host.setState('starting');
    try {
      tf.removeBackend(lost); // never picked again in this kernel; its tensors are gone with the device
    } catch {
      // disposing a backend whose device is gone may fail: it is dropped either way
    }
    const next = nextRungAfter(lost);
    await initBackend(next ?? undefined);
    this.lost = null;
    this.host.resetScope();
    this.watch();
    this.host.setState('idle');
  }
}

function nextRungAfter(name: BackendName): BackendName | null {
  return BACKEND_LADDER[BACKEND_LADDER.indexOf(name) + 1] ?? null;
}
