/**
 * Check files: `<section>.check.js` beside a section's Markdown holds the claims its prose makes
 * (accuracy reached, parameters recovered...). The book test runs it after the section's cells
 * in the same kernel scope, so it sees the section's variables, and calls
 * `claim(description, measuredValue, passed)` once per claim.
 *
 * `claim` is defined by a setup cell run just before the check file; each call prints one
 * marked line that the runner turns into a RecordedClaim (so the same code works in Node and
 * in the browser, where outputs are the only way out of the kernel). The setup cell also defines
 * the helpers several check files share (CHECK_HELPERS).
 */
import type { CellOutput } from '../kernel/protocol';
import type { RecordedClaim } from './recorded';
import { parseEditionFileName } from './book-lang';

const MARK = '\u241eclaim ';

/**
 * Helpers for check files, defined with claim. sampleCorpusWords: the language models of the
 * recurrent chapter claim that their samples start with the prefix and contain at least N
 * distinct words of the corpus. predict(prefix) returns the prefix and its continuation; the
 * continuation's first token is dropped when it is glued to the prefix's last word, and its last
 * one because the length limit may cut it; words are tokens of 3+ letters found in corpusText.
 */
export const CHECK_HELPERS = `async function sampleCorpusWords(predict, corpusText, prefixes = ['the time traveller', 'the time machine']) {
  const corpusWords = new Set(corpusText.split(' '));
  const texts = [];
  const found = new Set();
  let prefixed = true;
  for (const prefix of prefixes) {
    const text = await predict(prefix);
    texts.push(text);
    prefixed = prefixed && text.startsWith(prefix);
    const continuation = text.slice(prefix.length);
    const tokens = continuation.split(' ');
    if (!continuation.startsWith(' ')) tokens.shift();
    tokens.pop();
    for (const w of tokens) if (w.length >= 3 && corpusWords.has(w)) found.add(w);
  }
  const words = [...found];
  return { texts, prefixed, words, summary: words.length + ': ' + words.join(' ') + ' | ' + texts.map((t) => '"' + t + '"').join(' ') };
}`;

export const CLAIM_SETUP = `function claim(description, value, passed) {
  if (typeof description !== 'string' || typeof passed !== 'boolean') {
    throw new TypeError('claim(description, value, passed): description must be a string and passed a boolean, got ' + typeof description + ' and ' + typeof passed);
  }
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value : JSON.stringify(value);
  print(${JSON.stringify(MARK)} + JSON.stringify({ description, value: text, passed }));
}
${CHECK_HELPERS}`;

/** Splits a check run's outputs into its claims and everything else (prints, errors). */
export function extractClaims(outputs: CellOutput[]): { claims: RecordedClaim[]; other: CellOutput[] } {
  const claims: RecordedClaim[] = [];
  const other: CellOutput[] = [];
  for (const o of outputs) {
    if (o.kind !== 'text' || !o.text.includes(MARK)) {
      other.push(o);
      continue;
    }
    const lines = o.text.split('\n');
    const rest: string[] = [];
    for (const line of lines) {
      if (line.startsWith(MARK)) claims.push(JSON.parse(line.slice(MARK.length)) as RecordedClaim);
      else rest.push(line);
    }
    const restText = rest.join('\n');
    if (restText.trim()) other.push({ ...o, text: restText });
  }
  return { claims, other };
}

/**
 * The check file's path for a section's Markdown path. Both editions of a section share it:
 * `01-x.md` and `01-x.zh.md` -> `01-x.check.js`.
 */
export function checkFileFor(markdownPath: string): string {
  const slash = markdownPath.lastIndexOf('/') + 1;
  const fileName = markdownPath.slice(slash);
  const name = parseEditionFileName(fileName)?.name ?? fileName.replace(/\.md$/, '');
  return `${markdownPath.slice(0, slash)}${name}.check.js`;
}
