/** Book search (src/app/search): every word must match; titles and headings rank first. */
import { describe, expect, it } from 'vitest';
import type { SearchDoc } from '../../../../src/content/types';
import { searchBook } from '../../../../src/app/search/search-book';

const docs: SearchDoc[] = [
  { slug: '01-p/01-data', number: '1.1', title: 'Data Manipulation', text: 'Arrays of shape (n, d). Broadcasting adds arrays of different shapes.' },
  { slug: '01-p/01-data', number: '1.1', title: 'Data Manipulation', heading: 'Broadcasting', anchor: 'broadcasting', text: 'Two arrays are broadcast when their shapes agree.' },
  { slug: '01-p/01-data', number: '1.1', title: 'Data Manipulation', heading: 'Summary', anchor: 'summary', text: 'Arrays have shapes.' },
  { slug: '02-q/01-linreg', number: '2.1', title: 'Linear Regression', text: 'A linear model with a squared loss, trained by minibatch stochastic gradient descent.' },
  { slug: '02-q/01-linreg', number: '2.1', title: 'Linear Regression', heading: 'Training', anchor: 'training', text: 'We loop over epochs; the loss falls.' },
];

describe('searchBook', () => {
  it('finds a section by its title once, not once per heading', () => {
    const hits = searchBook(docs, 'linear regression');
    expect(hits[0]!.doc.slug).toBe('02-q/01-linreg');
    expect(hits[0]!.doc.heading).toBeUndefined();
    expect(hits.filter((h) => h.doc.heading === 'Training')).toHaveLength(0); // "regression" is not in that record
  });

  it('ranks a heading match above body text, case-insensitively', () => {
    const hits = searchBook(docs, 'BROADCAST');
    expect(hits.map((h) => h.doc.anchor ?? '(intro)')).toEqual(['broadcasting', '(intro)']);
  });

  it('needs every word, and marks the match in a snippet', () => {
    expect(searchBook(docs, 'loss epochs').map((h) => h.doc.anchor)).toEqual(['training']);
    const [hit] = searchBook(docs, 'squared');
    expect(hit!.snippet).toEqual({ before: 'A linear model with a ', match: 'squared', after: ' loss, trained by minibatch stochastic gradient descent.' });
  });

  it('returns nothing for an empty query or no match', () => {
    expect(searchBook(docs, '   ')).toEqual([]);
    expect(searchBook(docs, 'transformer')).toEqual([]);
  });

  it('clips long snippets with ellipses and respects the limit', () => {
    const long: SearchDoc = { slug: 'a/b', number: '9.9', title: 'T', text: `${'x'.repeat(200)} needle ${'y'.repeat(200)}` };
    const [hit] = searchBook([long], 'needle');
    expect(hit!.snippet!.before.startsWith('…')).toBe(true);
    expect(hit!.snippet!.after.endsWith('…')).toBe(true);
    expect(searchBook(docs, 'a', 2)).toHaveLength(2);
  });
});
