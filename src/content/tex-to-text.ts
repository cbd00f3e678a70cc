/**
 * TeX as plain text for the search index and its snippets: `\exp(o_j)` reads `exp(o_j)`,
 * `\frac{a}{b}` reads `(a)/(b)`, Greek letters and common operators become their characters.
 * Not a renderer: good enough to read in a snippet and to match words such as "exp" or "softmax".
 */
const SYMBOLS: Record<string, string> = {
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', varepsilon: 'ε', zeta: 'ζ', eta: 'η', theta: 'θ', iota: 'ι', kappa: 'κ',
  lambda: 'λ', mu: 'μ', nu: 'ν', xi: 'ξ', pi: 'π', rho: 'ρ', sigma: 'σ', tau: 'τ', phi: 'φ', varphi: 'φ', chi: 'χ', psi: 'ψ', omega: 'ω',
  Gamma: 'Γ', Delta: 'Δ', Theta: 'Θ', Lambda: 'Λ', Xi: 'Ξ', Pi: 'Π', Sigma: 'Σ', Phi: 'Φ', Psi: 'Ψ', Omega: 'Ω',
  sum: '∑', prod: '∏', int: '∫', partial: '∂', nabla: '∇', infty: '∞', cdot: '·', times: '×', div: '÷', pm: '±',
  leq: '≤', le: '≤', geq: '≥', ge: '≥', neq: '≠', ne: '≠', approx: '≈', sim: '∼', propto: '∝', equiv: '≡',
  in: '∈', notin: '∉', subset: '⊂', subseteq: '⊆', cup: '∪', cap: '∩', forall: '∀', exists: '∃',
  to: '→', rightarrow: '→', leftarrow: '←', Rightarrow: '⇒', mapsto: '↦', top: '⊤', odot: '⊙', otimes: '⊗', circ: '∘',
  ldots: '…', cdots: '⋯', dots: '…', mid: '|', lvert: '|', rvert: '|', lVert: '‖', rVert: '‖', langle: '⟨', rangle: '⟩',
  lbrace: '{', rbrace: '}', prime: '′', ell: 'ℓ',
};
/** Commands dropped with nothing in their place (sizes, spacing, fonts whose argument stays). */
const DROPPED = new Set(['left', 'right', 'big', 'Big', 'bigg', 'Bigg', 'bigl', 'bigr', 'Bigl', 'Bigr', 'displaystyle', 'textstyle', 'limits', 'nolimits', 'quad', 'qquad', 'mathbf', 'mathrm', 'mathit', 'mathcal', 'mathbb', 'boldsymbol', 'bm', 'text', 'textrm', 'textbf', 'operatorname', 'hat', 'bar', 'tilde', 'vec', 'widehat', 'overline']);

export function texToText(tex: string): string {
  // A command right before another keeps its end: \lambda\mathbf{w} must not read "lambdaw".
  let s = tex.replace(/(\\[A-Za-z]+)(?=\\[A-Za-z])/g, '$1 ').replace(/\\\|/g, '‖');
  // Innermost groups first, until nothing changes: font and text commands keep their argument
  // (\mathcal{B} reads B), sub- and superscript groups lose their braces (x_{ij} reads x_ij), and
  // then a fraction has no inner braces left and unfolds (\frac{\partial L}{\partial \mathbf{W}_{qh}}).
  const FONT = /\\(mathbf|mathrm|mathit|mathcal|mathbb|mathsf|mathtt|boldsymbol|bm|text|textrm|textbf|textit|operatorname)\s*\{([^{}]*)\}/g;
  const SCRIPT = /([_^])\{([^{}]*)\}/g;
  const FRAC = /\\[dt]?frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}/g;
  // Accents on one letter as combining marks: \hat{y} reads ŷ, \hat{\mu} reads μ̂.
  const ACCENTS: Record<string, string> = { hat: '\u0302', widehat: '\u0302', bar: '\u0304', overline: '\u0304', tilde: '\u0303', vec: '\u20d7' };
  const ACCENT = /\\(hat|widehat|bar|overline|tilde|vec)\s*\{\s*(?:\\mathbf\s*\{)?(\\[A-Za-z]+|[A-Za-z])\}?\s*\}/g;
  const letter = (c: string) => (c.startsWith('\\') ? (SYMBOLS[c.slice(1)] ?? c.slice(1)) : c);
  for (let i = 0, before = ''; i < 12 && before !== s; i++) {
    before = s;
    s = s
      .replace(ACCENT, (_, a: string, c: string) => letter(c) + ACCENTS[a]!)
      .replace(FONT, '$2')
      .replace(SCRIPT, '$1$2')
      .replace(/\\sqrt\s*\{([^{}]*)\}/g, '√($1)')
      .replace(FRAC, '($1)/($2)');
  }
  s = s.replace(/\\\\/g, ' ').replace(/\\([,;:! ])/g, ' ').replace(/&/g, ' ');
  s = s.replace(/\\(begin|end)\s*\{[^{}]*\}/g, ' ');
  s = s.replace(/\\([A-Za-z]+)/g, (_, name: string) => (name in SYMBOLS ? SYMBOLS[name]! : DROPPED.has(name) ? '' : name));
  s = s.replace(/\\([{}_%$#])/g, '$1');
  // Braces that only group: x_{ij} reads x_ij.
  s = s.replace(/[{}]/g, '');
  return s.replace(/\s+/g, ' ').trim();
}
