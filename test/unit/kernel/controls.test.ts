/**
 * d2l.controls through the kernel: the controls appear with the callback's outputs, a change
 * from the page runs the callback again without the cell (one at a time, newest values win),
 * values are made valid for their controls, errors and stops are reported under the controls.
 */
import { describe, expect, it } from 'vitest';
import { Kernel } from '../../../src/kernel/core/kernel';
import type { ControlsOutput, KernelToPage } from '../../../src/kernel/protocol';
import { validateKernelMessage } from '../../../src/kernel/page/message-validator';
import { finalOutputs } from '../../../src/content/recorded';
import { parseControls } from '../../../src/lib/d2l/controls';
import { requestedBackend } from '../helpers/backend';

async function startKernel() {
  const messages: KernelToPage[] = [];
  const kernel = new Kernel((m) => messages.push(m));
  kernel.handle({ type: 'start', backend: requestedBackend() });
  let n = 0;
  const run = async (code: string, cellId = `c${++n}`) => {
    const id = `r${++n}`;
    const done = await kernel.execute({ type: 'execute', id, cellId, code });
    return { id, done };
  };
  await run('1');
  /** The latest controls output sent to run `id`. */
  const latest = (id: string): ControlsOutput | undefined => {
    const all = messages.flatMap((m) => (m.type === 'output' && m.id === id && m.output.kind === 'controls' ? [m.output] : []));
    return all[all.length - 1];
  };
  /** Resolves once the kernel has run everything queued (a cell queued behind it). */
  const settle = async () => {
    await kernel.execute({ type: 'execute', id: `settle-${++n}`, cellId: 'settle', code: '0' });
  };
  return { kernel, run, messages, latest, settle };
}

const textOf = (c: ControlsOutput | undefined) => (c?.outputs ?? []).flatMap((o) => (o.kind === 'text' ? [o.text] : [])).join('');

describe('d2l.controls', () => {
  it('parses sliders, selects and full forms, with their initial values', () => {
    const { controls, values } = parseControls({ lr: [0.01, 1, 0.4], opt: ['sgd', 'adam'], beta: { min: 1e-3, max: 1, value: 0.1, log: true }, k: [0, 10, 3, 1] });
    expect(controls.map((c) => c.kind)).toEqual(['slider', 'select', 'slider', 'slider']);
    expect(values).toEqual([0.4, 'sgd', 0.1, 3]);
    expect(controls[0]).toMatchObject({ min: 0.01, max: 1, step: 0.01, log: false });
    expect(() => parseControls({ lr: [1, 0, 0.5] })).toThrow(/min \(1\) must be below max \(0\)/);
    expect(() => parseControls({ lr: [0, 1, 2] })).toThrow(/outside \[0, 1\]/);
    expect(() => parseControls({ o: { options: ['a'], value: 'b' } })).toThrow(/not one of its options/);
  });

  it('shows the controls with the callback outputs, and re-runs the callback on a change without the cell', async () => {
    const { kernel, run, latest, settle, messages } = await startKernel();
    const cell = await run("let cellRuns = (globalThis.cellRuns ?? 0) + 1; globalThis.cellRuns = cellRuns;\nawait d2l.controls({ lr: [0.01, 1, 0.4], opt: ['sgd', 'adam'] }, ({ lr, opt }) => print(`lr=${lr} opt=${opt}`));");
    expect(cell.done.status).toBe('ok');
    const first = latest(cell.id)!;
    expect(first.state).toBe('done');
    expect(first.values).toEqual([0.4, 'sgd']);
    expect(textOf(first)).toBe('lr=0.4 opt=sgd\n');
    kernel.handle({ type: 'controls-change', controlsId: first.controlsId, values: [0.7, 'adam'] });
    await settle();
    const second = latest(cell.id)!;
    expect(second.controlsId).toBe(first.controlsId);
    expect(second.values).toEqual([0.7, 'adam']);
    expect(textOf(second)).toBe('lr=0.7 opt=adam\n');
    expect(kernel.scopeValue('cellRuns')).toBe(1); // the cell itself did not run again
    // Every message the kernel sent passes the page's check.
    for (const m of messages) expect(validateKernelMessage(m).ok).toBe(true);
  });

  it('makes values valid for their controls: clamped, snapped to the step, known options only', async () => {
    const { kernel, run, latest, settle } = await startKernel();
    const cell = await run("await d2l.controls({ lr: [0, 1, 0.5, 0.1], opt: ['a', 'b'] }, ({ lr, opt }) => print(lr, opt));");
    const id = latest(cell.id)!.controlsId;
    kernel.handle({ type: 'controls-change', controlsId: id, values: [7, '__proto__'] });
    await settle();
    expect(latest(cell.id)!.values).toEqual([1, 'a']);
    kernel.handle({ type: 'controls-change', controlsId: id, values: [0.33, 'b'] });
    await settle();
    expect(latest(cell.id)!.values).toEqual([0.3, 'b']);
  });

  it('runs one change at a time and skips values a newer change replaced', async () => {
    const { kernel, run, latest, settle } = await startKernel();
    const cell = await run("const seen = [];\nawait d2l.controls({ k: [0, 10, 0, 1] }, async ({ k }) => { seen.push(k); await new Promise((r) => setTimeout(r, 30)); });");
    const id = latest(cell.id)!.controlsId;
    for (const k of [1, 2, 3, 4, 5]) kernel.handle({ type: 'controls-change', controlsId: id, values: [k] });
    await settle();
    const seen = kernel.scopeValue('seen') as number[];
    expect(seen[0]).toBe(0);
    expect(seen[seen.length - 1]).toBe(5);
    expect(seen.length).toBeLessThanOrEqual(3); // 0, then at most the first change, then the newest
    expect(latest(cell.id)!.values).toEqual([5]);
  });

  it('an error on a re-run shows under the controls; an error in the first run fails the cell', async () => {
    const { kernel, run, latest, settle } = await startKernel();
    const cell = await run("await d2l.controls({ k: [0, 10, 0, 1] }, ({ k }) => { if (k > 5) throw new RangeError('k too big'); print(k); });");
    const id = latest(cell.id)!.controlsId;
    kernel.handle({ type: 'controls-change', controlsId: id, values: [8] });
    await settle();
    const after = latest(cell.id)!;
    expect(after.state).toBe('error');
    expect(after.outputs.find((o) => o.kind === 'error')).toMatchObject({ name: 'RangeError', message: 'k too big', line: 1 });
    const bad = await run("await d2l.controls({ k: [0, 10, 9, 1] }, ({ k }) => { if (k > 5) throw new RangeError('k too big'); });");
    expect(bad.done.status).toBe('error');
  });

  it('a stop interrupts a running callback; the controls say it stopped and the kernel goes on', async () => {
    const { kernel, run, latest, settle } = await startKernel();
    const cell = await run("await d2l.controls({ k: [0, 10, 0, 1] }, async ({ k }) => { if (k === 0) return; while (true) { await nd.zeros([2]).sum().asScalar(); } });");
    const id = latest(cell.id)!.controlsId;
    kernel.handle({ type: 'controls-change', controlsId: id, values: [1] });
    await new Promise((r) => setTimeout(r, 300));
    expect(latest(cell.id)!.state).toBe('running');
    kernel.handle({ type: 'interrupt' });
    await settle();
    expect(latest(cell.id)!.state).toBe('stopped');
    expect((await run('1 + 1')).done.status).toBe('ok');
  });

  it('controls of a cell run again stop answering; recorded outputs keep the final controls once', async () => {
    const { kernel, run, latest, settle, messages } = await startKernel();
    const code = "await d2l.controls({ k: [0, 10, 2, 1] }, ({ k }) => print('k', k));";
    const a = await run(code, 'same');
    const oldId = latest(a.id)!.controlsId;
    const b = await run(code, 'same');
    const before = messages.length;
    kernel.handle({ type: 'controls-change', controlsId: oldId, values: [9] });
    await settle();
    expect(messages.slice(before).some((m) => m.type === 'output' && m.output.kind === 'controls')).toBe(false);
    kernel.handle({ type: 'controls-change', controlsId: latest(b.id)!.controlsId, values: [9] });
    await settle();
    const outs = messages.flatMap((m) => (m.type === 'output' && m.id === b.id ? [m.output] : []));
    const final = finalOutputs(outs);
    expect(final.filter((o) => o.kind === 'controls')).toHaveLength(1);
    expect((final[0] as ControlsOutput).values).toEqual([9]);
  });
});

describe('the page checks controls and contours from the kernel', () => {
  const good: ControlsOutput = { kind: 'controls', controlsId: 'r1-controls-1', controls: [{ kind: 'slider', name: 'lr', min: 0, max: 1, step: 0.1, log: false }, { kind: 'select', name: 'o', options: ['a', 'b'] }], values: [0.5, 'a'], state: 'done', outputs: [{ kind: 'text', stream: 'stdout', text: 'hi\n' }] };
  const msg = (output: unknown) => ({ type: 'output', id: 'r1', output });
  it('accepts well-formed controls and refuses malformed ones', () => {
    expect(validateKernelMessage(msg(good)).ok).toBe(true);
    expect(validateKernelMessage(msg({ ...good, values: [0.5] }))).toMatchObject({ ok: false, reason: expect.stringMatching(/one value per control/) });
    expect(validateKernelMessage(msg({ ...good, values: ['x', 'a'] }))).toMatchObject({ ok: false, reason: expect.stringMatching(/expected a number for the slider/) });
    expect(validateKernelMessage(msg({ ...good, controls: [{ ...good.controls[0], min: 2 }, good.controls[1]] })).ok).toBe(false);
    expect(validateKernelMessage(msg({ ...good, outputs: [good] })).ok).toBe(false); // controls do not nest
    expect(validateKernelMessage(msg({ ...good, state: 'weird' })).ok).toBe(false);
  });
  it('a contour needs x.length * y.length values', () => {
    const chart = (z: number[]) => ({ kind: 'chart', chartId: 'c', notes: [], panels: [{ xScale: 'linear', yScale: 'linear', series: [], contour: { x: [0, 1], y: [0, 1, 2], z } }] });
    expect(validateKernelMessage(msg(chart([1, 2, 3, 4, 5, Infinity]))).ok).toBe(true);
    expect(validateKernelMessage(msg(chart([1, 2, 3]))).ok).toBe(false);
  });
});
