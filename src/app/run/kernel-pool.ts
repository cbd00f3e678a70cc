/**
 * One kernel per open section (cells of a section share variables; sections do not). Reading
 * another section keeps the previous kernel for when the reader comes back, but at most
 * MAX_LIVE kernels run at once: each holds a TensorFlow.js backend and its GPU memory, so the
 * least recently used idle one is shut down, with a note in its section.
 */
import { BACKEND_LABELS, readBackendChoice, saveBackendChoice, type BackendChoice } from './backend-choice';
import { KernelSession } from './kernel-session';
import { Store } from './store';

const MAX_LIVE = 2;

export class KernelPool {
  private readonly sessions = new Map<string, KernelSession>();
  /** The section on screen (null on the cover or a part page). */
  readonly current = new Store<KernelSession | null>(null);
  readonly backend = new Store<BackendChoice>(readBackendChoice());

  constructor(private readonly siteBase: string) {}

  session(slug: string): KernelSession {
    let s = this.sessions.get(slug);
    if (!s) {
      s = new KernelSession(slug, { siteBase: this.siteBase, backend: () => this.backend.get(), onKernelStarted: (started) => this.limit(started) });
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
    const s = this.current.get();
    if (!s) return;
    const name = choice === 'auto' ? 'the best available backend' : BACKEND_LABELS[choice];
    if (s.kernelStarted) await s.restart(`The kernel was restarted on ${name}: its variables were reset. Run the cells above again before continuing.`);
    else await s.ensureKernel().catch(() => undefined);
  }

  private limit(started: KernelSession): void {
    const live = [...this.sessions.values()].filter((s) => s !== started && s.kernelStarted && !s.busy).sort((a, b) => a.lastUsed - b.lastUsed);
    const total = [...this.sessions.values()].filter((s) => s.kernelStarted).length;
    for (let i = 0; i < total - MAX_LIVE && i < live.length; i++) {
      live[i]!.shutdown('This section\'s kernel was shut down to free memory while you read other sections: its variables were reset. Run the cells again to continue.');
    }
  }
}

export const siteBase = (): string => new URL('./', document.baseURI).href;

let pool: KernelPool | null = null;
export function kernelPool(): KernelPool {
  pool ??= new KernelPool(siteBase());
  return pool;
}
