// browser-tests: node-only (imports the content Vite plugin's parseBookModuleId, a build-time Node module; the rest is pure routing and storage logic)
/**
 * The Chinese edition in the reader (issue 23): which edition a URL names, where a first visit
 * goes, the language switch keeping the section and heading, Chinese search queries written
 * without spaces, and edits / kept outputs kept per edition (English keys unchanged, so English
 * readers' saved edits stay where they were).
 */
import { describe, expect, it } from 'vitest';
import { homeHref, langOfHref, parseSectionHref, sectionHref } from '../../../../src/content/links';
import { parseBookModuleId } from '../../../../src/content/vite-plugin';
import { initialHash, LANG_KEY, matchingAnchor, preferredLang, saveLang, savedLang, switchedHash } from '../../../../src/app/book/lang-choice';
import { pageKey, routeOf } from '../../../../src/app/book/routes';
import { segmentQuery } from '../../../../src/app/search/segment-query';
import { searchBook } from '../../../../src/app/search/search-book';
import { EditsImportError, EditsLangMismatchError, parseEditsFile } from '../../../../src/app/edits/edits-file';
import { damagedKey, parseSaved, savedKey } from '../../../../src/app/edits/saved-edits';
import { SectionEdits, type SectionCell } from '../../../../src/app/edits/section-edits';
import { savedOutputsKey } from '../../../../src/app/run/saved-outputs';
import { runKey } from '../../../../src/app/run/run-key';
import { cellSourceHash } from '../../../../src/content/recorded';
import type { BookToc, SearchDoc } from '../../../../src/content/types';
import { FakeStorage, ManualTimers } from '../../helpers/fake-storage';

const TOC: BookToc = {
  version: 'v',
  parts: [
    {
      slug: '02-linear-networks',
      number: '2',
      title: '线性神经网络',
      introHtml: '',
      sections: [{ slug: '02-linear-networks/01-linear-regression-scratch', partSlug: '02-linear-networks', number: '2.1', title: '线性回归的从零开始实现', version: 'x', headings: [] }],
    },
  ],
};

describe('the edition a URL names', () => {
  it('reads #/zh/<slug> and the Chinese cover, and leaves English URLs English', () => {
    expect(langOfHref('#/zh/02-linear-networks/01-linear-regression-scratch#sec-train')).toBe('zh');
    expect(langOfHref('#/zh/')).toBe('zh');
    expect(langOfHref('#/zh')).toBe('zh');
    expect(langOfHref('#/02-linear-networks')).toBe('en');
    expect(langOfHref('')).toBe('en');
    expect(langOfHref('#/zhx/a')).toBe('en');
    expect(homeHref('zh')).toBe('#/zh/');
    expect(homeHref('en')).toBe('#/');
    const zh = routeOf('#/zh/02-linear-networks/01-linear-regression-scratch#a', TOC);
    expect(zh).toMatchObject({ kind: 'section', anchor: 'a' });
    expect(routeOf('#/zh/', TOC)).toEqual({ kind: 'home' });
    expect(routeOf('#/zh/02-linear-networks', TOC)).toMatchObject({ kind: 'part' });
    // The same page in two editions is two pages (state is not carried across).
    expect(pageKey(zh, 'zh')).not.toBe(pageKey(zh, 'en'));
    expect(pageKey(zh, 'en')).toBe('section:02-linear-networks/01-linear-regression-scratch');
  });

  it('names the virtual modules of each edition', () => {
    const e = { langs: ['en', 'zh'] as const, defaultLang: 'en' as const };
    expect(parseBookModuleId('virtual:book', e)).toEqual({ kind: 'main' });
    expect(parseBookModuleId('virtual:book/search', e)).toEqual({ kind: 'search', lang: 'en' });
    expect(parseBookModuleId('virtual:book/zh/search', e)).toEqual({ kind: 'search', lang: 'zh' });
    expect(parseBookModuleId('virtual:book/zh/edition', e)).toEqual({ kind: 'edition', lang: 'zh' });
    expect(parseBookModuleId('virtual:book/section/01-a/02-b', e)).toEqual({ kind: 'section', lang: 'en', slug: '01-a/02-b' });
    expect(parseBookModuleId('virtual:book/zh/section/01-a/02-b', e)).toEqual({ kind: 'section', lang: 'zh', slug: '01-a/02-b' });
    expect(parseBookModuleId('virtual:book/en/edition', e)).toBeNull();
    expect(parseBookModuleId('virtual:book/section/', e)).toBeNull();
    expect(parseBookModuleId('virtual:books', e)).toBeNull();
  });
});

describe('the first visit and the remembered choice', () => {
  it('follows the first of the browser languages the book has', () => {
    expect(preferredLang(['zh-CN', 'en'])).toBe('zh');
    expect(preferredLang(['zh-TW'])).toBe('zh');
    expect(preferredLang(['zh'])).toBe('zh');
    expect(preferredLang(['fr-FR', 'zh-Hans-CN', 'en'])).toBe('zh');
    expect(preferredLang(['en-GB', 'zh-CN'])).toBe('en');
    expect(preferredLang(['fr', 'de'])).toBe('en');
    expect(preferredLang([])).toBe('en');
  });

  it('sends a bare URL to the chosen or preferred edition, never a link to a page', () => {
    expect(initialHash('', null, ['zh-CN'])).toBe('#/zh/');
    expect(initialHash('#/', null, ['zh-CN'])).toBe('#/zh/');
    expect(initialHash('', null, ['en-US'])).toBeNull();
    expect(initialHash('', 'en', ['zh-CN'])).toBeNull(); // the reader chose English
    expect(initialHash('', 'zh', ['en-US'])).toBe('#/zh/'); // the reader chose Chinese
    expect(initialHash('#/02-linear-networks/01-linear-regression-scratch', 'zh', ['zh-CN'])).toBeNull();
    expect(initialHash('#/zh/', 'en', ['en'])).toBeNull();
  });

  it('remembers the choice, and ignores a stored value that is not an edition', () => {
    const storage = new FakeStorage();
    expect(savedLang(storage)).toBeNull();
    saveLang(storage, 'zh');
    expect(storage.items.get(LANG_KEY)).toBe('zh');
    expect(savedLang(storage)).toBe('zh');
    storage.items.set(LANG_KEY, 'fr');
    expect(savedLang(storage)).toBeNull();
    expect(savedLang(null)).toBeNull();
  });
});

describe('the language switch', () => {
  const slug = '02-linear-networks/01-linear-regression-scratch';
  it('keeps the section and the heading being read', () => {
    expect(switchedHash(`#/${slug}`, 'zh')).toBe(`#/zh/${slug}`);
    expect(switchedHash(`#/${slug}#sec-a`, 'zh')).toBe(`#/zh/${slug}#sec-a`);
    expect(switchedHash(`#/zh/${slug}#sec-a`, 'en', 'sec-b')).toBe(`#/${slug}#sec-b`);
    expect(switchedHash(`#/zh/${slug}`, 'en')).toBe(`#/${slug}`);
    expect(switchedHash('#/zh/', 'en')).toBe('#/');
    expect(switchedHash('', 'zh')).toBe('#/zh/');
    expect(switchedHash('#/reference#nd.array', 'zh')).toBe('#/zh/reference#nd.array');
    expect(switchedHash('#/%E0%A4%A', 'zh')).toBe('#/zh/');
    // Round trip.
    expect(parseSectionHref(switchedHash(switchedHash(`#/${slug}#x`, 'zh'), 'en'))).toEqual({ slug, anchor: 'x', lang: 'en' });
    expect(sectionHref(slug, 'x', 'zh')).toBe(`#/zh/${slug}#x`);
    expect(switchedHash(`#/zh/${slug}#sec-a`, 'en', null)).toBe(`#/${slug}`);
  });

  it('matches a heading by its number (heading ids come from its words), and keeps labels as they are', () => {
    const withHeadings = (title: string, ids: string[]): BookToc => ({
      ...TOC,
      parts: [{ ...TOC.parts[0]!, sections: [{ ...TOC.parts[0]!.sections[0]!, title, headings: ids.map((id, i) => ({ id, text: id, level: 2, number: `2.1.${i + 1}` })) }] }],
    });
    const zh = withHeadings('线性回归', ['生成数据集', '读取数据集']);
    const en = withHeadings('Linear regression', ['generating-the-dataset', 'reading-the-dataset']);
    expect(matchingAnchor(zh, en, slug, '读取数据集')).toBe('reading-the-dataset');
    expect(matchingAnchor(en, zh, slug, 'generating-the-dataset')).toBe('生成数据集');
    expect(matchingAnchor(zh, en, slug, 'fig_linreg')).toBe('fig_linreg'); // a label: the same in both
    expect(matchingAnchor(zh, en, slug, null)).toBeNull();
    expect(matchingAnchor(zh, null, slug, '读取数据集')).toBeNull(); // not loaded: the top of the section
    expect(matchingAnchor(zh, withHeadings('x', ['only-one']), slug, '读取数据集')).toBeNull(); // no twin
  });
});

describe('Chinese search', () => {
  it('splits a query written without spaces into its words', () => {
    expect(segmentQuery('梯度下降')).toEqual(['梯度', '下降']);
    expect(segmentQuery('softmax回归')).toEqual(['softmax', '回归']);
    expect(segmentQuery('权重衰减')).toEqual(['权重', '衰减']); // the dictionary says 权|重|衰减
    expect(segmentQuery('暂退法')).toEqual(['暂退法']);
    expect(segmentQuery('梯度')).toEqual(['梯度']);
    expect(segmentQuery('x.shape 梯度')).toEqual(['x.shape', '梯度']);
    expect(segmentQuery('Gradient  Descent')).toEqual(['gradient', 'descent']);
    // Without Intl.Segmenter a Chinese run is matched as written.
    expect(segmentQuery('梯度下降', null)).toEqual(['梯度下降']);
  });

  const docs: SearchDoc[] = [
    { slug: 'a/1', number: '2.1', title: '线性回归', text: '我们用梯度来更新参数。损失的下降在前几轮最快。' },
    { slug: 'a/2', number: '2.2', title: '小批量随机梯度下降', text: '每一步沿负梯度方向下降一小步。' },
    { slug: 'a/3', number: '2.3', title: '数据', text: '本节读取数据集。' },
    { slug: 'a/4', number: '2.4', title: '权重衰减', text: '权重衰减即 L2 正则化，惩罚项为 (λ)/(2)‖w‖²。' },
  ];

  it('finds records that hold every word, in any place, and ranks the title and the phrase first', () => {
    const hits = searchBook(docs, '梯度下降');
    expect(hits.map((h) => h.doc.slug)).toEqual(['a/2', 'a/1']); // a/1 has 梯度 and 下降 apart
    expect(searchBook(docs, '数据梯度')).toEqual([]);
    expect(searchBook(docs, '梯度').map((h) => h.doc.slug)).toEqual(['a/2', 'a/1']);
    const snippet = searchBook(docs, '惩罚项')[0]!.snippet!;
    expect(snippet.match).toBe('惩罚'); // 惩罚|项: the lone 项 is dropped
    expect(snippet.after).toContain('(λ)/(2)'); // text, not TeX
  });
});

const cell = (n: number, code: string): SectionCell => ({ id: `cell-${n}`, code, sourceHash: cellSourceHash(code) });
const EN = [cell(1, '// the data\nconst x = nd.arange(12);'), cell(2, 'print(`loss ${1}`)')];
const ZH = [cell(1, '// 数据\nconst x = nd.arange(12);'), cell(2, 'print(`损失 ${1}`)')];
const SLUG = '01-p/01-s';

function open(storage: FakeStorage, lang: 'en' | 'zh' | undefined, cells = lang === 'zh' ? ZH : EN) {
  return new SectionEdits({ slug: SLUG, lang, title: 'S', bookVersion: 'b1', sectionVersion: 'v1', cells, storage, timers: new ManualTimers(), debounceMs: 300, now: () => new Date('2025-01-01T00:00:00Z') });
}

describe('edits per edition', () => {
  it('keeps English edits under the key they always had, and Chinese ones under their own', () => {
    expect(savedKey(SLUG)).toBe('handson/edits/v1/01-p/01-s');
    expect(savedKey(SLUG, 'en')).toBe('handson/edits/v1/01-p/01-s');
    expect(savedKey(SLUG, 'zh')).toBe('handson/edits/v1/zh/01-p/01-s');
    expect(damagedKey(SLUG, 't', 'zh')).toBe('handson/edits-damaged/zh/01-p/01-s/t');
    expect(savedOutputsKey(runKey(SLUG, 'zh'))).toBe('handson/outputs/v1/zh/01-p/01-s');
    expect(savedOutputsKey(runKey(SLUG, 'en'))).toBe('handson/outputs/v1/01-p/01-s');
  });

  it('an edit in one edition never shows in the other, and English edits saved before editions still load', () => {
    const storage = new FakeStorage();
    // Saved by the reader before there were editions: format 2, no lang.
    storage.items.set(savedKey(SLUG), JSON.stringify({ format: 2, slug: SLUG, bookVersion: 'b0', sectionVersion: 'v0', savedAt: '2024-01-01T00:00:00Z', edits: [{ cellId: 'cell-2', baseHash: EN[1]!.sourceHash, code: 'print("mine")' }], scratch: [] }));
    expect(open(storage, undefined).codeOf('cell-2')).toBe('print("mine")');
    expect(open(storage, 'en').codeOf('cell-2')).toBe('print("mine")');
    const zh = open(storage, 'zh');
    expect(zh.isModified('cell-2')).toBe(false);
    expect(zh.codeOf('cell-2')).toBe(ZH[1]!.code);
    zh.setCode('cell-1', 'const x = nd.arange(6);');
    zh.flush();
    expect(JSON.parse(storage.items.get(savedKey(SLUG, 'zh'))!).lang).toBe('zh');
    expect(open(storage, 'en').isModified('cell-1')).toBe(false);
    expect(open(storage, 'zh').codeOf('cell-1')).toBe('const x = nd.arange(6);');
    // A value under one edition's key that names the other edition is not taken for it.
    expect(parseSaved(storage.items.get(savedKey(SLUG, 'zh'))!, SLUG, 'en')).toMatchObject({ ok: false });
  });

  it('export carries the edition; import refuses the other edition clearly and takes files from before editions as English', () => {
    const storage = new FakeStorage();
    const zh = open(storage, 'zh');
    zh.setCode('cell-2', 'print(`新的 ${2}`)');
    const file = zh.exportFile();
    expect(JSON.parse(file).lang).toBe('zh');
    const en = open(new FakeStorage(), 'en');
    expect(() => en.importFile(file)).toThrow(EditsLangMismatchError);
    expect(() => en.importFile(file)).toThrow(/'zh' edition.*'en' edition.*Switch the page's language/);
    expect(open(new FakeStorage(), 'zh').importFile(file)).toMatchObject({ imported: 1 });
    const old = JSON.parse(open(new FakeStorage(), 'en').exportFile());
    old.edits = [{ cellId: 'cell-2', baseHash: EN[1]!.sourceHash, code: 'print(2)' }];
    delete old.lang;
    expect(parseEditsFile(JSON.stringify(old), SLUG).lang).toBe('en');
    expect(() => parseEditsFile(JSON.stringify(old), SLUG, 'zh')).toThrow(EditsLangMismatchError);
    expect(() => parseEditsFile(JSON.stringify({ ...old, lang: 'fr' }), SLUG)).toThrow(EditsImportError);
  });
});
