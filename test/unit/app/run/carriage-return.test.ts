/** Text outputs treat a carriage return as a terminal and Jupyter do: the line starts over (progress lines). */
import { describe, expect, it } from 'vitest';
import { addOutput, applyCarriageReturns, IDLE, joinText } from '../../../../src/app/run/cell-run';

describe('carriage returns in text output', () => {
  it('keep what follows the last \\r of each line; \\r\\n is a line break', () => {
    expect(applyCarriageReturns('a\rb\rc\nd\r\ne')).toBe('c\nd\ne');
  });

  it('a progress line rewritten chunk by chunk stays one line, and earlier lines are untouched', () => {
    let text = 'training\n';
    for (const chunk of ['\r1/3', '\r2/3', '\r3/3\n', 'done\n']) text = joinText(text, chunk);
    expect(text).toBe('training\n3/3\ndone\n');
  });

  it('applies to the outputs a cell collects', () => {
    let run = IDLE;
    for (const text of ['start\n', '\r10%', '\r50%', '\r100%\n']) run = addOutput(run, { kind: 'text', stream: 'stdout', text });
    expect(run.outputs).toEqual([{ kind: 'text', stream: 'stdout', text: 'start\n100%\n' }]);
    run = addOutput(IDLE, { kind: 'text', stream: 'stdout', text: 'x\ry' });
    expect(run.outputs).toEqual([{ kind: 'text', stream: 'stdout', text: 'y' }]);
  });
});
