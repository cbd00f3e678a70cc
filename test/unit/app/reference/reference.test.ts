/**
 * The library reference page's data: its route, grouping, the filter box, and its records in
 * the book's search (so searching "softmax" finds nd.softmax).
 */
import { describe, expect, it } from 'vitest';
import { routeOf, pageKey } from '../../../../src/app/book/routes';
import data from '../../../../src/app/reference/api-reference.json';
import { readFileSync } from 'node:fs';
import { filterGroups, groupEntries, ownerName, type ApiReference } from '../../../../src/app/reference/reference-data';
import { referenceSearchDocs } from '../../../../src/app/reference/reference-search';
import { codeSpans, differencesTableFor, parseDifferences } from '../../../../src/app/reference/differences-doc';
import { messagesFor } from '../../../../src/app/i18n/messages';
import { mxnetDifferences } from '../../../../src/app/reference/mxnet-differences';
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

  it("the filter finds the page's word for a kind of entry, Chinese written without spaces too", () => {
    const groups = groupEntries(ref.entries);
    const zhKind = (k: keyof ReturnType<typeof messagesFor>['reference']['kind']) => messagesFor('zh').reference.kind[k];
    const kinds = (q: string) => new Set(filterGroups(groups, q, zhKind).flatMap((g) => g.members.map((e) => e.kind)));
    expect(kinds('方法')).toEqual(new Set(['method']));
    expect(kinds('属性')).toEqual(new Set(['property']));
    // "Dense" and "方法" run together: split into words as the book's search does.
    const dense = filterGroups(groups, 'gluon.nn.Dense方法', zhKind).find((g) => g.owner.name === 'gluon.nn.Dense');
    expect(dense?.members.length).toBeGreaterThan(0);
    expect(dense?.members.every((e) => e.kind === 'method')).toBe(true);
    // Without the page's words (or in English) a Chinese word matches nothing.
    expect(filterGroups(groups, '方法')).toEqual([]);
  });

  it("the book's search finds reference entries and links to their anchors", () => {
    const docs = referenceSearchDocs(ref, 'en', differencesTableFor('en'));
    const hits = searchBook(docs, 'softmax');
    expect(hits.length).toBeGreaterThan(0);
    const hit = hits.find((h) => h.doc.heading === 'nd.softmax');
    expect(hit?.doc.slug).toBe('reference');
    expect(hit?.doc.anchor).toBe('nd.softmax');
  });

  it("the Chinese edition's search finds the reference's Chinese words: its title, the differences and their table", () => {
    const docs = referenceSearchDocs(ref, 'zh', differencesTableFor('zh'));
    expect(docs.every((d) => d.title === '库参考手册')).toBe(true);
    const title = searchBook(docs, '参考手册');
    expect(title[0]?.doc.heading).toBeUndefined();
    expect(title[0]?.doc.slug).toBe('reference');
    // The short list of differences (异步 = asynchronous), written without spaces as a reader types it.
    const reads = searchBook(docs, '读取异步');
    expect(reads.map((h) => h.doc.heading)).toContain('与MXNet的差异');
    expect(reads.find((h) => h.doc.heading === '与MXNet的差异')?.doc.anchor).toBe('mxnet-differences');
    // The table (暂退法 = dropout; 学习率调度器 = learning-rate scheduler, from the glossary).
    for (const q of ['暂退法', '学习率调度器', '稳定排序']) {
      const hit = searchBook(docs, q).find((h) => h.doc.anchor === 'mxnet-differences-table');
      expect(hit, q).toBeDefined();
      expect(hit?.doc.heading).toBe(differencesTableFor('zh')!.title);
      expect(hit?.doc.text).toContain(q);
      expect(q).toContain(hit?.snippet?.match);
    }
    // Entries still found by their names.
    expect(searchBook(docs, 'softmax').some((h) => h.doc.heading === 'nd.softmax')).toBe(true);
  });

  it("the English edition's records are English", () => {
    const docs = referenceSearchDocs(ref, 'en', differencesTableFor('en'));
    expect(docs.every((d) => d.title === 'Library reference')).toBe(true);
    const han = /\p{Script=Han}/u;
    expect(docs.filter((d) => han.test(`${d.heading ?? ''} ${d.text}`)).map((d) => d.heading)).toEqual([]);
    expect(searchBook(docs, 'dropout').some((h) => h.doc.anchor === 'mxnet-differences-table')).toBe(true);
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

describe('the two editions of the table of differences', () => {
  const en = parseDifferences(readFileSync('docs/mxnet-differences.md', 'utf8'))!;
  const zh = parseDifferences(readFileSync('docs/mxnet-differences.zh.md', 'utf8'))!;
  const han = /\p{Script=Han}/u;

  it("the short list above the table has the same items in both editions, each naming the same code", () => {
    const [enList, zhList] = [mxnetDifferences('en'), mxnetDifferences('zh')];
    expect(zhList.length).toBe(enList.length);
    zhList.forEach((d, i) => {
      expect(d.title).toMatch(han);
      expect(codeSpans(d.text)).toEqual(codeSpans(enList[i]!.text));
    });
  });

  it('the page reads each edition its own table', () => {
    expect(differencesTableFor('en')).toEqual(en);
    expect(differencesTableFor('zh')).toEqual(zh);
  });

  it('have the same rows in the same order: as many, each about the same code (its topic\'s code spans)', () => {
    expect(zh.header.length).toBe(en.header.length);
    expect(zh.rows.length).toBe(en.rows.length);
    // Sorted: Chinese word order may name them in another order (带 `length` 的 `softmax`).
    const topic = (r: { cells: string[] }) => codeSpans(r.cells[0]!).sort();
    expect(zh.rows.map(topic)).toEqual(en.rows.map(topic));
  });

  it('name the same code in every row (every code span of the row, in any order) and have every cell', () => {
    const spans = (cells: string[]) => cells.flatMap(codeSpans).sort();
    zh.rows.forEach((r, i) => {
      expect(r.cells.length, `row ${i + 1}`).toBe(en.header.length);
      expect(spans(r.cells), `row ${i + 1}: ${en.rows[i]!.cells[0]}`).toEqual(spans(en.rows[i]!.cells));
    });
  });

  it('the Chinese one is Chinese: title, intro, header and every reason', () => {
    for (const text of [zh.title, zh.intro, ...zh.header]) expect(text).toMatch(han);
    expect(zh.rows.filter((r) => !han.test(r.cells.at(-1)!)).map((r) => r.cells[0])).toEqual([]);
  });

  it('the Chinese one uses full-width punctuation next to Chinese text', () => {
    const cjk = '[\\u3400-\\u9fff]';
    const halfWidth = new RegExp(`${cjk}[,;:!?()]|[,;:!?()]${cjk}|${cjk}\\.(\\s|$)`);
    const outside = (cell: string) => cell.split('`').filter((_, i) => i % 2 === 0).join(' ');
    const bad = [zh.title, zh.intro, ...zh.rows.flatMap((r) => r.cells)].filter((c) => halfWidth.test(outside(c)));
    expect(bad).toEqual([]);
  });
});
