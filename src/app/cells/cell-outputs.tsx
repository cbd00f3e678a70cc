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
  return (
    <ErrorBoundary what="This output" resetKey={output}>
      <OutputView output={output} />
      {output.leftOut && output.leftOut.length > 0 && <p className="output-dropped">… {output.leftOut.join('; ')}.</p>}
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
  const when = recorded?.info ? ` on ${recorded.info.backend}, ${recorded.info.recordedAt.slice(0, 10)}` : '';
  return (
    <div className={`cell-outputs${recorded ? ' cell-outputs-recorded' : ''}${collapsed ? ' cell-outputs-collapsed' : ''}`}>
      <div className="output-tools">
        {recorded && (
          <div className="recorded-label" title={`Recorded when the book was built${when}. Run the cell to see your own output.`}>
            recorded{recorded.modified ? ' (from the book’s code)' : ''}
          </div>
        )}
        {!recorded && restoredAt && (
          <div className="recorded-label restored-label" data-restored={restoredAt} title={`Your output, kept from before the page was reloaded (${restoredAt.slice(0, 16).replace('T', ' ')} UTC). The kernel was not running it now: run the cell again to update it.`}>
            your output · before the reload
          </div>
        )}
        <span className="output-tools-spacer" />
        {(long || collapsed) && (
          <button type="button" className="btn btn-small btn-quiet" aria-expanded={!collapsed} onClick={() => setCollapsed(!collapsed)} data-action="collapse-output" title={collapsed ? 'Show the whole output' : 'Show only the first lines of this output'}>
            <Icon name={collapsed ? 'expand' : 'collapse'} /> {collapsed ? 'Expand' : 'Collapse'}
          </button>
        )}
        <button type="button" className="btn btn-small btn-quiet" onClick={onClear} data-action="clear-output" title="Clear this cell's output (running the cell shows it again)">
          <Icon name="clear" /> Clear
        </button>
      </div>
      <div className="output-body" ref={body}>
        <ControlsChannelContext.Provider value={controls}>
          {outputs.map((o, i) => (
            <OutputItem key={updateKey(o) ?? i} output={o} />
          ))}
        </ControlsChannelContext.Provider>
        {droppedChars > 0 && <p className="output-dropped">… {droppedChars.toLocaleString('en-US')} more characters of output were left out.</p>}
        {droppedOutputs > 0 && <p className="output-dropped">… {droppedOutputs.toLocaleString('en-US')} more outputs were left out.</p>}
      </div>
      {collapsed && (
        <button type="button" className="btn btn-link output-show-all" onClick={() => setCollapsed(false)}>
          Output collapsed: show all
        </button>
      )}
    </div>
  );
}
