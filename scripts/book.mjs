// npm run book -- <chapter.md> [--backend wasm|cpu] [--json out.json]
// Runs a chapter's cells through the kernel in Node (the same Kernel class the page uses) and
// prints each cell's outputs. Vite loads the TypeScript sources, so nothing is prebuilt.
import { access, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'vite';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--') && !args[args.indexOf(a) - 1]?.startsWith('--'));
const opt = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
if (!file) {
  console.error('usage: npm run book -- <chapter.md> [--backend wasm|cpu] [--json out.json]');
  process.exit(2);
}

const server = await createServer({ server: { middlewareMode: true, hmr: false }, appType: 'custom', logLevel: 'error' });
try {
  const { runChapter } = await server.ssrLoadModule('/scripts/run-chapter.ts');
  const { checkFileFor } = await server.ssrLoadModule('/src/content/book-checks.ts');
  const markdown = await readFile(file, 'utf8');
  // The section's claims (see src/content/book-checks.ts), run after its cells when present.
  const checkFile = checkFileFor(file);
  const checks = await access(checkFile).then(() => readFile(checkFile, 'utf8'), () => undefined);
  const t0 = performance.now();
  const run = await runChapter(markdown, {
    backend: opt('--backend'),
    checks,
    onResult: ({ cell, outputs, done }) => {
      console.log(`--- ${cell.id} (line ${cell.line}) ${done.status} ${done.durationMs.toFixed(0)} ms`);
      for (const o of outputs) {
        if (o.kind === 'text' || o.kind === 'value') process.stdout.write(o.text.endsWith('\n') ? o.text : `${o.text}\n`);
        else if (o.kind === 'error') console.log(`${o.name}: ${o.message}${o.line ? ` (line ${o.line}, column ${o.column})` : ''}`);
        else if (o.kind === 'chart') console.log(`[chart ${o.chartId}: ${o.panels.flatMap((p) => p.series.map((s) => `${s.name} ${s.y.length} points, last ${s.y.at(-1)}`)).join('; ')}]`);
        else if (o.kind === 'images') console.log(`[${o.images.length} images]`);
        else if (o.kind === 'table') console.log(`[table ${o.columns.length} x ${o.rows.length}]`);
        else if (o.kind === 'controls') console.log(`[controls ${o.controls.map((c, i) => `${c.name} = ${o.values[i]}`).join(', ')} (${o.state}): ${o.outputs.length} outputs]`);
      }
    },
  });
  const printOutputs = (outputs) => {
    for (const o of outputs) {
      if (o.kind === 'text' || o.kind === 'value') process.stdout.write(o.text.endsWith('\n') ? o.text : `${o.text}\n`);
      else if (o.kind === 'error') console.log(`${o.name}: ${o.message}${o.line ? ` (line ${o.line}, column ${o.column})` : ''}`);
    }
  };
  if (run.checks) {
    console.log(`--- checks (${checkFile}) ${run.checks.done.status}`);
    printOutputs(run.checks.outputs);
    for (const c of run.checks.claims) console.log(`${c.passed ? 'PASS' : 'FAIL'} ${c.description}: ${c.value}`);
  } else console.log(`(no check file ${checkFile})`);
  const failedCells = run.results.filter((r) => r.done.status !== 'ok').length;
  console.log(`${run.results.length} cells, ${failedCells} failed, ${((performance.now() - t0) / 1000).toFixed(1)} s on ${run.status?.backend}`);
  for (const p of run.problems) console.log(`problem: ${p}`);
  if (opt('--json')) await writeFile(opt('--json'), JSON.stringify(run.results.map(({ cell, outputs, done }) => ({ id: cell.id, outputs, status: done.status })), null, 1));
  process.exitCode = run.problems.length ? 1 : 0;
} finally {
  await server.close();
}
