/** One cell output, by kind. The switch is exhaustive: a new kind in src/lib/output-kinds.ts fails to compile here. */
import { assertNever, type CellOutput } from '../../kernel/protocol';
import { ChartView } from './chart-view';
import { ControlsView } from './controls-view';
import { ErrorView } from './error-view';
import { ImagesView } from './images-view';
import { TableView } from './table-view';
import { TextView } from './text-view';

export function OutputView({ output }: { output: CellOutput }) {
  switch (output.kind) {
    case 'text':
      return <TextView className={`output output-text output-${output.stream}`} text={output.text} />;
    case 'value':
      return <TextView className={`output output-value${output.type === 'ndarray' ? ' output-ndarray' : ''}`} text={output.text} />;
    case 'error':
      return <ErrorView error={output} />;
    case 'table':
      return <TableView table={output} />;
    case 'images':
      return <ImagesView images={output} />;
    case 'chart':
      return <ChartView chart={output} />;
    case 'controls':
      return <ControlsView controls={output} OutputView={OutputView} />;
    default:
      return assertNever(output);
  }
}
