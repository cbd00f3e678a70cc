// npm run book:test [-- <section.md ...>] [--force] [--lang en|zh]
//
// The book test: runs every section's cells in order, in headless Chromium on the WASM backend,
// through the same sandboxed kernel the reader uses (the built site's harness page), then the
// section's check file (`<section>.check.js`, claims the prose makes). Writes what it saw to
// `recorded/<part>/<section>.json` (the reader shows these as recorded outputs) and prints a
// table with each section's time, budget and claims. Every edition runs: a Chinese section
// (`<section>.zh.md`) runs its own cells against the same check file and records into
// `recorded/zh/`; --lang runs one edition only.
//
// A section's last verified run is reused when nothing it depends on changed: the hash covers
// the section's Markdown, its check file, every source file under src/lib and src/kernel, the
// cell extractor and the TensorFlow.js versions. Reused sections are listed as such, never
// skipped silently. --force re-runs everything given.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'vite';
import { launchBrowser, serveDist } from '../test/e2e/browser.mjs';
import { listSections, loadContentModules, recordedDir, repoRoot } from './book-sections.mjs';

const args = process.argv.slice(2);
const force = args.includes('--force');
const backend = args.includes('--backend') ? args[args.indexOf('--backend') + 1] : 'wasm';
const onlyLang = args.includes('--lang') ? args[args.indexOf('--lang') + 1] : null;
const wanted = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--backend' && args[i - 1] !== '--lang').map((a) => path.resolve(a));

async function filesUnder(dir) {
  const out = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await filesUnder(p)));
    else out.push(p);
  }
  return out.sort();
}

/** Hash of everything a section's run depends on besides the section itself. */
async function codeHash() {
  const h = createHash('sha256');
  const files = [...(await filesUnder(path.join(repoRoot, 'src/lib'))), ...(await filesUnder(path.join(repoRoot, 'src/kernel'))), path.join(repoRoot, 'src/content/cells.ts'), path.join(repoRoot, 'src/content/book-checks.ts'), path.join(repoRoot, 'scripts/chapter-pipeline.ts')];
  for (const f of files) h.update(path.relative(repoRoot, f)).update('\0').update(await readFile(f)).update('\0');
  const lock = JSON.parse(await readFile(path.join(repoRoot, 'package-lock.json'), 'utf8'));
  for (const [name, info] of Object.entries(lock.packages ?? {}).filter(([n]) => n.includes('@tensorflow/')).sort()) h.update(`${name}@${info.version}\0`);
  return h.digest('hex');
}

const fmt = (ms) => `${(ms / 1000).toFixed(1)} s`;

async function main() {
  const modules = await loadContentModules();
  const { readFrontMatter, rec, bookLang, pipeline } = modules;
  if (onlyLang !== null && !bookLang.isBookLang(onlyLang)) throw new Error(`--lang ${onlyLang}: the book's editions are ${bookLang.BOOK_LANGS.join(', ')}`);

  let sections = await listSections(modules, onlyLang ? [onlyLang] : bookLang.BOOK_LANGS);
  if (wanted.length) {
    const unknown = wanted.filter((w) => !sections.some((s) => s.file === w));
    if (unknown.length) throw new Error(`not a section under chapters/<NN-part>/<NN-section>[.<lang>].md: ${unknown.join(', ')}`);
    sections = sections.filter((s) => wanted.includes(s.file));
  }
  const shared = await codeHash();
  const rows = [];
  let browser = null;
  let server = null;
  let builtDir = null;
  const t0 = performance.now();
  try {
    for (const s of sections) {
      // A row names the edition when it is not English: 'zh/02-linear-networks/01-...'.
      const label = s.lang === bookLang.DEFAULT_LANG ? s.slug : `${s.lang}/${s.slug}`;
      const markdown = await readFile(s.file, 'utf8');
      const checkPath = s.checkFile;
      const checks = existsSync(checkPath) ? await readFile(checkPath, 'utf8') : null;
      const inputsHash = createHash('sha256').update(shared).update('\0').update(markdown).update('\0').update(checks ?? '').digest('hex');
      const budgetSeconds = readFrontMatter(markdown, s.file).budget ?? pipeline.defaultBudget(s.slug);
      const outFile = s.recordedFile;
      if (!force && existsSync(outFile)) {
        try {
          const prev = rec.decodeRecorded(await readFile(outFile, 'utf8'), outFile);
          if (prev.inputsHash === inputsHash && prev.passed && prev.backend === backend) {
            rows.push({ slug: label, result: 'reused', ms: prev.totalMs, budgetSeconds, claims: prev.claims, note: `verified run of ${prev.recordedAt}` });
            console.log(`${label}: unchanged since its verified run of ${prev.recordedAt} (${fmt(prev.totalMs)}); reusing it`);
            continue;
          }
        } catch (e) {
          console.log(`${label}: ${e.message}; running it again`);
        }
      }
      if (!browser) {
        // A private build of the site: the kernel exactly as the reader gets it, and no clash
        // with anyone rebuilding dist/ meanwhile.
        const outDir = path.join(repoRoot, '.cache', `book-test-dist-${process.pid}`);
        await build({ mode: 'harness', build: { outDir, emptyOutDir: true }, logLevel: 'error' }); // with the kernel harness page
        builtDir = outDir;
        server = await serveDist(outDir);
        browser = await launchBrowser();
      }
      console.log(`${label}: running (budget ${budgetSeconds} s)`);
      const page = await browser.context.newPage();
      const pageErrors = [];
      page.on('pageerror', (e) => pageErrors.push(e.message));
      try {
        await page.goto(`${server.url}test/e2e/kernel-harness.html`);
        await page.waitForFunction(() => document.body.dataset.ready === 'true');
        const status = await page.evaluate((b) => window.harness.start(b), backend);
        if (status.backend !== backend) throw new Error(`asked for the ${backend} backend, the kernel started on ${status.backend}`);
        const run = async (id, code, timeoutMs) => rec.decodeJson(await page.evaluate(([i, c, t]) => window.harness.runForRecord(i, c, t), [id, code, timeoutMs]));
        const { results, checks: checked, totalMs, problems } = await pipeline.runSection(markdown, run, {
          checks,
          budgetSeconds,
          checkFileName: path.relative(repoRoot, checkPath),
          onResult: ({ cell, outputs, done, timedOut }) => {
            const err = outputs.find((o) => o.kind === 'error');
            console.log(`  ${cell.id} (line ${cell.line}) ${done.status}${timedOut ? ' (timed out)' : ''} ${fmt(done.durationMs)}${err ? `: ${err.name}: ${err.message} (cell line ${err.line})` : ''}`);
          },
        });
        const cells = results.map(({ cell, outputs, done }) => ({ id: cell.id, sourceHash: rec.cellSourceHash(cell.code), status: done.status, durationMs: done.durationMs, outputs }));
        const claims = checked?.claims ?? [];
        for (const c of claims) console.log(`  ${c.passed ? 'PASS' : 'FAIL'} ${c.description}: ${c.value}`);
        const passed = problems.length === 0;
        const record = { format: rec.RECORDED_FORMAT, slug: s.slug, inputsHash, backend, recordedAt: new Date().toISOString(), totalMs, budgetSeconds, cells, claims, passed };
        await mkdir(path.dirname(outFile), { recursive: true });
        await writeFile(outFile, rec.encodeRecorded(record));
        rows.push({ slug: label, result: passed ? 'pass' : 'FAIL', ms: totalMs, budgetSeconds, claims, note: problems.join('; ') });
      } catch (e) {
        rows.push({ slug: label, result: 'FAIL', ms: 0, budgetSeconds, claims: [], note: `${e.message}${pageErrors.length ? ` (page errors: ${pageErrors.join('; ')})` : ''}` });
        console.log(`  FAILED: ${e.message}`);
      } finally {
        await page.close();
      }
    }
  } finally {
    await browser?.close();
    await server?.close();
    if (builtDir) await rm(builtDir, { recursive: true, force: true });
  }

  console.log('\nsection                                                   result     time  budget  claims');
  for (const r of rows) {
    const claims = r.claims.length ? `${r.claims.filter((c) => c.passed).length}/${r.claims.length}` : '-';
    console.log(`${r.slug.padEnd(56)}  ${r.result.padEnd(6)} ${fmt(r.ms).padStart(8)}  ${String(r.budgetSeconds).padStart(4)} s  ${claims}${r.note && r.result === 'FAIL' ? `  ${r.note}` : ''}`);
  }
  const failed = rows.filter((r) => r.result === 'FAIL').length;
  const reused = rows.filter((r) => r.result === 'reused').length;
  console.log(`\nbook: ${rows.length} section(s): ${rows.length - failed - reused} ran and passed, ${reused} reused from verified runs, ${failed} failed (${fmt(performance.now() - t0)})`);
  if (rows.length === 0) console.log('book: no sections under chapters/ yet');
  process.exitCode = failed ? 1 : 0;
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
