/**
 * Completions for the book's library in the cell editor, from the same generated reference as
 * the library page (scripts/api-reference.mjs reads src/lib's types and doc comments at build
 * time; nothing is listed by hand): after `nd.`, `gluon.nn.`, `d2l.` the members of that
 * namespace; after any other name and a dot the members of NDArray (the value a reader dots into
 * most; the editor cannot know a variable's type). Each with its signature and one-line doc.
 * Pure; the editor loads the reference lazily on the first completion.
 */
import type { ApiEntry, ApiReference } from '../../reference/reference-data';

export interface LibraryCompletion {
  label: string;
  type: 'namespace' | 'function' | 'class' | 'method' | 'property';
  /** The first signature, shown beside the label. */
  detail: string;
  /** The doc comment's first sentence, and every overload. */
  info: string;
  /** Namespace members first, NDArray's after the names a cell defines. */
  boost: number;
}

/** `a.b.c.pre` before the cursor: the chain before the last dot and the partial word after it. */
export function dottedBefore(text: string): { chain: string; word: string } | null {
  const m = /(?:^|[^\w$.])((?:[A-Za-z_$][\w$]*)(?:\.[A-Za-z_$][\w$]*)*)\.([\w$]*)$/.exec(text);
  return m ? { chain: m[1]!, word: m[2]! } : null;
}

const TYPE: Record<ApiEntry['kind'], LibraryCompletion['type'] | null> = {
  namespace: 'namespace',
  function: 'function',
  class: 'class',
  method: 'method',
  property: 'property',
  alias: 'function',
};

function toCompletion(e: ApiEntry, label: string, boost: number): LibraryCompletion | null {
  const type = TYPE[e.kind];
  if (!type) return null;
  // The label already names it: show what follows the name (`(shape: ShapeArg, ...): NDArray`).
  const signature = e.signatures[0]?.replace(/^(?:new\s+)?[\w$.]+(?=[(<:])/, '') ?? '';
  const detail = signature || (e.kind === 'alias' && e.target ? `= ${e.target}` : '');
  const overloads = e.signatures.length > 1 ? `\n\n${e.signatures.join('\n')}` : '';
  return { label, type, detail: detail.length > 80 ? `${detail.slice(0, 79)}…` : detail, info: `${e.summary}${overloads}`, boost };
}

/** What to offer after `chain.`: the namespace's members, or NDArray's for any other name. */
export function libraryCompletions(ref: ApiReference, chain: string): LibraryCompletion[] {
  const root = chain.split('.')[0]!;
  const out: LibraryCompletion[] = [];
  if (ref.roots.includes(root)) {
    const prefix = `${chain}.`;
    for (const e of ref.entries) {
      if (!e.name.startsWith(prefix)) continue;
      const rest = e.name.slice(prefix.length);
      if (rest.length === 0 || rest.includes('.') || rest.includes('#')) continue;
      const c = toCompletion(e, rest, 1);
      if (c) out.push(c);
    }
    return out;
  }
  for (const e of ref.entries) {
    if (!e.name.startsWith('nd.NDArray#')) continue;
    const c = toCompletion(e, e.name.slice('nd.NDArray#'.length), 0);
    if (c) out.push({ ...c, detail: c.detail, info: `NDArray: ${c.info}` });
  }
  return out;
}
