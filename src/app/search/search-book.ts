/**
 * Search over the book's search index (src/content: one record per section intro and per
 * heading). Every word of the query must occur in the record. A section whose title matches
 * ranks above every section that only has the words in a heading, and those above the ones that
 * only mention them in the text (however often). Pure: the search panel calls it on each keystroke.
 */
import type { SearchDoc } from '../../content/types';
import { segmentQuery } from './segment-query';

export interface SearchHit {
  doc: SearchDoc;
  score: number;
  /** Text around the first match in the body, split so the match can be marked. */
  snippet: { before: string; match: string; after: string } | null;
}

const SNIPPET_CONTEXT = 60;

/** The words every hit must contain (Chinese written without spaces is split into its words). */
export function queryTerms(query: string): string[] {
  return segmentQuery(query);
}

function countOf(haystack: string, term: string, cap: number): number {
  let n = 0;
  for (let at = haystack.indexOf(term); at >= 0 && n < cap; at = haystack.indexOf(term, at + term.length)) n++;
  return n;
}

function snippetOf(text: string, terms: string[]): SearchHit['snippet'] {
  const lower = text.toLowerCase();
  // The longest word first: it says most about why the record matched.
  for (const term of [...terms].sort((a, b) => b.length - a.length)) {
    const at = lower.indexOf(term);
    if (at < 0) continue;
    const start = Math.max(0, at - SNIPPET_CONTEXT);
    const end = Math.min(text.length, at + term.length + SNIPPET_CONTEXT);
    return {
      before: (start > 0 ? '…' : '') + text.slice(start, at),
      match: text.slice(at, at + term.length),
      after: text.slice(at + term.length, end) + (end < text.length ? '…' : ''),
    };
  }
  return null;
}

/**
 * Ranks the records matching every term. The section title counts only for the section's
 * first record, so a title match lists the section once rather than once per heading.
 */
export function searchBook(docs: readonly SearchDoc[], query: string, limit = 30): SearchHit[] {
  const terms = queryTerms(query);
  if (terms.length === 0) return [];
  // The query as typed, spaces aside: Chinese words found next to each other rank higher.
  const phrase = query.trim().toLowerCase();
  const seenSlug = new Set<string>();
  const hits: (SearchHit & { order: number })[] = [];
  docs.forEach((doc, order) => {
    const first = !seenSlug.has(doc.slug);
    seenSlug.add(doc.slug);
    const title = first ? `${doc.number} ${doc.title}`.toLowerCase() : '';
    const heading = (doc.heading ?? '').toLowerCase();
    const text = doc.text.toLowerCase();
    let score = 0;
    for (const term of terms) {
      const inTitle = title.includes(term);
      const inHeading = heading.includes(term);
      const inText = countOf(text, term, 5);
      if (!inTitle && !inHeading && inText === 0) return;
      // Tiers: a title outweighs any heading plus text (<= 5 per term), a heading any text.
      score += (inTitle ? 1000 : 0) + (inHeading ? 100 : 0) + inText;
    }
    if (terms.length > 1 && (title.includes(phrase) || heading.includes(phrase))) score += 50;
    else if (terms.length > 1 && text.includes(phrase)) score += 5;
    hits.push({ doc, score, snippet: snippetOf(doc.text, terms), order });
  });
  hits.sort((a, b) => b.score - a.score || a.order - b.order);
  return hits.slice(0, limit).map(({ order: _order, ...hit }) => hit);
}
