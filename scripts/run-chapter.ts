/**
 * Runs a chapter's cells in order through a Kernel, exactly as the page does (the same class,
 * the same transform), and collects each cell's outputs; then, when given, the section's check
 * file (see src/content/book-checks.ts). Used by `npm run book` and tests. Node or browser;
 * no Worker APIs.
 */
import { extractCells, type Cell } from '../src/content/cells';
import { CLAIM_SETUP, extractClaims } from '../src/content/book-checks';
import type { RecordedClaim } from '../src/content/recorded';
import { Kernel } from '../src/kernel/core/kernel';
import type { BackendName, CellOutput, DoneMessage, KernelToPage, StatusMessage } from '../src/kernel/protocol';

export interface CellResult {
  cell: Cell;
  outputs: CellOutput[];
  done: DoneMessage;
}

export interface ChecksResult {
  claims: RecordedClaim[];
  /** Prints and errors of the check file other than claims. */
  outputs: CellOutput[];
  done: DoneMessage;
}

export interface ChapterRun {
  results: CellResult[];
  checks: ChecksResult | null;
  status: StatusMessage | null;
  /** The kernel, kept so a test can look at variables (kernel.scopeValue) afterwards. */
  kernel: Kernel;
}

export async function runChapter(
  markdown: string,
  options: { backend?: BackendName; onResult?: (r: CellResult) => void; stopOnError?: boolean; checks?: string } = {},
): Promise<ChapterRun> {
  const outputs = new Map<string, CellOutput[]>();
  let status: StatusMessage | null = null;
  const kernel = new Kernel((m: KernelToPage) => {
    if (m.type === 'output') outputs.get(m.id)?.push(m.output);
    else if (m.type === 'status') status = m;
  });
  kernel.handle({ type: 'start', backend: options.backend });
  const run = async (id: string, code: string): Promise<{ outputs: CellOutput[]; done: DoneMessage }> => {
    outputs.set(id, []);
    const done = await kernel.execute({ type: 'execute', id, cellId: id, code });
    return { outputs: outputs.get(id)!, done };
  };
  const results: CellResult[] = [];
  let failed = false;
  for (const cell of extractCells(markdown)) {
    if (!cell.runnable) continue;
    const { outputs: cellOutputs, done } = await run(cell.id, cell.code);
    const result = { cell, outputs: cellOutputs, done };
    results.push(result);
    options.onResult?.(result);
    if (done.status !== 'ok') failed = true;
    if (failed && options.stopOnError) break;
  }
  let checks: ChecksResult | null = null;
  if (options.checks !== undefined && !(failed && options.stopOnError)) {
    const setup = await run('claim-setup', CLAIM_SETUP);
    if (setup.done.status !== 'ok') throw new Error(`the claim() setup cell failed: ${JSON.stringify(setup.outputs)}`);
    const r = await run('checks', options.checks);
    const { claims, other } = extractClaims(r.outputs);
    checks = { claims, outputs: other, done: r.done };
  }
  return { results, checks, status, kernel };
}
