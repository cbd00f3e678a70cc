/**
 * Where the module's site is, and how its files are read: over HTTP(S) from the site a notebook
 * was downloaded from, or from disk when the module is a file of a built site (`dist/`). The
 * module lives at `<site>/lib/handson-lib.mjs`, so the site is its URL's parent folder's parent;
 * `HANDSON_SITE` (a URL or a folder) points it elsewhere, e.g. at a local copy of the datasets.
 */
import { readFile } from 'node:fs/promises';
import { pathToFileURL, fileURLToPath } from 'node:url';

/** A site file could not be read (a missing file, a server error, an HTML page where a file should be). */
export class SiteFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SiteFileError';
  }
}

/** The site's root (with a trailing '/'): `override` (a URL or a folder) when set, else the module URL's `../`. */
export function siteRoot(moduleUrl: string, override?: string): URL {
  if (override) {
    const url = /^[a-z][a-z0-9+.-]*:\/\//i.test(override) ? new URL(override) : pathToFileURL(override);
    if (!url.pathname.endsWith('/')) url.pathname += '/';
    return url;
  }
  return new URL('../', moduleUrl);
}

/** The bytes of `url`: fetched when http(s), read from disk when file:. */
export async function readSiteFile(url: URL): Promise<Uint8Array> {
  if (url.protocol === 'file:') {
    const file = fileURLToPath(url);
    try {
      const buf = await readFile(file);
      return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
    } catch (e) {
      throw new SiteFileError(`could not read ${file}: ${(e as Error).message}. Build the site with the datasets (npm run build), or set HANDSON_SITE to the site's URL.`);
    }
  }
  let res: Response;
  try {
    res = await fetch(url);
  } catch (e) {
    throw new SiteFileError(`could not fetch ${url.href}: ${(e as Error).message}. Is the site reachable from here? HANDSON_SITE can point at another copy.`);
  }
  if (!res.ok) throw new SiteFileError(`could not fetch ${url.href}: HTTP ${res.status}. The site may be an older or newer version than this notebook: download the notebook again.`);
  // Static hosts and dev servers may answer a missing file with the app's index.html (status 200).
  if ((res.headers.get('content-type') ?? '').includes('text/html')) {
    throw new SiteFileError(`could not fetch ${url.href}: the server answered with an HTML page, so the file is probably not on this site.`);
  }
  return new Uint8Array(await res.arrayBuffer());
}

/** The environment variable `name` in Deno or Node; undefined when unset or not readable (no permission). */
export function envVar(name: string): string | undefined {
  try {
    return (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.[name] || undefined;
  } catch {
    return undefined; // Deno without --allow-env throws
  }
}
