/**
 * A section's (or part index's) front matter: YAML between `---` lines at the top of the file.
 * Unknown keys fail the build, because a misspelt `titel:` would otherwise vanish silently.
 */
import type { Token } from 'markdown-it';
import { parseDocument } from 'yaml';
import { ContentError } from './content-error';
import { createMarkdown } from './markdown';

export interface FrontMatter {
  title: string;
  /** Labels the whole section, for :numref:/:ref: from other sections. */
  label?: string;
  /** Seconds the section's cells may take in the book test (read by scripts/book-test.mjs). */
  budget?: number;
  /** One line for search results and link previews. */
  description?: string;
}

const KNOWN_KEYS = ['title', 'label', 'budget', 'description'];

const EXAMPLE = "---\ntitle: Linear Regression from Scratch\n---";

/**
 * @param raw the text between the `---` lines
 * @param firstLine the 1-based file line of the first line of `raw` (2 for a file's front matter)
 */
export function parseFrontMatter(raw: string, file: string, firstLine: number): FrontMatter {
  const doc = parseDocument(raw, { prettyErrors: false });
  const error = doc.errors[0];
  if (error) {
    const line = firstLine + (raw.slice(0, error.pos[0]).match(/\n/g)?.length ?? 0);
    throw new ContentError('front-matter', file, line, `front matter is not valid YAML (${error.message.split('\n')[0]}); expected key: value lines such as\n${EXAMPLE}`);
  }
  const value: unknown = doc.toJS();
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ContentError('front-matter', file, firstLine, `front matter must be key: value pairs, got ${value === null ? 'nothing' : Array.isArray(value) ? 'a list' : typeof value}; write it as\n${EXAMPLE}`);
  }
  const record = value as Record<string, unknown>;
  const lineOf = (key: string): number => {
    const index = raw.split('\n').findIndex((l) => l.startsWith(`${key}:`));
    return index >= 0 ? firstLine + index : firstLine;
  };
  for (const key of Object.keys(record)) {
    if (!KNOWN_KEYS.includes(key)) {
      throw new ContentError('front-matter', file, lineOf(key), `unknown front matter key '${key}' (known: ${KNOWN_KEYS.join(', ')}); fix the spelling or remove it`);
    }
  }
  const { title, label, budget, description } = record;
  if (typeof title !== 'string' || title.trim() === '') {
    throw new ContentError('front-matter', file, 'title' in record ? lineOf('title') : firstLine, `front matter needs a non-empty 'title:' string, got ${JSON.stringify(title) ?? 'none'}; e.g.\n${EXAMPLE}`);
  }
  const result: FrontMatter = { title: title.trim() };
  if (label !== undefined) {
    if (typeof label !== 'string' || !/^[\w.-]+$/.test(label)) {
      throw new ContentError('front-matter', file, lineOf('label'), `front matter 'label:' must be one word of letters, digits, '_', '-' or '.', got ${JSON.stringify(label)}`);
    }
    result.label = label;
  }
  if (budget !== undefined) {
    if (typeof budget !== 'number' || !(budget > 0)) {
      throw new ContentError('front-matter', file, lineOf('budget'), `front matter 'budget:' must be a positive number of seconds, got ${JSON.stringify(budget)}`);
    }
    result.budget = budget;
  }
  if (description !== undefined) {
    if (typeof description !== 'string') {
      throw new ContentError('front-matter', file, lineOf('description'), `front matter 'description:' must be text, got ${JSON.stringify(description)}`);
    }
    result.description = description;
  }
  return result;
}

/**
 * The front matter of a parsed file (its first token, from markdown-it-front-matter): the one way
 * the build and the book's tools read it.
 */
export function frontMatterOf(tokens: readonly Token[], source: string, file: string): FrontMatter {
  const token = tokens[0]?.type === 'front_matter' ? tokens[0] : undefined;
  if (!token) {
    const firstLine = source.split('\n', 1)[0] ?? '';
    throw new ContentError('front-matter', file, 1, `expected front matter at the top of the file ('---', then 'title: <section title>', then '---'), found ${JSON.stringify(firstLine)}`);
  }
  return parseFrontMatter(String(token.meta ?? ''), file, 2);
}

/** A file's front matter, for tools that need nothing else of it (the book test's budget). */
export function readFrontMatter(source: string, file: string): FrontMatter {
  return frontMatterOf(createMarkdown().parse(source, {}), source, file);
}
