#!/usr/bin/env node
/**
 * Draws the book's figures into public/img/<name>.svg, and each translated set into
 * public/img/<lang>/<name>.svg (`npm run figures` draws them all).
 *
 * Every word in a figure is a label kept as data (each figure's `labels`), so a translated set is
 * one JSON file, scripts/figures/labels.<lang>.json (name -> key -> text), listed in LANGS:
 *   node scripts/figures/build.mjs --labels > labels.en.json    all labels, by figure and key
 *   node scripts/figures/build.mjs --lang zh [labels.zh.json]   writes public/img/zh/*.svg only
 *   node scripts/figures/build.mjs --check                      fails when a file is out of date
 * A label missing from a translation falls back to English, and is listed on stderr. A figure
 * without words (no label holds a letter) has no translated copy: the English file serves.
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FIGURE_CSS } from './draw.mjs';
import { FIGURES } from './index.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);

/** The translated sets: language -> the lang attribute its SVGs carry. */
export const LANGS = { zh: 'zh-CN' };
export const labelsFile = (lang) => join(root, 'scripts', 'figures', `labels.${lang}.json`);
export const readLabels = (lang, file = labelsFile(lang)) => JSON.parse(readFileSync(file, 'utf8'));

/** The palette for the page (figures are inlined without their own <style>: src/content/figures.ts). */
export const PAGE_CSS_FILE = join(root, 'src', 'content', 'figures.css');
export const pageCss = () => `/* Written by scripts/figures/build.mjs from draw.mjs: the colours of the inlined figures follow the theme. */\n${FIGURE_CSS}\n`;

/** Whether a figure has words to translate (some label holds a letter: not only numbers and signs). */
export const hasWords = (fig) => Object.values(fig.labels).some((v) => /\p{L}/u.test(v));

/**
 * name -> SVG text. Without a language: the English figures. With one: the figures that have
 * words, drawn with its labels (name -> key -> text; read from labels.<lang>.json when not given),
 * marked with its language.
 */
export function drawAll(lang = null, translation = lang ? readLabels(lang) : {}) {
  const out = new Map();
  for (const fig of FIGURES) {
    if (lang && !hasWords(fig)) continue;
    const given = translation[fig.name] ?? {};
    const missing = Object.keys(fig.labels).filter((k) => !(k in given));
    if (Object.keys(translation).length > 0 && missing.length > 0) console.error(`${fig.name}: untranslated ${missing.join(', ')}`);
    let text = fig.draw({ ...fig.labels, ...given });
    if (lang) text = text.replace(/^<svg /, `<svg lang="${LANGS[lang] ?? lang}" `).replace('<g class="f-root">', `<g class="f-root f-${lang}">`);
    out.set(fig.name, text);
  }
  return out;
}

/** Where a figure's file goes: public/img/<name>.svg, or public/img/<lang>/<name>.svg. */
export const figureFile = (name, lang = null) => join(root, 'public', 'img', ...(lang ? [lang] : []), `${name}.svg`);

function main() {
  if (args[0] === '--labels') {
    process.stdout.write(JSON.stringify(Object.fromEntries(FIGURES.map((f) => [f.name, f.labels])), null, 2) + '\n');
    return;
  }
  const check = args.includes('--check');
  const rest = args.filter((a) => a !== '--check');
  // --lang zh [file]: that language only; otherwise English and every language of LANGS.
  const sets = rest[0] === '--lang' ? [[rest[1], rest[2] ? readLabels(rest[1], rest[2]) : readLabels(rest[1])]] : [[null, {}], ...Object.keys(LANGS).map((l) => [l, readLabels(l)])];
  const stale = [];
  if (check) {
    if (!existsSync(PAGE_CSS_FILE) || readFileSync(PAGE_CSS_FILE, 'utf8') !== pageCss()) stale.push(PAGE_CSS_FILE);
  } else if (sets.some(([lang]) => lang === null)) {
    writeFileSync(PAGE_CSS_FILE, pageCss());
  }
  for (const [lang, translation] of sets) {
    if (!check) mkdirSync(dirname(figureFile('x', lang)), { recursive: true });
    for (const [name, text] of drawAll(lang, translation)) {
      const file = figureFile(name, lang);
      if (check) {
        if (!existsSync(file) || readFileSync(file, 'utf8') !== text) stale.push(file);
      } else {
        writeFileSync(file, text);
        console.log(`${file.slice(root.length + 1)}  ${(text.length / 1024).toFixed(1)} KB`);
      }
    }
  }
  if (stale.length > 0) {
    console.error(`out of date (run npm run figures): ${stale.join(', ')}`);
    process.exit(1);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
