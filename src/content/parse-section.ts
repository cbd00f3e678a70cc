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

export function parseSection(input: SectionInput, options: ParseOptions = {}): ParsedSection {
  const { file, slug, number } = input;
  const fail = (kind: ConstructorParameters<typeof ContentError>[0], line: number, message: string): never => {
    throw new ContentError(kind, file, line, message);
  };
  const raw = md.parse(input.source, {});

  // ---- front matter ------------------------------------------------------------------
  const frontMatter = frontMatterOf(raw, input.source, file);

  // ---- cells (cells.ts is the one definition of a cell; the kernel runner uses it too) -----
  let cells: Cell[];
  try {
    cells = extractCells(input.source);
  } catch (e) {
    if (!(e instanceof CellAttributeError)) throw e;
    const m = /^line (\d+): (.*)$/s.exec(e.message);
    const line = m ? Number(m[1]) : (input.source.split('\n').findIndex((l) => l.startsWith('```') && e.message.includes(l.slice(3).trim())) + 1);
    throw new ContentError('cell', file, line, m ? m[2]! : e.message);
  }
  const cellByLine = new Map(cells.map((c) => [c.line, c]));
  if (cells.length > 0 && options.kind === 'part') fail('structure', cells[0]!.line, `a part's index.md is an introduction and cannot hold code cells; move the cell into a section file of this part`);

  // ---- top-level walk: numbering and labels -------------------------------------------
  const labels: LabelTarget[] = [];
  const notes = new Map<Token, TokenNote>();
  const headings: HeadingEntry[] = [];
  const tokens: Token[] = [];
  const counters = [0, 0, 0, 0, 0]; // ## .. ######
  let figures = 0;
  const figureEntries: FigureEntry[] = [];
  let tables = 0;
  let equations = 0;
  const target = (kind: LabelKind, label: string, line: number, anchor: string | null, num: string, title: string): LabelTarget => {
    const t: LabelTarget = { label, kind, slug, anchor, number: num, title, file, line };
    labels.push(t);
    return t;
  };

  const sectionLabelable: Labelable = {
    kind: options.kind === 'part' ? 'part' : 'section',
    describe: 'the top of the section',
    attach: (label, _role, line) => target(options.kind === 'part' ? 'part' : 'section', label, line, null, number, frontMatter.title),
  };
  let labelable: Labelable | null = sectionLabelable;
  if (frontMatter.label) sectionLabelable.attach(frontMatter.label, 'label', input.source.split('\n').findIndex((l) => l.startsWith('label:')) + 1);
  const labelled = new Set<Labelable>(frontMatter.label ? [sectionLabelable] : []);

  const attachLabel = (role: string, name: string, line: number): void => {
    if (!labelable) {
      fail('misplaced-label', line, `:${role}:\`${name}\` must be on the line right after a heading, a figure, a table or a $$ equation (or at the top of the section), but it follows other text; move it there or use :numref: to refer to a label`);
    }
    if (!/^[\w.:-]+$/.test(name)) {
      fail('bad-label', line, `label '${name}' must be one word of letters, digits, '_', '-', '.' or ':' (e.g. sec_linear_regression)`);
    }
    if (role === 'eqlabel' && labelable!.kind !== 'equation') {
      fail('misplaced-label', line, `:eqlabel:\`${name}\` must follow a $$ equation, but it follows ${labelable!.describe}; use :label: there`);
    }
    if (labelled.has(labelable!)) fail('misplaced-label', line, `${labelable!.describe} already has a label; give each target one label`);
    labelled.add(labelable!);
    labelable!.attach(name, role, line);
  };

  /** Splits an inline token's children into leading labels, the rest, and trailing labels. */
  const labelRoles = (children: Token[], firstLine: number) => {
    const lineAt = (index: number) => firstLine + children.slice(0, index).filter((c) => c.type === 'softbreak' || c.type === 'hardbreak').length;
    const isLabel = (t: Token | undefined) => t?.type === 'xref' && (t.info === 'label' || t.info === 'eqlabel');
    const isBreak = (t: Token | undefined) => t?.type === 'softbreak' || t?.type === 'hardbreak';
    let start = 0;
    const leading: { role: string; name: string; line: number }[] = [];
    while (isLabel(children[start])) {
      const t = children[start]!;
      leading.push({ role: t.info, name: t.content, line: lineAt(start) });
      start++;
      if (isBreak(children[start])) start++;
    }
    let end = children.length;
    const trailing: { role: string; name: string; line: number }[] = [];
    while (end > start && isLabel(children[end - 1]) && (end - 1 === start || isBreak(children[end - 2]))) {
      const t = children[end - 1]!;
      trailing.unshift({ role: t.info, name: t.content, line: lineAt(end - 1) });
      end -= end - 1 === start ? 1 : 2;
    }
    return { leading, rest: children.slice(start, end), trailing };
  };

  let previousHeadingLevel = 1;
  for (let i = 0; i < raw.length; i++) {
    const token = raw[i]!;
    const line = (token.map?.[0] ?? 0) + 1;
    if (token.type === 'front_matter') continue;

    if (token.type === 'heading_open' && token.level === 0) {
      const level = Number(token.tag.slice(1));
      if (level === 1) fail('structure', line, `'# ' headings are not used inside a section: its title comes from the front matter 'title:'; start subsections at '## '`);
      if (level > previousHeadingLevel + 1) fail('structure', line, `heading level jumps from ${'#'.repeat(previousHeadingLevel)} to ${'#'.repeat(level)}; use ${'#'.repeat(previousHeadingLevel + 1)} so the numbering has no gaps`);
      previousHeadingLevel = level;
      counters[level - 2]!++;
      counters.fill(0, level - 1);
      const headingNumber = `${number}.${counters.slice(0, level - 1).join('.')}`;
      const inline = raw[i + 1];
      const text = inlineText(inline);
      const id = String(token.attrGet('id') ?? '');
      notes.set(token, { kind: 'heading', number: headingNumber });
      headings.push({ id, text, level, number: headingNumber });
      tokens.push(token, inline!, raw[i + 2]!);
      i += 2;
      labelable = { kind: 'heading', describe: `the heading '${text}'`, attach: (label, _r, l) => target('heading', label, l, id, headingNumber, text) };
      continue;
    }

    if (token.type === 'paragraph_open' && token.level === 0) {
      const inline = raw[i + 1]!;
      const close = raw[i + 2]!;
      const { leading, rest, trailing } = labelRoles(inline.children ?? [], line);
      for (const l of leading) attachLabel(l.role, l.name, l.line);
      if (leading.length > 0) labelable = null;
      i += 2;
      if (rest.length === 0 && trailing.length === 0) continue; // a paragraph of labels only
      inline.children = rest;
      const image = rest.length === 1 && rest[0]!.type === 'image' ? rest[0]! : null;
      if (image) {
        figures++;
        const figure = { kind: 'figure', number: `${number}.${figures}`, anchor: `fig-${figures}`, image } as const;
        notes.set(token, figure);
        notes.set(close, figure);
        const caption = inlineText(image);
        const entry: FigureEntry = { number: figure.number, line, label: null, caption };
        figureEntries.push(entry);
        labelable = {
          kind: 'figure',
          describe: `the figure '${caption}'`,
          attach: (label, _r, l) => {
            entry.label = label;
            return target('figure', label, l, figure.anchor, figure.number, caption);
          },
        };
      } else {
        labelable = null;
      }
      for (const l of trailing) {
        if (!image) fail('misplaced-label', l.line, `:${l.role}:\`${l.name}\` ends a paragraph of text; a label goes on its own line right after a heading, a figure (an image alone in its paragraph), a table or a $$ equation`);
        attachLabel(l.role, l.name, l.line);
      }
      tokens.push(token, inline, close);
      continue;
    }

    if (token.type === 'math_block' && token.level === 0) {
      const note: TokenNote & { kind: 'equation' } = { kind: 'equation', line, number: null, anchor: null };
      notes.set(token, note);
      tokens.push(token);
      labelable = {
        kind: 'equation',
        describe: 'an equation',
        attach: (label, _r, l) => {
          equations++;
          note.number = `${number}.${equations}`;
          note.anchor = `eq-${equations}`;
          return target('equation', label, l, note.anchor, note.number, '');
        },
      };
      continue;
    }

    if (token.type === 'table_open' && token.level === 0) {
      let j = i;
      while (raw[j]!.type !== 'table_close') j++;
      const table = raw.slice(i, j + 1);
      i = j;
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
      tokens.push(...table);
      labelable = {
        kind: 'table',
        describe: 'a table',
        attach: (label, _r, l) => {
          tables++;
          const note = { kind: 'table', number: `${number}.${tables}`, anchor: `tab-${tables}` } as const;
          notes.set(token, note);
          return target('table', label, l, note.anchor, note.number, '');
        },
      };
      if (rowLabel) attachLabel(rowLabel.role, rowLabel.name, rowLabel.line);
      continue;
    }

    if (token.type === 'fence') {
      const cell = cellByLine.get(line);
      if (cell) {
        if (token.level !== 0) fail('cell', line, `code cells must stand at the top level of the section, not inside a list or a quote; un-indent the \`\`\`${token.info.trim()} block`);
        notes.set(token, { kind: 'cell', cell });
      }
    }

    tokens.push(token);
    if (token.level === 0 && token.nesting !== -1) labelable = null;
  }

  // ---- every inline token: lines for references and math, roles, figure paths ---------
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
  const visitAll = (list: Token[]) => {
    let lastLine = 1;
    for (const t of list) {
      if (t.map) lastLine = t.map[0] + 1;
      if (t.type === 'inline') visitInline(t, t.map ? t.map[0] + 1 : lastLine);
    }
  };
  visitAll(tokens);

  return { input, frontMatter, headings, tokens, notes, labels, cells, figures: figureEntries };
}
