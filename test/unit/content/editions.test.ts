/**
 * The book's editions: file names, links, numbering words, the Chinese edition compiled from the
 * same machinery, and the parity rule (a translation runs the same code as its English twin),
 * checked on fixtures and on the real book.
 */
import { existsSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { editionFileName, parseEditionFileName, recordedFileFor, UnknownEditionError } from '../../../src/content/book-lang';
import { compileBook, type PartSource } from '../../../src/content/compile-book';
import { ContentError } from '../../../src/content/content-error';
import { codeSkeleton, editionParityProblems, type EditionSection } from '../../../src/content/edition-parity';
import { numberedName } from '../../../src/content/labels';
import { parseSectionHref, sectionHref } from '../../../src/content/links';
import { loadBook, readBookSources } from '../../../src/content/read-book';

describe('edition file names', () => {
  it('reads English and Chinese section files and part indexes; other files are not chapters', () => {
    expect(parseEditionFileName('03-ndarray.md')).toEqual({ name: '03-ndarray', lang: 'en' });
    expect(parseEditionFileName('03-ndarray.zh.md')).toEqual({ name: '03-ndarray', lang: 'zh' });
    expect(parseEditionFileName('index.zh.md')).toEqual({ name: 'index', lang: 'zh' });
    expect(parseEditionFileName('03-ndarray.check.js')).toBeNull();
    expect(editionFileName('03-ndarray', 'zh')).toBe('03-ndarray.zh.md');
    expect(editionFileName('03-ndarray', 'en')).toBe('03-ndarray.md');
    expect(recordedFileFor('01-x/02-y', 'en')).toBe('01-x/02-y.json');
    expect(recordedFileFor('01-x/02-y', 'zh')).toBe('zh/01-x/02-y.json');
  });

  it('refuses a language suffix the book does not have, naming the file and the editions', () => {
    expect(() => parseEditionFileName('03-ndarray.fr.md')).toThrow(UnknownEditionError);
    expect(() => parseEditionFileName('03-ndarray.en.md')).toThrow(/03-ndarray\.en\.md.*'<name>\.md' \(en\) and '<name>\.zh\.md' \(zh\)/);
  });
});

describe('links name their edition', () => {
  it('keeps English links as they were and puts the language first for Chinese', () => {
    expect(sectionHref('02-x/01-y')).toBe('#/02-x/01-y');
    expect(sectionHref('02-x/01-y', 'h-1', 'zh')).toBe('#/zh/02-x/01-y#h-1');
    expect(parseSectionHref('#/02-x/01-y#h-1')).toEqual({ slug: '02-x/01-y', anchor: 'h-1', lang: 'en' });
    expect(parseSectionHref('https://b.example/book/#/zh/02-x/01-y#h-1')).toEqual({ slug: '02-x/01-y', anchor: 'h-1', lang: 'zh' });
    expect(parseSectionHref('#/zh/02-x')).toEqual({ slug: '02-x', anchor: null, lang: 'zh' });
  });
});

describe('numbering words', () => {
  it('are the Chinese book conventions in the Chinese edition', () => {
    expect(numberedName('part', '2', 'zh')).toBe('第2章');
    expect(numberedName('section', '2.1', 'zh')).toBe('2.1节');
    expect(numberedName('figure', '2.1.1', 'zh')).toBe('图2.1.1');
    expect(numberedName('table', '2.1.1', 'zh')).toBe('表2.1.1');
    expect(numberedName('equation', '2.1.3', 'zh')).toBe('(2.1.3)');
    expect(numberedName('figure', '2.1.1', 'en')).toBe('Fig. 2.1.1');
  });
});

const zhPart: PartSource = {
  slug: '01-basics',
  index: { file: 'chapters/01-basics/index.zh.md', source: '---\ntitle: 基础\n---\n\n本章介绍基础。\n' },
  sections: [
    {
      name: '01-data',
      file: 'chapters/01-basics/01-data.zh.md',
      source: [
        '---',
        'title: 数据操作',
        'label: sec_data',
        '---',
        '',
        '张量是多维数组，见 :numref:`tab_shapes` 和 :numref:`sec_train`。',
        '',
        '| 形状 | 含义 |',
        '|---|---|',
        '| (2, 3) | 矩阵 |',
        ':label:`tab_shapes`',
        '',
        '## 训练',
        ':label:`sec_train`',
        '',
        '```js',
        '// 创建一个张量',
        "print('形状', nd.zeros([2, 3]).shape);",
        '```',
        '',
      ].join('\n'),
    },
  ],
};

describe('the Chinese edition through the same compiler', () => {
  const book = compileBook([zhPart], new Map(), { lang: 'zh' });
  const html = book.sections.get('01-basics/01-data')!.blocks.map((b) => (b.kind === 'html' ? b.html : '')).join('');

  it('names tables and sections the Chinese way and links into the Chinese edition', () => {
    expect(html).toContain('<caption>表1.1.1</caption>');
    expect(html).toMatch(/href="#\/zh\/01-basics\/01-data#[^"]+"[^>]*>表1\.1\.1</);
    expect(html).toMatch(/>1\.1\.1节</);
    expect(book.toc.parts[0]!.title).toBe('基础');
  });

  it('searches the Chinese text with the Chinese numbering', () => {
    expect(book.search.map((d) => d.text).join(' ')).toContain('张量是多维数组，见 表1.1.1');
  });

  it('holds the Chinese prose to the rules about test talk, not to English title case', () => {
    const talk = { ...zhPart, sections: [{ ...zhPart.sections[0]!, source: zhPart.sections[0]!.source.replace('张量是多维数组', '本书的测试表明张量是多维数组') }] };
    expect(() => compileBook([talk], new Map(), { lang: 'zh' })).toThrow(ContentError);
    const lowercaseTitle = { ...zhPart, sections: [{ ...zhPart.sections[0]!, source: zhPart.sections[0]!.source.replace('title: 数据操作', 'title: softmax回归') }] };
    expect(() => compileBook([lowercaseTitle], new Map(), { lang: 'zh' })).not.toThrow();
  });
});

describe('reading the editions from disk', () => {
  it('gives each edition its own files and refuses an unknown suffix', () => {
    const root = mkdtempSync(join(tmpdir(), 'editions-'));
    try {
      const part = join(root, 'chapters', '01-a');
      mkdirSync(part, { recursive: true });
      writeFileSync(join(part, 'index.md'), '---\ntitle: A\n---\n');
      writeFileSync(join(part, 'index.zh.md'), '---\ntitle: 甲\n---\n');
      writeFileSync(join(part, '01-x.md'), '---\ntitle: X\n---\n\nText.\n');
      writeFileSync(join(part, '01-x.zh.md'), '---\ntitle: 叉\n---\n\n正文。\n');
      writeFileSync(join(part, '02-y.md'), '---\ntitle: Y\n---\n\nText.\n');
      const [en] = readBookSources({ root }, 'en');
      const [zh] = readBookSources({ root }, 'zh');
      expect(en!.sections.map((s) => s.name)).toEqual(['01-x', '02-y']);
      expect(en!.index!.file).toBe('chapters/01-a/index.md');
      expect(zh!.sections.map((s) => [s.name, s.file])).toEqual([['01-x', 'chapters/01-a/01-x.zh.md']]);
      expect(zh!.index!.file).toBe('chapters/01-a/index.zh.md');
      writeFileSync(join(part, '03-z.fr.md'), '---\ntitle: Z\n---\n');
      expect(() => readBookSources({ root }, 'en')).toThrow(UnknownEditionError);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('code skeletons: what a translation may not change', () => {
  it('ignores comments, string literals and the text of template literals', () => {
    const en = "// make a tensor\nconst x = nd.ones([2, 3]); /* two rows */\nprint('shape', x.shape, `mean ${x.mean().asScalar().toFixed(2)} of ${x.size}`);";
    const zh = "// 创建张量\nconst x = nd.ones([2, 3]);\nprint(\"形状\", x.shape, `均值 ${x.mean().asScalar().toFixed(2)}，共 ${x.size} 个`);";
    expect(codeSkeleton(zh)).toBe(codeSkeleton(en));
  });

  it('sees a changed identifier, number, expression inside ${...} or object inside a template', () => {
    const base = 'const y = f({ a: 1 }, `v ${g({ b: [1, 2] })} w`);';
    for (const changed of [
      'const z = f({ a: 1 }, `v ${g({ b: [1, 2] })} w`);',
      'const y = f({ a: 2 }, `v ${g({ b: [1, 2] })} w`);',
      'const y = f({ a: 1 }, `v ${g({ b: [1, 3] })} w`);',
      'const y = f({ a: 1 }, `v ${h({ b: [1, 2] })} w`);',
      'const y = f({ a: 1 }, `v w`);',
    ]) {
      expect(codeSkeleton(changed), changed).not.toBe(codeSkeleton(base));
    }
    expect(codeSkeleton('const y = f({ a: 1 }, `值 ${g({ b: [1, 2] })} 个`);')).toBe(codeSkeleton(base));
  });

  it('reads TypeScript cells', () => {
    expect(codeSkeleton('const n: number = 3; // 三')).toBe(codeSkeleton('const n: number = 3; // three'));
  });
});

describe('edition parity', () => {
  const en = (slug: string, code: string): EditionSection => ({ slug, file: `chapters/${slug}.md`, markdown: `---\ntitle: T\n---\n\n\`\`\`js\n${code}\n\`\`\`\n` });
  const zh = (slug: string, code: string): EditionSection => ({ slug, file: `chapters/${slug}.zh.md`, markdown: `---\ntitle: 题\n---\n\n\`\`\`js\n${code}\n\`\`\`\n` });

  it('accepts a translation that changes only comments and strings', () => {
    expect(editionParityProblems([en('01-a/01-x', "print('hi'); // say hi")], [zh('01-a/01-x', "print('你好'); // 打招呼")], 'zh')).toEqual([]);
  });

  it('names a missing twin on either side, a changed cell and a dropped cell', () => {
    const problems = editionParityProblems(
      [en('01-a/01-x', 'print(1);'), en('01-a/02-y', 'print(2);'), en('01-a/03-z', 'print(3);')],
      [zh('01-a/01-x', 'print(10);'), zh('01-a/03-z', ''), zh('01-a/04-w', 'print(4);')],
      'zh',
    ).map((p) => `${p.slug}: ${p.message}`);
    expect(problems).toHaveLength(4);
    expect(problems.join('\n')).toMatch(/01-a\/04-w: the zh edition has '01-a\/04-w' but the English edition has no such section/);
    expect(problems.join('\n')).toMatch(/01-a\/02-y: '01-a\/02-y' has no zh edition; write chapters\/01-a\/02-y\.zh\.md/);
    expect(problems.join('\n')).toMatch(/01-a\/01-x: cell 1 \(line 5\) differs in code from the English cell/);
    expect(problems.join('\n')).toMatch(/01-a\/03-z: .*differs in code/);
  });
});

describe('the real book', () => {
  const root = fileURLToPath(new URL('../../..', import.meta.url));
  const read = (lang: 'en' | 'zh'): EditionSection[] =>
    readBookSources({ root }, lang).flatMap((p) => p.sections.map((s) => ({ slug: `${p.slug}/${s.name}`, file: s.file, markdown: s.source })));

  it('has Chinese sections only with an English twin running the same code, and, once the Chinese edition exists, all of them', () => {
    const english = read('en');
    const chinese = read('zh');
    const problems = editionParityProblems(english, chinese, 'zh');
    // Until the first Chinese section exists there is no Chinese edition to be incomplete.
    const relevant = chinese.length === 0 ? problems.filter((p) => !p.message.includes('has no zh edition')) : problems;
    expect(relevant.map((p) => `${p.file}: ${p.message}`)).toEqual([]);
    expect(english.length).toBeGreaterThan(25);
  });

  it('compiles the Chinese edition (formulas, labels, references, figures, citations, prose rules) as far as it is written', () => {
    const chinese = read('zh');
    const complete = chinese.length === read('en').length;
    const book = loadBook({ root }, 'zh', { partial: !complete });
    expect(book.sections.size).toBe(chinese.length);
  });

  it('has no chapter file with an unknown language suffix', () => {
    const chapters = join(root, 'chapters');
    for (const part of readdirSync(chapters, { withFileTypes: true }).filter((d) => d.isDirectory())) {
      for (const f of readdirSync(join(chapters, part.name))) expect(() => parseEditionFileName(f), f).not.toThrow();
    }
  });
});

describe('the glossary of the Chinese edition', () => {
  const root = fileURLToPath(new URL('../../..', import.meta.url));
  const glossary = parse(readFileSync(join(root, 'chapters', 'glossary.yaml'), 'utf8')) as { terms: { en: string; zh: string; old?: string; first: string }[] };

  it('gives each English term one Chinese term, and each Chinese term one English term', () => {
    const seen = (key: 'en' | 'zh') => glossary.terms.map((t) => t[key]).filter((x, i, all) => all.indexOf(x) !== i);
    expect(seen('en')).toEqual([]);
    expect(seen('zh')).toEqual([]);
    expect(glossary.terms.length).toBeGreaterThan(40);
  });

  it('names an existing section where each term first appears, and its Chinese edition (once written) uses the term, with the older one where it differs', () => {
    for (const t of glossary.terms) {
      const [part, name] = t.first.split('/');
      const english = join(root, 'chapters', part!, `${name}.md`);
      expect(existsSync(english), `${t.en}: no section ${t.first}`).toBe(true);
      const chinese = join(root, 'chapters', part!, `${name}.zh.md`);
      if (!existsSync(chinese)) continue;
      const text = readFileSync(chinese, 'utf8');
      expect(text.includes(t.zh), `${chinese} introduces '${t.en}' but never writes ${t.zh}`).toBe(true);
      if (t.old) expect(text.includes(t.old), `${chinese} should mention the source book's older term ${t.old} once`).toBe(true);
    }
  });
});
