/**
 * In a cell that has run for a few seconds on a backend the speed probe measured far slower than
 * the fastest here: says so, with the measured ratio and how to switch. Mounted only while a cell
 * runs.
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import { localProbeCache } from '../../kernel/page/probe-cache';
import { slowBackend } from '../backend/probe-summary';
import { useMessages } from '../i18n/messages';
import { useSection } from './section-context';

/** A cell shorter than this is not worth a hint. */
const AFTER_MS = 3_000;

export function SlowBackendHint() {
  const { session } = useSection();
  const backend = useSyncExternalStore(session.store.subscribe, () => session.store.get().status?.backend ?? null);
  const [late, setLate] = useState(false);
  const m = useMessages();
  useEffect(() => {
    const t = setTimeout(() => setLate(true), AFTER_MS);
    return () => clearTimeout(t);
  }, []);
  if (!late) return null;
  const slow = slowBackend(localProbeCache.read(), backend);
  if (!slow) return null;
  const ratio = slow.ratio >= 10 ? m.format.number(Math.round(slow.ratio), 0) : m.format.number(slow.ratio, 1);
  return (
    <span className="cell-mark cell-mark-slow" data-slow-backend={slow.backend} title={m.slow.tooltip(slow.backend, ratio, slow.fastest)}>
      {m.slow.text(slow.backend, ratio, slow.fastest)}
    </span>
  );
}
