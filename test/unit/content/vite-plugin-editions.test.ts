/**
 * The Vite plugin with a second edition: the English table of contents stays in the entry and
 * nothing Chinese is in it; the Chinese edition is one lazy chunk (its table of contents and
 * loaders) with its own section and search chunks, and its recorded outputs come from
 * `recorded/zh/`.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Rollup } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { cellSourceHash } from '../../../src/content/recorded';
import { bookPlugin } from '../../../src/content/vite-plugin';

const fixtures = fileURLToPath(new URL('../fixtures', import.meta.url));
const project = fileURLToPath(new URL('../../..', import.meta.url));

const ZH_SECTION = `---
title: 更深的网络
---

全连接层计算 $\\mathbf{X}\\mathbf{W} + \\mathbf{b}$。

## 层

\`\`\`js
const x = nd.arange(12);
x
\`\`\`

## 练习

1. 为什么要用更深的网络？
`;

describe('content Vite plugin, two editions', () => {
  const work = mkdtempSync(join(tmpdir(), 'content-plugin-editions-'));
  cpSync(fixtures, work, { recursive: true });
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  writeFileSync(join(work, 'chapters/02-advanced/01-deeper.zh.md'), ZH_SECTION);
  writeFileSync(join(work, 'chapters/02-advanced/index.zh.md'), '---\ntitle: 进阶\n---\n\n本章更深入。\n');
  const en = JSON.parse(readFileSync(join(work, 'recorded/01-basics/02-linreg.json'), 'utf8'));
  // The Chinese run of the section, recorded in its own folder.
  mkdirSync(join(work, 'recorded/zh/02-advanced'), { recursive: true });
  const code = 'const x = nd.arange(12);\nx';
  const cell = { id: 'cell-1', sourceHash: cellSourceHash(code), status: 'ok', durationMs: 3, outputs: [{ kind: 'text', stream: 'stdout', text: '中文运行的输出\n' }] };
  writeFileSync(join(work, 'recorded/zh/02-advanced/01-deeper.json'), JSON.stringify({ ...en, slug: '02-advanced/01-deeper', cells: [cell] }));
  // An app build keeps only what the entry uses (as the reader uses loadEdition).
  const entryFile = join(work, 'entry.js');
  writeFileSync(entryFile, "import { toc, loadEdition } from 'virtual:book';\nglobalThis.book = { toc, loadEdition };\n");

  it('keeps the other edition out of the entry, in one lazy chunk with its own section and search chunks', async () => {
    expect(en.slug).toBe('01-basics/02-linreg');
    const result = await build({
      configFile: false,
      root: project,
      logLevel: 'silent',
      plugins: [bookPlugin({ chaptersDir: join(work, 'chapters'), recordedDir: join(work, 'recorded'), publicDir: join(work, 'public') })],
      build: { write: false, rollupOptions: { input: { book: entryFile } } },
    });
    const output = (Array.isArray(result) ? result[0]! : (result as Rollup.RollupOutput)).output;
    const chunks = output.filter((o): o is Rollup.OutputChunk => o.type === 'chunk');
    const entry = chunks.find((c) => c.isEntry)!;
    expect(entry.code).toContain('Data Manipulation'); // the English toc
    expect(entry.code).not.toContain('更深的网络');
    expect(entry.code).not.toContain('进阶');
    const edition = chunks.find((c) => c.code.includes('更深的网络') && c.code.includes('进阶'))!;
    expect(edition, 'a chunk with the Chinese table of contents').toBeDefined();
    expect(entry.dynamicImports).toContain(edition.fileName);
    expect(edition.code).not.toContain('katex-html'); // sections are chunks of their own
    const zhChunks = chunks.filter((c) => edition.dynamicImports.includes(c.fileName));
    expect(zhChunks).toHaveLength(2); // its one section and its search index
    const section = zhChunks.find((c) => c.code.includes('katex') && c.code.includes('练习'))!;
    expect(section, 'the Chinese section').toBeDefined();
    expect(section.code).toContain('中文运行的输出'); // from recorded/zh/
    expect(chunks.filter((c) => c.code.includes('中文运行的输出'))).toHaveLength(1);
    expect(zhChunks.some((c) => c.code.includes('为什么要用更深的网络'))).toBe(true);
  });
});
