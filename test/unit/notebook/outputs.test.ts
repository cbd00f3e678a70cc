// The notebook host's outputs (src/notebook): what a Deno Jupyter notebook and a terminal get for
// each kind of output, with a fake Deno.jupyter (the real one exists only inside `deno jupyter`).
import { inflateSync } from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import type { ChartOutput, ImagesOutput, TableOutput } from '../../../src/lib/output-kinds';
import { eachImagePng, imagesPng } from '../../../src/notebook/images-png';
import { createOutputs, type JupyterApi, type MimeBundle, type OutputSink } from '../../../src/notebook/outputs';
import { chartText, displayWidth, imagesText, tableHtml, tableText } from '../../../src/notebook/output-text';
import { siteRoot } from '../../../src/notebook/site';

const chart = (points: number, notes: string[] = []): ChartOutput => ({
  kind: 'chart',
  chartId: 'animator-1',
  notes,
  panels: [
    {
      xLabel: 'epoch',
      xScale: 'linear',
      yScale: 'linear',
      series: [
        { name: 'train loss', x: [...Array(points).keys()].map((i) => i + 1), y: [...Array(points).keys()].map((i) => 1 / (i + 1)), mode: 'lines' },
        { name: 'test acc', x: [...Array(points).keys()].map((i) => i + 1), y: [...Array(points).keys()].map((i) => 0.5 + i / 100), mode: 'lines', dash: 'dash' },
      ],
    },
  ],
});

const table: TableOutput = { kind: 'table', columns: ['name', 'value'], rows: [['a<b', 1.23456789], ['c', null]], caption: 'two rows' };

const images: ImagesOutput = {
  kind: 'images',
  columns: 2,
  scale: 2,
  images: [
    { width: 2, height: 1, channels: 1, pixels: new Uint8Array([0, 255]), title: 'shirt\nshirt' },
    { width: 2, height: 1, channels: 3, pixels: new Uint8Array([255, 0, 0, 0, 0, 255]), title: 'coat\nbag' },
  ],
};

function fakeJupyter(): { api: JupyterApi; calls: { bundle: MimeBundle; options: Parameters<JupyterApi['display']>[1] }[] } {
  const calls: { bundle: MimeBundle; options: Parameters<JupyterApi['display']>[1] }[] = [];
  return { api: { display: async (bundle, options) => void calls.push({ bundle, options }) }, calls };
}

const outputHook = (sink: OutputSink) => createOutputs(sink).hook;

describe('outputs in Deno’s Jupyter kernel', () => {
  it('text goes to the sink as is; tables, images and charts become MIME bundles', async () => {
    const { api, calls } = fakeJupyter();
    const written: [string, string][] = [];
    const hook = outputHook({ write: (t, s) => written.push([t, s]), jupyter: api });
    hook({ kind: 'text', stream: 'stdout', text: '\repoch 1 [███░] 50%' });
    hook({ kind: 'text', stream: 'stderr', text: 'careful\n' });
    hook(table);
    hook(images);
    hook(chart(3));
    await Promise.resolve(); // a chart is shown when the task ends
    expect(written).toEqual([
      ['\repoch 1 [███░] 50%', 'stdout'],
      ['careful\n', 'stderr'],
    ]);
    expect(calls.map((c) => Object.keys(c.bundle).sort())).toEqual([['text/html', 'text/plain'], ['image/png', 'text/html', 'text/plain'], ['image/svg+xml', 'text/plain']]);
    expect(calls[1]!.bundle['text/html']!.match(/<img src="data:image\/png;base64,/g)).toHaveLength(2);
    expect(calls[1]!.bundle['text/html']).toContain('shirt<br>shirt');
    expect(calls[0]!.bundle['text/html']).toContain('<td>a&lt;b</td>');
    const png = Buffer.from(calls[1]!.bundle['image/png']!, 'base64');
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(calls[1]!.bundle['text/plain']).toBe('[2 images 2x1 grayscale: shirt / shirt, coat / bag]');
    expect(calls[2]!.options).toMatchObject({ raw: true, update: false });
    expect(calls[2]!.options.display_id).toMatch(/^handson-[a-z0-9]+-animator-1$/);
  });

  it('a live chart is one output updated in place: its latest state when the task ends, so a cell’s last change is shown before the cell ends', async () => {
    const { api, calls } = fakeJupyter();
    const hook = outputHook({ write: () => {}, jupyter: api });
    // A cell that draws in a loop without awaiting (d2l.plot, an optimizer's path): one picture, the last state.
    for (let i = 1; i <= 20; i++) hook(chart(i));
    expect(calls).toHaveLength(0);
    await Promise.resolve();
    expect(calls).toHaveLength(1);
    expect(calls[0]!.bundle['text/plain']).toContain('train loss (20 points, last 20, 0.05)');
    expect(calls[0]!.options).toMatchObject({ raw: true, update: false });
    // A training loop awaits between steps: each step's state is shown, as updates of the same output.
    for (let i = 21; i <= 25; i++) {
      hook(chart(i));
      await Promise.resolve();
    }
    expect(calls).toHaveLength(6);
    expect(calls[5]!.bundle['text/plain']).toContain('train loss (25 points, last 25, 0.04)');
    expect(calls.slice(1).every((c) => c.options.update === true && c.options.display_id === calls[0]!.options.display_id)).toBe(true);
  });
});

describe('outputs in a terminal', () => {
  it('tables as aligned text, images and charts as one-line summaries; a live chart once it stops changing', () => {
    vi.useFakeTimers();
    try {
      const written: string[] = [];
      const hook = outputHook({ write: (t) => written.push(t), jupyter: null });
      hook(table);
      hook(images);
      for (let i = 1; i <= 5; i++) {
        hook(chart(i));
        vi.advanceTimersByTime(100);
      }
      expect(written).toEqual([`${tableText(table)}\n`, `${imagesText(images)}\n`]);
      vi.advanceTimersByTime(300);
      expect(written[2]).toBe('[chart: train loss (5 points, last 5, 0.2), test acc (5 points, last 5, 0.54)]\n');
      expect(written).toHaveLength(3);
    } finally {
      vi.useRealTimers();
    }
  });

  it('text tables align columns and right-align numbers', () => {
    expect(tableText(table)).toBe('two rows\nname    value\n----  -------\na<b   1.23457\nc');
    // Chinese headers take two terminal columns a character: the rule and the numbers line up under them.
    const zh: TableOutput = { kind: 'table', columns: ['调度', '测试精度'], rows: [['constant', 0.852], ['余弦', 0.846]] };
    expect(tableText(zh)).toBe('调度      测试精度\n--------  --------\nconstant     0.852\n余弦         0.846');
    expect(displayWidth('精度，a')).toBe(7);
  });
});

describe('renderings (charts: test/unit/render/chart-svg.test.ts)', () => {
  it('images as one PNG, the pixels scaled up in a grid (the encoder: test/unit/render/png.test.ts)', () => {
    const png = imagesPng(images);
    // IHDR: width = 2 images * 4 px + 3 gutters * 4 px = 20, height = 2 px + 2 gutters * 4 = 10.
    const view = new DataView(png.buffer, png.byteOffset);
    expect([view.getUint32(16), view.getUint32(20)]).toEqual([20, 10]);
    const idatLength = view.getUint32(33);
    const raw = inflateSync(png.subarray(41, 41 + idatLength));
    const rowBytes = 20 * 3 + 1;
    const pixel = (x: number, y: number): number[] => [...raw.subarray(y * rowBytes + 1 + x * 3, y * rowBytes + 1 + x * 3 + 3)];
    expect(pixel(0, 0)).toEqual([255, 255, 255]); // gutter
    expect(pixel(4, 4)).toEqual([0, 0, 0]); // first image, first pixel (scaled 2x)
    expect(pixel(6, 5)).toEqual([255, 255, 255]); // its second pixel
    expect(pixel(12, 4)).toEqual([255, 0, 0]); // second image, red
    expect(pixel(15, 4)).toEqual([0, 0, 255]); // then blue
    // Each image alone, at its own size and channels (grey stays grey).
    const [grey, rgb] = eachImagePng(images).map((p) => new DataView(p.buffer, p.byteOffset));
    expect([grey!.getUint32(16), grey!.getUint32(20), grey!.getUint8(25)]).toEqual([2, 1, 0]);
    expect([rgb!.getUint32(16), rgb!.getUint32(20), rgb!.getUint8(25)]).toEqual([2, 1, 2]);
  });

  it('text: chart summaries and HTML tables', () => {
    expect(chartText(chart(0))).toBe('[chart: train loss (no points), test acc (no points)]');
    expect(chartText(chart(2, ['a note']))).toBe('[chart: train loss (2 points, last 2, 0.5), test acc (2 points, last 2, 0.51)]\na note');
    const plot: ChartOutput = { kind: 'chart', chartId: 'plot-1', notes: [], panels: [{ xLabel: 'batch size', yLabel: 'ms per example', xScale: 'log', yScale: 'log', series: [{ name: 'series 1', x: [1, 10], y: [2, 0.25], mode: 'lines' }] }] };
    expect(chartText(plot)).toBe('[chart: ms per example against batch size: series 1 (2 points, last 10, 0.25)]');
    expect(tableHtml(table)).toContain('<caption>two rows</caption>');
  });
});

describe('the site the module came from', () => {
  it('is the module URL’s parent folder, or HANDSON_SITE (a URL or a folder)', () => {
    expect(siteRoot('https://example.org/book/lib/handson-lib.mjs?v=abc').href).toBe('https://example.org/book/');
    expect(siteRoot('file:///srv/dist/lib/handson-lib.mjs').href).toBe('file:///srv/dist/');
    expect(siteRoot('https://example.org/book/lib/handson-lib.mjs', 'http://localhost:5173').href).toBe('http://localhost:5173/');
    expect(siteRoot('https://example.org/book/lib/handson-lib.mjs', '/srv/copy').href).toBe('file:///srv/copy/');
  });
});

describe('saved files outside the page', () => {
  it('read and write on disk; download says where the file is; upload copies the file a prompt names', async () => {
    const { mkdtemp, writeFile: write } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const { notebookStorage } = await import('../../../src/notebook/storage');
    const dir = await mkdtemp(path.join(tmpdir(), 'nb-storage-'));
    const said: string[] = [];
    const answers = [path.join(dir, 'weights.params'), null];
    const store = notebookStorage((l) => said.push(l), () => answers.shift() ?? null);
    await store.write(path.join(dir, 'a.bin'), new Uint8Array([1, 2, 3]));
    expect([...((await store.read(path.join(dir, 'a.bin'))) as Uint8Array)]).toEqual([1, 2, 3]);
    expect(await store.read(path.join(dir, 'missing.bin'))).toBeNull();
    await store.download!('a.bin', new Uint8Array());
    expect(said[0]).toMatch(/^a\.bin: saved on disk \(a notebook has no browser downloads\): .*a\.bin if it was saved in the working folder\.$/);
    await write(path.join(dir, 'weights.params'), new Uint8Array([9]));
    const up = await store.upload!();
    expect(up?.name).toBe('weights.params');
    expect([...(up!.bytes as Uint8Array)]).toEqual([9]);
    expect(await store.upload!()).toBeNull(); // cancelled
  });
});

describe('charts waiting at exit', () => {
  it('flush shows a chart that has not stopped changing yet (the terminal)', () => {
    const written: string[] = [];
    const outputs = createOutputs({ write: (t) => written.push(t), jupyter: null });
    outputs.hook(chart(2));
    expect(written).toEqual([]);
    outputs.flush();
    expect(written).toEqual(['[chart: train loss (2 points, last 2, 0.5), test acc (2 points, last 2, 0.51)]\n']);
  });
});
