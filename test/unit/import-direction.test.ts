// The four parts and the one direction of their imports (CONTRIBUTING.md, ../shared/DESIGN.md),
// read from the sources themselves so the rule cannot drift: app -> kernel -> lib, app -> content.
// The app never imports the library (it gets the kernel's data through src/kernel/protocol.ts); the
// library never imports the kernel, the app or the content; the kernel never imports the app or
// the content, and reaches the library only through its two faces (index.ts for cells, host.ts
// for the host) and the data-only modules the protocol re-exports. The notebook host (src/notebook,
// the library as a module for notebooks outside the page) is a host like the kernel: it reaches the
// library through the same faces, imports nothing else of ours but the render room, and nothing
// imports it (the build bundles it on its own). The render room (src/render: charts as SVG, their
// axes and palette, PNG files) is pure drawing code shared by the app, the notebook host and the
// build (the static pages): it imports nothing of ours but the data-only types of
// src/lib/output-kinds (what a chart or an image is), so each of its users can take it as it is.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(repoRoot, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.posix.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(rel);
    return /\.(ts|tsx|mts|mjs)$/.test(e.name) && !e.name.endsWith('.d.ts') ? [rel] : [];
  });
}

// Static and dynamic imports and re-exports; comments are removed first so prose naming a path does not count.
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm;

/** The repository paths a file imports (relative specifiers only; packages are not parts). */
function importsOf(file: string, source = readFileSync(path.join(repoRoot, file), 'utf8')): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  const out: string[] = [];
  for (const m of code.matchAll(IMPORT)) {
    const spec = m[1]!.replace(/\?.*$/, '');
    if (!spec.startsWith('.')) continue;
    out.push(path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)));
  }
  return out;
}

const partOf = (target: string): string | null => /^src\/(lib|kernel|app|content|notebook|render|build)(\/|$)/.exec(target)?.[1] ?? null;

/** Every import of `from` (a folder) that breaks `allowed`, as "file -> target". */
function violations(from: string, allowed: (target: string, file: string) => boolean): string[] {
  return sourceFiles(from).flatMap((file) => importsOf(file).filter((t) => !allowed(t, file)).map((t) => `${file} -> ${t}`));
}

/** The library's faces and the data-only modules the protocol re-exports (no TensorFlow.js in the page). */
const KERNEL_MAY_IMPORT = ['src/lib/index', 'src/lib/host', 'src/lib/output-kinds'];
const PROTOCOL_DATA = ['src/lib/engine/backend-names', 'src/lib/engine/wasm-thread-limit'];
const strip = (t: string): string => t.replace(/\.(ts|tsx|js|mjs)$/, '');

describe('import direction', () => {
  it('reads imports, re-exports and dynamic imports, and not paths in comments', () => {
    const src = `import a from './a';\nexport { b } from "../b.ts";\nconst c = await import('./c?worker&inline');\n// import x from './not-this';\n/* from '../nor-this' */\nimport 'react';`;
    expect(importsOf('src/kernel/core/x.ts', src)).toEqual(['src/kernel/core/a', 'src/kernel/b.ts', 'src/kernel/core/c']);
  });

  it('the app never imports the library (the protocol carries what the page needs)', () => {
    expect(violations('src/app', (t) => partOf(t) !== 'lib')).toEqual([]);
  });

  it('the library never imports the kernel, the app or the content', () => {
    expect(violations('src/lib', (t) => partOf(t) === null || partOf(t) === 'lib')).toEqual([]);
  });

  it('the kernel never imports the app or the content', () => {
    expect(violations('src/kernel', (t) => partOf(t) !== 'app' && partOf(t) !== 'content')).toEqual([]);
  });

  it('the kernel reaches the library only through index.ts, host.ts and the protocol’s data-only modules', () => {
    const seam = violations('src/kernel', (t, file) => {
      if (partOf(t) !== 'lib') return true;
      if (KERNEL_MAY_IMPORT.includes(strip(t))) return true;
      return file === 'src/kernel/protocol.ts' && PROTOCOL_DATA.includes(strip(t));
    });
    expect(seam).toEqual([]);
  });

  it("the kernel's page side imports no library module of its own (only the protocol's types and data)", () => {
    expect(violations('src/kernel/page', (t) => partOf(t) !== 'lib')).toEqual([]);
  });

  it('the content imports neither the app nor the library', () => {
    expect(violations('src/content', (t) => partOf(t) !== 'app' && partOf(t) !== 'lib')).toEqual([]);
  });

  it('the notebook host reaches the library only through index.ts, host.ts and output-kinds.ts, and nothing else of ours but the render room', () => {
    const allowed = (t: string) => partOf(t) === 'notebook' || partOf(t) === 'render' || (partOf(t) === 'lib' && KERNEL_MAY_IMPORT.includes(strip(t)));
    expect(violations('src/notebook', allowed)).toEqual([]);
  });

  it('no part imports the notebook host (it is built into its own module)', () => {
    for (const part of ['src/app', 'src/kernel', 'src/lib', 'src/content', 'src/render']) expect(violations(part, (t) => partOf(t) !== 'notebook')).toEqual([]);
  });

  it('the render room imports nothing of ours but itself and the data-only types of src/lib/output-kinds', () => {
    expect(violations('src/render', (t) => partOf(t) === 'render' || strip(t) === 'src/lib/output-kinds')).toEqual([]);
    // Types only: `import type`, so nothing of the library's code comes along.
    const valueImports = sourceFiles('src/render').filter((f) => /^\s*import\s+(?!type\b)[^;]*from\s*['"][./]+lib\/output-kinds['"]/m.test(readFileSync(path.join(repoRoot, f), 'utf8')));
    expect(valueImports).toEqual([]);
    expect(importsOf('src/render/x.ts', "import { LIGHT } from '../app/outputs/x';").map(partOf)).toEqual(['app']);
  });

  it('of the parts, only the app, the notebook host and the build import the render room', () => {
    for (const part of ['src/lib', 'src/kernel', 'src/content']) expect(violations(part, (t) => partOf(t) !== 'render')).toEqual([]);
  });

  it('finds a forbidden import when there is one (the check can fail)', () => {
    expect(importsOf('src/app/x.tsx', "import { nd } from '../lib/index';").map(partOf)).toEqual(['lib']);
  });
});
