/**
 * Runs a chapter's cells in order through a Kernel, exactly as the page does (the same class,
 * the same transform), and collects each cell's outputs. Used by `npm run book`, the book
 * test and the recorded-outputs script. Node or browser; no Worker APIs.
 */
import { extractCells, type Cell } from '../content/cells';
import type { BackendName } from '../lib/engine/backends';
import { Kernel } from './kernel';
import type { CellOutput, DoneMessage, KernelToPage, StatusMessage } from './protocol';

export interface CellResult {
  cell: Cell;
  outputs: CellOutput[];
  done: DoneMessage;
}

export interface ChapterRun {
  results: CellResult[];
  status: StatusMessage | null;
  /** The kernel, kept so a test can look at variables (kernel.scopeValue) afterwards. */
  kernel: Kernel;
}

export async function runChapter(
  markdown: string,
  options: { backend?: BackendName; onResult?: (r: CellResult) => void; stopOnError?: boolean } = {},
): Promise<ChapterRun> {
  const outputs = new Map<string, CellOutput[]>();
  let status: StatusMessage | null = null;
  const kernel = new Kernel((m: KernelToPage) => {
    if (m.type === 'output') outputs.get(m.id)?.push(m.output);
    else if (m.type === 'status') status = m;
  });
  kernel.handle({ type: 'start', backend: options.backend });
  const results: CellResult[] = [];
  for (const cell of extractCells(markdown)) {
    if (!cell.runnable) continue;
    outputs.set(cell.id, []);
    const done = await kernel.execute({ type: 'execute', id: cell.id, cellId: cell.id, code: cell.code });
    const result = { cell, outputs: outputs.get(cell.id)!, done };
    results.push(result);
    options.onResult?.(result);
    if (done.status !== 'ok' && options.stopOnError) break;
  }
  return { results, status, kernel };
}
