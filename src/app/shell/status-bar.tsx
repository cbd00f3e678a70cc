/**
 * The status bar: the kernel of the open section (state, backend in use and why, memory), a
 * backend switcher that restarts it on the chosen backend, a menu to measure the backends again
 * and choose WASM's threads (backend-menu.tsx), and dataset downloads.
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import { BACKEND_CHOICES, BACKEND_LABELS, type BackendChoice } from '../backend/backend-choice';
import { BackendMenu } from './backend-menu';
import { datasetLabel, downloads, type Download } from '../files/downloads';
import { kernelPool } from '../run/kernel-pool';
import type { KernelSession, SessionState } from '../run/kernel-session';
import { probeLine, probeTooltip } from '../backend/probe-summary';
import { Store } from '../run/store';
import type { WasmThreading } from '../../kernel/protocol';
import { useMessages, type Messages } from '../i18n/messages';

const EMPTY = new Store<SessionState | null>(null);

function useSessionState(session: KernelSession | null): SessionState | null {
  const store = session?.store ?? EMPTY;
  return useSyncExternalStore(store.subscribe, store.get);
}

/** Why this backend: the fallbacks, the reader's choice, or the speed probe (short line and tooltip). */
function backendWhy(state: SessionState, choice: BackendChoice, m: Messages): { line: string; tooltip: string } {
  const st = state.status;
  if (!st?.backend) return { line: '', tooltip: '' };
  if (st.fallbacks.length > 0) {
    const why = st.fallbacks.map((f) => m.status.unavailable(f.name, f.reason)).join('; ');
    return { line: m.status.fallback(why), tooltip: why };
  }
  if (choice !== 'auto') return { line: m.status.chosenByYou, tooltip: m.status.chosenTooltip };
  if (st.probe) return { line: probeLine(st.probe, m), tooltip: probeTooltip(st.probe, m) };
  return { line: m.status.firstOfLadder, tooltip: m.status.firstOfLadderTooltip };
}

/** WASM's threads, and why not more (e.g. a host without the cross-origin isolation headers). */
function wasmTooltip(wasm: WasmThreading | null, m: Messages): string {
  if (!wasm) return '';
  return m.status.wasmThreads(wasm.threads, wasm.note ?? null);
}

function KernelIndicator({ state, choice }: { state: SessionState | null; choice: BackendChoice }) {
  const m = useMessages();
  if (!state) return <span className="status-item status-muted">{m.status.noKernel}</span>;
  const phase = state.phase;
  const label = m.status.phase[phase];
  const hint = phase === 'off' ? m.status.offHint : undefined;
  const st = state.status;
  const why = backendWhy(state, choice, m);
  return (
    <>
      <span className={`status-item kernel-state kernel-${phase}`} data-kernel={phase} title={hint}>
        <span className="dot" aria-hidden="true" />
        {/* A phone shows the state alone: "Kernel: " goes first when space runs out. */}
        <span>
          <span className="kernel-word">{m.status.kernelWord}</span>
          {label}
        </span>
      </span>
      {st?.backend && (
        <span className="status-item backend-badge" data-backend={st.backend} data-probe={st.probe ? (st.probe.fromCache ? 'cached' : 'measured') : undefined} data-wasm-threads={st.wasm?.threads} title={[why.tooltip, wasmTooltip(st.wasm, m)].filter(Boolean).join('\n')}>
          <span>
            {BACKEND_LABELS[st.backend]}
            {st.wasm && <span className="backend-threads">{` · ${m.status.threads(st.wasm.threads)}`}</span>}
          </span>
          <span className="backend-why">{m.punct.paren(why.line)}</span>
        </span>
      )}
      {st?.memory && (
        // The kernel measures at each change of state: while a cell runs, this is what it held when
        // the cell started (61 KB shown through a training run that held 70 MB), and says so.
        <span
          className="status-item status-memory"
          data-tensors={st.memory.numTensors}
          data-measured={phase === 'busy' ? 'before-run' : 'now'}
          title={phase === 'busy' ? m.status.memoryBeforeRunTooltip(st.memory.numBytes, st.memory.numTensors) : m.status.memoryTooltip(st.memory.numBytes, st.memory.numTensors)}
        >
          {phase === 'busy' ? m.status.memoryBeforeRun(st.memory.numBytes) : m.status.memoryInUse(st.memory.numBytes)}
        </span>
      )}
    </>
  );
}

function DownloadItem({ d }: { d: Download }) {
  const m = useMessages();
  const fraction = d.total ? Math.min(1, d.loaded / d.total) : null;
  const what = datasetLabel(d.path, m);
  if (d.state === 'failed') return <span className="status-item status-error" title={d.error ?? ''}>{m.status.downloadFailed(what)}</span>;
  if (d.state === 'done') return <span className="status-item status-muted">{d.fromCache ? m.status.fromCache(what) : m.status.downloaded(what)}</span>;
  return (
    <span className="status-item download" data-download={d.path}>
      {what}
      <progress max={1} value={fraction ?? undefined} aria-label={m.status.downloading(d.path)} />
      {m.format.bytes(d.loaded)}
      {d.total ? ` / ${m.format.bytes(d.total)}` : ''}
    </span>
  );
}

/** Downloads in progress, and finished ones for a few seconds. */
function useVisibleDownloads(): readonly Download[] {
  const list = useSyncExternalStore(downloads.subscribe, downloads.get);
  const [, tick] = useState(0);
  const [doneAt] = useState(() => new Map<string, number>());
  useEffect(() => {
    for (const d of list) if (d.state !== 'downloading' && !doneAt.has(d.path)) doneAt.set(d.path, Date.now());
    const t = setTimeout(() => tick((n) => n + 1), 4000);
    return () => clearTimeout(t);
  }, [list, doneAt]);
  return list.filter((d) => d.state === 'downloading' || Date.now() - (doneAt.get(d.path) ?? Date.now()) < 4000);
}

export function StatusBar() {
  const pool = kernelPool();
  const session = useSyncExternalStore(pool.current.subscribe, pool.current.get);
  const state = useSessionState(session);
  const choice = useSyncExternalStore(pool.backend.subscribe, pool.backend.get);
  const visible = useVisibleDownloads();
  const m = useMessages();
  return (
    // data-rejected: kernel messages the page refused (a cell speaking for the kernel), for developers.
    <footer className="status-bar" role="status" aria-live="polite" data-rejected={state?.rejected || undefined}>
      <KernelIndicator state={state} choice={choice} />
      {visible.map((d) => (
        <DownloadItem key={d.path} d={d} />
      ))}
      <span className="status-spacer" />
      {/* No kernel on home and part pages: nothing to switch there. */}
      {session && (<>
      <label className="status-item backend-switch">
        <span className="backend-switch-text">{m.status.backend}</span>
        <select aria-label={m.status.backend} value={choice} onChange={(e) => void pool.chooseBackend(e.target.value as BackendChoice)} data-testid="backend" title={m.status.backendTooltip}>
          {BACKEND_CHOICES.map((c) => (
            <option key={c} value={c}>
              {c === 'auto' ? m.status.auto : BACKEND_LABELS[c]}
            </option>
          ))}
        </select>
      </label>
      <BackendMenu pool={pool} />
      </>)}
    </footer>
  );
}
