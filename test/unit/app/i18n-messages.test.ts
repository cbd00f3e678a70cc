/**
 * The reader's message catalogues: every language has every key of the English one (and no
 * other), no message is empty in any language, and the words come out right: English plural
 * forms from the plural rules, numbers, sizes and durations through Intl in the page's locale.
 */
import { describe, expect, it } from 'vitest';
import { BOOK_LANGS, type BookLang } from '../../../src/content/book-lang';
import { messagesFor, type Messages } from '../../../src/app/i18n/messages';

/** Arguments that every message function accepts: numbers, strings, booleans, dates, lists, by position. */
function sampleCall(fn: (...args: never[]) => unknown): unknown {
  const samples: unknown[] = [3, 'x', 2, 1, 5];
  const source = fn.toString();
  const params = source.slice(source.indexOf('(') + 1, source.indexOf(')')).split(',').map((p) => p.trim()).filter(Boolean);
  const args = params.map((p, i) => {
    if (/^(modified|fastest|toAuto|scratchStays|rechecked|all|notCopied)\b/.test(p)) return true;
    if (/^(at|recordedAt)\b/.test(p)) return new Date('2026-12-07T16:00:00Z');
    if (/^(notes|readable)\b/.test(p)) return ['a', 'b'];
    if (/^(backend|asked|running|slow|fastest)\b/.test(p)) return 'wasm';
    if (/^choice\b/.test(p)) return 'one';
    if (/^what\b/.test(p) && /status|outputs/.test(source)) return 'outputs';
    if (/^(what|reason|error|detail|query|path|why|number|title|url|name|file|base|expected|got|format|cap|perRun|chosen|total|when|a|b|held|ratio|note)\b/.test(p)) return 'x';
    return samples[i % samples.length];
  });
  return (fn as (...a: unknown[]) => unknown)(...args);
}

/** Every leaf of a catalogue: path -> what it says (functions called with sample arguments). */
function leaves(m: unknown, path = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (typeof m === 'function') out.set(path, sampleCall(m as (...args: never[]) => unknown));
  else if (Array.isArray(m)) m.forEach((v, i) => out.set(`${path}[${i}]`, v));
  else if (m !== null && typeof m === 'object') for (const [k, v] of Object.entries(m)) for (const [p, x] of leaves(v, path ? `${path}.${k}` : k)) out.set(p, x);
  else out.set(path, m);
  return out;
}

/** The catalogue without its formatters (functions of the locale) and CodeMirror's phrases (a map of CodeMirror's English to ours, checked below). */
const words = (lang: BookLang) => {
  const { format: _format, editorPhrases: _phrases, ...rest } = messagesFor(lang);
  return rest;
};

describe('message catalogues', () => {
  const english = leaves(words('en'));

  for (const lang of BOOK_LANGS) {
    it(`${lang}: has exactly the English keys`, () => {
      const mine = leaves(words(lang));
      expect([...mine.keys()].filter((k) => !english.has(k))).toEqual([]);
      expect([...english.keys()].filter((k) => !mine.has(k))).toEqual([]);
    });

    it(`${lang}: no message is empty`, () => {
      const empty = [...leaves(words(lang))].filter(([, v]) => typeof v !== 'string' || v.trim() === '').map(([k]) => k);
      expect(empty).toEqual([]);
    });
  }

  it('zh: the Chinese catalogue is Chinese (no English sentence left untranslated)', () => {
    const zh = leaves(words('zh'));
    // Strings that are the same in both: names, units and symbols only.
    const same = [...zh].filter(([k, v]) => english.get(k) === v && /[a-z]{3,} [a-z]{3,}/i.test(String(v))).map(([k]) => k);
    expect(same).toEqual([]);
  });

  it('zh: full-width punctuation next to Chinese text', () => {
    const cjk = '[\\u3400-\\u9fff]';
    const halfWidth = new RegExp(`${cjk}[,;:!?()]|[,;:!?()]${cjk}|${cjk}\\.(\\s|$)`);
    const bad = [...leaves(words('zh'))].filter(([, v]) => halfWidth.test(String(v))).map(([k, v]) => `${k}: ${String(v)}`);
    expect(bad).toEqual([]);
  });

  it("zh: CodeMirror's phrases are translated, none empty", () => {
    const phrases = Object.entries(messagesFor('zh').editorPhrases);
    expect(phrases.map(([k]) => k)).toEqual(expect.arrayContaining(['Completions', 'Control character', 'Selection deleted']));
    expect(phrases.filter(([k, v]) => v.trim() === '' || v === k)).toEqual([]);
  });

  it('en: plural forms come from the plural rules, not string gluing', () => {
    const m: Messages = messagesFor('en');
    expect(m.edits.reallyReset(1)).toBe('Really reset 1 cell?');
    expect(m.edits.reallyReset(2)).toBe('Really reset 2 cells?');
    expect(m.edits.reallyReset(0)).toBe('Really reset 0 cells?');
    expect(m.toolbar.anError(1)).toBe(' (an error); 1 cell below did not run');
    expect(m.toolbar.anError(3)).toBe(' (an error); 3 cells below did not run');
    expect(m.status.threads(1)).toBe('1 thread');
    expect(m.status.threads(4)).toBe('4 threads');
    expect(m.outputs.hiddenLines(1, 1)).toBe('1 more line (1 character) not shown');
    expect(m.outputs.hiddenLines(12_345, 1_000_000)).toBe('12,345 more lines (1,000,000 characters) not shown');
    expect(m.edits.imported(1, 0, 0)).toBe('Imported 1 edited cell.');
    expect(m.edits.imported(2, 1, 0)).toBe('Imported 2 edited cells and 1 cell of your own.');
    expect(m.reference.entries(1)).toBe('1 entry');
    expect(m.reference.entries(2)).toBe('2 entries');
    expect(m.bounds.moreRows(1)).toBe('1 more row left out');
    expect(m.bounds.moreRows(199_000)).toBe('199,000 more rows left out');
  });

  it('zh: counts take a measure word, no plural', () => {
    const m = messagesFor('zh');
    expect(m.edits.reallyReset(1)).toBe('确定要重置 1 个单元吗？');
    expect(m.edits.reallyReset(2)).toBe('确定要重置 2 个单元吗？');
    expect(m.toolbar.queued(3)).toBe('3 个排队中');
    // A space on both sides of the number, as everywhere else ("已导入1 个" had one side only).
    expect(m.edits.imported(1, 0, 0)).toBe('已导入 1 个修改过的单元。');
    expect(m.edits.imported(0, 2, 0)).toBe('已导入 2 个你自己的单元。');
  });

  it('numbers, sizes, durations and dates follow the page locale', () => {
    const en = messagesFor('en').format;
    const zh = messagesFor('zh').format;
    expect(en.locale).toBe('en');
    expect(zh.locale).toBe('zh-CN');
    expect(en.number(1234567)).toBe('1,234,567');
    expect(en.bytes(512)).toBe('512 B');
    expect(en.bytes(3 * 1024 ** 2 + 100_000)).toBe('3.1 MB');
    expect(en.bytes(1.5 * 1024 ** 3)).toBe('1.50 GB');
    expect(en.duration(340.4)).toBe('340 ms');
    expect(en.duration(2500)).toBe('2.5 s');
    expect(en.duration(192_000)).toBe('3 min 12 s');
    expect(zh.duration(2500)).toBe('2.5 秒');
    expect(zh.duration(192_000)).toBe('3 分 12 秒');
    const d = new Date('2026-12-07T12:00:00Z');
    expect(en.date(d)).toBe('Dec 7, 2026');
    expect(zh.date(d)).toBe('2026年12月7日');
    expect(en.ago(new Date(d.getTime() - 3 * 86_400_000), d)).toBe('3 days ago');
    expect(zh.ago(new Date(d.getTime() - 3 * 86_400_000), d)).toBe('3天前');
    expect(en.plural(1, { one: 'cell', other: 'cells' })).toBe('cell');
    expect(zh.plural(1, { one: 'x', other: '个' })).toBe('个');
  });
});
