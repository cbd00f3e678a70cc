// Every figure of the book in the BUILT site, in the light and the dark theme, on a desktop and on
// a 390 px phone: each renders inline (so it follows the theme), fits the column, keeps its text
// at a readable size, and has text and boxes that contrast with the page. Screenshots of each go
// to test-results/figures/<figure>-<theme>-<width>.png: look at them after changing a figure.
//
//   npx vite build --outDir .cache/e2e-dist && E2E_DIST_DIR=.cache/e2e-dist node --test test/e2e/figures.e2e.test.mjs
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readdir } from 'node:fs/promises';
import { launchBrowser, serveStatic, openSection } from './browser.mjs';

const distDir = process.env.E2E_DIST_DIR ?? 'dist';
const OUT = 'test-results/figures';
let site;
let browser;
let page;
/** Sections that hold figures, with the figure files they show. */
let withFigures = [];

before(async () => {
  await mkdir(OUT, { recursive: true });
  site = await serveStatic(distDir, '/handson/');
  browser = await launchBrowser();
  page = await browser.context.newPage();
  await page.goto(site.url);
  await page.waitForSelector('.toc');
  const slugs = await page.$$eval('.toc-sections > li > a', (as) => as.map((a) => a.getAttribute('href').slice(2)));
  for (const slug of slugs) {
    await open(slug);
    const files = await page.$$eval('figure.figure svg.figure-svg', (svgs) => svgs.map((s) => s.dataset.figure));
    if (files.length > 0) withFigures.push({ slug, files });
  }
});

after(async () => {
  await browser?.close();
  await site?.close();
});

const open = (slug) => openSection(page, slug);

/** Relative luminance (WCAG) of a computed CSS colour 'rgb(r, g, b)'. */
function luminance(css) {
  const [r, g, b] = css.match(/[\d.]+/g).slice(0, 3).map(Number).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a, b) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};

describe('figures in the built book', () => {
  it('every figure file is shown, inlined, by some section', async () => {
    const files = (await readdir(`${distDir}/img`)).filter((f) => f.endsWith('.svg')).map((f) => `img/${f}`);
    const shown = withFigures.flatMap((s) => s.files);
    assert.ok(files.length >= 24, `expected the book's figures in ${distDir}/img, found ${files.length}`);
    assert.deepEqual([...shown].sort(), [...files].sort());
  });

  for (const theme of ['light', 'dark']) {
    for (const width of [1280, 390]) {
      it(`${theme} theme, ${width} px: every figure fits, reads and contrasts; screenshots`, async () => {
        await page.setViewportSize({ width, height: 900 });
        await page.evaluate((t) => localStorage.setItem('handson/theme', t), theme);
        await page.reload();
        await page.waitForSelector('.toc', { state: 'attached' });
        assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), theme);
        const problems = [];
        for (const { slug, files } of withFigures) {
          await open(slug);
          for (const file of files) {
            const svg = page.locator(`svg.figure-svg[data-figure="${file}"]`);
            // Centered, clear of the fixed header and status bar, and still (charts above may still be laying out).
            let top = null;
            for (let i = 0; i < 20; i++) {
              const now = await svg.evaluate((el) => {
                el.closest('figure').scrollIntoView({ block: 'center' });
                return el.getBoundingClientRect().top;
              });
              if (now === top) break;
              top = now;
              await page.waitForTimeout(100);
            }
            const name = file.replace(/^img\/|\.svg$/g, '');
            await svg.locator('xpath=..').screenshot({ path: `${OUT}/${name}-${theme}-${width}.png` });
            const m = await svg.evaluate((el) => {
              const box = el.getBoundingClientRect();
              const column = el.closest('figure').parentElement.getBoundingClientRect();
              const scale = box.width / el.viewBox.baseVal.width;
              const bg = getComputedStyle(document.body).backgroundColor;
              const texts = [...el.querySelectorAll('text')].map((t) => ({ size: parseFloat(getComputedStyle(t).fontSize) * scale, fill: getComputedStyle(t).fill, text: t.textContent }));
              // Boxes and discs, not the few-pixel dots that mark a point (those take the text colour).
              const boxes = [...el.querySelectorAll('rect, circle')]
                .filter((r) => r.getBBox().width * r.getBBox().height > 100)
                .map((r) => getComputedStyle(r).fill)
                .filter((f) => f.startsWith('rgb'));
              return { width: box.width, right: box.right, column: { left: column.left, right: column.right }, viewport: innerWidth, texts, boxes, bg };
            });
            if (m.right > m.viewport + 0.5) problems.push(`${name}: runs ${Math.round(m.right - m.viewport)} px past the screen`);
            if (m.right > m.column.right + 0.5) problems.push(`${name}: wider than its column`);
            for (const t of m.texts) {
              if (t.size < 9) problems.push(`${name}: text '${t.text}' is ${t.size.toFixed(1)} px`);
              if (contrast(t.fill, m.bg) < 3) problems.push(`${name}: text '${t.text}' (${t.fill}) does not contrast with the page (${m.bg})`);
            }
            // No paper-white boxes in the dark theme: every filled shape stays dark there.
            if (theme === 'dark') for (const f of m.boxes) if (luminance(f) > 0.2) problems.push(`${name}: a shape filled ${f} is a light box in the dark theme`);
          }
        }
        assert.deepEqual(problems, []);
      });
    }
  }
});
