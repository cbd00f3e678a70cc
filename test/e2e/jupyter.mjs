// Runs a notebook through a real Jupyter client (nbclient, as `jupyter nbconvert --execute` and
// papermill run notebooks) with Deno's Jupyter kernel: the protocol path a reader's JupyterLab takes,
// which `deno repl` (test/e2e/deno.mjs) does not. Needs Debian's `jupyter-nbconvert`
// (`apt-get install --no-install-recommends jupyter-nbconvert`); the kernel is the `deno` devDependency, declared in a
// private kernelspec folder so that nothing is installed for the user.
import { spawn, spawnSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** The `jupyter` command with nbconvert, or throws saying how to get it. */
export function findJupyterNbconvert() {
  for (const bin of [process.env.JUPYTER_BIN, '/usr/bin/jupyter', 'jupyter'].filter(Boolean)) {
    const r = spawnSync(bin, ['nbconvert', '--version'], { encoding: 'utf8' });
    if (r.status === 0) return bin;
  }
  throw new Error('no `jupyter nbconvert`: on Debian, `apt-get install --no-install-recommends jupyter-nbconvert` (or set JUPYTER_BIN).');
}

/** Writes a kernelspec named `handson-deno` for `deno` under `dir`; pass `dir` as JUPYTER_PATH. */
export async function denoKernelspec(deno, dir) {
  const spec = path.join(dir, 'kernels', 'handson-deno');
  await mkdir(spec, { recursive: true });
  await writeFile(path.join(spec, 'kernel.json'), JSON.stringify({ argv: [deno, 'jupyter', '--kernel', '--conn', '{connection_file}'], display_name: 'Deno', language: 'typescript' }));
  return 'handson-deno';
}

/**
 * Executes `notebook` (an .ipynb object) in `cwd` with the kernelspec from denoKernelspec, and
 * resolves with the executed notebook (outputs filled in) and the seconds it took. A cell's error
 * does not stop the run (as Run All in JupyterLab stops, nbconvert would; here every cell's fate is
 * wanted): `--allow-errors`.
 */
export async function executeNotebook(jupyter, notebook, { cwd, jupyterPath, kernel, denoDir, timeoutMs = 600_000 }) {
  const input = path.join(cwd, 'notebook.ipynb');
  const output = path.join(cwd, 'notebook.out.ipynb');
  await writeFile(input, JSON.stringify(notebook));
  const t0 = performance.now();
  const args = ['nbconvert', '--to', 'notebook', '--execute', '--allow-errors', `--ExecutePreprocessor.kernel_name=${kernel}`, `--ExecutePreprocessor.timeout=${Math.ceil(timeoutMs / 1000)}`, '--output', output, input];
  const { code, stderr } = await new Promise((resolve, reject) => {
    const child = spawn(jupyter, args, { cwd, env: { ...process.env, JUPYTER_PATH: jupyterPath, DENO_DIR: denoDir, NO_COLOR: '1' }, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (c) => (err += c));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs + 60_000);
    child.on('error', reject);
    child.on('close', (c) => {
      clearTimeout(timer);
      resolve({ code: c, stderr: err });
    });
  });
  if (code !== 0) throw new Error(`jupyter nbconvert --execute exited with ${code}:\n${stderr.slice(-3000)}`);
  return { notebook: JSON.parse(await readFile(output, 'utf8')), seconds: (performance.now() - t0) / 1000 };
}

/** Per code cell of an executed notebook: its printed text, its error, and its kinds of rich output. */
export function cellOutputs(notebook) {
  const text = (t) => (Array.isArray(t) ? t.join('') : (t ?? ''));
  return notebook.cells
    .filter((c) => c.cell_type === 'code')
    .map((c) => {
      const outs = c.outputs ?? [];
      return {
        source: text(c.source),
        stdout: outs.filter((o) => o.output_type === 'stream' && o.name === 'stdout').map((o) => text(o.text)).join(''),
        error: outs.find((o) => o.output_type === 'error') ?? null,
        displays: outs.filter((o) => o.output_type === 'display_data').map((o) => Object.keys(o.data ?? {}).sort().join(',')),
        /** The displays' text/plain (a chart's summary: its series, points and last values). */
        displayTexts: outs.filter((o) => o.output_type === 'display_data').map((o) => text(o.data?.['text/plain'])),
        result: outs.some((o) => o.output_type === 'execute_result'),
      };
    });
}
