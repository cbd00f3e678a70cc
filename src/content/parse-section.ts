/**
 * First pass over one chapter file: parse the Markdown, read the front matter, number the
 * headings, figures, tables and labelled equations, attach `:label:`s to what they follow,
 * and find the code cells. Pure: no I/O. The result keeps the markdown-it tokens (annotated in
 * their `meta`) for the second pass, which renders them once every label of the book is known.
 */
import type { Token } from 'markdown-it';
import { extractCells, CellAttributeError, type Cell } from './cells';
import { ContentError } from './content-error';
import { frontMatterOf, type FrontMatter } from './front-matter';
import type { LabelKind, LabelTarget } from './labels';
import { createMarkdown, isRole } from './markdown';
import type { HeadingEntry } from './types';
import { checkFigureImage, inlineSvg } from './figures';

export interface SectionInput {
  /** Path for messages, relative to the project root: 'chapters/02-x/01-y.md'. */
  file: string;
  /** '02-x/01-y' for a section; the part folder name for a part's index.md. */
  slug: string;
  partSlug: string;
  /** '2.1' for a section, '2' for a part's index.md. */
  number: string;
  source: string;
}

export interface ParseOptions {
  /** Whether `public/<path>` exists; when given, a figure whose file is missing fails the build. */
  assetExists?: (publicPath: string) => boolean;
  /** The text of `public/<path>`; when given, SVG figures are inlined so they follow the theme (see figures.ts). */
  readAsset?: (publicPath: string) => string;
  /** Part introductions label as 'part' and may not hold cells. */
  kind?: 'section' | 'part';
}

/** What the renderer needs to know about a token beyond markdown-it's own fields (set here). */
export type TokenNote =
  | { kind: 'heading'; number: string }
  | { kind: 'figure'; number: string; anchor: string; image: Token }
  | { kind: 'equation'; line: number; number: string | null; anchor: string | null }
  | { kind: 'table'; number: string; anchor: string }
  | { kind: 'cell'; cell: Cell }
  | { kind: 'xref'; line: number }
  | { kind: 'math'; line: number };

export interface ParsedSection {
  input: SectionInput;
  frontMatter: FrontMatter;
  headings: HeadingEntry[];
  /** Top-level token stream, front matter and label paragraphs removed. */
  tokens: Token[];
  notes: Map<Token, TokenNote>;
  labels: LabelTarget[];
  cells: Cell[];
  /** Every figure, with its label (null when it has none), for the book-wide figure checks. */
  figures: FigureEntry[];
}

export interface FigureEntry {
  number: string;
  line: number;
  label: string | null;
  caption: string;
}

const md = createMarkdown();

/** Plain text of an inline token (math as its TeX, code as written). */
export function inlineText(inline: Token | undefined): string {
  let text = '';
  for (const c of inline?.children ?? []) {
    if (c.type === 'softbreak' || c.type === 'hardbreak') text += ' ';
    else if (c.type === 'math_inline') text += `$${c.content}$`;
    else if (c.type === 'image') text += inlineText(c);
    else if (c.type === 'text' || c.type === 'code_inline' || c.type === 'math_inline_block') text += c.content;
  }
  return text.replace(/\s+/g, ' ').trim();
}

const FIGURE_SRC = /^(?:\.\.\/)*(?:public\/)?\/?img\//;

/** Figures live in public/img; chapters may write img/x.svg, /img/x.svg or ../img/x.svg. */
function figurePath(src: string): string | null {
  return FIGURE_SRC.test(src) ? src.replace(FIGURE_SRC, 'img/') : null;
}

interface Labelable {
  kind: LabelKind;
  describe: string;
  /** Called once when a label attaches; returns the target. */
  attach: (label: string, role: string, line: number) => LabelTarget;
}

/**
 * The first pass, as four named passes over the file: the front matter, the code cells, the
 * top-level walk that numbers and labels (TopLevelWalk), and the inline walk that notes the line
 * of every reference and formula and checks figures (annotateInlines).
 */
export function parseSection(input: SectionInput, options: ParseOptions = {}): ParsedSection {
  const raw = md.parse(input.source, {});
  const frontMatter = frontMatterOf(raw, input.source, input.file);
  const cells = readCells(input, options);
  const walk = new TopLevelWalk(input, options, frontMatter, cells);
  walk.run(raw);
  annotateInlines(walk.tokens, walk.notes, input.file, options);
  return { input, frontMatter, headings: walk.headings, tokens: walk.tokens, notes: walk.notes, labels: walk.labels, cells, figures: walk.figures };
}

type FailKind = ConstructorParameters<typeof ContentError>[0];

function failer(file: string) {
  return (kind: FailKind, line: number, message: string): never => {
    throw new ContentError(kind, file, line, message);
  };
}

/** The code cells (cells.ts is the one definition of a cell; the kernel runner uses it too). */
function readCells(input: SectionInput, options: ParseOptions): Cell[] {
  const { file } = input;
  let cells: Cell[];
  try {
    cells = extractCells(input.source);
  } catch (e) {
    if (!(e instanceof CellAttributeError)) throw e;
    const m = /^line (\d+): (.*)$/s.exec(e.message);
    const line = m ? Number(m[1]) : (input.source.split('\n').findIndex((l) => l.startsWith('```') && e.message.includes(l.slice(3).trim())) + 1);
    throw new ContentError('cell', file, line, m ? m[2]! : e.message);
  }
  if (cells.length > 0 && options.kind === 'part') failer(file)('structure', cells[0]!.line, `a part's index.md is an introduction and cannot hold code cells; move the cell into a section file of this part`);
  return cells;
}

interface RoleAt {
  role: string;
  name: string;
  line: number;
}

/** Splits an inline token's children into leading labels, the rest, and trailing labels. */
function labelRoles(children: Token[], firstLine: number): { leading: RoleAt[]; rest: Token[]; trailing: RoleAt[] } {
  const lineAt = (index: number) => firstLine + children.slice(0, index).filter((c) => c.type === 'softbreak' || c.type === 'hardbreak').length;
  const isLabel = (t: Token | undefined) => t?.type === 'xref' && (t.info === 'label' || t.info === 'eqlabel');
  const isBreak = (t: Token | undefined) => t?.type === 'softbreak' || t?.type === 'hardbreak';
  let start = 0;
  const leading: RoleAt[] = [];
  while (isLabel(children[start])) {
    const t = children[start]!;
    leading.push({ role: t.info, name: t.content, line: lineAt(start) });
    start++;
    if (isBreak(children[start])) start++;
  }
  let end = children.length;
  const trailing: RoleAt[] = [];
  while (end > start && isLabel(children[end - 1]) && (end - 1 === start || isBreak(children[end - 2]))) {
    const t = children[end - 1]!;
    trailing.unshift({ role: t.info, name: t.content, line: lineAt(end - 1) });
    end -= end - 1 === start ? 1 : 2;
  }
  return { leading, rest: children.slice(start, end), trailing };
}

/**
 * The top-level walk: numbers headings, figures, tables and labelled equations, attaches each
 * `:label:` to what it follows (or to the section, at the top), and notes the cells' fences.
 * Label paragraphs and the front matter are left out of `tokens`.
 */
class TopLevelWalk {
  readonly labels: LabelTarget[] = [];
  readonly notes = new Map<Token, TokenNote>();
  readonly headings: HeadingEntry[] = [];
  readonly tokens: Token[] = [];
  readonly figures: FigureEntry[] = [];
  private readonly counters = [0, 0, 0, 0, 0]; // ## .. ######
  private tables = 0;
  private equations = 0;
  private previousHeadingLevel = 1;
  /** What a label on the next line would attach to; null after other text. */
  private labelable: Labelable | null;
  private readonly labelled = new Set<Labelable>();
  private readonly cellByLine: Map<number, Cell>;
  private readonly fail: ReturnType<typeof failer>;

  constructor(
    private readonly input: SectionInput,
    options: ParseOptions,
    frontMatter: FrontMatter,
    cells: Cell[],
  ) {
    this.fail = failer(input.file);
    this.cellByLine = new Map(cells.map((c) => [c.line, c]));
    const kind = options.kind === 'part' ? 'part' : 'section';
    const sectionLabelable: Labelable = {
      kind,
      describe: 'the top of the section',
      attach: (label, _role, line) => this.target(kind, label, line, null, input.number, frontMatter.title),
    };
    this.labelable = sectionLabelable;
    if (frontMatter.label) {
      sectionLabelable.attach(frontMatter.label, 'label', input.source.split('\n').findIndex((l) => l.startsWith('label:')) + 1);
      this.labelled.add(sectionLabelable);
    }
  }

  run(raw: Token[]): void {
    for (let i = 0; i < raw.length; i++) {
      const token = raw[i]!;
      const line = (token.map?.[0] ?? 0) + 1;
      if (token.type === 'front_matter') continue;
      if (token.type === 'heading_open' && token.level === 0) i = this.heading(raw, i, line);
      else if (token.type === 'paragraph_open' && token.level === 0) i = this.paragraph(raw, i, line);
      else if (token.type === 'math_block' && token.level === 0) this.equation(token, line);
      else if (token.type === 'table_open' && token.level === 0) i = this.table(raw, i);
      else this.other(token, line);
    }
  }

  private target(kind: LabelKind, label: string, line: number, anchor: string | null, num: string, title: string): LabelTarget {
    const t: LabelTarget = { label, kind, slug: this.input.slug, anchor, number: num, title, file: this.input.file, line };
    this.labels.push(t);
    return t;
  }

  private attachLabel(role: string, name: string, line: number): void {
    const labelable = this.labelable;
    if (!labelable) {
      return this.fail('misplaced-label', line, `:${role}:\`${name}\` must be on the line right after a heading, a figure, a table or a $$ equation (or at the top of the section), but it follows other text; move it there or use :numref: to refer to a label`);
    }
    if (!/^[\w.:-]+$/.test(name)) {
      this.fail('bad-label', line, `label '${name}' must be one word of letters, digits, '_', '-', '.' or ':' (e.g. sec_linear_regression)`);
    }
    if (role === 'eqlabel' && labelable.kind !== 'equation') {
      this.fail('misplaced-label', line, `:eqlabel:\`${name}\` must follow a $$ equation, but it follows ${labelable.describe}; use :label: there`);
    }
    if (this.labelled.has(labelable)) this.fail('misplaced-label', line, `${labelable.describe} already has a label; give each target one label`);
    this.labelled.add(labelable);
    labelable.attach(name, role, line);
  }

  /** `## Title`: numbered 2.1.1, its id kept for the table of contents. Returns the last index used. */
  private heading(raw: Token[], i: number, line: number): number {
    const token = raw[i]!;
    const level = Number(token.tag.slice(1));
    if (level === 1) this.fail('structure', line, `'# ' headings are not used inside a section: its title comes from the front matter 'title:'; start subsections at '## '`);
    if (level > this.previousHeadingLevel + 1) this.fail('structure', line, `heading level jumps from ${'#'.repeat(this.previousHeadingLevel)} to ${'#'.repeat(level)}; use ${'#'.repeat(this.previousHeadingLevel + 1)} so the numbering has no gaps`);
    this.previousHeadingLevel = level;
    this.counters[level - 2]!++;
    this.counters.fill(0, level - 1);
    const headingNumber = `${this.input.number}.${this.counters.slice(0, level - 1).join('.')}`;
    const inline = raw[i + 1];
    const text = inlineText(inline);
    const id = String(token.attrGet('id') ?? '');
    this.notes.set(token, { kind: 'heading', number: headingNumber });
    this.headings.push({ id, text, level, number: headingNumber });
    this.tokens.push(token, inline!, raw[i + 2]!);
    this.labelable = { kind: 'heading', describe: `the heading '${text}'`, attach: (label, _r, l) => this.target('heading', label, l, id, headingNumber, text) };
    return i + 2;
  }

  /** A paragraph: labels at its start attach to what came before; an image alone in it is a figure. */
  private paragraph(raw: Token[], i: number, line: number): number {
    const token = raw[i]!;
    const inline = raw[i + 1]!;
    const close = raw[i + 2]!;
    const { leading, rest, trailing } = labelRoles(inline.children ?? [], line);
    for (const l of leading) this.attachLabel(l.role, l.name, l.line);
    if (leading.length > 0) this.labelable = null;
    if (rest.length === 0 && trailing.length === 0) return i + 2; // a paragraph of labels only
    inline.children = rest;
    const image = rest.length === 1 && rest[0]!.type === 'image' ? rest[0]! : null;
    if (image) {
      const n = this.figures.length + 1;
      const figure = { kind: 'figure', number: `${this.input.number}.${n}`, anchor: `fig-${n}`, image } as const;
      this.notes.set(token, figure);
      this.notes.set(close, figure);
      const caption = inlineText(image);
      const entry: FigureEntry = { number: figure.number, line, label: null, caption };
      this.figures.push(entry);
      this.labelable = {
        kind: 'figure',
        describe: `the figure '${caption}'`,
        attach: (label, _r, l) => {
          entry.label = label;
          return this.target('figure', label, l, figure.anchor, figure.number, caption);
        },
      };
    } else {
      this.labelable = null;
    }
    for (const l of trailing) {
      if (!image) this.fail('misplaced-label', l.line, `:${l.role}:\`${l.name}\` ends a paragraph of text; a label goes on its own line right after a heading, a figure (an image alone in its paragraph), a table or a $$ equation`);
      this.attachLabel(l.role, l.name, l.line);
    }
    this.tokens.push(token, inline, close);
    return i + 2;
  }

  /** A `$$` equation: numbered only when labelled. */
  private equation(token: Token, line: number): void {
    const note: TokenNote & { kind: 'equation' } = { kind: 'equation', line, number: null, anchor: null };
    this.notes.set(token, note);
    this.tokens.push(token);
    this.labelable = {
      kind: 'equation',
      describe: 'an equation',
      attach: (label, _r, l) => {
        this.equations++;
        note.number = `${this.input.number}.${this.equations}`;
        note.anchor = `eq-${this.equations}`;
        return this.target('equation', label, l, note.anchor, note.number, '');
      },
    };
  }

  /** A table: numbered only when labelled. Returns the index of its closing token. */
  private table(raw: Token[], i: number): number {
    const token = raw[i]!;
    let j = i;
    while (raw[j]!.type !== 'table_close') j++;
    const table = raw.slice(i, j + 1);
    // A `:label:` line right under a table parses as its last row: take it back out.
    const lastRow = table.map((t) => t.type).lastIndexOf('tr_open');
    const rowInlines = table.slice(lastRow).filter((t) => t.type === 'inline');
    const first = rowInlines[0]?.children ?? [];
    const rowLabel =
      lastRow > 0 && first.length === 1 && first[0]!.type === 'xref' && (first[0]!.info === 'label' || first[0]!.info === 'eqlabel') && rowInlines.slice(1).every((t) => (t.children ?? []).length === 0)
        ? { role: first[0]!.info, name: first[0]!.content, line: (table[lastRow]!.map?.[0] ?? 0) + 1 }
        : null;
    if (rowLabel) {
      const rowEnd = table.map((t) => t.type).lastIndexOf('tr_close');
      table.splice(lastRow, rowEnd - lastRow + 1);
      const bodyOpen = table.map((t) => t.type).lastIndexOf('tbody_open');
      if (bodyOpen >= 0 && table[bodyOpen + 1]?.type === 'tbody_close') table.splice(bodyOpen, 2);
    }
    this.tokens.push(...table);
    this.labelable = {
      kind: 'table',
      describe: 'a table',
      attach: (label, _r, l) => {
        this.tables++;
        const note = { kind: 'table', number: `${this.input.number}.${this.tables}`, anchor: `tab-${this.tables}` } as const;
        this.notes.set(token, note);
        return this.target('table', label, l, note.anchor, note.number, '');
      },
    };
    if (rowLabel) this.attachLabel(rowLabel.role, rowLabel.name, rowLabel.line);
    return j;
  }

  /** Anything else: a cell's fence gets its note; other top-level text ends what a label could attach to. */
  private other(token: Token, line: number): void {
    if (token.type === 'fence') {
      const cell = this.cellByLine.get(line);
      if (cell) {
        if (token.level !== 0) this.fail('cell', line, `code cells must stand at the top level of the section, not inside a list or a quote; un-indent the \`\`\`${token.info.trim()} block`);
        this.notes.set(token, { kind: 'cell', cell });
      }
    }
    this.tokens.push(token);
    if (token.level === 0 && token.nesting !== -1) this.labelable = null;
  }
}

/** Every inline token: the line of each reference and formula, the roles checked, figure paths resolved. */
function annotateInlines(tokens: Token[], notes: Map<Token, TokenNote>, file: string, options: ParseOptions): void {
  const fail = failer(file);
  const visitInline = (inline: Token, firstLine: number) => {
    let lineNo = firstLine;
    for (const child of inline.children ?? []) {
      if (child.type === 'softbreak' || child.type === 'hardbreak') lineNo++;
      else if (child.type === 'xref') {
        const role = child.info;
        if (!isRole(role)) fail('unknown-role', lineNo, `unknown role ':${role}:' in ${child.markup}; known roles are :label:, :eqlabel:, :numref:, :eqref:, :ref:, :cite:, :citet: and :bibliography:`);
        if (role === 'label' || role === 'eqlabel') fail('misplaced-label', lineNo, `${child.markup} must be on its own line right after a heading, a figure, a table or a $$ equation; to point at a label, use :numref:\`${child.content}\``);
        notes.set(child, { kind: 'xref', line: lineNo });
      } else if (child.type === 'math_inline' || child.type === 'math_inline_block') {
        notes.set(child, { kind: 'math', line: lineNo });
      } else if (child.type === 'image') {
        const src = String(child.attrGet('src') ?? '');
        if (!/^[a-z]+:/i.test(src)) {
          const path = figurePath(src);
          if (path === null) fail('structure', lineNo, `figure path '${src}' must point into public/img (write it as img/<file>)`);
          if (options.assetExists && !options.assetExists(path!)) fail('structure', lineNo, `figure 'public/${path}' does not exist; add the file or fix the path '${src}'`);
          child.attrSet('src', path!);
          child.attrSet('loading', 'lazy');
          const alt = checkFigureImage(child, inlineText(child), path!, (message) => fail('figure', lineNo, message));
          if (options.readAsset && path!.endsWith('.svg')) child.meta = { svg: inlineSvg(options.readAsset(path!), alt, (message) => fail('figure', lineNo, message), path!) };
        }
        visitInline(child, lineNo);
      }
    }
  };
  let lastLine = 1;
  for (const t of tokens) {
    if (t.map) lastLine = t.map[0] + 1;
    if (t.type === 'inline') visitInline(t, t.map ? t.map[0] + 1 : lastLine);
  }
}
