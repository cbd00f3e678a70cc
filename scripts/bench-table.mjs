// The bench's table (Markdown, as the README shows it) and its details (memory, kernel profiles).
// `node scripts/bench-table.mjs bench/results/<file>.json` prints them again for a stored run.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const ms = (x) => (x === null || x === undefined ? '' : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const gflops = (flops, t) => (flops && t ? (flops / t / 1e6).toFixed(flops / t / 1e6 >= 10 ? 1 : 2) : '');
const short = (note) => (note.length > 70 ? `${note.slice(0, 67)}...` : note).replaceAll('|', '/');

/** The best 1024 matmul rate of a backend (GFLOP/s): what the training steps are measured against. */
function matmulRate(report) {
  const row = report.rows.find((r) => r.op === 'matmul 1024');
  if (!row) return null;
  const rates = [row.oursMs, row.rawMs].filter((t) => t).map((t) => row.flops / t / 1e6);
  return rates.length ? Math.max(...rates) : null;
}

/** The backend column: WASM with its thread count (the bench may run it with 1 and with 2). */
const label = (rep) => (rep.threads ? `${rep.backend}, ${rep.threads} thread${rep.threads === 1 ? '' : 's'}` : rep.backend);

const isTimed = (r) => !r.op.startsWith('memory') && !r.op.startsWith('kernel profile');

export function formatTable(reports) {
  const lines = [
    '| op | backend | ours ms | raw ms | ours/raw | GFLOP/s ours / raw | % of matmul rate ours / raw |',
    '|---|---|---:|---:|---:|---:|---:|',
  ];
  for (const rep of reports) {
    if (rep.rows.length === 0) {
      lines.push(`| (all) | ${label(rep)} | ${short(`did not run: ${rep.error ?? 'no rows'}`)} | | | | |`);
      continue;
    }
    const rate = matmulRate(rep);
    for (const r of rep.rows.filter(isTimed)) {
      const ours = r.oursMs !== null ? ms(r.oursMs) : short(r.oursNote ?? 'not run');
      const raw = r.rawMs !== null ? ms(r.rawMs) : short(r.rawNote ?? 'not run');
      const ratio = r.oursMs && r.rawMs ? `${(r.oursMs / r.rawMs).toFixed(2)}x` : '';
      const g = r.flops ? `${gflops(r.flops, r.oursMs) || '-'} / ${gflops(r.flops, r.rawMs) || '-'}` : '';
      const pct = (t) => (r.flops && t && rate ? `${Math.round((100 * r.flops) / t / 1e6 / rate)}%` : '-');
      const p = r.flops && rate && !r.op.startsWith('matmul') ? `${pct(r.oursMs)} / ${pct(r.rawMs)}` : '';
      lines.push(`| ${r.op} | ${label(rep)} | ${ours} | ${raw} | ${ratio} | ${g} | ${p} |`);
    }
    if (rep.error) lines.push(`| (rest) | ${label(rep)} | ${short(rep.error)} | | | | |`);
  }
  return lines.join('\n');
}

export function formatDetails(reports) {
  const out = [];
  for (const rep of reports) {
    for (const r of rep.rows) {
      for (const [side, note] of [['ours', r.oursNote], ['raw', r.rawNote]]) {
        if (note && note.length > 70) out.push(`${label(rep)} ${r.op} (${side}): ${note}`);
      }
      if (r.op.startsWith('memory') && r.extra) {
        const snaps = r.extra.snapshots.map((s) => `step ${s.step}: ${s.numTensors} tensors, ${(s.numBytes / 1e6).toFixed(2)} MB`).join('; ');
        out.push(`${label(rep)} tf.memory() during ${r.op} (${ms(r.oursMs)} ms/step): ${snaps}`);
      } else if (r.op.startsWith('memory') && r.oursNote) {
        out.push(`${label(rep)} ${r.op}: ${r.oursNote}`);
      }
      if (r.op.startsWith('kernel profile') && r.extra) {
        out.push(`${label(rep)} ${r.op.replace('kernel profile, ', 'kernel profile of one ')} (kernel time ${ms(r.rawMs)} ms raw, ${ms(r.oursMs)} ms ours), costliest kernels:`);
        if (r.rawNote) out.push(`  raw: ${r.rawNote}`);
        for (const side of ['raw', 'ours']) {
          for (const k of (r.extra[side] ?? []).slice(0, side === 'ours' && (r.op.includes('LeNet') || r.op.includes('ResNet')) ? 16 : 8)) out.push(`  ${side.padEnd(4)} ${ms(k.ms).padStart(7)} ms  ${k.calls}x ${k.kernel} ${k.inputShapes}`);
        }
        for (const [name, t] of Object.entries(r.extra.matMulTransposeFlags ?? {})) {
          out.push(`  matMul ${name}: ${ms(t.flagMs)} ms with tfjs's transpose flag, ${ms(t.transposeFirstMs)} ms transposing first`);
        }
      } else if (r.op.startsWith('kernel profile') && r.rawNote) {
        out.push(`${label(rep)} ${r.op}: ${r.rawNote}`);
      }
    }
    if (Object.keys(rep.env ?? {}).length) out.push(`${label(rep)} environment: ${JSON.stringify(rep.env)}`);
  }
  return out.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = process.argv[2];
  if (!file) throw new Error('usage: node scripts/bench-table.mjs bench/results/<file>.json');
  const result = JSON.parse(await readFile(file, 'utf8'));
  console.log(`${result.date}, commit ${result.commit}, ${result.machine.cpus} cores, load average ${result.machine.loadBefore.join(', ')} before, ${result.machine.loadAfter.join(', ')} after\n`);
  console.log(formatTable(result.reports));
  console.log('\n' + formatDetails(result.reports));
}
