// browser-tests: node-only (reads the chapters from disk through src/content/read-book.ts)
/**
 * The house rules for reader prose fail the build: no talk about the book's tests or repository
 * files, American spelling, one title case, no stacked parentheticals. Code cells are exempt.
 */
import { describe, expect, it } from 'vitest';
import { compileBook, type PartSource } from '../../../src/content/compile-book';
import { ContentError } from '../../../src/content/content-error';
import { titleCase } from '../../../src/content/prose-checks';
import { loadBook } from '../../../src/content/read-book';

const FM = '---\ntitle: A Section\n---\n';

function compile(source: string) {
  const part: PartSource = { slug: '01-p', index: null, sections: [{ name: '01-s', file: 'chapters/01-p/01-s.md', source }] };
  return compileBook([part], new Map());
}

function proseError(source: string): ContentError {
  try {
    compile(source);
  } catch (e) {
    if (e instanceof ContentError && e.kind === 'prose') return e;
    throw e;
  }
  throw new Error('expected a prose ContentError, but the book compiled');
}

describe('no test talk in reader prose', () => {
  const bad: [string, string, number][] = [
    ["the book's test", `${FM}\nThe claims are checked by the book's test suite.\n`, 5],
    ['test machine', `${FM}\nText.\n\nOn this book's test machine an epoch takes a minute.\n`, 7],
    ['tested on', `${FM}\nOn the two-core machine this\nbook is tested on, it is slow.\n`, 6],
    ['test page across a line break', `${FM}\nNobody is there to click; the test\npage answers.\n`, 5],
    ['a repository file in code', `${FM}\n1. Look at \`src/lib/gluon/optimizer/sgd.ts\`.\n`, 5],
    ['a repository file in text', `${FM}\nSee docs/file-format.md for the format.\n`, 5],
    ["the repository's", `${FM}\nThe repository's notes describe it.\n`, 5],
  ];
  for (const [name, source, line] of bad) {
    it(`fails on ${name}, with the line`, () => {
      const e = proseError(source);
      expect(e.line).toBe(line);
      expect(e.message).toContain('must not talk about');
    });
  }

  it('leaves test sets, test accuracy and code cells alone', () => {
    const ok = `${FM}\nThe test accuracy on the test set rises; at test time dropout is off.\n\n\`\`\`js\n// the book's test machine, src/lib/x.ts\nprint(1)\n\`\`\`\n`;
    expect(() => compile(ok)).not.toThrow();
  });
});

describe('American English', () => {
  it('fails on British spellings and names the fix', () => {
    expect(proseError(`${FM}\nEach colour channel and its neighbours.\n`).message).toContain("'colour'");
    expect(proseError(`${FM}\nThe examples are labelled.\n`).message).toContain("'labelled'");
    expect(proseError(`${FM}\nWe normalise the data.\n`).message).toContain("'normalise'");
    expect(proseError(`${FM}\nIt moves towards zero.\n`).message).toContain("'towards'");
  });
  it('accepts American spellings and the novel\'s "the time traveller"', () => {
    expect(() => compile(`${FM}\nEach color channel and its neighbors are labeled; we normalize toward zero. It writes "the time traveller".\n`)).not.toThrow();
  });
});

describe('title case', () => {
  it('capitalizes every word but the small ones, which stay lowercase unless first, last or after a colon', () => {
    expect(titleCase('weight decay from scratch')).toBe('Weight Decay From Scratch');
    expect(titleCase('Dropout with Gluon')).toBe('Dropout With Gluon');
    expect(titleCase('The Model: a Family of Rules')).toBe('The Model: A Family of Rules');
    expect(titleCase('Where Deep Learning Comes In')).toBe('Where Deep Learning Comes In');
    expect(titleCase('Conversion To And From JavaScript')).toBe('Conversion to and From JavaScript');
    expect(titleCase('third-order polynomial fitting')).toBe('Third-Order Polynomial Fitting');
    expect(titleCase('Defining the $L_2$ Norm Penalty')).toBe('Defining the $L_2$ Norm Penalty');
    expect(titleCase('1 by 1 Convolutions')).toBe('1 by 1 Convolutions');
  });
  it('fails the build on a title or heading that breaks it', () => {
    const title = proseError('---\ntitle: Dropout from Scratch\n---\n\nText.\n');
    expect(title.line).toBe(2);
    expect(title.message).toContain("'Dropout From Scratch'");
    const heading = proseError(`${FM}\nText.\n\n## Training without Regularization\n`);
    expect(heading.line).toBe(7);
    expect(heading.message).toContain("'Training Without Regularization'");
  });
});

describe('stacked parentheticals', () => {
  it('fail when nested or back to back', () => {
    expect(proseError(`${FM}\nThe penalty is added (the loss has shape (batch, 1) here), so it works.\n`).message).toContain('stacked parentheticals');
    expect(proseError(`${FM}\nA first line.\nThe loss (squared) (halved) is used.\n`).line).toBe(6);
    // A :cite: renders as "(Author, year)": right after a parenthesis it stacks too.
    expect(proseError(`${FM}\nTikhonov regularization (a penalty) :cite:\`Bishop.1995\` rewards smoothness.\n`).message).toContain('stacked parentheticals');
  });
  it('allow parentheses in code and math, and separate parentheticals', () => {
    expect(() => compile(`${FM}\nThe shape (see \`x.reshape([2, 3])\`) is fine, as is $f(g(x))$ (a composition) and then (another).\n`)).not.toThrow();
  });
});

describe('the book itself', () => {
  it('follows every house rule', () => {
    expect(() => loadBook({ root: process.cwd() })).not.toThrow();
  });
});
