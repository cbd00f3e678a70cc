import { describe, expect, it } from 'vitest';
import { IDLE, type CellRun } from '../../../../src/app/run/cell-run';
import { errorAdvice } from '../../../../src/app/run/error-advice';
import type { ErrorOutput } from '../../../../src/kernel/protocol';

const error = (name: string, message: string): ErrorOutput => ({ kind: 'error', name, message, line: 1, column: 1, sourceLine: 'x' });
const ranIn = (generation: number): CellRun => ({ ...IDLE, status: 'done', ran: true, generation });
const notDefined = error('ReferenceError', 'net is not defined');

describe('errorAdvice', () => {
  it('a ReferenceError after a restart: the cells above ran in the old kernel; offer Run above', () => {
    expect(errorAdvice(notDefined, { generation: 1, above: [ranIn(0), ranIn(0)], memory: null })).toEqual({ kind: 'run-above', restarted: true, notRun: 2 });
  });

  it('a ReferenceError when the cells above never ran: offer Run above, not a restart story', () => {
    expect(errorAdvice(notDefined, { generation: 0, above: [IDLE, ranIn(0)], memory: null })).toEqual({ kind: 'run-above', restarted: false, notRun: 1 });
  });

  it('no advice for a genuine typo: every cell above ran in this kernel', () => {
    expect(errorAdvice(notDefined, { generation: 2, above: [ranIn(2), ranIn(2)], memory: null })).toBeNull();
    expect(errorAdvice(notDefined, { generation: 0, above: [], memory: null })).toBeNull();
  });

  it('no advice for other errors', () => {
    expect(errorAdvice(error('TypeError', 'x.foo is not a function'), { generation: 1, above: [ranIn(0)], memory: null })).toBeNull();
    expect(errorAdvice(error('ShapeError', 'dot: shapes (2, 3) and (2, 3)'), { generation: 1, above: [ranIn(0)], memory: null })).toBeNull();
  });

  it('out of memory: how much the kernel holds, whatever the error class', () => {
    const memory = { numBytes: 3_000_000_000, numTensors: 412 };
    expect(errorAdvice(error('OutOfMemoryError', 'nd.zeros: out of memory: ...'), { generation: 0, above: [], memory })).toEqual({ kind: 'memory', bytes: 3e9, tensors: 412 });
    expect(errorAdvice(error('RangeError', 'Array buffer allocation failed'), { generation: 0, above: [], memory: null })).toEqual({ kind: 'memory', bytes: null, tensors: null });
    expect(errorAdvice(error('Error', 'Failed to allocate 400 MB on the GPU'), { generation: 0, above: [], memory })?.kind).toBe('memory');
  });
});
