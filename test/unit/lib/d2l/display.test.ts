import { describe, expect, it } from 'vitest';
import { runChapter } from '../../../../scripts/run-chapter';
import type { ChartOutput, ImagesOutput, TableOutput } from '../../../../src/kernel/protocol';
import { requestedBackend } from '../../helpers/backend';

const chapter = (...cells: string[]) => cells.map((c) => '```js\n' + c + '\n```\n').join('\n');

describe('d2l display helpers through the kernel', () => {
  it('Animator streams coalesced live updates and keeps the final state', async () => {
    const { results } = await runChapter(
      chapter(`const animator = new d2l.Animator({ xLabel: 'epoch', yLabel: 'loss', legend: ['train', 'test'], yScale: 'log' });
for (let epoch = 1; epoch <= 400; epoch++) {
  const t = performance.now();
  while (performance.now() - t < 1) {} // a millisecond of "training"
  animator.add(epoch, [1 / epoch, 2 / epoch]);
}`),
      { backend: requestedBackend() },
    );
    const charts = results[0]!.outputs.filter((o): o is ChartOutput => o.kind === 'chart');
    expect(charts.length).toBeGreaterThan(1); // live updates...
    expect(charts.length).toBeLessThan(20); // ...coalesced (400 adds over ~0.4 s)
    const last = charts[charts.length - 1]!;
    expect(last.panels[0]!.series.map((s) => [s.name, s.y.length])).toEqual([['train', 400], ['test', 400]]);
    expect(last.panels[0]!.yScale).toBe('log');
    expect(last.panels[0]!.xLabel).toBe('epoch');
  });

  it('Animator says when a value becomes NaN or infinite', async () => {
    const { results } = await runChapter(chapter(`const a = new d2l.Animator({ xLabel: 'epoch', legend: ['loss'] });\na.add(1, [0.5]);\na.add(2, [NaN]);\na.add(3, [Infinity]);`), { backend: requestedBackend() });
    const last = results[0]!.outputs.filter((o): o is ChartOutput => o.kind === 'chart').at(-1)!;
    expect(last.notes).toHaveLength(1);
    expect(last.notes[0]).toMatch(/loss became NaN at epoch = 2.*smaller learning rate/);
  });

  it('plot: NDArrays and arrays, several series, scatter, side-by-side panels', async () => {
    const { results } = await runChapter(
      chapter(
        `const x = nd.arange(-4, 4, 0.5);\nawait d2l.plot(x, [x.relu(), x.sigmoid()], { legend: ['relu', 'sigmoid'], fmts: ['-', 'o'] });`,
        `await d2l.plots([{ x: [1, 2, 3], y: [[1, 4, 9]], title: 'train' }, { x: [1, 2, 3], y: [[2, 3, 4]], title: 'test', yScale: 'log' }]);`,
        `await plot([1, 2], [[1, 2, 3]])`,
      ),
      { backend: requestedBackend() },
    );
    const c1 = results[0]!.outputs[0] as ChartOutput;
    expect(c1.panels[0]!.series.map((s) => s.mode)).toEqual(['lines', 'markers']);
    expect(c1.panels[0]!.series[0]!.y.slice(0, 10)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0.5]);
    const c2 = results[1]!.outputs[0] as ChartOutput;
    expect(c2.panels.map((p) => [p.title, p.yScale])).toEqual([['train', 'linear'], ['test', 'log']]);
    expect(results[2]!.outputs[0]).toMatchObject({ kind: 'error', message: expect.stringMatching(/series 0 has 2 x values but 3 y values/) });
  });

  it('showImages turns (n, h, w) / (n, 1, h, w) arrays in [0, 1] into a grid of 8-bit images', async () => {
    const { results } = await runChapter(chapter(`await d2l.showImages(nd.array([[[0, 0.5], [1, 0.25]], [[1, 1], [0, 0]]]).reshape([2, 1, 2, 2]), 1, 2, { titles: ['a', 'b'] })`), { backend: requestedBackend() });
    const out = results[0]!.outputs[0] as ImagesOutput;
    expect(out.kind).toBe('images');
    expect(out.images.map((i) => [i.width, i.height, i.channels, i.title])).toEqual([[2, 2, 1, 'a'], [2, 2, 1, 'b']]);
    expect(Array.from(out.images[0]!.pixels)).toEqual([0, 128, 255, 64]);
  });

  it('showTable shows data, not markup, and says when rows were cut', async () => {
    const { results } = await runChapter(chapter(`d2l.showTable({ columns: ['Id', 'Note'], rows: Array.from({ length: 30 }, (_, i) => [i, '<script>x</script>']) }, { maxRows: 5 })`), { backend: requestedBackend() });
    const t = results[0]!.outputs[0] as TableOutput;
    expect(t.rows).toHaveLength(5);
    expect(t.rows[0]).toEqual([0, '<script>x</script>']); // the page renders it as text
    expect(t.caption).toBe('first 5 of 30 rows');
  });
});
