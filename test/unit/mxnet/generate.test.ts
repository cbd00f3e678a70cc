/**
 * The committed reference values are what generate.py writes: regenerates them into a temporary
 * folder with NumPy and compares byte for byte (skipped where python3 with NumPy is missing).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));
const hasNumpy = spawnSync('python3', ['-c', 'import numpy'], { stdio: 'ignore' }).status === 0;

describe('MXNet port: reference values', () => {
  it.skipIf(!hasNumpy)('cases/*.json are what generate.py writes', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'mxnet-cases-'));
    try {
      execFileSync('python3', [path.join(here, 'generate.py'), '--out', out], { stdio: 'pipe' });
      const committed = readdirSync(path.join(here, 'cases')).sort();
      expect(readdirSync(out).sort()).toEqual(committed);
      for (const f of committed) {
        expect(readFileSync(path.join(out, f), 'utf8') === readFileSync(path.join(here, 'cases', f), 'utf8'), `${f} is stale: run python3 test/unit/mxnet/generate.py`).toBe(true);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
