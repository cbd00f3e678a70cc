/**
 * The library's table of deliberate differences from MXNet (docs/mxnet-differences.md: topic,
 * what the library does, why), bundled with the reference page when the file exists, and parsed
 * from its Markdown table so the page can show it as a list that fits a phone.
 */

// Eager raw import of the doc, or {} where it does not exist: no build error either way.
const files = import.meta.glob('../../../docs/mxnet-differences.md', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

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

const markdown = Object.values(files)[0];
export const differencesTable: DifferencesTable | null = markdown ? parseDifferences(markdown) : null;
