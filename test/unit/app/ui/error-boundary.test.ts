// What an error boundary says about anything thrown (src/app/ui/error-boundary.tsx): never throws itself.
import { describe, expect, it } from 'vitest';
import { describeThrown } from '../../../../src/app/ui/error-boundary';
import { safeString } from '../../../../src/kernel/page/message-validator';

describe('describeThrown', () => {
  it('says something for values whose toString, message or Symbol.toPrimitive throw', () => {
    const hostile = { toString: () => { throw new Error('no'); } };
    expect(safeString(hostile)).toBe('[object Object]');
    expect(describeThrown(hostile)).toBe('[object Object]');
    const e = new Error('x');
    Object.defineProperty(e, 'message', { get: () => { throw new Error('getter'); } });
    expect(describeThrown(e)).toBe('undefined');
    expect(describeThrown({ [Symbol.toPrimitive]: () => { throw new Error('no'); } })).toBe('[object Object]');
    expect(describeThrown(Object.create(null))).toBe('[object Object]');
    expect(describeThrown('x'.repeat(10_000))).toHaveLength(500);
  });
});
