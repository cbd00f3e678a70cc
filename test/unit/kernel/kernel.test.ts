import { describe, expect, it } from 'vitest';
import { transformCell } from '../../../src/kernel/core/transform';
import { ChartStream } from '../../../src/kernel/core/chart-stream';
import { startKernel } from '../helpers/kernel';

describe('cells share a persistent scope, like a notebook', () => {
  it('declarations of every kind are visible in later cells; re-running const works', async () => {
    const { run } = await startKernel();
    await run('const a = 1; let b = 2; var c = 3;\nfunction f(x) { return x * 10; }\nclass Counter { n = 0; inc() { return ++this.n; } }\nconst { p, q: [r] } = { p: 4, q: [5] };');
    const r = await run('f(a + b + c + p + r)');
    expect(r.values).toEqual(['150']);
    const again = await run('const a = 100; a');
    expect(again.errors).toEqual([]);
    expect(again.values).toEqual(['100']);
    expect((await run('const k = new Counter(); k.inc(); k.inc()')).values).toEqual(['2']);
    expect((await run('let u; u')).values).toEqual([]); // undefined is not shown
  });

  it('function declarations are hoisted within their cell', async () => {
    const { run } = await startKernel();
    await run('const early = g(2);\nfunction g(x) { return x + 1; }');
    expect((await run('early')).values).toEqual(['3']);
    expect((await run('g(5)')).values).toEqual(['6']);
  });

  it('top-level await, async functions and promises as the last value', async () => {
    const { run } = await startKernel();
    expect((await run('const v = await Promise.resolve(41); v + 1')).values).toEqual(['42']);
    expect((await run('async function h() { return 7; }\nh()')).values).toEqual(['7']);
    expect((await run('nd.array([1, 2, 3]).sum().asScalar()')).values).toEqual(['6']);
  });

  it('generators and for...of work', async () => {
    const { run } = await startKernel();
    const r = await run('function* range(n) { for (let i = 0; i < n; i++) yield i; }\nlet total = 0;\nfor (const i of range(5)) total += i;\ntotal');
    expect(r.values).toEqual(['10']);
  });

  it('TypeScript cells have their types stripped', async () => {
    const { run } = await startKernel();
    const r = await run('interface Point { x: number }\nconst pt: Point = { x: 3 };\nfunction twice<T extends number>(v: T): number { return v * 2; }\ntwice(pt.x as number)');
    expect(r.errors).toEqual([]);
    expect(r.values).toEqual(['6']);
  });

  it('displays NDArrays in MXNet form and other values readably', async () => {
    const { run } = await startKernel();
    const r = await run('nd.array([[1, 2], [3, 4]])');
    expect(r.outputs[0]).toMatchObject({ kind: 'value', type: 'ndarray' });
    expect(r.values[0]).toMatch(/^\[\[1\. 2\.\]\n \[3\. 4\.\]\]\n<NDArray 2x2 @\w+\(0\)>$/);
    expect((await run("'hi'")).values).toEqual(["'hi'"]);
    expect((await run('[1, "a", null]')).values).toEqual(['[1, "a", null]']);
    expect((await run('({ a: 1, b: [2] })')).values).toEqual(['{ a: 1, b: [2] }']);
  });

  it('print and console.log stream text in order, before the value (coalesced per stream and tick)', async () => {
    const { run } = await startKernel();
    const r = await run('print("one", 2); console.log("three"); console.warn("careful"); 4');
    expect(r.outputs.map((o) => o.kind)).toEqual(['text', 'text', 'value']);
    expect(r.texts).toEqual(['one 2\nthree\n', 'careful\n']);
    expect(r.outputs[1]).toMatchObject({ stream: 'stderr' });
  });
});

describe('errors point at the cell’s own line and column', () => {
  it('runtime errors, including library shape errors', async () => {
    const { run } = await startKernel();
    const r = await run('const x = nd.ones([2, 3]);\nconst y = nd.ones([4]);\n  const z = x.add(y);');
    expect(r.done.status).toBe('error');
    expect(r.errors[0]).toMatchObject({ name: 'ShapeError', line: 3 });
    expect(r.errors[0]!.message).toMatch(/add: shapes \(2, 3\) and \(4,\) cannot be broadcast/);
    expect(r.errors[0]!.sourceLine).toBe('  const z = x.add(y);');
    const t = await run('let q = 1;\nq.foo.bar;');
    expect(t.errors[0]).toMatchObject({ name: 'TypeError', line: 2, column: 7 });
  });

  it('errors inside functions defined in earlier cells point at the frame in the running cell', async () => {
    const { run } = await startKernel();
    await run('function boom() { throw new RangeError("no"); }');
    const r = await run('1 + 1;\nboom();');
    expect(r.errors[0]).toMatchObject({ name: 'RangeError', message: 'no', line: 2 });
  });

  it('syntax errors (JavaScript and TypeScript) with positions', async () => {
    const { run } = await startKernel();
    const r = await run('const a = 1;\nconst b = ;');
    expect(r.errors[0]).toMatchObject({ name: 'SyntaxError', line: 2, column: 11 });
    const i = await run('import x from "y";');
    expect(i.errors[0]!.message).toMatch(/import and export are not available in cells/);
  });

  it('a cell error never kills the kernel', async () => {
    const { run } = await startKernel();
    await run('const keep = 5;');
    await run('throw new Error("bad")');
    expect((await run('keep * 2')).values).toEqual(['10']);
  });
});

describe('stopping and yielding', () => {
  it('an interrupt stops a synchronous infinite loop at its next iteration, keeping the variables', async () => {
    const { kernel, run } = await startKernel();
    await run('const kept = 3;');
    const buffer = new SharedArrayBuffer(4);
    kernel.handle({ type: 'share-interrupt', buffer });
    setTimeout(() => Atomics.store(new Int32Array(buffer), 0, 1), 100);
    const t0 = performance.now();
    const r = await run('let spins = 0;\nwhile (true) { spins++; }');
    expect(r.done.status).toBe('interrupted');
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(r.errors[0]).toMatchObject({ name: 'KernelInterrupt', line: 2 });
    expect((await run('kept')).values).toEqual(['3']);
  });

  it('a message-based interrupt reaches an async loop, which yields to the event loop', async () => {
    const { kernel, run } = await startKernel();
    setTimeout(() => kernel.handle({ type: 'interrupt' }), 300);
    const t0 = performance.now();
    const r = await run('let n = 0;\nwhile (true) { n++; }');
    expect(r.done.status).toBe('interrupted');
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  it('loops are instrumented; sync functions only check, async code also yields', () => {
    const t = transformCell('for (const i of xs) f(i);\nfunction s() { while (a) b(); }\nasync function as() { do { c(); } while (d); }');
    expect(t.body).toContain('{ __k.tick(); if (__k.due) await __k.pause(); f(i); }');
    expect(t.body).toMatch(/while \(a\) \{ __k\.tick\(\); b\(\); \}/);
    expect(t.body).toMatch(/do \{ __k\.tick\(\); if \(__k\.due\) await __k\.pause\(\);\s+c\(\);/);
  });
});

describe('charts are coalesced', () => {
  it('at most one message per interval; the final state always arrives', () => {
    let now = 0;
    const sent: number[] = [];
    const stream = new ChartStream((c) => sent.push(c.panels[0]!.series[0]!.y.length), 150, () => now);
    const chart = (n: number) => ({ kind: 'chart' as const, chartId: 'a', notes: [], panels: [{ xScale: 'linear' as const, yScale: 'linear' as const, series: [{ name: 's', x: [], y: new Array(n).fill(0), mode: 'lines' as const }] }] });
    for (let i = 1; i <= 100; i++) {
      now = i * 10; // an update every 10 ms for a second
      stream.push(chart(i));
      stream.flushDue();
    }
    stream.flushAll();
    expect(sent.length).toBeLessThanOrEqual(8);
    expect(sent.length).toBeGreaterThanOrEqual(6);
    expect(sent[sent.length - 1]).toBe(100);
  });
});
