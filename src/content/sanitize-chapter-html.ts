/**
 * Chapter HTML is cleaned at build time with an allowlist (sanitize-html), after markdown-it and
 * KaTeX rendered it. Chapters allow raw HTML (the odd <details> or <br>), and a chapter is text
 * that anyone may send as a pull request: the site's CSP stops scripts and outside loads, but
 * not `<meta http-equiv="refresh">` (it navigated the reader to another site), nor a
 * `position:fixed` overlay over the page, a `<form>`, a `<base>` that moves every link, or a
 * `javascript:` link. What stays: the elements Markdown, KaTeX (HTML and MathML) and the book's
 * figures produce, their attributes (never an event handler), inline styles limited to the
 * properties and value shapes KaTeX writes (no fixed or absolute positioning, no z-index, no
 * url()), and links that are http(s), mailto, relative or #anchors.
 *
 * Everything the book's own chapters contain passes unchanged (test/unit/content/sanitize.test.ts
 * compares every chapter's HTML with and without the allowlist).
 */
import sanitizeHtml from 'sanitize-html';

const MARKDOWN_TAGS = [
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'a', 'em', 'strong', 'b', 'i', 'u', 's', 'del', 'ins', 'mark', 'small', 'sub', 'sup',
  'code', 'pre', 'kbd', 'samp', 'var', 'abbr', 'cite', 'q', 'blockquote', 'hr', 'br', 'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'table', 'caption', 'colgroup', 'col', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td',
  'img', 'figure', 'figcaption', 'details', 'summary', 'div', 'span', 'section', 'aside', 'wbr',
];

/** What KaTeX writes: MathML for screen readers and its SVGs (stretchy arrows, square roots). */
const KATEX_TAGS = [
  'math', 'semantics', 'annotation', 'mrow', 'mi', 'mo', 'mn', 'ms', 'mtext', 'mspace', 'msup', 'msub', 'msubsup', 'mfrac', 'msqrt', 'mroot',
  'mover', 'munder', 'munderover', 'mstyle', 'mtable', 'mtr', 'mtd', 'mpadded', 'mphantom', 'menclose', 'merror', 'mlabeledtr',
  'svg', 'path', 'line', 'g', 'rect',
];

/** What the book's own figures add (scripts/figures, inlined by figures.ts): shapes, text, arrowheads. */
const FIGURE_TAGS = ['circle', 'ellipse', 'polygon', 'polyline', 'text', 'tspan', 'defs', 'marker'];

const MATHML_ATTRIBUTES = [
  'mathvariant', 'stretchy', 'separator', 'fence', 'minsize', 'maxsize', 'lspace', 'rspace', 'accent', 'accentunder', 'width', 'height', 'depth',
  'scriptlevel', 'displaystyle', 'rowspacing', 'columnalign', 'columnspacing', 'columnlines', 'rowlines', 'frame', 'framespacing', 'notation',
  'linethickness', 'movablelimits', 'largeop', 'symmetric', 'voffset', 'mathcolor', 'mathbackground', 'encoding', 'xmlns', 'display',
];

/** A length as KaTeX writes it: at most two integer digits (no 9999em offsets). */
const LENGTH = /^-?\d{1,2}(\.\d+)?(em|ex|px|pt|%)?$/;
const COLOR = /^(#[0-9a-fA-F]{3,8}|[a-zA-Z]{3,20}|rgba?\([\d\s.,%]+\))$/;

const STYLES: Record<string, RegExp[]> = {
  height: [LENGTH],
  width: [LENGTH],
  'min-width': [LENGTH],
  'max-width': [LENGTH],
  'vertical-align': [LENGTH, /^(middle|top|bottom|baseline|text-top|text-bottom)$/],
  top: [LENGTH],
  left: [LENGTH],
  'margin-left': [LENGTH],
  'margin-right': [LENGTH],
  'margin-top': [LENGTH],
  'margin-bottom': [LENGTH],
  'padding-left': [LENGTH],
  'padding-right': [LENGTH],
  'border-bottom-width': [LENGTH],
  'border-top-width': [LENGTH],
  'border-right-width': [LENGTH],
  // KaTeX nudges some glyphs with position:relative; nothing else may position (fixed overlays).
  position: [/^relative$/],
  'text-align': [/^(left|right|center|justify)$/],
  color: [COLOR],
  'background-color': [COLOR],
};

export const CHAPTER_HTML_POLICY: sanitizeHtml.IOptions = {
  allowedTags: [...MARKDOWN_TAGS, ...KATEX_TAGS, ...FIGURE_TAGS],
  allowedAttributes: {
    '*': ['class', 'id', 'title', 'lang', 'dir', 'aria-hidden', 'aria-label', 'aria-describedby', 'role', 'style'],
    a: ['href', 'rel', 'data-slug', 'data-anchor'],
    img: ['src', 'alt', 'width', 'height', 'loading'],
    th: ['colspan', 'rowspan', 'scope'],
    td: ['colspan', 'rowspan'],
    ol: ['start', 'type', 'reversed'],
    details: ['open'],
    svg: ['xmlns', 'width', 'height', 'viewBox', 'preserveAspectRatio', 'focusable', 'data-figure'],
    path: ['d', 'marker-end', 'marker-start'],
    line: ['x1', 'y1', 'x2', 'y2', 'stroke-width', 'marker-end', 'marker-start'],
    rect: ['x', 'y', 'width', 'height', 'rx', 'ry'],
    g: ['transform'],
    circle: ['cx', 'cy', 'r'],
    ellipse: ['cx', 'cy', 'rx', 'ry'],
    polygon: ['points'],
    polyline: ['points', 'marker-end', 'marker-start'],
    text: ['x', 'y', 'dx', 'dy', 'text-anchor', 'font-size', 'transform'],
    tspan: ['x', 'y', 'dx', 'dy', 'font-size'],
    marker: ['viewBox', 'refX', 'refY', 'markerWidth', 'markerHeight', 'markerUnits', 'orient'],
    ...Object.fromEntries(KATEX_TAGS.filter((t) => t.startsWith('m') || t === 'semantics' || t === 'annotation').map((t) => [t, MATHML_ATTRIBUTES])),
  },
  allowedStyles: { '*': STYLES },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  // The content of these goes too, not only the tags.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'embed', 'template', 'title', 'select', 'button'],
  disallowedTagsMode: 'discard',
  // SVG and MathML keep their element names' case (viewBox is an attribute: kept as written).
  parser: { lowerCaseAttributeNames: false, lowerCaseTags: false },
};

/**
 * Chapter HTML with only what the allowlist keeps. When the allowlist takes nothing (the same
 * parser and serializer keeping everything give the same text), the HTML is kept exactly as
 * markdown-it and KaTeX wrote it (`&nbsp;`, `style="...;"`), byte for byte.
 */
export function sanitizeChapterHtml(html: string): string {
  const clean = sanitizeHtml(html, CHAPTER_HTML_POLICY);
  return clean === reserializeHtml(html) ? html : clean;
}

/**
 * The same HTML through the same parser and serializer, keeping everything: what the chapter
 * would be without the allowlist, to check that the allowlist takes nothing from a chapter.
 */
export function reserializeHtml(html: string): string {
  return sanitizeHtml(html, { allowedTags: false, allowedAttributes: false, allowVulnerableTags: true, parser: CHAPTER_HTML_POLICY.parser });
}
