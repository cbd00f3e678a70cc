/** The outputs under a cell; recorded ones carry a label saying where they come from. */
import type { RecordedInfo } from '../../content/types';
import type { CellOutput } from '../../kernel/protocol';
import { OutputView } from '../outputs/output-view';

interface RecordedLabel {
  /** The reader edited the cell: these outputs are of the book's code. */
  modified: boolean;
  info: RecordedInfo | null;
}

export function CellOutputs({ outputs, recorded, droppedChars }: { outputs: readonly CellOutput[]; recorded: RecordedLabel | null; droppedChars: number }) {
  if (outputs.length === 0 && droppedChars === 0) return null;
  const when = recorded?.info ? ` on ${recorded.info.backend}, ${recorded.info.recordedAt.slice(0, 10)}` : '';
  return (
    <div className={`cell-outputs${recorded ? ' cell-outputs-recorded' : ''}`}>
      {recorded && (
        <div className="recorded-label" title={`Recorded when the book was built${when}. Run the cell to see your own output.`}>
          recorded{recorded.modified ? ' (from the book’s code)' : ''}
        </div>
      )}
      {outputs.map((o, i) => (
        <OutputView key={o.kind === 'chart' ? `chart:${o.chartId}` : i} output={o} />
      ))}
      {droppedChars > 0 && <p className="output-dropped">… {droppedChars.toLocaleString()} more characters of output were left out.</p>}
    </div>
  );
}
