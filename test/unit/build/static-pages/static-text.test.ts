import { describe, expect, it } from 'vitest';
import { messagesFor } from '../../../../src/app/i18n/messages';
import { HEAD_LINES, TAIL_LINES } from '../../../../src/app/outputs/text-window';
import { outputHtml } from '../../../../src/build/static-pages/static-outputs';
import { STATIC_WORDS } from '../../../../src/build/static-pages/static-words';

const ctx = (lang: 'en' | 'zh') => ({ m: messagesFor(lang), words: STATIC_WORDS[lang], idPrefix: 'c0' });
/** `n` numbered lines, each ending in a line break. */
const lines = (n: number) => Array.from({ length: n }, (_, i) => `line ${i + 1}\n`).join('');
const text = (t: string) => outputHtml({ kind: 'text', stream: 'stdout', text: t }, ctx('en'));
const inner = (html: string, cls: string) => new RegExp(`<pre class="[^"]*${cls}">([^<]*)</pre>`).exec(html)?.[1];

describe('a long text output folds as in the app', () => {
  it('an output of exactly HEAD_LINES + TAIL_LINES lines is shown whole; one line more folds one line', () => {
    const limit = HEAD_LINES + TAIL_LINES;
    expect(limit).toBe(500);
    expect(text(lines(limit))).toBe(`<pre class="output output-text output-stdout">${lines(limit)}</pre>`);
    const over = text(lines(limit + 1));
    expect(over).toContain('<details class="static-text-fold" aria-label="Lines not shown">');
    expect(inner(over, 'output-text-head')).toBe(lines(HEAD_LINES));
    expect(inner(over, 'output-text-middle')).toBe(`line ${HEAD_LINES + 1}\n`);
    expect(inner(over, 'output-text-tail')).toBe(lines(limit + 1).split('\n').slice(HEAD_LINES + 1).join('\n'));
    expect(over).toContain(`<span class="static-text-closed">1 more line (${`line ${HEAD_LINES + 1}\n`.length} characters) not shown</span>`);
  });

  it('keeps the first 400 and the last 100 lines out of the fold, and says the app’s words in each edition', () => {
    const t = lines(2_345);
    const html = text(t);
    expect(inner(html, 'output-text-head')!.split('\n')).toHaveLength(HEAD_LINES + 1);
    expect(inner(html, 'output-text-tail')!.split('\n')).toHaveLength(TAIL_LINES + 1);
    expect(inner(html, 'output-text-tail')!.startsWith('line 2246\n')).toBe(true);
    const middle = inner(html, 'output-text-middle')!;
    expect(middle.startsWith('line 401\n') && middle.endsWith('line 2245\n')).toBe(true);
    // Nothing lost, nothing twice.
    expect(inner(html, 'output-text-head')! + middle + inner(html, 'output-text-tail')!).toBe(t);
    const m = messagesFor('en');
    expect(html).toContain(m.outputs.hiddenLines(1_845, middle.length));
    expect(html).toContain('>Show 1,845 more</span>');
    expect(html).toContain(`>${m.outputs.collapse}</span>`);
    const zh = outputHtml({ kind: 'text', stream: 'stdout', text: t }, ctx('zh'));
    expect(zh).toContain(`还有 1,845 行（${middle.length.toLocaleString('en-US')} 个字符）未显示`);
    expect(zh).toContain('aria-label="未显示的行"');
    expect(zh).toContain('>再显示 1,845 行</span>');
    expect(zh).toContain('>折叠</span>');
  });

  it('folds values too, and escapes every part', () => {
    const t = `<a>\n`.repeat(600);
    const html = outputHtml({ kind: 'value', type: 'ndarray', text: t }, ctx('en'));
    expect(html).toContain('<pre class="output output-value output-ndarray output-text-head">&lt;a&gt;\n');
    expect(html).not.toContain('<a>');
  });
});
