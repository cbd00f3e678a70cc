/**
 * Bad input, imported files: what nd.load / nd.upload / loadParameters read comes from the
 * reader's disk and may be anything. Random bytes and damaged copies of real files must fail
 * with a FileFormatError that says what is wrong (or, for harmless damage to the values, load),
 * never with an engine error, a hang, or a huge allocation.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nd, NDArray } from '../../src/lib/index';
import { FileFormatError } from '../../src/lib/io/binary-format';
import { useBackend } from '../unit/helpers/backend';
import { recordCount } from './counts';

beforeAll(useBackend);

const RUNS = Number(process.env.RELIABILITY_FUZZ_RUNS ?? 60) * 5;
let tried = 0;
let rejected = 0;
afterAll(() => recordCount('bad-input-files', { tried, rejected }));

let valid: Uint8Array[] = [];
beforeAll(async () => {
  valid = await Promise.all([
    nd.serialize(nd.array([[1, 2, 3], [4, 5, 6]])),
    nd.serialize([nd.arange(5), nd.ones([2, 2], { dtype: 'int32' })]),
    nd.serialize({ weight: nd.random.normal(0, 1, [3, 4]), bias: nd.zeros([3]) }),
  ]);
});

function loadOrExplain(bytes: Uint8Array): void {
  tried++;
  try {
    const loaded = nd.deserialize(bytes);
    const arrays = loaded instanceof NDArray ? [loaded] : Array.isArray(loaded) ? loaded : Object.values(loaded);
    for (const a of arrays) expect(a).toBeInstanceOf(NDArray);
  } catch (e) {
    rejected++;
    expect(e, `${(e as Error)?.name}: ${(e as Error)?.message}`).toBeInstanceOf(FileFormatError);
    expect((e as Error).message).toMatch(/file|header/i);
  }
}

describe('imported files: damage is explained, never crashes', () => {
  it('random bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => loadOrExplain(bytes)), { numRuns: RUNS });
  });
  it('real files with bytes overwritten (header and data)', () => {
    const edit = fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 }));
    fc.assert(
      fc.property(fc.nat({ max: 2 }), fc.array(edit, { minLength: 1, maxLength: 6 }), (which, edits) => {
        const bytes = valid[which]!.slice();
        for (const [pos, value] of edits) bytes[pos % bytes.length] = value;
        loadOrExplain(bytes);
      }),
      { numRuns: RUNS },
    );
  });
  it('real files cut short', () => {
    fc.assert(
      fc.property(fc.nat({ max: 2 }), fc.nat(), (which, cut) => {
        const bytes = valid[which]!;
        loadOrExplain(bytes.slice(0, cut % bytes.length));
      }),
      { numRuns: RUNS },
    );
  });
  it('headers claiming huge or odd arrays', () => {
    const header = fc.record(
      {
        kind: fc.constantFrom('array', 'list', 'dict', 'npz', 7),
        arrays: fc.array(
          fc.record({ name: fc.oneof(fc.string(), fc.constant(undefined)), dtype: fc.constantFrom('float32', 'int32', 'float64', null), shape: fc.oneof(fc.array(fc.integer({ min: -1, max: 2 ** 31 }), { maxLength: 3 }), fc.constant('x')), offset: fc.integer({ min: -8, max: 2 ** 40 }), byteLength: fc.integer({ min: 0, max: 2 ** 40 }) }),
          { maxLength: 3 },
        ),
      },
      { noNullPrototype: true },
    );
    fc.assert(
      fc.property(header, fc.uint8Array({ maxLength: 64 }), (h, data) => {
        // The format: magic (8), version (u32), header length (u32), JSON header, data.
        const json = new TextEncoder().encode(JSON.stringify(h));
        const bytes = new Uint8Array(16 + json.length + data.length);
        bytes.set(valid[0]!.subarray(0, 12));
        new DataView(bytes.buffer).setUint32(12, json.length, true);
        bytes.set(json, 16);
        bytes.set(data, 16 + json.length);
        loadOrExplain(bytes);
      }),
      { numRuns: RUNS },
    );
  });
});
