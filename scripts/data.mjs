#!/usr/bin/env node
// `npm run data`: place the book's datasets in public/data/ and check every sha256.
//
// Source, in order: $HANDSON_DATA_DIR, else ../shared/data next to the repo, else the canonical
// URLs (see scripts/datasets.mjs and ../shared/data/README.md). Idempotent: files already in
// place are verified (hash, or the size+mtime cached in public/data/.verified.json) and skipped.
// On a checksum mismatch the bad copy is removed and the script exits 1.

import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, statSync } from 'node:fs';
import { chmod, copyFile, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { DATASETS } from './datasets.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const destRoot = path.join(repoRoot, 'public', 'data');
const cachePath = path.join(destRoot, '.verified.json');
const rel = (p) => {
  const r = path.relative(process.cwd(), p);
  return r.startsWith(`..${path.sep}..`) || path.isAbsolute(r) ? p : r || '.';
};

class ChecksumError extends Error {}

function sourceDir() {
  const env = process.env.HANDSON_DATA_DIR;
  if (env) {
    const dir = path.resolve(env);
    if (!isDir(dir)) throw new Error(`HANDSON_DATA_DIR=${env} is not a directory`);
    return dir;
  }
  const shared = path.resolve(repoRoot, '..', 'shared', 'data');
  return isDir(shared) ? shared : null;
}

function isDir(p) {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

async function sha256File(file) {
  const h = createHash('sha256');
  await pipeline(createReadStream(file), h);
  return h.digest('hex');
}

async function readCache() {
  try {
    const c = JSON.parse(await readFile(cachePath, 'utf8'));
    return c && typeof c === 'object' ? c : {};
  } catch {
    return {};
  }
}

function mismatch(d, actual, origin, removed) {
  return new ChecksumError(
    `data: checksum mismatch for ${d.path}\n` +
      `  expected sha256 ${d.sha256} (${d.bytes} bytes)\n` +
      `  actual   sha256 ${actual.sha256} (${actual.bytes} bytes)\n` +
      `  from     ${origin}\n` +
      `  ${removed}`,
  );
}

/** Stream `url` to `tmp`, hashing on the way. Returns {sha256, bytes}. */
async function download(url, tmp) {
  let res;
  try {
    res = await fetch(url, { redirect: 'follow' });
  } catch (e) {
    const cause = e?.cause?.code ?? e?.cause?.message ?? e?.message ?? String(e);
    throw new Error(`could not download ${url}: ${cause}`);
  }
  if (!res.ok || !res.body) throw new Error(`could not download ${url}: HTTP ${res.status} ${res.statusText}`);
  const h = createHash('sha256');
  let bytes = 0;
  const body = Readable.fromWeb(res.body);
  body.on('data', (chunk) => {
    h.update(chunk);
    bytes += chunk.length;
  });
  await pipeline(body, createWriteStream(tmp, { mode: 0o644 }));
  return { sha256: h.digest('hex'), bytes };
}

/** Returns the status word for the report line, or throws. */
async function placeOne(d, src, cache) {
  const dest = path.join(destRoot, ...d.path.split('/'));
  const st = await stat(dest).catch(() => null);

  if (st) {
    const c = cache[d.path];
    if (c && c.sha256 === d.sha256 && c.size === st.size && c.mtimeMs === st.mtimeMs && st.size === d.bytes) {
      return 'present';
    }
    const actual = { bytes: st.size, sha256: await sha256File(dest) };
    if (actual.bytes === d.bytes && actual.sha256 === d.sha256) {
      cache[d.path] = { size: st.size, mtimeMs: st.mtimeMs, sha256: d.sha256 };
      return 'present';
    }
    await rm(dest, { force: true });
    delete cache[d.path];
    throw mismatch(d, actual, `the existing copy ${rel(dest)} (modified or truncated)`,
      'removed it; run `npm run data` again to restore it');
  }

  await mkdir(path.dirname(dest), { recursive: true });
  const tmp = `${dest}.tmp-${process.pid}`;
  let origin;
  let status;
  let actual;
  try {
    const local = src && path.join(src, ...d.path.split('/'));
    if (local && existsSync(local)) {
      origin = rel(local);
      await copyFile(local, tmp);
      await chmod(tmp, 0o644); // the shared copy is read-only; ours must be writable
      actual = { bytes: (await stat(tmp)).size, sha256: await sha256File(tmp) };
      status = `copied from ${origin}`;
    } else {
      origin = d.url;
      actual = await download(d.url, tmp);
      status = src ? `downloaded from ${d.url} (not in ${rel(src)})` : `downloaded from ${d.url}`;
    }
    if (actual.bytes !== d.bytes || actual.sha256 !== d.sha256) {
      throw mismatch(d, actual, origin, 'the bad copy was removed');
    }
    await rename(tmp, dest);
  } finally {
    await rm(tmp, { force: true });
  }
  const nst = await stat(dest);
  cache[d.path] = { size: nst.size, mtimeMs: nst.mtimeMs, sha256: d.sha256 };
  return status;
}

async function main() {
  const t0 = performance.now();
  const src = sourceDir();
  const cache = await readCache();
  const before = JSON.stringify(cache);
  await mkdir(destRoot, { recursive: true });

  const lines = [];
  const errors = [];
  let changed = 0;
  for (const d of DATASETS) {
    try {
      const status = await placeOne(d, src, cache);
      if (status !== 'present') changed++;
      lines.push(`data: ${d.path}: ${status === 'present' ? 'already present' : status}`);
    } catch (e) {
      errors.push({ d, e });
    }
  }
  for (const k of Object.keys(cache)) if (!DATASETS.some((d) => d.path === k)) delete cache[k];
  if (JSON.stringify(cache) !== before) {
    const tmp = `${cachePath}.tmp-${process.pid}`;
    await writeFile(tmp, JSON.stringify(cache, null, 2) + '\n');
    await rename(tmp, cachePath);
  }

  if (changed === 0 && errors.length === 0) {
    const ms = Math.round(performance.now() - t0);
    console.log(`data: all ${DATASETS.length} files already present in ${rel(destRoot)} (sha256 ok, ${ms} ms)`);
    return;
  }
  for (const l of lines) console.log(l);
  for (const { d, e } of errors) {
    console.error(e instanceof ChecksumError ? e.message : `data: ${d.path}: ${e?.message ?? e}`);
  }
  if (errors.some(({ e }) => !(e instanceof ChecksumError))) {
    console.error('data: set HANDSON_DATA_DIR to a folder holding these files (layout as in public/data/) to work offline');
  }
  if (errors.length) process.exitCode = 1;
}

main().catch((e) => {
  console.error(`data: ${e.message ?? e}`);
  process.exitCode = 1;
});
