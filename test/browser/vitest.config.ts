/**
 * Vitest browser mode: the unit tests of test/unit run in Debian's headless Chromium, once per
 * backend. Each backend is a project (`--project webgl|webgpu|wasm`) that defines
 * `__TEST_BACKEND__`, which test/unit/helpers/backend.ts reads to start that backend (and fail
 * if TensorFlow.js fell back to another). Run through test/browser/run.mjs (one project at a time,
 * timed); see README.md beside this file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../chromium.mjs';
import type { TestProjectInlineConfiguration } from 'vitest/config';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

// The flags every browser test uses (test/chromium.mjs); Playwright makes a fresh temporary
// profile itself (it rejects --user-data-dir).
const FLAGS = [
  ...CHROMIUM_FLAGS,
  // globalThis.gc, as under `node --expose-gc`: the leak checks (expectNoLeak, settle) collect
  // dropped arrays deterministically before counting live tensors.
  '--js-flags=--expose-gc',
];

/** Per-test timeouts: WebGPU on SwiftShader runs ~50x slower than WASM here (BROWSER-NOTES.md). */
const BACKENDS = [
  { name: 'wasm', timeout: 60_000 },
  { name: 'webgl', timeout: 120_000 },
  { name: 'webgpu', timeout: 300_000 },
] as const;

// Which unit test files also run in the browser: every test/unit/**/*.test.ts (so new
// backend-agnostic files are picked up without touching this folder), except files that need
// Node. A file is Node-only when it imports a Node built-in (`node:fs`, `fs`, `path`, ...), or has
// a line `// browser-tests: node-only (<why>)`, or is listed in NODE_ONLY or under a folder of
// NODE_ONLY_DIRS with the reason.
// (Kept in this file: Vite's config loader wants extensionless imports gone, tsc wants them.)

/** Existing files that stay in Node, with why (file names relative to test/unit). */
const NODE_ONLY: Record<string, string> = {
  'lib/memory.test.ts':
    'about V8 garbage collection under node --expose-gc (calls gc()); 4,000 training steps would take many minutes on SwiftShader WebGPU',
};

/** Folders of test/unit that stay in Node as a whole, with why. */
const NODE_ONLY_DIRS: Record<string, string> = {
  'build/static-pages/': 'the static pages are written at build time, in Node (src/build/static-pages-plugin.ts)',
};

const NODE_BUILTIN = /(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"](?:node:[\w/]+|fs|fs\/promises|path|os|child_process|worker_threads|url|module|crypto|util|stream|http|https|net)['"]/;
const MARKER = /^\s*\/\/\s*browser-tests:\s*node-only\b/m;

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'helpers' || e.name === 'golden' ? [] : walk(p);
    return e.name.endsWith('.test.ts') ? [p] : [];
  });
}

interface Selection {
  /** Paths relative to the repo root, for Vitest's `include`. */
  browser: string[];
  /** Files left to Node, with the reason. */
  nodeOnly: { file: string; reason: string }[];
}

function selectBrowserTests(repoRoot: string): Selection {
  const unitDir = path.join(repoRoot, 'test/unit');
  const browser: string[] = [];
  const nodeOnly: Selection['nodeOnly'] = [];
  for (const abs of walk(unitDir).sort()) {
    const rel = path.relative(unitDir, abs).split(path.sep).join('/');
    const text = readFileSync(abs, 'utf8');
    const reason =
      NODE_ONLY[rel] ??
      Object.entries(NODE_ONLY_DIRS).find(([dir]) => rel.startsWith(dir))?.[1] ??
      (MARKER.test(text) ? 'marked `// browser-tests: node-only`' : NODE_BUILTIN.test(text) ? 'imports a Node built-in' : null);
    if (reason) nodeOnly.push({ file: rel, reason });
    else browser.push(`test/unit/${rel}`);
  }
  return { browser, nodeOnly };
}

const { browser: include, nodeOnly } = selectBrowserTests(repoRoot);
if (process.env.BROWSER_TESTS_LIST_FILES) {
  console.log(`browser tests: ${include.length} files of test/unit; Node-only:`);
  for (const n of nodeOnly) console.log(`  ${n.file}: ${n.reason}`);
}

// Cross-origin isolation as the site has it (vite.config.ts): SharedArrayBuffer for the kernel's
// interrupt buffer, and the threaded WASM binary that tfjs picks when the page is isolated.
const ISOLATION = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'cross-origin',
};

function project(backend: (typeof BACKENDS)[number]): TestProjectInlineConfiguration {
  return {
    define: { __TEST_BACKEND__: JSON.stringify(backend.name) },
    server: { headers: ISOLATION },
    test: {
      name: backend.name,
      root: repoRoot,
      include,
      setupFiles: ['test/browser/setup.ts'],
      testTimeout: backend.timeout,
      hookTimeout: backend.timeout,
      browser: {
        enabled: true,
        headless: true,
        provider: playwright({
          launchOptions: {
            executablePath: CHROMIUM_PATH,
            args: FLAGS,
          },
        }),
        instances: [{ browser: 'chromium' }],
        screenshotFailures: false,
      },
    },
  };
}

export default defineConfig({
  root: repoRoot,
  test: {
    projects: BACKENDS.map(project),
  },
});
