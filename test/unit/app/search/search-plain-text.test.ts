/**
 * Search (issue 20): snippets read as plain text, not raw TeX, and a section whose title
 * matches ranks above sections that only have the word in a heading or mention it in the text.
 */
import { describe, expect, it } from 'vitest';
import { searchBook } from '../../../../src/app/search/search-book';
import { texToText } from '../../../../src/content/tex-to-text';
import type { SearchDoc } from '../../../../src/content/types';

describe('texToText', () => {
  it.each([
    ['\\exp(o_j)', 'exp(o_j)'],
    ['\\hat{y}_j = \\frac{\\exp(o_j)}{\\sum_k \\exp(o_k)}', 'y\u0302_j = (exp(o_j))/(∑_k exp(o_k))'],
    ['\\hat{\\mathbf{y}} - \\bar{x}', 'y\u0302 - x\u0304'],
    ['\\mathbf{w}^\\top \\mathbf{x} + b', 'w^⊤ x + b'],
    ['\\left(\\frac{1}{n}\\right)', '((1)/(n))'],
    ['\\eta \\cdot \\partial_{\\mathbf{w}} l', 'η · ∂_w l'],
    ['\\begin{aligned} a &= b \\\\ c &= d \\end{aligned}', 'a = b c = d'],
    ['\\sqrt{\\sigma^2 + \\epsilon}', '√(σ^2 + ε)'],
    ['\\frac{\\frac{a}{b}}{c}', '((a)/(b))/(c)'],
    ['\\frac{\\partial L}{\\partial \\mathbf{W}_{qh}} = \\sum_{t=1}^T \\ell(o_t, y_t)', '(∂ L)/(∂ W_qh) = ∑_t=1^T ℓ(o_t, y_t)'],
    ['\\gamma \\, \\frac{x - \\hat{\\mu}_\\mathcal{B}}{\\sqrt{\\hat{\\sigma}^2_\\mathcal{B} + \\epsilon}} + \\beta', 'γ (x - μ\u0302_B)/(√(σ\u0302^2_B + ε)) + β'],
    ['\\frac{\\lambda}{2}\\|\\mathbf{w}\\|^2 + \\lambda\\mathbf{w}', '(λ)/(2)‖w‖^2 + λ w'],
    ['\\mathbf{g} = \\frac{1}{|\\mathcal{B}|} \\sum_{i \\in \\mathcal{B}} \\nabla f_i(\\mathbf{x})', 'g = (1)/(|B|) ∑_i ∈ B ∇ f_i(x)'],
  ])('%s -> %s', (tex, text) => {
    expect(texToText(tex)).toBe(text);
  });

  it('leaves no backslash commands and no grouping braces in any of the book\'s kinds of formula', () => {
    const out = texToText('\\operatorname{softmax}(\\mathbf{o})_i = \\frac{\\exp(o_i)}{\\sum_{j=1}^{q} \\exp(o_j)}, \\quad \\|\\mathbf{w}\\|_2^2');
    expect(out).not.toMatch(/\\[A-Za-z]/);
    expect(out).not.toMatch(/[{}]/);
    expect(out).toContain('softmax(o)_i');
  });
});

const doc = (slug: string, title: string, text: string, heading?: string): SearchDoc => ({ slug, number: slug, title, text, ...(heading ? { heading, anchor: heading.toLowerCase() } : {}) });

describe('ranking', () => {
  const docs = [
    doc('3.1', 'Linear Regression', 'softmax softmax softmax softmax softmax softmax is mentioned a lot here'),
    doc('3.2', 'Image Classification', 'intro'),
    doc('3.2', 'Image Classification', 'the softmax function softmax softmax softmax softmax', 'The Softmax Operation'),
    doc('3.4', 'Softmax Regression', 'a short introduction'),
  ];

  it('a section whose title matches comes first, then a heading match, then text mentions', () => {
    expect(searchBook(docs, 'softmax').map((h) => `${h.doc.slug}${h.doc.heading ? ` > ${h.doc.heading}` : ''}`)).toEqual([
      '3.4',
      '3.2 > The Softmax Operation',
      '3.1',
    ]);
  });
});
