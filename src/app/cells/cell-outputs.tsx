/**
 * The outputs under a cell; recorded ones carry a label saying where they come from. The reader
 * can clear them, and collapse a long one (to a few lines, with a way back), as in a notebook.
 */
import { memo, useLayoutEffect, useRef, useState } from 'react';
import type { RecordedInfo } from '../../content/types';
import type { ShownOutput } from '../run/bound-output';
import { updateKey } from '../../kernel/protocol';
import { OutputView } from '../outputs/output-view';
import { ControlsChannelContext, type ControlsChannel } from '../outputs/controls-channel';
import { ErrorBoundary } from '../ui/error-boundary';
import { Icon } from '../ui/icons';
import { useMessages } from '../i18n/messages';

interface RecordedLabel {
  /** The reader edited the cell: these outputs are of the book's code. */
  modified: boolean;
  info: RecordedInfo | null;
}

/**
 * One output, with what was left out of it. Memoized: a cell that streams outputs changes only
 * the last one (the output log keeps the others' identity), so the page re-renders one, not all.
 * One bad output shows an error in its place; the cell and the section stay.
 */
const OutputItem = memo(function OutputItem({ output }: { output: ShownOutput }) {
  const m = useMessages();
  return (
    <ErrorBoundary what={m.boundary.thisOutput} resetKey={output}>
      <OutputView output={output} />
      {output.leftOut && output.leftOut.length > 0 && <p className="output-dropped">{m.outputs.leftOut(output.leftOut)}</p>}
    </ErrorBoundary>
  );
});

/** Outputs taller than this (CSS px) offer to collapse. */
export const LONG_OUTPUT_PX = 360;

export function CellOutputs({
  outputs,
  recorded,
  droppedChars,
  droppedOutputs = 0,
  runKey,
  restoredAt = null,
  onClear,
  controls = null,
}: {
  outputs: readonly ShownOutput[];
  /** Where d2l.controls outputs send the reader's changes; null under recorded outputs (static values). */
  controls?: ControlsChannel | null;
  recorded: RecordedLabel | null;
  droppedChars: number;
  droppedOutputs?: number;
  /** Changes with each run: a new run opens a collapsed output again. */
  runKey: string;
  /** The reader's own outputs kept from before a reload: when they ran (ISO time). */
  restoredAt?: string | null;
  onClear: () => void;
}) {
  const body = useRef<HTMLDivElement>(null);
  const [long, setLong] = useState(false);
  const [collapsed, setCollapsed] = useState(false);
  const m = useMessages();
  useLayoutEffect(() => setCollapsed(false), [runKey]);
  useLayoutEffect(() => {
    const el = body.current;
    if (!el) return;
    const measure = () => setLong(el.scrollHeight > LONG_OUTPUT_PX);
    measure();
    // Charts and images grow after they load; live outputs grow while the cell runs.
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    for (const child of el.children) ro.observe(child);
    return () => ro.disconnect();
  }, [outputs]);
  if (outputs.length === 0 && droppedChars === 0 && droppedOutputs === 0) return null;
  const recordedAt = recorded?.info ? new Date(recorded.info.recordedAt) : null;
  const recordedTooltip = m.outputs.recordedTooltip(recorded?.info?.backend ?? null, recordedAt && !Number.isNaN(recordedAt.getTime()) ? recordedAt : null);
  const restored = restoredAt ? new Date(restoredAt) : null;
  return (
    <div className={`cell-outputs${recorded ? ' cell-outputs-recorded' : ''}${collapsed ? ' cell-outputs-collapsed' : ''}`}>
      <div className="output-tools">
        {recorded && (
          <div className="recorded-label" title={recordedTooltip}>
            {m.outputs.recorded(recorded.modified)}
          </div>
        )}
        {!recorded && restoredAt && (
          <div className="recorded-label restored-label" data-restored={restoredAt} title={restored && !Number.isNaN(restored.getTime()) ? m.outputs.restoredTooltip(restored) : undefined}>
            {m.outputs.restored}
          </div>
        )}
        <span className="output-tools-spacer" />
        {(long || collapsed) && (
          <button type="button" className="btn btn-small btn-quiet" aria-expanded={!collapsed} onClick={() => setCollapsed(!collapsed)} data-action="collapse-output" title={collapsed ? m.outputs.expandTooltip : m.outputs.collapseTooltip}>
            <Icon name={collapsed ? 'expand' : 'collapse'} /> {collapsed ? m.outputs.expand : m.outputs.collapse}
          </button>
        )}
        <button type="button" className="btn btn-small btn-quiet" onClick={onClear} data-action="clear-output" title={m.outputs.clearTooltip}>
          <Icon name="clear" /> {m.outputs.clear}
        </button>
      </div>
      <div className="output-body" ref={body}>
        <ControlsChannelContext.Provider value={controls}>
          {outputs.map((o, i) => (
            <OutputItem key={updateKey(o) ?? i} output={o} />
          ))}
        </ControlsChannelContext.Provider>
        {droppedChars > 0 && <p className="output-dropped">{m.outputs.droppedChars(droppedChars)}</p>}
        {droppedOutputs > 0 && <p className="output-dropped">{m.outputs.droppedOutputs(droppedOutputs)}</p>}
      </div>
      {collapsed && (
        <button type="button" className="btn btn-link output-show-all" onClick={() => setCollapsed(false)}>
          {m.outputs.collapsed}
        </button>
      )}
    </div>
  );
}
