/** The outputs under a cell; recorded ones carry a label saying where they come from. */
import { memo } from 'react';
import type { RecordedInfo } from '../../content/types';
import type { ShownOutput } from '../run/bound-output';
import { OutputView } from '../outputs/output-view';
import { ErrorBoundary } from '../ui/error-boundary';

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

export function CellOutputs({ outputs, recorded, droppedChars, droppedOutputs = 0 }: { outputs: readonly ShownOutput[]; recorded: RecordedLabel | null; droppedChars: number; droppedOutputs?: number }) {
  if (outputs.length === 0 && droppedChars === 0 && droppedOutputs === 0) return null;
  const when = recorded?.info ? ` on ${recorded.info.backend}, ${recorded.info.recordedAt.slice(0, 10)}` : '';
  return (
    <div className={`cell-outputs${recorded ? ' cell-outputs-recorded' : ''}`}>
      {recorded && (
        <div className="recorded-label" title={`Recorded when the book was built${when}. Run the cell to see your own output.`}>
          recorded{recorded.modified ? ' (from the book’s code)' : ''}
        </div>
      )}
      {outputs.map((o, i) => (
        <OutputItem key={o.kind === 'chart' ? `chart:${o.chartId}` : i} output={o} />
      ))}
      {droppedChars > 0 && <p className="output-dropped">… {droppedChars.toLocaleString('en-US')} more characters of output were left out.</p>}
      {droppedOutputs > 0 && <p className="output-dropped">… {droppedOutputs.toLocaleString('en-US')} more outputs were left out.</p>}
    </div>
  );
}
