/**
 * A code cell as highlighted HTML at build time, with the parser CodeMirror uses in the app
 * (@lezer/javascript, TypeScript dialect) and @lezer/highlight's class highlighter: `tok-keyword`,
 * `tok-string`, ... spans, coloured by static-page.css with the app's palette (highlight.ts).
 */
import { classHighlighter, highlightCode } from '@lezer/highlight';
import { parser } from '@lezer/javascript';
import { escapeHtml } from './escape-html';

const tsParser = parser.configure({ dialect: 'ts' });

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
