/**
 * CSV files as tables, introduced in "A Kaggle competition: house prices"
 * (chapters/03-multilayer-perceptrons/08-kaggle-house-prices.md): read the book's data sets
 * (`loadCsv`), and write results such as a submission file to the storage that `nd.save` uses
 * (`saveCsv`; then `nd.download(name)` offers it to the reader).
 *
 * The format is RFC 4180's: fields separated by commas, records by CRLF or LF, a field in double
 * quotes may hold commas, line breaks and doubled quotes ("" for ").
 */
import { loadText } from '../assets';
import { LibraryError } from '../errors';
import { writeBytes } from '../io/storage';

/** A CSV file that is not well formed: says where, and what was found. */
export class CsvError extends LibraryError {}

/** A value of a table: text as read, a number, or null for a missing value. */
export type CsvValue = string | number | null;

/** The columns and rows of a CSV file (the shape `d2l.showTable` shows). */
export class CsvTable {
  constructor(
    readonly columns: string[],
    readonly rows: CsvValue[][],
  ) {}

  /** The number of data rows. */
  get numRows(): number {
    return this.rows.length;
  }

  /** The values of one column, in row order. */
  column(name: string): CsvValue[] {
    return this.rows.map((r) => r[this.indexOf(name)]!);
  }

  /** A table of some columns (by name or position; negative positions count from the end) and the first `numRows` rows. */
  select(columns: (string | number)[], numRows = this.rows.length): CsvTable {
    const idx = columns.map((c) => (typeof c === 'number' ? this.position(c) : this.indexOf(c)));
    return new CsvTable(
      idx.map((i) => this.columns[i]!),
      this.rows.slice(0, numRows).map((r) => idx.map((i) => r[i]!)),
    );
  }

  private indexOf(name: string): number {
    const i = this.columns.indexOf(name);
    if (i < 0) throw new CsvError(`the table has no column '${name}'; its columns are ${this.columns.slice(0, 12).join(', ')}${this.columns.length > 12 ? `, ... (${this.columns.length} in all)` : ''}.`);
    return i;
  }

  private position(i: number): number {
    const j = i < 0 ? this.columns.length + i : i;
    if (!Number.isInteger(i) || j < 0 || j >= this.columns.length) throw new CsvError(`column position ${i} is out of range for a table of ${this.columns.length} columns.`);
    return j;
  }
}

/**
 * Splits CSV text into records of fields (strings, quotes removed). A final line break does not
 * make an empty record; a leading byte-order mark is dropped.
 */
export function parseCsv(text: string): string[][] {
  if (typeof text !== 'string') throw new CsvError(`parseCsv: expected the text of a CSV file, got ${typeof text}.`);
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let atFieldStart = true;
  const endField = () => {
    record.push(field);
    field = '';
    atFieldStart = true;
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
  };
  while (i < text.length) {
    const c = text[i]!;
    if (atFieldStart && c === '"') {
      // A quoted field: runs to the next quote that is not doubled.
      const startLine = line;
      i++;
      for (;;) {
        if (i >= text.length) throw new CsvError(`parseCsv: line ${startLine}: a quoted field is never closed (no matching '"' before the end of the file).`);
        const q = text[i]!;
        if (q === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (q === '\n') line++;
        field += q;
        i++;
      }
      const next = text[i];
      if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
        throw new CsvError(`parseCsv: line ${line}: unexpected ${JSON.stringify(next)} after a closing quote; a quoted field must be followed by a comma or a line break (write "" for a quote inside a quoted field).`);
      }
      atFieldStart = false;
      continue;
    }
    atFieldStart = false;
    if (c === ',') {
      endField();
      i++;
    } else if (c === '\n' || c === '\r') {
      endRecord();
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
    } else if (c === '"') {
      throw new CsvError(`parseCsv: line ${line}: a '"' inside an unquoted field; quote the whole field and double the quote ("a ""b"" c").`);
    } else {
      field += c;
      i++;
    }
  }
  // The last record, unless the text ended with a line break (or is empty).
  if (!atFieldStart || field !== '' || record.length > 0) endRecord();
  return records;
}

export interface LoadCsvOptions {
  /** Field texts that mean "missing" and become null (default '', 'NA', 'NaN', as pandas reads them). */
  naValues?: string[];
  /** Turn fields that look like numbers into numbers (default true); other fields stay text. */
  parseNumbers?: boolean;
}

const NUMBER = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/;

/** A table from CSV text whose first record names the columns. */
export function csvTable(text: string, options: LoadCsvOptions = {}): CsvTable {
  const na = new Set(options.naValues ?? ['', 'NA', 'NaN']);
  const parseNumbers = options.parseNumbers ?? true;
  const [header, ...records] = parseCsv(text);
  if (header === undefined) throw new CsvError('the CSV text is empty: expected a header line with the column names.');
  const rows = records.map((r, k) => {
    if (r.length !== header.length) {
      throw new CsvError(`record ${k + 1} (after the header) has ${r.length} fields, but the header names ${header.length} columns; a field holding a comma must be quoted.`);
    }
    return r.map((v): CsvValue => (na.has(v) ? null : parseNumbers && NUMBER.test(v) ? Number(v) : v));
  });
  return new CsvTable(header, rows);
}

/**
 * One of the book's data sets (a path relative to public/data) as a table:
 * `const trainData = await d2l.loadCsv('kaggle_house_pred_train.csv')`.
 */
export async function loadCsv(path: string, options: LoadCsvOptions = {}): Promise<CsvTable> {
  const text = await loadText(path);
  try {
    return csvTable(text, options);
  } catch (e) {
    if (e instanceof CsvError) throw new CsvError(`${path}: ${e.message}`);
    throw e;
  }
}

function formatField(v: CsvValue): string {
  if (v === null) return '';
  const s = typeof v === 'number' ? String(v) : v;
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV text of a table (header line, then one line per row, LF line breaks, a final line break). */
export function formatCsv(table: { columns: string[]; rows: CsvValue[][] }): string {
  const { columns, rows } = table;
  rows.forEach((r, k) => {
    if (r.length !== columns.length) throw new CsvError(`formatCsv: row ${k} has ${r.length} values, but there are ${columns.length} columns.`);
  });
  return [columns, ...rows].map((r) => r.map(formatField).join(',')).join('\n') + '\n';
}

/**
 * Writes a table as a CSV file where `nd.save` writes (a file path in Node, the book's storage in
 * the browser) and returns its text. `await nd.download(name)` then offers it to the reader.
 */
export async function saveCsv(name: string, table: { columns: string[]; rows: CsvValue[][] }): Promise<string> {
  const text = formatCsv(table);
  await writeBytes('d2l.saveCsv', name, new TextEncoder().encode(text));
  return text;
}
