import { describe, expect, it } from 'vitest';
import reference from '../../../../src/app/reference/api-reference.json';
import type { ApiReference } from '../../../../src/app/reference/reference-data';
import { missingMethod, ndFunctionAdvice } from '../../../../src/app/run/method-advice';
import type { ErrorOutput } from '../../../../src/kernel/protocol';

const error = (name: string, message: string): ErrorOutput => ({ kind: 'error', name, message, line: 1, column: 1, sourceLine: 'x' });
const api = reference as ApiReference;

describe('method advice', () => {
  it('reads the missing method from the TypeError', () => {
    expect(missingMethod(error('TypeError', 'nd.ones(...).dot is not a function'))).toBe('dot');
    expect(missingMethod(error('TypeError', 'a.dot is not a function'))).toBe('dot');
    expect(missingMethod(error('TypeError', 'foo is not a function'))).toBeNull();
    expect(missingMethod(error('ReferenceError', 'a.dot is not a function'))).toBeNull();
  });

  it("a.dot(b): the library's nd.dot, with its signature from the reference", () => {
    const advice = ndFunctionAdvice('dot', api);
    expect(advice?.method).toBe('dot');
    expect(advice?.signature).toMatch(/^nd\.dot\(a: NDArray, b: NDArray/);
  });

  it('no advice for a method NDArray has (the object was something else), nor for a name nd lacks', () => {
    expect(ndFunctionAdvice('reshape', api)).toBeNull();
    expect(ndFunctionAdvice('frobnicate', api)).toBeNull();
  });
});
