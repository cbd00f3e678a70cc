import { describe, expect, it } from 'vitest';
import { sectionNotebook } from '../../../src/app/section/notebook-export';
import { messagesFor } from '../../../src/app/i18n/messages';
import type { Block } from '../../../src/content/types';

const cell = (id: string, code: string, runnable: boolean): Block => ({
  kind: 'cell',
  cell: { id, lang: 'js', code, attrs: runnable ? {} : { run: 'false' }, line: 1, runnable },
  sourceHash: id,
  recorded: null,
  stale: false,
});

const notebook = (lang: 'en' | 'zh') =>
  sectionNotebook({
    title: 'How to use this book',
    number: '1.1',
    url: 'https://example.org/handson/#/01-preliminaries/01-how-to-use-this-book',
    siteBase: 'https://example.org/handson/',
    blocks: [cell('cell-1', "const greeting = 'hi';", true), cell('cell-2', 'let spins = 0;\nwhile (true) spins++;', false), cell('cell-3', 'greeting', true)],
    codeOf: (id) => ({ 'cell-1': "const greeting = 'hi';", 'cell-2': 'let spins = 0;\nwhile (true) spins++;', 'cell-3': 'greeting' })[id]!,
    scratchAfter: () => [],
    prose: (html) => html,
    words: messagesFor(lang).notebook,
  });

describe('the exported notebook', () => {
  it('a cell the book shows but does not run (run=false) is Markdown, so that Run All passes it by', () => {
    const nb = notebook('en');
    const code = nb.cells.filter((c) => c.cell_type === 'code').map((c) => c.source.join(''));
    expect(code.slice(1)).toEqual(["const greeting = 'hi';", 'greeting']);
    const shown = nb.cells.find((c) => c.metadata.tags && (c.metadata.tags as string[]).includes('not-run'))!;
    expect(shown.cell_type).toBe('markdown');
    expect(shown.source.join('')).toBe(`*${messagesFor('en').notebook.notRun}*\n\n\`\`\`javascript\nlet spins = 0;\nwhile (true) spins++;\n\`\`\``);
    expect(nb.cells.indexOf(shown)).toBe(3); // in its place: title, import, cell-1, this, cell-3
  });

  it('says so in the edition’s language', () => {
    const shown = notebook('zh').cells.find((c) => c.cell_type === 'markdown' && c.source.join('').includes('while (true)'))!;
    expect(shown.source[0]).toMatch(/^\*书中只展示、不运行的代码/);
  });
});
