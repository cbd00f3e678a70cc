/**
 * Runs a chapter's cells in order through a Kernel in this process (Node, or a test page), as the
 * reader's page does (the same class, the same transform), then, when given, the section's check
 * file: the pipeline of chapter-pipeline.ts, which the book test shares. Used by `npm run book`
 * and tests. No Worker APIs.
 */
import { Kernel } from '../src/kernel/core/kernel';
import type { BackendName, CellOutput, KernelToPage, StatusMessage } from '../src/kernel/protocol';
import { runSection, type CellResult, type SectionRun } from './chapter-pipeline';

export type { CellResult, ChecksResult } from './chapter-pipeline';

export interface ChapterRun extends SectionRun {
  status: StatusMessage | null;
  /** The kernel, kept so a test can look at variables (kernel.scopeValue) afterwards. */
  kernel: Kernel;
}

export async function runChapter(
  markdown: string,
  options: { backend?: BackendName; onResult?: (r: CellResult) => void; stopOnError?: boolean; checks?: string; budgetSeconds?: number } = {},
): Promise<ChapterRun> {
  const outputs = new Map<string, CellOutput[]>();
  let status: StatusMessage | null = null;
  const kernel = new Kernel((m: KernelToPage) => {
    if (m.type === 'output') outputs.get(m.id)?.push(m.output);
    else if (m.type === 'status') status = m;
  });
  kernel.handle({ type: 'start', backend: options.backend });
  // No time limit in this process: a Kernel without a worker cannot be stopped from outside.
  const run = async (id: string, code: string) => {
    outputs.set(id, []);
    const done = await kernel.execute({ type: 'execute', id, cellId: id, code });
    return { outputs: outputs.get(id)!, done };
  };
  const section = await runSection(markdown, run, {
    checks: options.checks ?? null,
    // Unbounded unless asked: Node runs are for looking at outputs, the book test holds budgets.
    budgetSeconds: options.budgetSeconds ?? Infinity,
    stopOnError: options.stopOnError,
    onResult: options.onResult,
  });
  return { ...section, status, kernel };
}
