/**
 * A code cell as highlighted HTML at build time, with the parsers CodeMirror uses in the app
 * (@codemirror/lang-javascript's JavaScript and TypeScript languages) and @lezer/highlight's class
 * highlighter: `tok-keyword`, `tok-string`, ... spans, coloured by static-page.css with the app's
 * palette (cells/editor/highlight.ts).
 */
import { javascriptLanguage, typescriptLanguage } from '@codemirror/lang-javascript';
import { classHighlighter, highlightCode } from '@lezer/highlight';
import { escapeHtml } from './escape-html';

const parser = javascriptLanguage.parser;
const tsParser = typescriptLanguage.parser;

export function highlightedCode(code: string, lang: string): string {
  const p = lang === 'js' || lang === 'ts' || lang === 'javascript' || lang === 'typescript' ? (lang.startsWith('t') ? tsParser : parser) : null;
  if (!p) return escapeHtml(code);
  let out = '';
  highlightCode(
    code,
    p.parse(code),
    classHighlighter,
    (text, classes) => {
      out += classes ? `<span class="${classes}">${escapeHtml(text)}</span>` : escapeHtml(text);
    },
    () => {
      out += '\n';
    },
  );
  return out;
}
