// Runs sections' downloaded notebooks in Deno, one after another, as the notebook test does (the
// page's own export from the built site in headless Chromium; the cells evaluated by `deno repl`,
// the Jupyter kernel's evaluation), and writes what came out next to the page's recorded outputs.
// A manual sweep, not a test: too slow for CI (the whole book takes about an hour in Deno).
// With --jupyter, the notebooks run through a real Jupyter client instead (nbclient, as
// `jupyter nbconvert --execute` runs them; Debian's `jupyter-nbconvert`) with Deno's Jupyter
// kernel: the protocol path of a reader's JupyterLab.
//
//   npx vite build --outDir .cache/e2e-dist
//   node scripts/notebook-sweep.mjs [--dist .cache/e2e-dist] [--zh] [--jupyter] [--out .cache/notebook-sweep] <slug|part/ prefix>...
//
// Per section: .cache/notebook-sweep/<lang>/<slug>.txt (Deno's stdout and stderr) and a line in
// results.jsonl: cells, seconds, load average before and after, the page's recorded time, the cells
// that failed, and how many of the page's printed lines Deno printed word for word.
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile, appendFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { denoRepl, downloadNotebook, findDeno, openSiteForDownloads } from '../test/e2e/deno.mjs';
import { cellOutputs, denoKernelspec, executeNotebook, findJupyterNbconvert } from '../test/e2e/jupyter.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  if (i < 0) return dflt;
  const [, v] = args.splice(i, 2);
  return v;
};
const distDir = opt('--dist', '.cache/e2e-dist');
const outDir = opt('--out', '.cache/notebook-sweep');
const zh = args.includes('--zh') ? (args.splice(args.indexOf('--zh'), 1), true) : false;
const lang = zh ? 'zh' : 'en';
const viaJupyter = args.includes('--jupyter') ? (args.splice(args.indexOf('--jupyter'), 1), true) : false;

async function allSlugs() {
  const parts = (await readdir('recorded', { withFileTypes: true })).filter((d) => d.isDirectory() && /^\d\d-/.test(d.name));
  const slugs = [];
  for (const p of parts) for (const f of await readdir(path.join('recorded', p.name))) if (f.endsWith('.json')) slugs.push(`${p.name}/${f.slice(0, -5)}`);
  return slugs.sort();
}
const known = await allSlugs();
const wanted = args.length ? args.flatMap((a) => known.filter((s) => s === a || s.startsWith(a))) : known;
if (!wanted.length) throw new Error(`no section matches ${args.join(' ')}: expected slugs like 05-convolutional-networks/06-vgg or a part prefix`);

const recordedPath = (slug) => `recorded/${zh ? 'zh/' : ''}${slug}.json`;
async function recorded(slug) {
  const rec = JSON.parse(await readFile(recordedPath(slug), 'utf8'));
  const texts = rec.cells.flatMap((c) => (c.outputs ?? []).filter((o) => o.kind === 'text' && o.stream === 'stdout').map((o) => o.text));
  return { cells: rec.cells.length, totalMs: rec.totalMs ?? 0, lines: texts.flatMap((t) => t.split('\n')).filter((l) => l.trim()) };
}

const opened = await openSiteForDownloads(distDir);
const { page } = opened;
const deno = findDeno();
const work = await mkdtemp(path.join(tmpdir(), 'handson-sweep-'));
await mkdir(path.join(outDir, lang), { recursive: true });
const jupyter = viaJupyter ? findJupyterNbconvert() : null;
const kernel = jupyter ? await denoKernelspec(deno, path.join(work, 'jupyter')) : null;

try {
  for (const slug of wanted) {
    const rec = await recorded(slug);
    if (rec.cells === 0) continue; // no code (the back matter): no notebook to download
    const nb = await downloadNotebook(page, slug, { zh });
    const cells = nb.cells.filter((c) => c.cell_type === 'code').map((c) => c.source.join(''));
    const dir = await mkdtemp(path.join(work, `${slug.split('/').pop()}-`));
    const files = [];
    // A last cell waits for the terminal's chart summaries (printed once a chart is still for 0.3 s).
    // nd.upload asks for a path (Jupyter shows an input box); nobody answers here, so a stand-in picks
    // the file saved last, as the page's recording answers with the file downloaded last.
    const upload = cells.some((c) => c.includes('nd.upload(')) ? ['globalThis.prompt = (q) => { const files = [...Deno.readDirSync(".")].filter((e) => e.isFile && !/^(cell-|notebook)/.test(e.name)).map((e) => [e.name, Deno.statSync(e.name).mtime]).sort((a, b) => b[1] - a[1]); console.log(`${q}? ${files[0]?.[0]}`); return files[0]?.[0] ?? null; };'] : [];
    for (const [i, code] of [...upload, ...cells, 'await new Promise((r) => setTimeout(r, 700));'].entries()) {
      const file = path.join(dir, `cell-${String(i).padStart(2, '0')}.ts`);
      await writeFile(file, code);
      files.push(file);
    }
    const timeoutMs = Math.max(120_000, 8 * rec.totalMs + 60_000);
    const load0 = loadavg()[0];
    const t0 = performance.now();
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    let failed = [];
    let jupyterRow = {};
    if (jupyter) {
      // The same stand-in for nd.upload's prompt, as a first cell (nbclient answers no input requests).
      const nbRun = { ...nb, cells: [...upload.map((source) => ({ cell_type: 'code', metadata: {}, execution_count: null, outputs: [], source })), ...nb.cells] };
      try {
        const { notebook } = await executeNotebook(jupyter, nbRun, { cwd: dir, jupyterPath: path.join(work, 'jupyter'), kernel, denoDir: path.join(work, 'deno-dir'), timeoutMs });
        const outs = cellOutputs(notebook);
        stdout = outs.map((o) => o.stdout).join('');
        failed = outs.filter((o) => o.error).map((o) => `${o.error.ename}: ${o.error.evalue}`);
        stderr = outs.map((o, i) => `cell ${i}: ${o.stdout.split('\n').length - 1} printed line(s), displays [${o.displays.join(' | ')}]${o.displayTexts.length ? ` ${o.displayTexts.join(' | ').replace(/\n/g, ' / ')}` : ''}${o.result ? ', a result' : ''}${o.error ? `, ${o.error.ename}` : ''}`).join('\n');
        jupyterRow = { displays: outs.reduce((n, o) => n + o.displays.length, 0), silentCells: outs.filter((o) => !o.stdout && !o.error && !o.result && !o.displays.length).length };
      } catch (e) {
        timedOut = true;
        stderr = String(e.message);
      }
    } else {
      try {
        ({ stdout, stderr } = await denoRepl(deno, files, { cwd: dir, denoDir: path.join(work, 'deno-dir'), timeoutMs }));
      } catch (e) {
        timedOut = true;
        stderr = String(e.message);
      }
      failed = `${stdout}\n${stderr}`.split('\n').filter((l) => /^Error in --eval-file|Uncaught/.test(l));
    }
    const seconds = (performance.now() - t0) / 1000;
    const outLines = new Set(stdout.split('\n'));
    const matched = rec.lines.filter((l) => outLines.has(l)).length;
    const row = { slug, lang, via: jupyter ? 'jupyter' : 'repl', cells: cells.length, seconds: Number(seconds.toFixed(1)), load: [Number(load0.toFixed(1)), Number(loadavg()[0].toFixed(1))], recordedS: Number((rec.totalMs / 1000).toFixed(1)), timedOut, failed, matched, recordedLines: rec.lines.length, ...jupyterRow };
    await writeFile(path.join(outDir, lang, `${slug.replace('/', '__')}${jupyter ? '.jupyter' : ''}.txt`), `${stdout}\n----- ${jupyter ? 'cells' : 'stderr'} -----\n${stderr}`);
    await appendFile(path.join(outDir, 'results.jsonl'), `${JSON.stringify(row)}\n`);
    console.log(JSON.stringify(row));
    await rm(dir, { recursive: true, force: true });
  }
} finally {
  await opened.close();
  await rm(work, { recursive: true, force: true });
}
