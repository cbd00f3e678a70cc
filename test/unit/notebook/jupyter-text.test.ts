// Text in Deno's Jupyter kernel (src/notebook/jupyter-text.ts): whole lines through console, and a
// line rewritten with `\r` as one display output updated in place.
import { describe, expect, it } from 'vitest';
import { jupyterText } from '../../../src/notebook/jupyter-text';
import type { JupyterApi, MimeBundle } from '../../../src/notebook/outputs';

function setup() {
  const printed: [string, string][] = [];
  const displays: { text: string; id: string | undefined; update: boolean | undefined }[] = [];
  const queued: (() => void)[] = [];
  const jupyter: JupyterApi = {
    display: async (bundle: MimeBundle, options) => void displays.push({ text: bundle['text/plain']!, id: options.display_id, update: options.update }),
  };
  const write = jupyterText({ jupyter, printLine: (line, stream) => printed.push([line, stream]), later: (fn) => queued.push(fn) });
  const endTask = () => queued.splice(0).forEach((fn) => fn());
  return { write, printed, displays, endTask };
}

describe('text in Deno’s Jupyter kernel', () => {
  it('prints whole lines, each stream on its own, and keeps a line whose end comes in a later write', () => {
    const { write, printed, displays } = setup();
    write('epoch 1, loss 0.5\nepoch 2, loss 0.4\n', 'stdout');
    write('careful\r\n', 'stderr');
    write('x = ', 'stdout');
    write('3\n', 'stdout');
    write('\n', 'stdout');
    expect(printed).toEqual([
      ['epoch 1, loss 0.5', 'stdout'],
      ['epoch 2, loss 0.4', 'stdout'],
      ['careful', 'stderr'],
      ['x = 3', 'stdout'],
      ['', 'stdout'],
    ]);
    expect(displays).toEqual([]);
  });

  it('a progress line (rewritten with \\r) is one display output, updated in place, and ends with its final text', () => {
    const { write, printed, displays } = setup();
    write('\r10/30 [██░░░░] 33%', 'stdout');
    write('\r20/30 [████░░] 66%', 'stdout');
    write('\r30/30 [██████] 100%\n', 'stdout');
    write('done\n', 'stdout');
    expect(displays.map((d) => d.text)).toEqual(['10/30 [██░░░░] 33%', '20/30 [████░░] 66%', '30/30 [██████] 100%']);
    expect(displays.map((d) => d.update)).toEqual([false, true, true]);
    expect(new Set(displays.map((d) => d.id)).size).toBe(1);
    expect(displays[0]!.id).toMatch(/^handson-[a-z0-9]+-line-1$/);
    expect(printed, 'the progress line is not printed a second time').toEqual([['done', 'stdout']]);
    // The next progress line is a new output.
    write('\rstep 1', 'stdout');
    expect(displays.at(-1)!.id).toMatch(/-line-2$/);
    expect(displays.at(-1)!.update).toBe(false);
  });

  it('text without its newline is printed when the task ends, unless a \\r makes it a progress line', () => {
    const { write, printed, displays, endTask } = setup();
    write('no newline', 'stdout');
    expect(printed).toEqual([]);
    endTask();
    expect(printed).toEqual([['no newline', 'stdout']]);
    write('partial', 'stdout');
    write('\rrewritten', 'stdout');
    endTask();
    expect(printed).toHaveLength(1);
    expect(displays.map((d) => d.text)).toEqual(['rewritten']);
  });
});
