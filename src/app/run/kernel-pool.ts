/**
 * One kernel per open section (cells of a section share variables; sections do not). Reading
 * another section keeps the previous kernel for when the reader comes back, but at most
 * MAX_LIVE kernels run at once: each holds a TensorFlow.js backend and its GPU memory, so the
 * least recently used idle one is shut down, with a note in its section.
 */
import { localProbeCache } from '../../kernel/page/probe-cache';
import { readBackendChoice, saveBackendChoice, type BackendChoice } from '../backend/backend-choice';
import type { LocalText } from '../i18n/messages';
import { KernelSession } from './kernel-session';
import { Store } from './store';
import { readWasmThreadsChoice, saveWasmThreadsChoice, wasmThreadsOption, type WasmThreadsChoice } from '../backend/wasm-threads-choice';

const MAX_LIVE = 2;

export class KernelPool {
  private readonly sessions = new Map<string, KernelSession>();
  /** The section on screen (null on the cover or a part page). */
  readonly current = new Store<KernelSession | null>(null);
  readonly backend = new Store<BackendChoice>(readBackendChoice());
  readonly wasmThreads = new Store<WasmThreadsChoice>(readWasmThreadsChoice());

  constructor(private readonly siteBase: string) {}

  session(slug: string): KernelSession {
    let s = this.sessions.get(slug);
    if (!s) {
      s = new KernelSession(slug, {
        siteBase: this.siteBase,
        backend: () => this.backend.get(),
        wasmThreads: () => wasmThreadsOption(this.wasmThreads.get()),
        onKernelStarted: (started) => this.limit(started),
      });
      this.sessions.set(slug, s);
    }
    return s;
  }

  show(slug: string | null): void {
    const s = slug === null ? null : this.session(slug);
    if (s) s.lastUsed = Date.now();
    if (this.current.get() !== s) this.current.set(s);
  }

  /** The reader picked a backend: remembered, and the current section's kernel restarts on it. */
  async chooseBackend(choice: BackendChoice): Promise<void> {
    this.backend.set(choice);
    saveBackendChoice(choice);
    await this.restartCurrent((m) => m.kernel.restartedOn(choice === 'auto' ? null : choice));
  }

  /**
   * "Measure again": forgets the kept speed probe and restarts the current section's kernel, which
   * then times every backend and starts on the fastest. An explicit backend choice would skip the
   * probe, so the choice goes back to Auto.
   */
  async measureAgain(): Promise<void> {
    localProbeCache.clear();
    if (this.backend.get() !== 'auto') {
      this.backend.set('auto');
      saveBackendChoice('auto');
    }
    await this.restartCurrent((m) => m.kernel.restartedToMeasure);
  }

  /** The reader picked WASM's threads: remembered, and the current section's kernel restarts with them. */
  async chooseWasmThreads(choice: WasmThreadsChoice): Promise<void> {
    this.wasmThreads.set(choice);
    saveWasmThreadsChoice(choice);
    await this.restartCurrent((m) => m.kernel.restartedThreads(choice));
  }

  /** Restarts the current section's kernel (with a notice), or starts it so the status bar shows the result. */
  private async restartCurrent(reason: LocalText): Promise<void> {
    const s = this.current.get();
    if (!s) return;
    if (s.kernelStarted) await s.restart(reason);
    else await s.ensureKernel().catch(() => undefined);
  }

  private limit(started: KernelSession): void {
    const live = [...this.sessions.values()].filter((s) => s !== started && s.kernelStarted && !s.busy).sort((a, b) => a.lastUsed - b.lastUsed);
    const total = [...this.sessions.values()].filter((s) => s.kernelStarted).length;
    for (let i = 0; i < total - MAX_LIVE && i < live.length; i++) {
      live[i]!.shutdown((m) => m.kernel.shutDownForMemory);
    }
  }
}

export const siteBase = (): string => new URL('./', document.baseURI).href;

let pool: KernelPool | null = null;
export function kernelPool(): KernelPool {
  pool ??= new KernelPool(siteBase());
  return pool;
}
