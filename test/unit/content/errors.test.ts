/**
 * Every way a chapter can be broken fails the build with a ContentError naming the file and
 * the line, of the right kind; the messages (what was expected, what came, how to fix) are
 * kept in a golden file so a change of wording is reviewed.
 */
import { describe, expect, it } from 'vitest';
import { compileBook, type PartSource } from '../../../src/content/compile-book';
import { ContentError, type ContentErrorKind } from '../../../src/content/content-error';

const FM = '---\ntitle: A Section\n---\n';

interface Case {
  name: string;
  kind: ContentErrorKind;
  /** Sections of part 01-p, by file name (without .md). */
  files: Record<string, string>;
  file: string;
  line: number;
}

const cases: Case[] = [
  { name: 'no front matter', kind: 'front-matter', files: { '01-s': '# Title\n\nText.\n' }, file: '01-s', line: 1 },
  { name: 'front matter not YAML', kind: 'front-matter', files: { '01-s': '---\ntitle: A\nlabel: [sec_a\n---\n' }, file: '01-s', line: 3 },
  { name: 'front matter without title', kind: 'front-matter', files: { '01-s': '---\nlabel: sec_a\n---\nText.\n' }, file: '01-s', line: 2 },
  { name: 'front matter with unknown key', kind: 'front-matter', files: { '01-s': '---\ntitle: A\ntitel: B\n---\n' }, file: '01-s', line: 3 },
  { name: 'bad inline math', kind: 'math', files: { '01-s': `${FM}\nFine $x$ here,\nbroken $\\frac{1}{$ there.\n` }, file: '01-s', line: 6 },
  { name: 'bad display math', kind: 'math', files: { '01-s': `${FM}\nText.\n\n$$\n\\begin{matrix} a \\end{pmatrix}\n$$\n` }, file: '01-s', line: 7 },
  { name: 'undefined reference', kind: 'undefined-reference', files: { '01-s': `${FM}\n## Intro\n:label:\`sec_intro\`\n\nSee :numref:\`sec_intr\`.\n` }, file: '01-s', line: 8 },
  { name: 'eqref to a figure', kind: 'undefined-reference', files: { '01-s': `${FM}\n![A plot](img/a.svg "A line")\n:label:\`fig_a\`\n\nAs :eqref:\`fig_a\` shows.\n` }, file: '01-s', line: 8 },
  {
    name: 'duplicate label across sections',
    kind: 'duplicate-label',
    files: { '01-s': `${FM}\n## Intro\n:label:\`sec_intro\`\n`, '02-t': `${FM}\nText.\n\n## Again\n:label:\`sec_intro\`\n` },
    file: '02-t',
    line: 8,
  },
  { name: 'label inside a paragraph', kind: 'misplaced-label', files: { '01-s': `${FM}\nSome text :label:\`x\` and more.\n` }, file: '01-s', line: 5 },
  { name: 'label after plain text', kind: 'misplaced-label', files: { '01-s': `${FM}\nSome text.\n\n:label:\`x\`\n` }, file: '01-s', line: 7 },
  { name: 'eqlabel after a heading', kind: 'misplaced-label', files: { '01-s': `${FM}\n## Intro\n:eqlabel:\`eq_x\`\n` }, file: '01-s', line: 6 },
  { name: 'two labels on one target', kind: 'misplaced-label', files: { '01-s': `${FM}\n## Intro\n:label:\`a\`\n:label:\`b\`\n` }, file: '01-s', line: 7 },
  { name: 'label with spaces', kind: 'bad-label', files: { '01-s': `${FM}\n## Intro\n:label:\`my label\`\n` }, file: '01-s', line: 6 },
  { name: 'unknown role', kind: 'unknown-role', files: { '01-s': `${FM}\nAs shown by :citep:\`Smith2020\`.\n` }, file: '01-s', line: 5 },
  { name: 'unknown cell attribute', kind: 'cell', files: { '01-s': `${FM}\nText.\n\n\`\`\`js rn=false\nprint(1)\n\`\`\`\n` }, file: '01-s', line: 7 },
  { name: 'cell inside a list', kind: 'cell', files: { '01-s': `${FM}\n1. Run this:\n\n   \`\`\`js\n   print(1)\n   \`\`\`\n` }, file: '01-s', line: 7 },
  { name: 'level-1 heading in a section', kind: 'structure', files: { '01-s': `${FM}\n# Title again\n` }, file: '01-s', line: 5 },
  { name: 'heading level jump', kind: 'structure', files: { '01-s': `${FM}\n## A\n\n#### B\n` }, file: '01-s', line: 7 },
  { name: 'missing figure file', kind: 'structure', files: { '01-s': `${FM}\n![Missing](img/missing.svg)\n` }, file: '01-s', line: 5 },
  { name: 'figure without alt text', kind: 'figure', files: { '01-s': `${FM}\n![A plot](img/a.svg)\n:label:\`fig_a\`\n\nSee :numref:\`fig_a\`.\n` }, file: '01-s', line: 5 },
  { name: 'figure without caption', kind: 'figure', files: { '01-s': `${FM}\n![](img/a.svg "A line")\n:label:\`fig_a\`\n\nSee :numref:\`fig_a\`.\n` }, file: '01-s', line: 5 },
  { name: 'figure without label', kind: 'figure', files: { '01-s': `${FM}\nText.\n\n![A plot](img/a.svg "A line")\n` }, file: '01-s', line: 7 },
  { name: 'figure never referred to', kind: 'figure', files: { '01-s': `${FM}\n![A plot](img/a.svg "A line")\n:label:\`fig_a\`\n\nSee the plot.\n`, '02-t': `${FM}\nSee :numref:\`sec_x\`.\n\n## X\n:label:\`sec_x\`\n` }, file: '01-s', line: 5 },
  { name: 'figure holding a script', kind: 'figure', files: { '01-s': `${FM}\n![A plot](img/evil.svg "A line")\n:label:\`fig_a\`\n\nSee :numref:\`fig_a\`.\n` }, file: '01-s', line: 5 },
  { name: 'figure outside public/img', kind: 'structure', files: { '01-s': `${FM}\n![Elsewhere](../figures/x.svg)\n` }, file: '01-s', line: 5 },
];

function compileFiles(files: Record<string, string>) {
  const part: PartSource = {
    slug: '01-p',
    index: null,
    sections: Object.entries(files).map(([name, source]) => ({ name, file: `chapters/01-p/${name}.md`, source })),
  };
  const assets: Record<string, string> = {
    'img/a.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><line x1="0" y1="0" x2="10" y2="10"/></svg>',
    'img/evil.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" onload="alert(1)"></svg>',
  };
  return compileBook([part], new Map(), { assetExists: (p) => p in assets, readAsset: (p) => assets[p]! });
}

function errorOf(files: Record<string, string>): ContentError {
  try {
    compileFiles(files);
  } catch (e) {
    if (e instanceof ContentError) return e;
    throw e;
  }
  throw new Error('expected a ContentError, but the book compiled');
}

describe('content errors name the file and line', () => {
  for (const c of cases) {
    it(c.name, () => {
      const e = errorOf(c.files);
      expect({ kind: e.kind, file: e.file, line: e.line }).toEqual({ kind: c.kind, file: `chapters/01-p/${c.file}.md`, line: c.line });
      expect(e.message.startsWith(`chapters/01-p/${c.file}.md:${c.line}: `)).toBe(true);
    });
  }

  it('match the golden messages', async () => {
    const text = cases.map((c) => `## ${c.name}\n${errorOf(c.files).message}\n`).join('\n');
    await expect(text).toMatchFileSnapshot('../golden/content/errors.txt');
  });

  it('are not raised by a correct section (the cases differ from it only in the fault)', () => {
    const ok = `${FM}\n## Intro\n:label:\`sec_intro\`\n\n![A plot](img/a.svg "A line")\n:label:\`fig_a\`\n\n$$x = \\frac{1}{2}$$\n:eqlabel:\`eq_x\`\n\nSee :numref:\`sec_intro\`, :numref:\`fig_a\` and :eqref:\`eq_x\`.\n\n\`\`\`js run=false\nprint(1)\n\`\`\`\n`;
    expect(() => compileFiles({ '01-s': ok })).not.toThrow();
  });

  it('suggest the closest label for a misspelt reference', () => {
    expect(errorOf(cases.find((c) => c.name === 'undefined reference')!.files).message).toContain("did you mean 'sec_intro'?");
  });
});
