/**
 * One section's run, the same wherever the kernel runs: its code cells in order, then (when the
 * section has a check file) the claim() setup and the check file in the same scope, its claims
 * taken out of the outputs (src/content/book-checks.ts), and what went wrong listed. The book test
 * (scripts/book-test.mjs) drives the kernel in headless Chromium through the harness page; the
 * Node runner (run-chapter.ts, `npm run book`, tests) drives a Kernel in this process. Each hands
 * in how to run one piece of code; everything else is here.
 */
import { extractCells, type Cell } from '../src/content/cells';
import { CLAIM_SETUP, extractClaims } from '../src/content/book-checks';
import type { RecordedClaim } from '../src/content/recorded';
import type { CellOutput, DoneMessage } from '../src/kernel/protocol';

/** What the kernel sent back for one piece of code. */
export interface CodeRun {
  outputs: CellOutput[];
  done: DoneMessage;
  /** The runner stopped it after `timeoutMs` (the harness's runs only). */
  timedOut?: boolean;
}

/** Runs one piece of code in the section's kernel, stopping it after `timeoutMs`. */
export type RunCode = (id: string, code: string, timeoutMs: number) => Promise<CodeRun>;

export interface CellResult extends CodeRun {
  cell: Cell;
}

export interface ChecksResult {
  claims: RecordedClaim[];
  /** Prints and errors of the check file other than claims. */
  outputs: CellOutput[];
  done: DoneMessage;
}

export interface SectionRun {
  results: CellResult[];
  /** Null when there is no check file, or the cells failed and `stopOnError` was set. */
  checks: ChecksResult | null;
  /** Sum of the cells' own durations (ms), the number held to the budget. */
  totalMs: number;
  /** Why the section fails, in the book test's words; empty when it passes. */
  problems: string[];
}

export interface SectionOptions {
  /** The section's check file (its source), or null when it has none. */
  checks: string | null;
  /** Seconds the cells may take in all (front matter `budget:`): a cell stops at 1.5 times it, unless its `timeout=` says otherwise. */
  budgetSeconds: number;
  /** Stop at the first failed cell (and run no checks). */
  stopOnError?: boolean;
  /** Called as each cell ends. */
  onResult?: (result: CellResult) => void;
  /** Where the check file is, for the problem that says it is missing. */
  checkFileName?: string;
}

/** The claim() setup is one definition: it gets 10 s, whatever the budget. */
const SETUP_TIMEOUT_MS = 10_000;

export async function runSection(markdown: string, run: RunCode, options: SectionOptions): Promise<SectionRun> {
  const { budgetSeconds } = options;
  const cells = extractCells(markdown);
  const results: CellResult[] = [];
  let totalMs = 0;
  let failed = false;
  for (const cell of cells) {
    if (!cell.runnable) continue;
    const timeoutMs = (Number(cell.attrs.timeout) || budgetSeconds * 1.5) * 1000;
    const result = { cell, ...(await run(cell.id, cell.code, timeoutMs)) };
    totalMs += result.done.durationMs;
    results.push(result);
    options.onResult?.(result);
    if (result.done.status !== 'ok') failed = true;
    if (failed && options.stopOnError) break;
  }

  const problems: string[] = [];
  let checks: ChecksResult | null = null;
  if (options.checks === null) {
    // A section of prose only (the About and Bibliography pages) runs nothing, so it claims nothing.
    if (cells.some((c) => c.runnable)) problems.push(`no check file ${options.checkFileName ?? ''}`.trim());
  } else if (!(failed && options.stopOnError)) {
    const setup = await run('claim-setup', CLAIM_SETUP, SETUP_TIMEOUT_MS);
    if (setup.done.status !== 'ok') problems.push('the claim() setup failed');
    const r = await run('checks', options.checks, budgetSeconds * 1000);
    const { claims, other } = extractClaims(r.outputs);
    checks = { claims, outputs: other, done: r.done };
    for (const o of other) if (o.kind === 'error') problems.push(`check file: ${o.name}: ${o.message} (line ${o.line})`);
    if (r.done.status !== 'ok') problems.push(`check file ended ${r.done.status}`);
    if (claims.length === 0) problems.push('the check file made no claim');
  }
  const failedCells = results.filter((r) => r.done.status !== 'ok');
  if (failedCells.length) problems.push(`${failedCells.length} cell(s) failed: ${failedCells.map((r) => r.cell.id).join(', ')}`);
  const failedClaims = checks?.claims.filter((c) => !c.passed) ?? [];
  if (failedClaims.length) problems.push(`${failedClaims.length} claim(s) failed`);
  if (totalMs > budgetSeconds * 1000) problems.push(`took ${(totalMs / 1000).toFixed(1)} s, over its budget of ${budgetSeconds} s`);
  return { results, checks, totalMs, problems };
}

/** Default budgets in seconds: part 1 sections (parts 01-03) 2 minutes, later parts 3 minutes. */
export function defaultBudget(slug: string): number {
  return Number(slug.slice(0, 2)) <= 3 ? 120 : 180;
}
