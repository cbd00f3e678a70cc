#!/usr/bin/env node
/**
 * Quick look while drawing: every figure (or those named on the command line), inlined as the
 * build inlines it, in the light and the dark theme, at its natural size and in a 390 px column;
 * screenshots in .cache/figures/ (.cache/figures/<lang>/ for a translation: --lang zh). The e2e
 * test (test/e2e/figures.e2e.test.mjs) does the same through the built site.
 *
 * It also measures every label as the browser sets it and lists the words that do not fit: text
 * that runs past the figure's edge, out of the box it is written in, or into another label. A
 * translation is checked against its English figure (a clash the English drawing also has is
 * by design, e.g. a label set on a line), so run it after changing a figure or its labels:
 *   node scripts/figures/preview.mjs --lang zh [name ...]
 * (Chinese glyphs need a CJK font on the machine, e.g. Debian's fonts-noto-cjk.)
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from '../../test/e2e/browser.mjs';
import { drawAll } from './build.mjs';

const argv = process.argv.slice(2);
const lang = argv[0] === '--lang' ? argv[1] : null;
const only = lang ? argv.slice(2) : argv;
const out = join('.cache', 'figures', ...(lang ? [lang] : []));
mkdirSync(out, { recursive: true });
const css = ['src/app/styles/theme.css', 'src/content/figures.css', 'src/content/content.css'].map((f) => readFileSync(f, 'utf8')).join('\n');
const page$ = (theme, text, name) =>
  `<!doctype html><html data-theme="${theme}"><head><meta charset="utf-8"><style>${css} body{background:var(--bg);color:var(--text);margin:0;padding:16px}</style></head>` +
  `<body><figure class="figure">${text.replace(/<style>[\s\S]*?<\/style>/, '').replace('<svg ', '<svg class="figure-svg" ')}<figcaption>${name}</figcaption></figure></body></html>`;

/** In the page: the labels that run past the figure, out of their box, or into each other. */
function measure() {
  const svg = document.querySelector('svg');
  const vb = svg.viewBox.baseVal;
  const pad = 0.5;
  const texts = [...svg.querySelectorAll('text')].map((t, i) => {
    const b = t.getBBox();
    const matrix = t.getAttribute('transform');
    return { i, s: t.textContent.replace(/\u200b/g, ''), x: b.x, y: b.y, w: b.width, h: b.height, ax: +t.getAttribute('x'), ay: +t.getAttribute('y'), rotated: !!matrix };
  });
  const rects = [...svg.querySelectorAll('rect')].map((r) => r.getBBox()).filter((r) => r.width >= 12 && r.height >= 12);
  const problems = [];
  for (const a of texts) {
    if (a.rotated) continue;
    if (a.x < vb.x - pad || a.x + a.w > vb.x + vb.width + pad || a.y < vb.y - pad || a.y + a.h > vb.y + vb.height + pad) problems.push({ key: `edge ${a.i}`, text: `'${a.s}' runs past the figure's edge` });
    // The box it is written in: the smallest rect around its anchor point (if any holds it whole in English, it must here too).
    const inside = rects.filter((r) => a.ax > r.x && a.ax < r.x + r.width && a.ay - 4 > r.y && a.ay - 4 < r.y + r.height).sort((p, q) => p.width * p.height - q.width * q.height)[0];
    if (inside && (a.x < inside.x - pad || a.x + a.w > inside.x + inside.width + pad)) problems.push({ key: `box ${a.i}`, text: `'${a.s}' runs out of its box` });
  }
  for (let i = 0; i < texts.length; i++) {
    for (let j = i + 1; j < texts.length; j++) {
      const a = texts[i], b = texts[j];
      if (a.rotated || b.rotated) continue;
      // Glyph boxes include the line gap: count an overlap only past a couple of pixels.
      const ox = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
      const oy = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
      if (ox > 1 && oy > 3) problems.push({ key: `clash ${a.i} ${b.i}`, text: `'${a.s}' runs into '${b.s}'` });
    }
  }
  return problems;
}

const { context, close } = await launchBrowser();
const report = [];
try {
  const page = await context.newPage();
  const english = drawAll();
  for (const [name, text] of drawAll(lang)) {
    if (only.length && !only.includes(name)) continue;
    for (const theme of ['light', 'dark']) {
      for (const width of [720, 390]) {
        await page.setViewportSize({ width, height: 900 });
        await page.setContent(page$(theme, text, name));
        await page.evaluate(() => document.fonts.ready);
        await page.locator('figure').screenshot({ path: join(out, `${name}-${theme}-${width}.png`) });
        if (theme === 'light' && width === 720) {
          let problems = await page.evaluate(measure);
          if (lang) {
            // The labels are the same elements in both drawings: a problem the English figure has too is by design.
            await page.setContent(page$(theme, english.get(name), name));
            const byDesign = new Set((await page.evaluate(measure)).map((p) => p.key));
            problems = problems.filter((p) => !byDesign.has(p.key));
          }
          for (const p of problems) report.push(`${name}: ${p.text}`);
        }
      }
    }
  }
} finally {
  await close();
}
console.log(`screenshots in ${out}`);
if (report.length > 0) {
  console.log(`labels that do not fit:\n  ${report.join('\n  ')}`);
  process.exitCode = 1;
}
