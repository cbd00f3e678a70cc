/**
 * Figure checks and SVG inlining.
 *
 * A figure is written `![Caption](img/x.svg "Alt text")`: the bracket text is the caption shown
 * under the figure, the quoted title is the alt text that says what the drawing shows (for a
 * reader who cannot see it). Both are required, and every figure must be labelled and referred
 * to from the prose with :numref: (or :ref:) somewhere in the book (figure-references.ts).
 *
 * SVG figures are inlined into the section's HTML rather than loaded with <img>: an <img> SVG is
 * a separate document that inherits neither `currentColor` nor the page's CSS variables, so it
 * could not follow the reader's light/dark theme. Inlined, the drawing's classes (`.fg`, `.acc`,
 * ... see scripts/figures/draw.mjs) take their colours from the theme variables of the page, by
 * the rules in figures.css (written by scripts/figures/build.mjs).
 */
import type { Token } from 'markdown-it';

/** The alt text of a figure image (its title); fails when the caption or the alt text is missing. */
export function checkFigureImage(image: Token, caption: string, path: string, fail: (message: string) => never): string {
  const alt = String(image.attrGet('title') ?? '').trim();
  if (caption === '') fail(`figure 'public/${path}' has no caption; write ![What the figure shows, in one phrase](${path} "Alt text")`);
  if (alt === '') {
    fail(`figure 'public/${path}' has no alt text; add it as the quoted title, ![${caption}](${path} "What the drawing shows, for a reader who cannot see it")`);
  }
  image.attrs = (image.attrs ?? []).filter(([name]) => name !== 'title');
  image.attrSet('alt', alt);
  return alt;
}

const escapeAttr = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The SVG file as an inline element: prolog and comments dropped, `role="img"` and the alt text
 * as its accessible name, and its ids prefixed by the file name so two figures on one page
 * cannot take each other's arrowheads.
 */
export function inlineSvg(text: string, alt: string, fail: (message: string) => never, path = 'figure'): string {
  // The file's own <style> (for viewing it alone) goes: the page has the same rules in figures.css.
  let svg = text.replace(/<\?xml[^>]*\?>/g, '').replace(/<!--[\s\S]*?-->/g, '').replace(/<style>[\s\S]*?<\/style>/g, '').trim();
  if (!svg.startsWith('<svg')) fail(`figure 'public/${path}' is not an SVG document (it must start with <svg after the XML prolog)`);
  if (/<script|<foreignObject|\son[a-z]+\s*=/i.test(svg)) fail(`figure 'public/${path}' holds a script, an event handler or foreignObject; figures are drawings only, remove them`);
  const prefix = `fig-${path.replace(/^.*\//, '').replace(/\.svg$/, '').replace(/[^\w-]/g, '-')}-`;
  svg = svg
    .replace(/\sid="([^"]+)"/g, (_m, id: string) => ` id="${prefix}${id}"`)
    .replace(/url\(#([^)]+)\)/g, (_m, id: string) => `url(#${prefix}${id})`)
    .replace(/href="#([^"]+)"/g, (_m, id: string) => `href="#${prefix}${id}"`);
  return svg.replace(/^<svg\b/, `<svg role="img" aria-label="${escapeAttr(alt)}" class="figure-svg" data-figure="${escapeAttr(path)}"`);
}
