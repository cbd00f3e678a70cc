/**
 * `net.saveParameters(target)` / `net.loadParameters(source, options)`, as Gluon 1.x: the file
 * is an nd.save dict keyed by each parameter's *place in the tree* ('hidden.weight',
 * '0.weight' for Sequential children), not by its global name ('mlp3_dense0_weight'), so a
 * file loads into any freshly built copy of the architecture whatever its prefixes.
 */
import type { NDArray } from '../nd/ndarray';
import { ArgumentError, ShapeError, fmtShape } from '../nd/errors';
import { completesShape } from '../nd/shape-utils';
import type { Context } from '../engine/context';
import type { ParameterDict } from './parameter-dict';
import { Parameter } from './parameter';
import { GluonError } from './errors';
import { Zero } from './init';
import { deserialize, serialize } from '../io/serialize';
import { sourceBytes, writeBytes } from '../io/storage';

/** What saving and loading need of a Block (block.ts passes itself): its name, its parameters, its children. */
export interface ParameterTree {
  readonly name: string;
  readonly params: ParameterDict;
  children(): [string, ParameterTree][];
}

/**
 * Gluon's `_collect_params_with_prefix`: a block's own parameters under their local names (the
 * name given to `this.params.get`, which is the attribute name in Gluon: 'weight',
 * 'running_mean', 'l0_i2h_weight'), then each child's under `childName.`. A Parameter held in
 * a field but made elsewhere is listed under the field's name.
 */
export function collectParamsWithPrefix(block: ParameterTree, prefix = ''): Map<string, Parameter> {
  const at = prefix ? `${prefix}.` : '';
  const out = new Map<string, Parameter>();
  const own = new Set<Parameter>();
  for (const [full, p] of block.params) {
    const local = full.startsWith(block.params.prefix) ? full.slice(block.params.prefix.length) : full;
    out.set(at + local, p);
    own.add(p);
  }
  for (const [key, value] of Object.entries(block)) {
    if (value instanceof Parameter && !own.has(value)) {
      out.set(at + key, value);
      own.add(value);
    }
  }
  for (const [name, child] of block.children()) {
    for (const [k, p] of collectParamsWithPrefix(child, at + name)) out.set(k, p);
  }
  return out;
}

/** Short lists in messages: the first few names and how many more. */
function brief(names: Iterable<string>, max = 8): string {
  const all = [...names];
  if (all.length === 0) return '(none)';
  const shown = all.slice(0, max).map((n) => `'${n}'`).join(', ');
  return all.length > max ? `${shown}, ... (${all.length} in all)` : shown;
}

const where = (source: unknown): string => (typeof source === 'string' ? ` '${source}'` : '');

/** Gluon's save_parameters: every parameter's values under its structural name. */
export async function saveParameters(block: ParameterTree, target: string): Promise<void> {
  const arrays = new Map<string, NDArray>();
  for (const [name, p] of collectParamsWithPrefix(block)) arrays.set(name, p.data()); // data() explains deferred/uninitialized parameters
  await writeBytes(`${block.name}.saveParameters`, target, await serialize(arrays, `${block.name}.saveParameters`));
}

export interface LoadParametersOptions {
  /** Where the parameters live (one backend runs at a time: the current one). */
  ctx?: Context;
  /** Leave parameters the file lacks as they are instead of failing. */
  allowMissing?: boolean;
  /** Skip arrays in the file that the network has no parameter for instead of failing. */
  ignoreExtra?: boolean;
  /** Convert arrays whose dtype differs from the parameter's instead of failing. */
  castDtype?: boolean;
}

/**
 * Gluon's load_parameters. Everything is checked before anything is written, so a failed load
 * leaves the network as it was. Parameters still waiting for their shape (deferred) or never
 * initialized take the file's shape and values (Gluon's _load_init).
 */
export async function loadParameters(block: ParameterTree, source: string | Uint8Array | ArrayBuffer, options: LoadParametersOptions = {}): Promise<void> {
  const op = `${block.name}.loadParameters`;
  const loaded = deserialize(await sourceBytes(op, source));
  if (Array.isArray(loaded) || !(typeof loaded === 'object' && Object.getPrototypeOf(loaded) === Object.prototype)) {
    throw new ArgumentError(`${op}: the file${where(source)} holds ${Array.isArray(loaded) ? 'a list of arrays' : 'a single array'}, not named parameters. Parameter files are written by net.saveParameters (or nd.save of a dict).`);
  }
  const file = new Map(Object.entries(loaded as Record<string, NDArray>));
  const params = collectParamsWithPrefix(block);
  try {
    if (!options.allowMissing) {
      // A shared parameter appears under several names; one of them in the file is enough.
      const namesOf = new Map<Parameter, string[]>();
      for (const [k, p] of params) namesOf.set(p, [...(namesOf.get(p) ?? []), k]);
      for (const [name, p] of params) {
        if (!namesOf.get(p)!.some((k) => file.has(k))) {
          throw new GluonError(
            `${op}: parameter '${name}' (${p.name}) is missing in the file${where(source)}, which contains: ${brief(file.keys())}. ` +
              `Build the same architecture that was saved, or pass { allowMissing: true } to leave missing parameters as they are.`,
          );
        }
      }
    }
    if (!options.ignoreExtra) {
      for (const name of file.keys()) {
        if (!params.has(name)) {
          throw new GluonError(
            `${op}: the file${where(source)} has parameter '${name}', which this network does not have; its parameters are: ${brief(params.keys())}. ` +
              `Pass { ignoreExtra: true } to skip it.`,
          );
        }
      }
    }
    const plan: [Parameter, NDArray][] = [];
    for (const [name, p] of params) {
      const value = file.get(name);
      if (value === undefined) continue;
      const have = p.shape;
      if (have !== null && !completesShape(have, value.shape)) {
        throw new ShapeError(
          `${op}: parameter '${name}' (${p.name}) has shape ${fmtShape(have!)} in this network but ${fmtShape(value.shape)} in the file${where(source)}. ` +
            `The file was saved from a network of another shape; build the network with the same layer sizes before loading.`,
        );
      }
      if (value.dtype !== p.dtype && !options.castDtype) {
        throw new GluonError(`${op}: parameter '${name}' (${p.name}) is ${p.dtype} in this network but ${value.dtype} in the file${where(source)}. Pass { castDtype: true } to convert it.`);
      }
      plan.push([p, value]);
    }
    for (const [p, value] of plan) {
      if (!p.isInitialized && !p.isDeferred) {
        // Never initialized: take the file's shape, make the array, then fill it (Gluon's _load_init).
        p.shape = value.shape;
        p.initialize({ init: new Zero(), ctx: options.ctx });
      }
      p.setData(value); // completes a deferred shape; keeps the array's identity otherwise
    }
  } finally {
    for (const value of file.values()) value.dispose();
  }
}
