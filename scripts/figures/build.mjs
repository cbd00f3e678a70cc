#!/usr/bin/env node
/**
 * Draws the book's figures into public/img/<name>.svg (`npm run figures`).
 *
 * Every word in a figure is a label kept as data (each figure's `labels`), so a translated set is
 * one JSON file away:
 *   node scripts/figures/build.mjs --labels > labels.en.json    all labels, by figure and key
 *   node scripts/figures/build.mjs --lang zh labels.zh.json     writes public/img/zh/*.svg
 *   node scripts/figures/build.mjs --check                      fails when a file is out of date
 * A label missing from a translation falls back to English, and is listed on stderr.
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FIGURE_CSS } from './draw.mjs';
import { FIGURES } from './index.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);

/** The palette for the page (figures are inlined without their own <style>: src/content/figures.ts). */
export const PAGE_CSS_FILE = join(root, 'src', 'content', 'figures.css');
export const pageCss = () => `/* Written by scripts/figures/build.mjs from draw.mjs: the colours of the inlined figures follow the theme. */\n${FIGURE_CSS}\n`;

/** name -> SVG text, for the given translation (name -> key -> text). */
export function drawAll(translation = {}) {
  const out = new Map();
  for (const fig of FIGURES) {
    const given = translation[fig.name] ?? {};
    const missing = Object.keys(fig.labels).filter((k) => !(k in given));
    if (Object.keys(translation).length > 0 && missing.length > 0) console.error(`${fig.name}: untranslated ${missing.join(', ')}`);
    out.set(fig.name, fig.draw({ ...fig.labels, ...given }));
  }
  return out;
}

function main() {
  if (args[0] === '--labels') {
    process.stdout.write(JSON.stringify(Object.fromEntries(FIGURES.map((f) => [f.name, f.labels])), null, 2) + '\n');
    return;
  }
  const lang = args[0] === '--lang' ? args[1] : null;
  const translation = lang ? JSON.parse(readFileSync(args[2], 'utf8')) : {};
  const dir = join(root, 'public', 'img', ...(lang ? [lang] : []));
  const check = args.includes('--check');
  const stale = [];
  mkdirSync(dir, { recursive: true });
  if (check) {
    if (!existsSync(PAGE_CSS_FILE) || readFileSync(PAGE_CSS_FILE, 'utf8') !== pageCss()) stale.push(PAGE_CSS_FILE);
  } else if (!lang) {
    writeFileSync(PAGE_CSS_FILE, pageCss());
  }
  for (const [name, text] of drawAll(translation)) {
    const file = join(dir, `${name}.svg`);
    if (check) {
      if (!existsSync(file) || readFileSync(file, 'utf8') !== text) stale.push(file);
    } else {
      writeFileSync(file, text);
      console.log(`${file.slice(root.length + 1)}  ${(text.length / 1024).toFixed(1)} KB`);
    }
  }
  if (stale.length > 0) {
    console.error(`out of date (run npm run figures): ${stale.join(', ')}`);
    process.exit(1);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
