/**
 * A NumPy habit: `a.dot(b)` on an NDArray fails with the kernel's "a.dot is not a function",
 * while the library has `nd.dot(a, b)`. When the missing method's name is a function of `nd` and
 * not a method of NDArray, the page says so with that function's signature (from the library's
 * own reference, loaded only when such an error appears). Pure, but for the loader.
 */
import type { ErrorOutput } from '../../kernel/protocol';
import type { ApiReference } from '../reference/reference-data';

export interface NdFunctionAdvice {
  kind: 'nd-function';
  method: string;
  signature: string;
}

const NOT_A_FUNCTION = /\.([A-Za-z_$][\w$]*) is not a function$/;

/** The method a TypeError says is missing ("x.dot is not a function" -> "dot"), else null. */
export function missingMethod(error: ErrorOutput): string | null {
  if (error.name !== 'TypeError') return null;
  return NOT_A_FUNCTION.exec(error.message)?.[1] ?? null;
}

export function ndFunctionAdvice(method: string, reference: ApiReference): NdFunctionAdvice | null {
  // A method NDArray has: the object was something else, and this advice would mislead.
  if (reference.entries.some((e) => e.name === `nd.NDArray#${method}`)) return null;
  const fn = reference.entries.find((e) => e.name === `nd.${method}` && e.kind === 'function');
  if (!fn) return null;
  return { kind: 'nd-function', method, signature: fn.signatures[0] ?? `nd.${method}(…)` };
}

let reference: Promise<ApiReference> | null = null;

/** The library's reference (~100 kB, its own chunk), fetched once. */
export function loadApiReference(): Promise<ApiReference> {
  reference ??= import('../reference/api-reference.json').then((m) => m.default as ApiReference);
  return reference;
}
