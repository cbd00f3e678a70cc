/**
 * The library's table of deliberate differences from MXNet (docs/mxnet-differences.md: topic,
 * what the library does, why; its Chinese twin docs/mxnet-differences.zh.md, the same rows in the
 * same order), bundled with the reference page when the files exist, and parsed from their
 * Markdown tables so the page can show them as lists that fit a phone.
 */
import { DEFAULT_LANG, editionFileName, type BookLang } from '../../content/book-lang';

// Eager raw imports of the docs, or {} where they do not exist: no build error either way.
const files = import.meta.glob(['../../../docs/mxnet-differences.md', '../../../docs/mxnet-differences.zh.md'], { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

export interface DifferenceRow {
  /** Cells of one table row: topic, what the library does, why (Markdown inline text). */
  cells: string[];
}

export interface DifferencesTable {
  title: string;
  intro: string;
  header: string[];
  rows: DifferenceRow[];
}

/** Splits a Markdown table row into cells (`|` inside `code spans` does not split). */
function cellsOf(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let inCode = false;
  const body = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  for (const ch of body) {
    if (ch === '`') inCode = !inCode;
    if (ch === '|' && !inCode) {
      cells.push(cell.trim());
      cell = '';
    } else cell += ch;
  }
  cells.push(cell.trim());
  return cells;
}

/** The first `# heading`, the paragraph after it, and the first table; null without a table. */
export function parseDifferences(markdown: string): DifferencesTable | null {
  const lines = markdown.split('\n');
  const title = (lines.find((l) => l.startsWith('# ')) ?? '# Differences from MXNet').slice(2).trim();
  const tableAt = lines.findIndex((l) => l.trim().startsWith('|'));
  if (tableAt < 0 || !/^\s*\|?\s*:?-{3,}/.test(lines[tableAt + 1] ?? '')) return null;
  const titleAt = lines.findIndex((l) => l.startsWith('# '));
  const intro = lines
    .slice(titleAt + 1, tableAt)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  const header = cellsOf(lines[tableAt]!);
  const rows: DifferenceRow[] = [];
  for (const line of lines.slice(tableAt + 2)) {
    if (!line.trim().startsWith('|')) break;
    rows.push({ cells: cellsOf(line) });
  }
  return { title, intro, header, rows };
}

/** The `code spans` of a cell, as written: what the two editions' tables must name alike. */
export function codeSpans(cell: string): string[] {
  return cell.split('`').filter((_, i) => i % 2 === 1);
}

const fileOf = (lang: BookLang) => `../../../docs/${editionFileName('mxnet-differences', lang)}`;
const tables = new Map<BookLang, DifferencesTable | null>();

/** The table in the page's language (the English one where a twin is missing), or null without one. */
export function differencesTableFor(lang: BookLang): DifferencesTable | null {
  if (!tables.has(lang)) {
    const markdown = files[fileOf(lang)] ?? files[fileOf(DEFAULT_LANG)];
    tables.set(lang, markdown ? parseDifferences(markdown) : null);
  }
  return tables.get(lang) ?? null;
}
