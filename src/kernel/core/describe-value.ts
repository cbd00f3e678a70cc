/**
 * The text shown for a cell's final value, as a notebook shows it: NDArrays in MXNet's form,
 * strings quoted, arrays and plain objects readably, blocks and parameters by their toString.
 */
import { NDArray } from '../../lib/index';
import type { ValueOutput } from '../protocol';

const MAX_ITEMS = 100;

async function describe(value: unknown, depth: number): Promise<string> {
  if (value instanceof NDArray) return value.format();
  switch (typeof value) {
    case 'string':
      return depth === 0 ? `'${value}'` : JSON.stringify(value);
    case 'number':
    case 'boolean':
    case 'bigint':
    case 'symbol':
      return String(value);
    case 'undefined':
      return 'undefined';
    case 'function': {
      const src = Function.prototype.toString.call(value);
      return src.startsWith('class') ? `[class ${value.name || '(anonymous)'}]` : `[Function ${value.name || '(anonymous)'}]`;
    }
  }
  if (value === null) return 'null';
  if (depth > 3) return Array.isArray(value) ? '[...]' : '{...}';
  if (Array.isArray(value)) {
    const items = await Promise.all(value.slice(0, MAX_ITEMS).map((v) => describe(v, depth + 1)));
    if (value.length > MAX_ITEMS) items.push(`... ${value.length - MAX_ITEMS} more`);
    const oneLine = `[${items.join(', ')}]`;
    return oneLine.includes('\n') || oneLine.length > 75 ? `[\n  ${items.map((s) => s.replace(/\n/g, '\n  ')).join(',\n  ')}\n]` : oneLine;
  }
  if (ArrayBuffer.isView(value)) {
    const arr = Array.from(value as unknown as ArrayLike<number>);
    return `${value.constructor.name}(${arr.length}) [${arr.slice(0, MAX_ITEMS).join(', ')}${arr.length > MAX_ITEMS ? ', ...' : ''}]`;
  }
  if (value instanceof Map) {
    const entries = await Promise.all([...value.entries()].slice(0, MAX_ITEMS).map(async ([k, v]) => `${await describe(k, depth + 1)} => ${await describe(v, depth + 1)}`));
    return `Map(${value.size}) {${entries.join(', ')}}`;
  }
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  const proto = Object.getPrototypeOf(value) as object | null;
  const custom = (value as { toString?: unknown }).toString;
  if (proto !== Object.prototype && proto !== null && typeof custom === 'function' && custom !== Object.prototype.toString) {
    return String(custom.call(value));
  }
  const entries = await Promise.all(
    Object.entries(value as Record<string, unknown>)
      .slice(0, MAX_ITEMS)
      .map(async ([k, v]) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k)}: ${await describe(v, depth + 1)}`),
  );
  const name = proto !== Object.prototype && proto !== null ? `${(proto.constructor as { name?: string }).name ?? ''} ` : '';
  const oneLine = `${name}{ ${entries.join(', ')} }`;
  return entries.length === 0 ? `${name}{}` : oneLine.length > 75 || oneLine.includes('\n') ? `${name}{\n  ${entries.map((s) => s.replace(/\n/g, '\n  ')).join(',\n  ')}\n}` : oneLine;
}

/** The output for a cell's value; null for undefined (not shown, as in Jupyter for None). */
export async function describeValue(value: unknown): Promise<ValueOutput | null> {
  if (value === undefined) return null;
  return { kind: 'value', type: value instanceof NDArray ? 'ndarray' : 'other', text: await describe(value, 0) };
}
