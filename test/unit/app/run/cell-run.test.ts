/** A cell's outputs as the page keeps them (src/app/run/cell-run): charts updated in place, text merged and capped. */
import { describe, expect, it } from 'vitest';
import type { ChartOutput } from '../../../../src/kernel/protocol';
import { addOutput, IDLE, MAX_TEXT_CHARS, visibleOutputs } from '../../../../src/app/run/cell-run';

const chart = (id: string, n: number): ChartOutput => ({ kind: 'chart', chartId: id, notes: [], panels: [{ xScale: 'linear', yScale: 'linear', series: [{ name: 'loss', x: [...Array(n).keys()], y: Array(n).fill(1), mode: 'lines' }] }] });

describe('addOutput', () => {
  it('replaces a chart by its id where it first appeared', () => {
    let run = addOutput(IDLE, chart('a', 1));
    run = addOutput(run, { kind: 'text', stream: 'stdout', text: 'epoch 1\n' });
    run = addOutput(run, chart('a', 2));
    run = addOutput(run, chart('b', 1));
    expect(run.outputs.map((o) => (o.kind === 'chart' ? `${o.chartId}:${o.panels[0]!.series[0]!.x.length}` : o.kind))).toEqual(['a:2', 'text', 'b:1']);
  });

  it('merges consecutive text of one stream, not across streams', () => {
    let run = addOutput(IDLE, { kind: 'text', stream: 'stdout', text: 'a\n' });
    run = addOutput(run, { kind: 'text', stream: 'stdout', text: 'b\n' });
    run = addOutput(run, { kind: 'text', stream: 'stderr', text: 'warn\n' });
    expect(run.outputs).toEqual([
      { kind: 'text', stream: 'stdout', text: 'a\nb\n' },
      { kind: 'text', stream: 'stderr', text: 'warn\n' },
    ]);
  });

  it('keeps at most MAX_TEXT_CHARS of text and counts what it left out', () => {
    let run = IDLE;
    const line = 'x'.repeat(999) + '\n';
    for (let i = 0; i < MAX_TEXT_CHARS / 1000 + 50; i++) run = addOutput(run, { kind: 'text', stream: 'stdout', text: line });
    const kept = run.outputs.reduce((n, o) => n + (o.kind === 'text' ? o.text.length : 0), 0);
    expect(kept).toBe(MAX_TEXT_CHARS);
    expect(run.droppedChars).toBe(50 * 1000);
    // Charts still update after the text cap.
    run = addOutput(run, chart('c', 3));
    expect(run.outputs.at(-1)).toMatchObject({ kind: 'chart', chartId: 'c' });
  });
});

describe('visibleOutputs', () => {
  const recorded = { outputs: [{ kind: 'value' as const, type: 'other' as const, text: '42' }] };
  it('shows recorded outputs until the cell runs', () => {
    expect(visibleOutputs(IDLE, recorded, false)).toEqual({ outputs: recorded.outputs, recorded: true });
    const ran = { ...IDLE, ran: true, outputs: [{ kind: 'value' as const, type: 'other' as const, text: '43' }] };
    expect(visibleOutputs(ran, recorded, false)).toEqual({ outputs: ran.outputs, recorded: false });
  });
  it('shows no recorded output when it is stale', () => {
    expect(visibleOutputs(IDLE, recorded, true)).toEqual({ outputs: [], recorded: false });
  });
});
