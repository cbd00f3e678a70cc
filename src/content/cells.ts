/**
 * The code cells of a chapter: fenced ```js / ```ts blocks, with attributes after the
 * language (```js run=false). Pure function of the Markdown source; the reader, the kernel
 * runner and the book test all use it, so they agree on what a cell is.
 */
import MarkdownIt from 'markdown-it';

export interface Cell {
  /** Stable within the chapter: `cell-<n>` in order of appearance (n from 1). */
  id: string;
  lang: 'js' | 'ts';
  code: string;
  /** Attributes after the language, e.g. { run: 'false' }. */
  attrs: Record<string, string>;
  /** 1-based line of the opening fence in the Markdown file. */
  line: number;
  /** Whether the cell runs when the chapter runs (run=false cells are shown, not run). */
  runnable: boolean;
}

const md = new MarkdownIt();
const LANGS: Record<string, Cell['lang']> = { js: 'js', javascript: 'js', ts: 'ts', typescript: 'ts' };

export class CellAttributeError extends Error {}

/** Parses `js run=false key="a b"` into the language and attributes. */
export function parseFenceInfo(info: string): { lang: string; attrs: Record<string, string> } {
  const [lang = '', ...rest] = info.trim().split(/\s+/);
  const attrs: Record<string, string> = {};
  const re = /([A-Za-z][\w-]*)=(?:"([^"]*)"|(\S+))/g;
  const text = rest.join(' ');
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    attrs[m[1]!] = m[2] ?? m[3]!;
  }
  const leftover = text.replace(re, '').trim();
  if (leftover) throw new CellAttributeError(`cell attributes must be key=value pairs, got ${JSON.stringify(leftover)} in \`\`\`${info}`);
  return { lang, attrs };
}

const KNOWN_ATTRS = new Set(['run', 'label', 'timeout']);

export function extractCells(markdown: string): Cell[] {
  const cells: Cell[] = [];
  for (const token of md.parse(markdown, {})) {
    if (token.type !== 'fence') continue;
    const { lang, attrs } = parseFenceInfo(token.info);
    const kind = LANGS[lang.toLowerCase()];
    if (!kind) continue;
    for (const key of Object.keys(attrs)) {
      if (!KNOWN_ATTRS.has(key)) throw new CellAttributeError(`line ${(token.map?.[0] ?? 0) + 1}: unknown cell attribute '${key}' (known: ${[...KNOWN_ATTRS].join(', ')})`);
    }
    cells.push({
      id: `cell-${cells.length + 1}`,
      lang: kind,
      code: token.content.replace(/\n$/, ''),
      attrs,
      line: (token.map?.[0] ?? 0) + 1,
      runnable: attrs['run'] !== 'false',
    });
  }
  return cells;
}
