// The .mjs twin of counts.ts for the browser tests (node --test runs them without TypeScript).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const COUNTS_DIR = path.resolve(process.env.RELIABILITY_COUNTS_DIR ?? '.cache/reliability');

export function recordCount(category, counts) {
  mkdirSync(COUNTS_DIR, { recursive: true });
  writeFileSync(path.join(COUNTS_DIR, `${category}.json`), JSON.stringify(counts, null, 2));
}
