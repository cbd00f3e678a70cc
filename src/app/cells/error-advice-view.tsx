/**
 * Under a cell's error, what the page knows that the kernel does not (run/error-advice.ts): the
 * cells above did not run in this kernel (offer "Run above"), or the kernel is out of memory
 * (say how much it holds, offer a restart). Mounted only under errors: it follows the whole
 * session's state.
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { ErrorOutput } from '../../kernel/protocol';
import { IDLE } from '../run/cell-run';
import { errorAdvice } from '../run/error-advice';
import { loadApiReference, missingMethod, ndFunctionAdvice, type NdFunctionAdvice } from '../run/method-advice';
import { useMessages } from '../i18n/messages';
import { Icon } from '../ui/icons';
import { useSection } from './section-context';

export function ErrorAdviceView({ error, index }: { error: ErrorOutput; index: number }) {
  const ctx = useSection();
  const m = useMessages();
  const state = useSyncExternalStore(ctx.session.store.subscribe, ctx.session.store.get);
  const above = ctx.cellsBefore(index);
  const advice = errorAdvice(error, { generation: state.generation, above: above.map((c) => state.cells[c.cellId] ?? IDLE), memory: state.status?.memory ?? null });
  if (!advice) return <MethodAdviceView error={error} />;
  if (advice.kind === 'run-above') {
    return (
      <div className="error-advice" role="note" data-advice="run-above">
        {advice.restarted ? m.advice.restarted : m.advice.notRun(advice.notRun, advice.notRun === above.length)}
        <button type="button" className="btn btn-small" onClick={() => ctx.session.run(above)} data-action="advice-run-above">
          <Icon name="runAbove" /> {m.advice.runAbove}
        </button>
      </div>
    );
  }
  const held = m.advice.held(advice.bytes, advice.tensors);
  return (
    <div className="error-advice" role="note" data-advice="memory">
      {m.advice.memory(held)}{' '}
      <button type="button" className="btn btn-small" onClick={() => void ctx.session.restart()} data-action="advice-restart">
        <Icon name="restart" /> {m.advice.restart}
      </button>
    </div>
  );
}

/** "x.dot is not a function" where the library has nd.dot: say so, with its signature. */
function MethodAdviceView({ error }: { error: ErrorOutput }) {
  const m = useMessages();
  const method = missingMethod(error);
  const [advice, setAdvice] = useState<NdFunctionAdvice | null>(null);
  useEffect(() => {
    if (method === null) return;
    let live = true;
    loadApiReference()
      .then((reference) => live && setAdvice(ndFunctionAdvice(method, reference)))
      .catch(() => undefined); // offline without the chunk: the error alone, as before
    return () => {
      live = false;
    };
  }, [method]);
  if (!advice) return null;
  return (
    <div className="error-advice" role="note" data-advice="nd-function">
      {m.advice.ndFunction(advice.method)}
      <code>{advice.signature}</code>
    </div>
  );
}
