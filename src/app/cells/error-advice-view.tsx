/**
 * Under a cell's error, what the page knows that the kernel does not (run/error-advice.ts): the
 * cells above did not run in this kernel (offer "Run above"), or the kernel is out of memory
 * (say how much it holds, offer a restart). Mounted only under errors: it follows the whole
 * session's state.
 */
import { useSyncExternalStore } from 'react';
import type { ErrorOutput } from '../../kernel/protocol';
import { IDLE } from '../run/cell-run';
import { errorAdvice } from '../run/error-advice';
import { formatBytes } from '../ui/format';
import { Icon } from '../ui/icons';
import { useSection } from './section-context';

export function ErrorAdviceView({ error, index }: { error: ErrorOutput; index: number }) {
  const ctx = useSection();
  const state = useSyncExternalStore(ctx.session.store.subscribe, ctx.session.store.get);
  const above = ctx.cellsBefore(index);
  const advice = errorAdvice(error, { generation: state.generation, above: above.map((c) => state.cells[c.cellId] ?? IDLE), memory: state.status?.memory ?? null });
  if (!advice) return null;
  if (advice.kind === 'run-above') {
    return (
      <div className="error-advice" role="note" data-advice="run-above">
        {advice.restarted
          ? 'The kernel was restarted, so the variables the cells above defined are gone. '
          : `${advice.notRun === above.length ? 'The cells above have' : `${advice.notRun} of the cells above have`} not run in this kernel, so their variables do not exist here yet. `}
        <button type="button" className="btn btn-small" onClick={() => ctx.session.run(above)} data-action="advice-run-above">
          <Icon name="runAbove" /> Run above
        </button>
      </div>
    );
  }
  const held = advice.bytes === null ? 'an unknown amount of memory' : `${formatBytes(advice.bytes)}${advice.tensors === null ? '' : ` in ${advice.tensors.toLocaleString('en-US')} arrays`}`;
  return (
    <div className="error-advice" role="note" data-advice="memory">
      The kernel holds {held}. Restarting it frees all of that (its variables are reset; the outputs on the page stay).{' '}
      <button type="button" className="btn btn-small" onClick={() => void ctx.session.restart()} data-action="advice-restart">
        <Icon name="restart" /> Restart the kernel
      </button>
    </div>
  );
}
