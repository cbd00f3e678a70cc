/**
 * The library reference: the entries scripts/api-reference.mjs reads from src/lib's types and
 * doc comments (api-reference.json), grouped for the page and filtered as the reader types
 * (reference-search.ts makes its records of the book's search). Pure: the page calls these.
 */
import { segmentQuery } from '../search/segment-query';

/** The page's slug: `#/reference`, `#/reference#nd.softmax`. Not a section of the book. */
export const REFERENCE_SLUG = 'reference';

/** The ids of the differences from MXNet and of their table, inside a `<details>` the page opens when a link points into it. */
export const DIFFERENCES_ANCHOR = 'mxnet-differences';
export const DIFFERENCES_TABLE_ANCHOR = 'mxnet-differences-table';

export type ApiKind = 'namespace' | 'function' | 'class' | 'method' | 'property' | 'alias';

export interface ApiEntry {
  /** `nd.softmax`, `gluon.nn.Dense`, `gluon.nn.Dense#forward` (# marks instance members). */
  name: string;
  kind: ApiKind;
  /** One per overload; a class's are its constructor's. */
  signatures: string[];
  /** The first sentence of the doc comment. */
  summary: string;
  /** The base class, for classes that extend one. */
  extends?: string;
  /** For an alias: the name it is listed under. */
  target?: string;
}

export interface ApiReference {
  roots: string[];
  entries: ApiEntry[];
}

export interface ApiGroup {
  /** The namespace or class the entries belong to, e.g. `nd.random`, `gluon.nn.Dense`. */
  owner: ApiEntry;
  members: ApiEntry[];
}

/** The owner of an entry: `gluon.nn.Dense#forward` -> `gluon.nn.Dense`, `nd.random.normal` -> `nd.random`. */
export function ownerName(name: string): string {
  const hash = name.indexOf('#');
  if (hash >= 0) return name.slice(0, hash);
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(0, dot);
}

/** Groups entries under their namespace or class, in the order of the reference. */
export function groupEntries(entries: readonly ApiEntry[]): ApiGroup[] {
  const groups = new Map<string, ApiGroup>();
  for (const e of entries) {
    if (e.kind === 'namespace' || e.kind === 'class') {
      groups.set(e.name, { owner: e, members: [] });
      continue;
    }
    const g = groups.get(ownerName(e.name));
    if (g) g.members.push(e);
  }
  return [...groups.values()].filter((g) => g.owner.kind === 'class' || g.members.length > 0 || g.owner.summary);
}

/** What the filter looks in: the name, signatures, summary, and the page's word for the entry's kind. */
function haystack(e: ApiEntry, kindName?: (kind: ApiKind) => string): string {
  return `${e.name} ${e.signatures.join(' ')} ${e.summary} ${kindName?.(e.kind) ?? ''}`.toLowerCase();
}

/**
 * The groups whose entries contain every word of the query (in the name, signature, summary or
 * kind); a group whose owner matches keeps all its members. Words are split as the book's search
 * splits them, so Chinese written without spaces ("gluon类", "方法") works in the Chinese edition.
 */
export function filterGroups(groups: readonly ApiGroup[], query: string, kindName?: (kind: ApiKind) => string): ApiGroup[] {
  const terms = segmentQuery(query);
  if (terms.length === 0) return [...groups];
  const matches = (e: ApiEntry) => {
    const h = haystack(e, kindName);
    return terms.every((t) => h.includes(t));
  };
  const out: ApiGroup[] = [];
  for (const g of groups) {
    if (matches(g.owner)) out.push(g);
    else {
      const members = g.members.filter(matches);
      if (members.length > 0) out.push({ owner: g.owner, members });
    }
  }
  return out;
}
