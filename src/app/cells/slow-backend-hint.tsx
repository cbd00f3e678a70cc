/**
 * In a cell that has run for a few seconds on a backend the speed probe measured far slower than
 * the fastest here: says so, with the measured ratio and how to switch. Mounted only while a cell
 * runs.
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import { localProbeCache } from '../../kernel/page/probe-cache';
import { BACKEND_LABELS } from '../backend/backend-choice';
import { slowBackend } from '../backend/probe-summary';
import { useSection } from './section-context';

/** A cell shorter than this is not worth a hint. */
const AFTER_MS = 3_000;

export function SlowBackendHint() {
  const { session } = useSection();
  const backend = useSyncExternalStore(session.store.subscribe, () => session.store.get().status?.backend ?? null);
  const [late, setLate] = useState(false);
  useEffect(() => {
    const t = setTimeout(() => setLate(true), AFTER_MS);
    return () => clearTimeout(t);
  }, []);
  if (!late) return null;
  const slow = slowBackend(localProbeCache.read(), backend);
  if (!slow) return null;
  const ratio = slow.ratio >= 10 ? Math.round(slow.ratio).toString() : slow.ratio.toFixed(1);
  return (
    <span className="cell-mark cell-mark-slow" data-slow-backend={slow.backend} title={`The speed check measured ${BACKEND_LABELS[slow.backend]} ${ratio} times slower than ${BACKEND_LABELS[slow.fastest]} in this browser. Choose ${BACKEND_LABELS[slow.fastest]} (or Auto) under Backend in the status bar: the kernel restarts there, so run the cells above again.`}>
      {BACKEND_LABELS[slow.backend]} is {ratio}× slower here than {BACKEND_LABELS[slow.fastest]}: switch under Backend in the status bar
    </span>
  );
}
