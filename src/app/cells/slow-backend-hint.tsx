/**
 * In a cell that has run for a few seconds on a backend the speed probe measured far slower than
 * the fastest here: says so, with the measured ratio and how to switch. When this browser has no
 * probe (the reader chose a backend by hand, so the kernel never timed them), says the backends
 * will be timed when the cell ends, and asks for that background probe (background-probe.ts).
 * Mounted only while a cell runs, on a line of its own under the cell's bar: in the bar it pushed
 * the Stop button to a second row just as the reader reached for it.
 */
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { localProbeCache } from '../../kernel/page/probe-cache';
import { backgroundProbe, requestBackgroundProbe } from '../backend/background-probe';
import { slowBackend } from '../backend/probe-summary';
import { useMessages } from '../i18n/messages';
import { siteBase } from '../run/kernel-pool';
import { useSection } from './section-context';

/** A cell shorter than this is not worth a hint. */
const AFTER_MS = 3_000;

export function SlowBackendHint() {
  const { session } = useSection();
  const backend = useSyncExternalStore(session.store.subscribe, () => session.store.get().status?.backend ?? null);
  const probeState = useSyncExternalStore(backgroundProbe.subscribe, backgroundProbe.get);
  const [late, setLate] = useState(false);
  /** Starts the background probe this cell asked for; called when the cell ends (unmount). */
  const startProbe = useRef<(() => void) | null>(null);
  const m = useMessages();
  useEffect(() => {
    const t = setTimeout(() => setLate(true), AFTER_MS);
    return () => {
      clearTimeout(t);
      startProbe.current?.();
    };
  }, []);
  const probe = late ? localProbeCache.read() : null;
  const unmeasured = late && backend !== null && probe === null && (probeState === 'none' || probeState === 'waiting');
  useEffect(() => {
    if (unmeasured && !startProbe.current) startProbe.current = requestBackgroundProbe(siteBase());
  }, [unmeasured]);
  if (!late || backend === null) return null;
  if (unmeasured) {
    return (
      <div className="cell-hint">
        <span className="cell-mark cell-mark-slow" data-slow-backend="unmeasured" title={m.slow.unmeasuredTooltip(backend)}>
          {m.slow.unmeasured(backend)}
        </span>
      </div>
    );
  }
  const slow = slowBackend(probe, backend);
  if (!slow) return null;
  const ratio = slow.ratio >= 10 ? m.format.number(Math.round(slow.ratio), 0) : m.format.number(slow.ratio, 1);
  return (
    <div className="cell-hint">
      <span className="cell-mark cell-mark-slow" data-slow-backend={slow.backend} title={m.slow.tooltip(slow.backend, ratio, slow.fastest)}>
        {m.slow.text(slow.backend, ratio, slow.fastest)}
      </span>
    </div>
  );
}
