// A hostile or careless cell must not leave the kernel unable to answer (issue 14): whatever it
// throws, the cell ends with `done`; error texts are capped before they leave the worker; a
// million prints are a few messages, not a million; a flood of unhandled rejections is reported
// once with a count.
import { describe, expect, it } from 'vitest';
import { Kernel } from '../../../src/kernel/core/kernel';
import type { CellOutput, DoneMessage, KernelToPage } from '../../../src/kernel/protocol';
import { ERROR_CAPS } from '../../../src/kernel/core/thrown-value';
import { requestedBackend } from '../helpers/backend';

async function startKernel() {
  const messages: KernelToPage[] = [];
  const kernel = new Kernel((m) => messages.push(m));
  kernel.handle({ type: 'start', backend: requestedBackend() });
  let n = 0;
  const run = async (code: string, timeoutMs = 20000) => {
    const id = `r${++n}`;
    const start = messages.length;
    const done = await Promise.race([
      kernel.execute({ type: 'execute', id, cellId: `c${n}`, code }),
      new Promise<DoneMessage>((_, reject) => setTimeout(() => reject(new Error(`the cell never ended: ${code}`)), timeoutMs)),
    ]);
    const mine = messages.slice(start).filter((m) => m.type === 'output' && m.id === id);
    const outputs = mine.flatMap((m) => (m.type === 'output' ? [m.output] : []));
    return { done, outputs, messages: mine.length, errors: outputs.filter((o): o is Extract<CellOutput, { kind: 'error' }> => o.kind === 'error') };
  };
  await run('1');
  return { kernel, run, messages };
}

describe('a cell always ends with done, whatever it throws', () => {
  const cases: Record<string, string> = {
    'an Error whose message getter throws': "const e = new Error('x'); Object.defineProperty(e, 'message', { get() { throw new Error('no message for you'); } }); throw e;",
    'an Error whose name and stack getters throw': "const e = new Error('x'); Object.defineProperty(e, 'name', { get() { throw 1; } }); Object.defineProperty(e, 'stack', { get() { throw 2; } }); throw e;",
    'an object whose toString throws': "throw { toString() { throw new Error('no string'); } };",
    'a null-prototype object': 'throw Object.create(null);',
    'a Proxy whose every trap throws': "throw new Proxy(new Error('p'), { get() { throw 1; }, getPrototypeOf() { throw 2; }, has() { throw 3; } });",
    'a revoked Proxy': 'const { proxy, revoke } = Proxy.revocable({}, {}); revoke(); throw proxy;',
    'an Error whose message is an object with a throwing toString': "const e = new Error('x'); Object.defineProperty(e, 'message', { value: { toString() { throw 1; } } }); throw e;",
    'a Symbol': "throw Symbol('s');",
    'a final value that is a revoked Proxy': 'const { proxy, revoke } = Proxy.revocable({}, {}); revoke(); proxy',
    'a final value whose getter throws': "({ get x() { throw new Error('getter'); } })",
  };
  for (const [what, code] of Object.entries(cases)) {
    it(what, async () => {
      const { run } = await startKernel();
      const r = await run(code);
      expect(r.done.type).toBe('done');
      if (!what.startsWith('a final value whose')) {
        expect(r.done.status).toBe('error');
        expect(r.errors.length).toBe(1);
        expect(typeof r.errors[0]!.message).toBe('string');
        expect(typeof r.errors[0]!.name).toBe('string');
      }
      // the kernel still works after it
      expect((await run('1 + 1')).outputs).toEqual([{ kind: 'value', type: 'other', text: '2' }]);
    });
  }
});

describe('error texts are capped before they leave the worker', () => {
  it('a 5-million-character message and name arrive cut, saying how much was left out', async () => {
    const { run } = await startKernel();
    const r = await run("const e = new Error('m'.repeat(5e6)); e.name = 'N'.repeat(1e5); throw e;");
    const [error] = r.errors;
    expect(error!.message.length).toBeLessThan(ERROR_CAPS.message + 100);
    expect(error!.message).toMatch(/4990000 more characters left out/);
    expect(error!.name.length).toBeLessThan(ERROR_CAPS.name + 100);
  });
  it('an unhandled error with a huge message is capped too', async () => {
    const { kernel, run, messages } = await startKernel();
    await run('1');
    const before = messages.length;
    kernel.reportUnhandled(new Error('u'.repeat(1e6)));
    const out = messages.slice(before).flatMap((m) => (m.type === 'output' && m.output.kind === 'error' ? [m.output] : []));
    expect(out[0]!.message.length).toBeLessThan(ERROR_CAPS.message + 200);
  });
});

describe('prints are coalesced', () => {
  it('100,000 prints in a synchronous loop arrive as a few messages, complete and in order', async () => {
    const { run } = await startKernel();
    const r = await run('for (let i = 0; i < 100000; i++) print(i);');
    const text = r.outputs.map((o) => (o.kind === 'text' ? o.text : '')).join('');
    expect(text).toBe(Array.from({ length: 100000 }, (_, i) => `${i}\n`).join(''));
    expect(r.messages).toBeLessThan(20);
  });
  it('alternating stdout and stderr: one message per stream per batch, each stream in order', async () => {
    const { run } = await startKernel();
    const r = await run("for (let i = 0; i < 3000; i++) { print('o' + i); console.warn('e' + i); }");
    const of = (stream: string) => r.outputs.map((o) => (o.kind === 'text' && o.stream === stream ? o.text : '')).join('');
    expect(of('stdout')).toBe(Array.from({ length: 3000 }, (_, i) => `o${i}\n`).join(''));
    expect(of('stderr')).toBe(Array.from({ length: 3000 }, (_, i) => `e${i}\n`).join(''));
    expect(r.messages).toBeLessThanOrEqual(4);
  });
  it('text printed before another output comes before it', async () => {
    const { run } = await startKernel();
    const r = await run("print('before'); d2l.showTable({ columns: ['a'], rows: [[1]] }); print('after');");
    expect(r.outputs.map((o) => o.kind)).toEqual(['text', 'table', 'text']);
  });
  it('prints across ticks (awaits) still come out', async () => {
    const { run } = await startKernel();
    const r = await run("print('a'); await new Promise((res) => setTimeout(res, 20)); print('b');");
    expect(r.outputs.map((o) => (o.kind === 'text' ? o.text : '')).join('')).toBe('a\nb\n');
  });
});

describe('a flood of unhandled rejections is reported once with a count', () => {
  it('20,000 reported errors become 3 error blocks and one count', async () => {
    const { kernel, run, messages } = await startKernel();
    await run('1');
    const before = messages.length;
    for (let i = 0; i < 20000; i++) kernel.reportUnhandled(new Error(`flood ${i}`));
    await new Promise((r) => setTimeout(r, 1200));
    const out = messages.slice(before).flatMap((m) => (m.type === 'output' && m.output.kind === 'error' ? [m.output] : []));
    expect(out.length).toBe(4);
    expect(out[3]!.message).toMatch(/^19997 more errors/);
  });
});
