/**
 * The library reference: the entries scripts/api-reference.mjs reads from src/lib's types and
 * doc comments (api-reference.json), grouped for the page, filtered as the reader types, and
 * turned into records of the book's search. Pure: the page and the search box call these.
 */
import type { SearchDoc } from '../../content/types';
import { MXNET_DIFFERENCES } from './mxnet-differences';

/** The page's slug: `#/reference`, `#/reference#nd.softmax`. Not a section of the book. */
export const REFERENCE_SLUG = 'reference';
export const REFERENCE_TITLE = 'Library reference';

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

function haystack(e: ApiEntry): string {
  return `${e.name} ${e.signatures.join(' ')} ${e.summary}`.toLowerCase();
}

/**
 * The groups whose entries contain every word of the query (in the name, signature or summary);
 * a group whose owner matches keeps all its members.
 */
export function filterGroups(groups: readonly ApiGroup[], query: string): ApiGroup[] {
  const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (terms.length === 0) return [...groups];
  const matches = (e: ApiEntry) => {
    const h = haystack(e);
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

/** One search record per entry, so the book's search box finds `softmax` in the reference too. */
export function referenceSearchDocs(ref: ApiReference): SearchDoc[] {
  const intro: SearchDoc = {
    slug: REFERENCE_SLUG,
    number: '',
    title: REFERENCE_TITLE,
    text: 'Every function, class and method of the library: nd, autograd, gluon, init, mx, d2l, with signatures.',
  };
  const differences: SearchDoc = {
    slug: REFERENCE_SLUG,
    number: '',
    title: REFERENCE_TITLE,
    heading: 'Differences from MXNet',
    text: MXNET_DIFFERENCES.map((d) => `${d.title}: ${d.text.replace(/`/g, '')}`).join(' '),
  };
  return [
    intro,
    differences,
    ...ref.entries
      .filter((e) => e.kind !== 'namespace')
      .map((e) => ({ slug: REFERENCE_SLUG, number: '', title: REFERENCE_TITLE, heading: e.name, anchor: e.name, text: `${e.signatures[0] ?? ''} ${e.summary}`.trim() })),
  ];
}
