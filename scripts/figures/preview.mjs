#!/usr/bin/env node
/**
 * Quick look while drawing: every figure (or those named on the command line), inlined as the
 * build inlines it, in the light and the dark theme, at its natural size and in a 390 px column;
 * screenshots in .cache/figures/. The e2e test (test/e2e/figures.e2e.test.mjs) does the same
 * through the built site.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from '../../test/e2e/browser.mjs';
import { drawAll } from './build.mjs';

const only = process.argv.slice(2);
const out = join('.cache', 'figures');
mkdirSync(out, { recursive: true });
const css = ['src/app/styles/theme.css', 'src/content/figures.css', 'src/content/content.css'].map((f) => readFileSync(f, 'utf8')).join('\n');
const { context, close } = await launchBrowser();
try {
  const page = await context.newPage();
  for (const [name, text] of drawAll()) {
    if (only.length && !only.includes(name)) continue;
    for (const theme of ['light', 'dark']) {
      for (const width of [720, 390]) {
        await page.setViewportSize({ width, height: 900 });
        await page.setContent(
          `<!doctype html><html data-theme="${theme}"><head><style>${css} body{background:var(--bg);color:var(--text);margin:0;padding:16px}</style></head>` +
            `<body><figure class="figure">${text.replace(/<style>[\s\S]*?<\/style>/, '').replace('<svg ', '<svg class="figure-svg" ')}<figcaption>${name}</figcaption></figure></body></html>`,
        );
        await page.locator('figure').screenshot({ path: join(out, `${name}-${theme}-${width}.png`) });
      }
    }
  }
} finally {
  await close();
}
console.log(`screenshots in ${out}`);
