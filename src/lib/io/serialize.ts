/**
 * NDArrays <-> file bytes: `nd.serialize(data)` and `nd.deserialize(bytes)`. `data` is one
 * array, a list of arrays, or a dict (plain object or Map) name -> array, as MXNet's nd.save.
 */
import { tf } from '../engine/tf';
import { NDArray } from '../nd/ndarray';
import { ArgumentError } from '../nd/errors';
import { decode, encode, type Entry, type Kind } from './binary-format';

export type SaveData = NDArray | readonly NDArray[] | Readonly<Record<string, NDArray>> | ReadonlyMap<string, NDArray>;
export type LoadedData = NDArray | NDArray[] | Record<string, NDArray>;

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  return typeof v === 'object' ? (v.constructor?.name ?? 'an object') : typeof v;
}

function toItems(op: string, data: SaveData): { kind: Kind; items: [string | null, NDArray][] } {
  const check = (v: unknown, where: string): NDArray => {
    if (!(v instanceof NDArray)) throw new ArgumentError(`${op}: ${where} is ${describe(v)}, expected an NDArray. Save one array, a list of arrays, or a dict { name: array }.`);
    return v;
  };
  if (data instanceof NDArray) return { kind: 'array', items: [[null, data]] };
  if (Array.isArray(data)) return { kind: 'list', items: data.map((v, i) => [null, check(v, `element ${i}`)]) };
  if (data instanceof Map) return { kind: 'dict', items: [...data].map(([k, v]) => [String(k), check(v, `entry ${JSON.stringify(k)}`)]) };
  if (typeof data === 'object' && data !== null && Object.getPrototypeOf(data) === Object.prototype) {
    return { kind: 'dict', items: Object.entries(data).map(([k, v]) => [k, check(v, `entry ${JSON.stringify(k)}`)]) };
  }
  throw new ArgumentError(`${op}: cannot save ${describe(data)}; pass one NDArray, a list of NDArrays, or a dict { name: NDArray }.`);
}

/** The file bytes for `data`. Async because reading GPU arrays is. */
export async function serialize(data: SaveData, op = 'nd.serialize'): Promise<Uint8Array> {
  const { kind, items } = toItems(op, data);
  const entries: Entry[] = [];
  for (const [name, x] of items) entries.push({ name, dtype: x.dtype, shape: x.shape, values: await x.data() });
  return encode(kind, entries);
}

/** The arrays in file bytes: an NDArray, a list, or a dict (plain object), as saved. */
export function deserialize(bytes: Uint8Array | ArrayBuffer): LoadedData {
  if (!(bytes instanceof Uint8Array) && !(bytes instanceof ArrayBuffer)) {
    throw new ArgumentError(`nd.deserialize: expected the file's bytes as a Uint8Array or ArrayBuffer, got ${describe(bytes)}.`);
  }
  const { kind, entries } = decode(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes));
  const arrays = entries.map((e) => NDArray.fromTensor(tf.tensor(e.values, e.shape, e.dtype))); // values: (shape...) row-major
  if (kind === 'array') return arrays[0]!;
  if (kind === 'list') return arrays;
  const dict: Record<string, NDArray> = {};
  // defineProperty: a key such as '__proto__' stays an ordinary entry.
  entries.forEach((e, i) => Object.defineProperty(dict, e.name!, { value: arrays[i]!, enumerable: true, writable: true, configurable: true }));
  return dict;
}
