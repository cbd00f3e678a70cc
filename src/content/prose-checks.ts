/**
 * House rules for the prose a reader sees (not the code cells): it never talks about how the
 * book is built or tested, nor points at files of the repository a reader cannot open; it is
 * written in American English; every title and heading uses the same title case; and it has no
 * stacked parentheticals. A broken rule fails the build with the file, the line and a fix.
 */
import type { Token } from 'markdown-it';
import type { BookLang } from './book-lang';
import { ContentError } from './content-error';
import type { ParsedSection } from './parse-section';

/** Talk about the book's own machinery: readers see results, not how they were checked. */
const TEST_TALK: { re: RegExp; fix: string }[] = [
  { re: /\bbook(?:'s)? (?:own )?tests?\b/i, fix: "say what the reader can see or do instead (e.g. 'when the outputs were recorded')" },
  { re: /\btest (?:suites?|machines?|pages?|runners?|harness(?:es)?)\b/i, fix: "describe the machine or the run in the reader's terms (e.g. 'a two-core processor')" },
  { re: /\b(?:is|are|was|were|gets?|being) tested on\b/i, fix: "describe the machine itself (e.g. 'on a two-core processor')" },
  { re: /\b(?:the|this|our|the book's) (?:repository|repo)(?:'s)?\b/i, fix: 'show the code or the facts on the page instead of pointing into the repository' },
  { re: /\bCI\b/, fix: 'leave continuous integration out of the reader prose' },
  { re: /(?:^|[\s(`'"])\.?\/?(?:src|docs|test|tests|scripts|recorded|chapters|bench)\/[\w./-]+/, fix: 'a reader cannot open repository files from the page: show the code or describe it' },
];

/** The same talk in the Chinese edition (测试 alone is fine: the prose tests models on test sets). */
const TEST_TALK_ZH: { re: RegExp; fix: string }[] = [
  { re: /本书的?测试|测试(?:套件|机器|页面|脚本|用例)|(?:代码|本书的?)仓库|持续集成/, fix: '写读者能看到或能做的事（例如"记录输出时"），不要提本书的构建与测试' },
];

/** British spellings and their American forms (the book follows d2l.ai's American English). */
const BRITISH: [RegExp, string][] = [
  [/\b(colour|flavour|behaviour|neighbour|favour|honour|labour|harbour|humour|rumour|vigour)(s|ed|ing|hood|ly)?\b/i, 'drop the u: color, behavior, neighbor...'],
  [/\b(labell|modell|cancell|signall|channell|tunnell)(ed|ing|er|ers)\b|\btravell(ed|ing)\b/i, 'one l: labeled, modeling, traveled... (the novel\'s "Time Traveller" is a name and stays)'],
  [/\b(optimis|normalis|initialis|regularis|minimis|maximis|generalis|summaris|visualis|recognis|organis|realis|utilis|standardis|parameteris|serialis|synchronis|penalis|characteris|categoris|memoris|vectoris|randomis|tokenis|customis|analys)(e|es|ed|er|ers|ing|ation|ations)\b/i, 'z, not s: normalize, initialization, analyze...'],
  [/\b(centre|metre|litre|fibre|catalogue|dialogue|analogue|licence|defence|offence|grey|whilst|amongst|learnt|spelt|towards|afterwards|judgement|programme)s?\b/i, 'American form: center, toward, afterward, learned, gray, license...'],
];

/** Words a title keeps lowercase unless they open it, follow a colon or close it. */
const SMALL_WORDS = new Set(['a', 'an', 'the', 'and', 'but', 'or', 'nor', 'as', 'at', 'by', 'for', 'in', 'of', 'on', 'per', 'to', 'up', 'via', 'vs']);

export interface ProseProblem {
  line: number;
  message: string;
}

/**
 * The title case of the book: every word capitalized except the small words above (articles,
 * short conjunctions and prepositions of three letters or fewer), which stay lowercase unless
 * first, last or after a colon. Words already holding a capital or a digit, math and code are
 * left as written, except a small word capitalized in the middle. Returns the title as the rule
 * writes it.
 */
export function titleCase(title: string): string {
  // Segments: math and code (kept as written), words, and everything between.
  const segments = title.split(/(\$[^$]*\$|`[^`]*`|[A-Za-z][A-Za-z'-]*)/).filter((s) => s !== '');
  const isWord = (s: string) => /^[A-Za-z]/.test(s);
  const lastWord = segments.map(isWord).lastIndexOf(true);
  let opens = true;
  return segments
    .map((seg, i) => {
      if (!isWord(seg)) {
        if (seg.includes(':')) opens = true;
        else if (seg.trim() !== '') opens = false;
        return seg;
      }
      const first = opens;
      opens = false;
      const small = SMALL_WORDS.has(seg.toLowerCase()) && !first && i !== lastWord;
      // 'Of' in the middle of a title is a small word wrongly capitalized; 'OR' or 'IN' would be an acronym.
      if (small && seg === seg[0]!.toUpperCase() + seg.slice(1).toLowerCase()) return seg.toLowerCase();
      if (seg !== seg.toLowerCase()) return seg; // a capital already: names, acronyms, 'LeNet'
      if (small) return seg;
      return seg
        .split('-')
        .map((w, k) => (w === '' || (k > 0 && SMALL_WORDS.has(w)) ? w : w[0]!.toUpperCase() + w.slice(1)))
        .join('-');
    })
    .join('');
}

function titleProblem(title: string): string | null {
  const want = titleCase(title);
  if (want === title) return null;
  return `title case: write '${want}' instead of '${title}' (every word capitalized but a, an, the, and, but, or, nor, as and prepositions of three letters or fewer, which are lowercase unless first, last or after a colon)`;
}

/**
 * An inline token's text, line breaks as spaces, with the line offset of every character. Math
 * and references become 'X'; code too, unless `withCode` (a path in backticks is still a path,
 * but the parentheses of a call in backticks are not prose).
 */
function inlineText(children: Token[], withCode: boolean): { text: string; lineAt: number[] } {
  let text = '';
  const lineAt: number[] = [];
  let line = 0;
  const add = (s: string) => {
    text += s;
    for (let k = 0; k < s.length; k++) lineAt.push(line);
  };
  for (const c of children) {
    if (c.type === 'softbreak' || c.type === 'hardbreak') {
      add(' ');
      line++;
    } else if (c.type === 'text') add(c.content);
    else if (c.type === 'code_inline' && withCode) add(` ${c.content} `);
    else if (c.type === 'xref' && c.info === 'cite') add('(X)'); // renders as "(Author, year)"
    else if (c.type === 'code_inline' || c.type.startsWith('math_') || c.type === 'xref') add('X');
    else if (c.type === 'image') add('X');
  }
  return { text, lineAt };
}

function parenthesesProblem(text: string): number | null {
  let depth = 0;
  let lastClose = -10;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(') {
      if (depth > 0) return i;
      if (/^[\s,;]*$/.test(text.slice(lastClose + 1, i)) && lastClose >= 0) return i;
      depth++;
    } else if (ch === ')' && depth > 0) {
      depth--;
      lastClose = i;
    }
  }
  return null;
}

/**
 * Every problem of one section's prose; empty when it follows the house rules. Title case and
 * American spelling are rules of the English edition; the Chinese edition has its own words for
 * test talk, and both keep the rule on repository paths and stacked parentheticals.
 */
export function proseProblems(parsed: ParsedSection, lang: BookLang = 'en'): ProseProblem[] {
  const problems: ProseProblem[] = [];
  const english = lang === 'en';
  const testTalk = english ? TEST_TALK : [...TEST_TALK, ...TEST_TALK_ZH];
  const source = parsed.input.source.split('\n');
  const titleLine = source.findIndex((l) => l.startsWith('title:')) + 1;
  const titleIssue = english ? titleProblem(parsed.frontMatter.title) : null;
  if (titleIssue) problems.push({ line: titleLine, message: titleIssue });

  let inHeading = false;
  for (const token of parsed.tokens) {
    if (token.type === 'heading_open') inHeading = true;
    if (token.type === 'heading_close') inHeading = false;
    if (token.type !== 'inline') continue;
    const firstLine = (token.map?.[0] ?? 0) + 1;
    const children = token.children ?? [];
    if (inHeading && english) {
      const raw = source[firstLine - 1]?.replace(/^#+\s*/, '') ?? token.content;
      const issue = titleProblem(raw);
      if (issue) problems.push({ line: firstLine, message: issue });
    }
    // Test talk: in text and inline code alike; British spelling: in text only.
    const withCode = inlineText(children, true);
    for (const { re, fix } of testTalk) {
      const m = re.exec(withCode.text);
      if (m) problems.push({ line: firstLine + (withCode.lineAt[m.index] ?? 0), message: `reader prose must not talk about the book's tests or repository files: '${m[0].trim()}'; ${fix}` });
    }
    const { text, lineAt } = inlineText(children, false);
    for (const [re, fix] of english ? BRITISH : []) {
      const m = re.exec(text);
      if (m) problems.push({ line: firstLine + (lineAt[m.index] ?? 0), message: `American English: '${m[0]}' is British spelling; ${fix}` });
    }
    const at = parenthesesProblem(text);
    if (at !== null) {
      problems.push({ line: firstLine + (lineAt[at] ?? 0), message: `stacked parentheticals near '${text.slice(Math.max(0, at - 30), at + 30).trim()}': a parenthesis inside or right after another is hard to read; make one of them a sentence or a clause` });
    }
  }
  return problems;
}

/** Fails the build on the section's first prose problem. */
export function checkProse(parsed: ParsedSection, lang: BookLang = 'en'): void {
  const [first] = proseProblems(parsed, lang);
  if (first) throw new ContentError('prose', parsed.input.file, first.line, first.message);
}
