/**
 * The book's figures (scripts/figures): the files in public/img are what the generator draws,
 * they follow the theme (no fixed colours), stay small and phone-sized, are all used, and the
 * numbers they show are the numbers the sections' code printed (recorded/**.json).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
// @ts-expect-error: plain ES modules of the figure generator, no type declarations
import { drawAll, hasWords, LANGS, pageCss, PAGE_CSS_FILE, readLabels } from '../../../scripts/figures/build.mjs';
// @ts-expect-error: as above
import { FIGURES } from '../../../scripts/figures/index.mjs';
// @ts-expect-error: as above
import { corr2d } from '../../../scripts/figures/draw.mjs';
// @ts-expect-error: as above
import { X as convX, K as convK, X2, K2, addAll, maxPool2x2, multiOutKernels } from '../../../scripts/figures/conv.mjs';
// @ts-expect-error: as above
import { LENET_SHAPES, ALEXNET_SHAPES, VGG_SHAPES } from '../../../scripts/figures/architectures.mjs';
// @ts-expect-error: as above
import { TEXT, VOCAB, RANDOM_BATCHES, STEPS } from '../../../scripts/figures/rnn.mjs';
// @ts-expect-error: as above
import { X as gradX, Y as gradY, ROWS, K as folds } from '../../../scripts/figures/training.mjs';
import { extractCells } from '../../../src/content/cells';
import { nd } from '../../../src/lib/index';
import { useBackend } from '../helpers/backend';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const figures = drawAll() as Map<string, string>;
const imgDir = join(root, 'public', 'img');
/** The Chinese copies (figures with words only), by name. */
const zhFigures = drawAll('zh') as Map<string, string>;
/** Every file the generator draws, English and translated, by its path under public/img. */
const allFigures = new Map<string, string>([...figures].concat([...zhFigures].map(([name, text]) => [`zh/${name}`, text])));
type Figure = { name: string; labels: Record<string, string> };
const figureList = FIGURES as Figure[];

type Output = { kind: string; text?: string; rows?: unknown[][]; columns?: string[] };
/** The recorded outputs of the cell whose code contains `snippet` (so renumbered cells are still found). */
function outputsOf(section: string, snippet: string): Output[] {
  const source = readFileSync(join(root, 'chapters', `${section}.md`), 'utf8');
  const cell = extractCells(source).find((c) => c.code.includes(snippet));
  if (!cell) throw new Error(`no cell of ${section} contains ${JSON.stringify(snippet)}`);
  const recorded = JSON.parse(readFileSync(join(root, 'recorded', `${section}.json`), 'utf8')) as { cells: { id: string; outputs: Output[] }[] };
  const rec = recorded.cells.find((c) => c.id === cell.id);
  if (!rec) throw new Error(`no recorded outputs for ${section} ${cell.id}`);
  return rec.outputs;
}
const textOf = (outputs: Output[]) => outputs.map((o) => o.text ?? '').join('\n');
/** The numbers of a printed NDArray, in order. */
const numbers = (printed: string) => (printed.split('<NDArray')[0]!.match(/-?\d+(\.\d*)?(e[-+]?\d+)?/g) ?? []).map(Number);
// (+ 0 turns a computed -0 into the 0 that the printout shows)
const flat = (a: unknown): number[] => (Array.isArray(a) ? a.flatMap(flat) : [(a as number) + 0]);

describe('figure files', () => {
  it('are exactly what scripts/figures draws (run npm run figures after changing a figure)', () => {
    for (const [name, text] of figures) {
      const file = join(imgDir, `${name}.svg`);
      expect(existsSync(file), `public/img/${name}.svg missing`).toBe(true);
      expect(readFileSync(file, 'utf8') === text, `public/img/${name}.svg is out of date`).toBe(true);
    }
    expect(readFileSync(PAGE_CSS_FILE, 'utf8')).toBe(pageCss());
  });

  it('are each under 30 KB and at most 440 px wide, so they shrink little on a 390 px phone (translations too)', () => {
    for (const [name, text] of allFigures) {
      expect(text.length, name).toBeLessThan(30 * 1024);
      const width = Number(/<svg[^>]* width="(\d+)"/.exec(text)?.[1]);
      expect(width, name).toBeGreaterThan(0);
      expect(width, name).toBeLessThanOrEqual(440);
    }
  });

  it('take every colour from the theme: no fixed colour outside the palette, every shape has a palette class (translations too)', () => {
    for (const [name, text] of allFigures) {
      const body = text.replace(/<style>[\s\S]*?<\/style>/, '');
      expect(body, name).not.toMatch(/(fill|stroke|color)\s*[=:]\s*"?(#|rgb|white|black)/i);
      // A shape without a class would be filled black, invisible in the dark theme.
      const bare = body.match(/<(rect|circle|path|line|polygon|ellipse)\b(?![^>]*\bclass=)[^>]*>/g) ?? [];
      expect(bare, name).toEqual([]);
    }
  });

  it('are all used by some chapter', () => {
    const chapters = readdirSync(join(root, 'chapters'), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.md'))
      .map((f) => readFileSync(join(root, 'chapters', f), 'utf8'))
      .join('\n');
    for (const file of readdirSync(imgDir).filter((f) => f.endsWith('.svg'))) expect(chapters, file).toContain(`(img/${file} "`);
  });
});

/** The words of a figure, label by label: the text of each <text> element, in order. */
const textsOf = (svg: string) => [...svg.matchAll(/<text\b[^>]*>([\s\S]*?)<\/text>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, '').replace(/\u200b/g, ''));
/** The drawing without its words (and without the marks of its language). */
const drawingOf = (svg: string) => svg.replace(/<style>[\s\S]*?<\/style>/, '').replace(/ lang="[^"]*"/, '').replace(/ f-(zh)"/, '"').replace(/(<text\b[^>]*>)[\s\S]*?<\/text>/g, '$1</text>');
const numbersIn = (s: string) => s.match(/\d+(\.\d+)?/g) ?? [];
/** Names and signs that a translation keeps as they are. */
const KEPT = new Set(['ReLU', 'AlexNet', 'VGG-11', 'NiN', '× 2']);

describe('the Chinese figures (public/img/zh)', () => {
  const zhDir = join(imgDir, 'zh');
  const labels = readLabels('zh') as Record<string, Record<string, string>>;

  it('exist for every figure with words, none other, and are exactly what scripts/figures draws from labels.zh.json', () => {
    expect(Object.keys(LANGS)).toContain('zh');
    const withWords = figureList.filter((f) => hasWords(f)).map((f) => f.name);
    expect([...zhFigures.keys()]).toEqual(withWords);
    expect(readdirSync(zhDir).sort()).toEqual(withWords.map((n) => `${n}.svg`).sort());
    for (const [name, text] of zhFigures) {
      expect(readFileSync(join(zhDir, `${name}.svg`), 'utf8') === text, `public/img/zh/${name}.svg is out of date (run npm run figures)`).toBe(true);
    }
  });

  it('translate every label of every figure (no label missing, none left over), keeping the placeholders', () => {
    expect(Object.keys(labels).sort()).toEqual(figureList.filter((f) => hasWords(f)).map((f) => f.name).sort());
    for (const fig of figureList.filter((f) => hasWords(f))) {
      const zh = labels[fig.name]!;
      expect(Object.keys(zh).sort(), fig.name).toEqual(Object.keys(fig.labels).sort());
      for (const [key, en] of Object.entries(fig.labels)) {
        const where = `${fig.name}.${key}: ${JSON.stringify(zh[key])}`;
        expect((zh[key]!.match(/\{\w+\}/g) ?? []).sort(), where).toEqual((en.match(/\{\w+\}/g) ?? []).sort());
        // Chinese words, or a name kept as it is; no English word left in a label.
        if (KEPT.has(en)) expect(zh[key], where).toBe(en);
        else if (/\p{L}/u.test(en)) expect(zh[key], where).toMatch(/\p{Script=Han}/u);
        const words = [...KEPT].reduce((t, name) => t.split(name).join(''), zh[key]!).replace(/[A-Za-z]_\{?\w+\}?/g, '');
        expect(words, where).not.toMatch(/[A-Za-z]{2,}/);
      }
    }
  });

  it('use the terms of chapters/glossary.yaml', () => {
    const glossary = parse(readFileSync(join(root, 'chapters', 'glossary.yaml'), 'utf8')) as { terms: { en: string; zh: string }[] };
    let used = 0;
    for (const t of glossary.terms) {
      const en = t.en.replace(/\s*\(.*\)$/, '');
      const term = new RegExp(`\\b${en.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}s?\\b`, 'i');
      for (const fig of figureList) {
        for (const [key, text] of Object.entries(fig.labels)) {
          if (!term.test(text)) continue;
          used++;
          expect(labels[fig.name]?.[key], `${fig.name}.${key} ('${text}') says '${en}': the glossary's ${t.zh}`).toContain(t.zh);
        }
      }
    }
    expect(used).toBeGreaterThan(10);
  });

  it('are the same drawings as the English figures, with the same numbers, marked as Chinese', () => {
    for (const [name, zh] of zhFigures) {
      const en = figures.get(name)!;
      expect(zh, name).toMatch(/^<svg lang="zh-CN" /);
      expect(zh, name).toContain('<g class="f-root f-zh">');
      expect(drawingOf(zh), `${name}: the drawing differs from the English one`).toBe(drawingOf(en));
      const [enTexts, zhTexts] = [textsOf(en), textsOf(zh)];
      expect(zhTexts.length, name).toBe(enTexts.length);
      enTexts.forEach((t, i) => expect(numbersIn(zhTexts[i]!), `${name}: '${zhTexts[i]}' for '${t}'`).toEqual(numbersIn(t)));
    }
  });

  it('are what the Chinese sections show (an English figure with words in a Chinese section is a slip), all of them once every section is translated', () => {
    const files = readdirSync(join(root, 'chapters'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md'));
    const zhFiles = files.filter((f) => f.endsWith('.zh.md'));
    const shown = new Set<string>();
    for (const f of zhFiles) {
      const text = readFileSync(join(root, 'chapters', f), 'utf8');
      for (const m of text.matchAll(/\]\((?:\.\.\/)*(?:public\/)?\/?img\/([\w/.-]+)\.svg[ )]/g)) {
        const path = m[1]!;
        if (path.startsWith('zh/')) shown.add(path.slice(3));
        else expect(zhFigures.has(path), `chapters/${f} shows img/${path}.svg: write img/zh/${path}.svg, the Chinese copy`).toBe(false);
      }
    }
    const sections = files.filter((f) => !f.endsWith('.zh.md') && !f.endsWith('glossary.md'));
    if (sections.every((f) => zhFiles.includes(f.replace(/\.md$/, '.zh.md')))) expect([...zhFigures.keys()].filter((n) => !shown.has(n))).toEqual([]);
  });

  it('set their words in a font stack with Chinese glyphs, in the file and on the page', () => {
    const rule = /\.f-root\.f-zh text:not\(\.f-i\):not\(\.f-code\)\{font-family:[^}]*'Noto Sans CJK SC'[^}]*\}/;
    expect(readFileSync(PAGE_CSS_FILE, 'utf8')).toMatch(rule);
    for (const [name, text] of zhFigures) expect(text, name).toMatch(rule);
  });
});

describe('figure numbers agree with the recorded outputs of their sections', () => {
  const cnn = '05-convolutional-networks/01-cnn-scratch';

  it('cross-correlation, channels and pooling (Section 5.1)', () => {
    expect(flat(corr2d(convX, convK))).toEqual(numbers(textOf(outputsOf(cnn, 'const K = nd.array([[1, 2], [0, -1]]);'))));
    expect(flat(addAll(X2.map((x: number[][], i: number) => corr2d(x, K2[i]))))).toEqual(numbers(textOf(outputsOf(cnn, 'corr2dMultiIn(X2, K2)'))));
    const multiOut = multiOutKernels.map((k: number[][][]) => addAll(X2.map((x: number[][], i: number) => corr2d(x, k[i]))));
    expect(flat(multiOut)).toEqual(numbers(textOf(outputsOf(cnn, 'corr2dMultiInOut(X2, K3)')).replace('kernel shape [3,2,2,2]', '')));
    const pooled = textOf(outputsOf(cnn, "pool2d(X, [2, 2], 'avg')")).split('avg')[0]!;
    expect(flat(maxPool2x2(convX))).toEqual(numbers(pooled));
  });

  it('padding and stride: the figures\' outputs are what nd.convolution gives for the same input and kernel', async () => {
    await useBackend();
    const data = nd.array([[convX]]); // (1, 1, 3, 3)
    const weight = nd.array([[convK]]); // (1, 1, 2, 2)
    const padded = await nd.convolution(data, weight, null, { pad: 1 }).toArray();
    expect(flat(corr2d(convX, convK, { pad: [1, 1] }))).toEqual(flat(padded));
    const strided = await nd.convolution(data, weight, null, { pad: 1, stride: [3, 2] }).toArray();
    expect(flat(corr2d(convX, convK, { pad: [1, 1], stride: [3, 2] }))).toEqual(flat(strided));
  });

  it('LeNet, AlexNet and VGG shapes (Sections 5.1, 5.5, 5.6)', () => {
    const lenetPrinted = [...textOf(outputsOf(cnn, 'output shape')).matchAll(/output shape \[1,([\d,]+)\]/g)].map((m) => m[1]!.split(',').join(' × '));
    expect(LENET_SHAPES.slice(1)).toEqual(lenetPrinted);
    const tableShapes = (section: string, snippet: string) => {
      const table = outputsOf(section, snippet).find((o) => o.kind === 'table')!;
      const shape = table.columns!.indexOf('output shape');
      return table.rows!.filter((r) => r[0] !== 'Dropout').map((r) => String(r[shape]).replace(/ x /g, ' × '));
    };
    const column = (rows: string[][], i: number) => rows.slice(1).map((r) => r[i]);
    expect(column(ALEXNET_SHAPES, 0)).toEqual(tableShapes('05-convolutional-networks/05-alexnet', 'alexNet([96, 256, 384, 384, 256], 4096)'));
    expect(column(ALEXNET_SHAPES, 1)).toEqual(tableShapes('05-convolutional-networks/05-alexnet', 'alexNet([6, 16, 24, 24, 16], 256)'));
    expect(column(VGG_SHAPES, 0)).toEqual(tableShapes('05-convolutional-networks/06-vgg', 'vgg(convArch, 4096)'));
    expect(column(VGG_SHAPES, 1)).toEqual(tableShapes('05-convolutional-networks/06-vgg', 'vgg(smallConvArch, 256)'));
  });

  it('characters, indices and the random minibatches (Section 6.1)', () => {
    const rnn = '06-recurrent-networks/01-rnn-scratch';
    const printed = textOf(outputsOf(rnn, "print('indices:'"));
    expect(printed).toContain(`characters: ${JSON.stringify(VOCAB)}`);
    expect(printed).toContain(`text:    ${JSON.stringify(TEXT.padEnd(20, '?')).slice(0, TEXT.length + 1)}`);
    const indices = /indices: ([\d ]+)/.exec(printed)![1]!.split(' ').map(Number);
    expect([...TEXT].map((c) => VOCAB.indexOf(c))).toEqual(indices.slice(0, TEXT.length));
    // The order is random (the cell draws a new permutation every run), so the figure shows one
    // possible order: check it and the recorded minibatches against the same structure. Every
    // example starts at a multiple of STEPS below 24 (the last six characters cannot all have
    // labels), and an epoch uses each example at most once.
    const batches = textOf(outputsOf(rnn, 'dataIterRandom(mySeq, 2, 6)')).split('Y:').slice(0, -1).map((part) => numbers(part.split('X:')[1]!));
    for (const starts of [batches.map((b) => [b[0], b[STEPS]]), RANDOM_BATCHES]) {
      expect(starts).toHaveLength(2);
      const flat = starts.flat();
      expect(new Set(flat).size).toBe(4);
      for (const s of flat) expect([0, 6, 12, 18]).toContain(s);
    }
  });

  it('autograd example and K-fold rows (Sections 1.4, 3.8)', () => {
    expect(numbers(textOf(outputsOf('01-preliminaries/04-autograd', 'nd.dot(x.T, x).mul(2)')))).toEqual([gradY]);
    expect(numbers(textOf(outputsOf('01-preliminaries/04-autograd', 'y.backward();\nx.grad')))).toEqual(gradX.map((v: number) => 4 * v));
    expect(textOf(outputsOf('03-multilayer-perceptrons/08-kaggle-house-prices', "print('train'"))).toContain(`train [${ROWS},`);
    expect(readFileSync(join(root, 'chapters', '03-multilayer-perceptrons', '08-kaggle-house-prices.md'), 'utf8')).toContain(`const k = ${folds},`);
  });
});
