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
import { formatBytes } from '../ui/format';

const EMPTY = new Store<SessionState | null>(null);

function useSessionState(session: KernelSession | null): SessionState | null {
  const store = session?.store ?? EMPTY;
  return useSyncExternalStore(store.subscribe, store.get);
}

/** Why this backend: the fallbacks, the reader's choice, or the speed probe (short line and tooltip). */
function backendWhy(state: SessionState, choice: BackendChoice): { line: string; tooltip: string } {
  const st = state.status;
  if (!st?.backend) return { line: '', tooltip: '' };
  if (st.fallbacks.length > 0) {
    const why = st.fallbacks.map((f) => `${BACKEND_LABELS[f.name]} unavailable: ${f.reason}`).join('; ');
    return { line: `fallback: ${why}`, tooltip: why };
  }
  if (choice !== 'auto') return { line: 'chosen by you', tooltip: 'Chosen in the status bar. Choose Auto to use the fastest backend measured here.' };
  if (st.probe) return { line: probeLine(st.probe), tooltip: probeTooltip(st.probe) };
  return { line: 'first backend of the ladder that started', tooltip: 'WebGPU, then WebGL, WASM and CPU: the first that started.' };
}

/** WASM's threads, and why not more (e.g. a host without the cross-origin isolation headers). */
function wasmTooltip(wasm: WasmThreading | null): string {
  if (!wasm) return '';
  return `WASM runs on ${wasm.threads} thread${wasm.threads === 1 ? '' : 's'}${wasm.note ? `: ${wasm.note}` : ''}.`;
}

function KernelIndicator({ state, choice }: { state: SessionState | null; choice: BackendChoice }) {
  if (!state) return <span className="status-item status-muted">No kernel on this page</span>;
  const phase = state.phase;
  const label = { off: 'not started', starting: 'starting…', idle: 'idle', busy: 'busy', failed: 'failed to start' }[phase];
  const hint = phase === 'off' ? 'The kernel starts when you click into a cell or run one (no cell runs on its own).' : undefined;
  const st = state.status;
  const why = backendWhy(state, choice);
  return (
    <>
      <span className={`status-item kernel-state kernel-${phase}`} data-kernel={phase} title={hint}>
        <span className="dot" aria-hidden="true" />
        {/* A phone shows the state alone: "Kernel: " goes first when space runs out. */}
        <span>
          <span className="kernel-word">Kernel: </span>
          {label}
        </span>
      </span>
      {st?.backend && (
        <span className="status-item backend-badge" data-backend={st.backend} data-probe={st.probe ? (st.probe.fromCache ? 'cached' : 'measured') : undefined} data-wasm-threads={st.wasm?.threads} title={[why.tooltip, wasmTooltip(st.wasm)].filter(Boolean).join('\n')}>
          <span>
            {BACKEND_LABELS[st.backend]}
            {st.wasm && <span className="backend-threads">{` · ${st.wasm.threads} thread${st.wasm.threads === 1 ? '' : 's'}`}</span>}
          </span>
          <span className="backend-why">{` (${why.line})`}</span>
        </span>
      )}
      {st?.memory && (
        <span
          className="status-item status-memory"
          data-tensors={st.memory.numTensors}
          title={`Memory the kernel's arrays hold now: ${formatBytes(st.memory.numBytes)} in ${st.memory.numTensors.toLocaleString('en-US')} arrays (weights, gradients, data, intermediate results). It rises and falls during training; arrays no longer referenced are freed, and Restart frees all of it.`}
        >
          {`${formatBytes(st.memory.numBytes)} in use`}
        </span>
      )}
    </>
  );
}

function DownloadItem({ d }: { d: Download }) {
  const fraction = d.total ? Math.min(1, d.loaded / d.total) : null;
  if (d.state === 'failed') return <span className="status-item status-error" title={d.error ?? ''}>{datasetLabel(d.path)}: download failed</span>;
  if (d.state === 'done') return <span className="status-item status-muted">{datasetLabel(d.path)} {d.fromCache ? 'from cache' : 'downloaded'}</span>;
  return (
    <span className="status-item download" data-download={d.path}>
      {datasetLabel(d.path)}
      <progress max={1} value={fraction ?? undefined} aria-label={`Downloading ${d.path}`} />
      {formatBytes(d.loaded)}
      {d.total ? ` / ${formatBytes(d.total)}` : ''}
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
        <span className="backend-switch-text">Backend</span>
        <select aria-label="Backend" value={choice} onChange={(e) => void pool.chooseBackend(e.target.value as BackendChoice)} data-testid="backend" title="Restarts the kernel on the chosen backend">
          {BACKEND_CHOICES.map((c) => (
            <option key={c} value={c}>
              {c === 'auto' ? 'Auto (fastest here)' : BACKEND_LABELS[c]}
            </option>
          ))}
        </select>
      </label>
      <BackendMenu pool={pool} />
      </>)}
    </footer>
  );
}
