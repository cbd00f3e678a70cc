/**
 * The library reference page's data: its route, grouping, the filter box, and its records in
 * the book's search (so searching "softmax" finds nd.softmax).
 */
import { describe, expect, it } from 'vitest';
import { routeOf, pageKey } from '../../../../src/app/book/routes';
import data from '../../../../src/app/reference/api-reference.json';
import { filterGroups, groupEntries, ownerName, referenceSearchDocs, type ApiReference } from '../../../../src/app/reference/reference-data';
import { parseDifferences } from '../../../../src/app/reference/differences-doc';
import { searchBook } from '../../../../src/app/search/search-book';
import type { BookToc } from '../../../../src/content/types';

const ref = data as ApiReference;
const toc: BookToc = { parts: [] } as unknown as BookToc;

describe('library reference', () => {
  it('#/reference is its own route (not a section), with an optional anchor', () => {
    expect(routeOf('#/reference', toc)).toEqual({ kind: 'reference', anchor: null });
    expect(routeOf('#/reference#nd.softmax', toc)).toEqual({ kind: 'reference', anchor: 'nd.softmax' });
    expect(pageKey(routeOf('#/reference#nd.softmax', toc))).toBe(pageKey(routeOf('#/reference', toc)));
  });

  it('owners: methods belong to their class, functions to their namespace', () => {
    expect(ownerName('gluon.nn.Dense#forward')).toBe('gluon.nn.Dense');
    expect(ownerName('nd.random.normal')).toBe('nd.random');
    expect(ownerName('nd')).toBe('');
  });

  it('groups every function and member under a namespace or class', () => {
    const groups = groupEntries(ref.entries);
    const listed = new Set(groups.flatMap((g) => [g.owner.name, ...g.members.map((m) => m.name)]));
    const lost = ref.entries.filter((e) => !listed.has(e.name) && !(e.kind === 'namespace'));
    expect(lost.map((e) => e.name)).toEqual([]);
    expect(groups.find((g) => g.owner.name === 'gluon.nn.Dense')?.members.map((m) => m.name)).toContain('gluon.nn.Dense#forward');
  });

  it('the filter keeps the entries with every word, and a whole class when its name matches', () => {
    const groups = groupEntries(ref.entries);
    const soft = filterGroups(groups, 'softmax');
    const names = soft.flatMap((g) => g.members.map((m) => m.name));
    expect(names).toContain('nd.softmax');
    expect(names).toContain('nd.logSoftmax');
    expect(names).not.toContain('nd.relu');
    const trainer = filterGroups(groups, 'gluon.Trainer');
    expect(trainer.find((g) => g.owner.name === 'gluon.Trainer')?.members.length).toBe(groups.find((g) => g.owner.name === 'gluon.Trainer')!.members.length);
    expect(filterGroups(groups, 'zzzz-no-such-thing')).toEqual([]);
  });

  it("the book's search finds reference entries and links to their anchors", () => {
    const docs = referenceSearchDocs(ref);
    const hits = searchBook(docs, 'softmax');
    expect(hits.length).toBeGreaterThan(0);
    const hit = hits.find((h) => h.doc.heading === 'nd.softmax');
    expect(hit?.doc.slug).toBe('reference');
    expect(hit?.doc.anchor).toBe('nd.softmax');
  });
});

describe("the library's table of differences from MXNet", () => {
  it('parses the first Markdown table: header, rows, code spans with | kept whole', () => {
    const md = [
      '# Where the library differs',
      '',
      'Some intro',
      'text.',
      '',
      '| Topic | Here | Why |',
      '| --- | --- | --- |',
      '| `clip` of NaN | NaN | hiding it would hide a diverging run |',
      '| `a | b` | **bold** | x |',
      '',
      'After the table.',
    ].join('\n');
    const t = parseDifferences(md)!;
    expect(t.title).toBe('Where the library differs');
    expect(t.intro).toBe('Some intro text.');
    expect(t.header).toEqual(['Topic', 'Here', 'Why']);
    expect(t.rows.map((r) => r.cells)).toEqual([
      ['`clip` of NaN', 'NaN', 'hiding it would hide a diverging run'],
      ['`a | b`', '**bold**', 'x'],
    ]);
    expect(parseDifferences('# No table here\n\ntext')).toBeNull();
  });
});
