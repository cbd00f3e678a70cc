/**
 * Each reliability test file records what it tried (faults, bad inputs, edit sequences,
 * attacks) in .cache/reliability/<category>.json; test/reliability/run.mjs prints one summary
 * line per category from these files, so the figures are the ones the tests really counted.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const COUNTS_DIR = path.resolve(process.env.RELIABILITY_COUNTS_DIR ?? '.cache/reliability');

export function recordCount(category: string, counts: Record<string, unknown>): void {
  mkdirSync(COUNTS_DIR, { recursive: true });
  writeFileSync(path.join(COUNTS_DIR, `${category}.json`), JSON.stringify(counts, null, 2));
}
