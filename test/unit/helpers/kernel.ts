/**
 * A Kernel driven in the test process as the worker drives it: every message it posts is recorded,
 * `run(code)` executes one cell and returns what that cell printed, showed and threw.
 */
import { Kernel } from '../../../src/kernel/core/kernel';
import type { CellOutput, KernelToPage } from '../../../src/kernel/protocol';
import { requestedBackend } from './backend';

export interface CellRun {
  id: string;
  done: Awaited<ReturnType<Kernel['execute']>>;
  /** Every message the kernel posted while the cell ran (all cells' and none). */
  after: KernelToPage[];
  /** This cell's outputs, in order. */
  outputs: CellOutput[];
  texts: string[];
  values: string[];
  errors: Extract<CellOutput, { kind: 'error' }>[];
}

export interface StartOptions {
  /** Sees every message as the kernel posts it (e.g. to answer storage requests, as the page does). */
  onMessage?: (m: KernelToPage, kernel: Kernel) => void;
  /** Runs after the kernel is made and before it starts (e.g. to install its storage relay). */
  beforeStart?: (kernel: Kernel) => void;
}

/** Starts a kernel on the test's backend; resolves once a first cell has run (the start is done). */
export async function startKernel(options: StartOptions = {}): Promise<{ kernel: Kernel; run: (code: string) => Promise<CellRun>; messages: KernelToPage[] }> {
  const messages: KernelToPage[] = [];
  const kernel: Kernel = new Kernel((m) => {
    messages.push(m);
    options.onMessage?.(m, kernel);
  });
  options.beforeStart?.(kernel);
  kernel.handle({ type: 'start', backend: requestedBackend() });
  let n = 0;
  const run = async (code: string): Promise<CellRun> => {
    const id = `r${++n}`;
    const start = messages.length;
    const done = await kernel.execute({ type: 'execute', id, cellId: `c${n}`, code });
    const after = messages.slice(start);
    const outputs = after.flatMap((m) => (m.type === 'output' && m.id === id ? [m.output] : []));
    return {
      id,
      done,
      after,
      outputs,
      texts: outputs.flatMap((o) => (o.kind === 'text' ? [o.text] : [])),
      values: outputs.flatMap((o) => (o.kind === 'value' ? [o.text] : [])),
      errors: outputs.filter((o): o is Extract<CellOutput, { kind: 'error' }> => o.kind === 'error'),
    };
  };
  await run('1'); // waits for start
  return { kernel, run, messages };
}
