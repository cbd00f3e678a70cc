/**
 * The book's assets (datasets under `public/data/`): how the library gets their bytes.
 *
 * The library never decides on its own how to reach the network: in the browser, cell code
 * runs in a sandboxed kernel that asks the page for assets (the page fetches, caches and
 * transfers them), so the kernel installs a loader with `setAssetLoader`. Without one:
 *  - in Node, `<repo>/public/data/<path>` is read from disk (the folder is found from
 *    `HANDSON_PUBLIC_DATA`, or by walking up from the working directory; `fs` comes through a
 *    dynamic import the browser bundle never follows);
 *  - in a browser, `fetch('/data/<path>')`, where Vite serves `public/`.
 * Paths are relative to `public/data/`, with '/' separators: 'fashion-mnist/t10k-labels-idx1-ubyte.gz'.
 */
import { LibraryError } from './errors';
import { nodeImport, runsInNode } from './runs-in-node';

/** An asset could not be read, or its bytes are not what they should be. */
export class AssetError extends LibraryError {}

export type AssetLoader = (path: string) => Promise<Uint8Array>;

const HOW_TO_GET_DATA = 'Run `npm run data` in the repository to place the datasets in public/data.';

let customLoader: AssetLoader | null = null;

/** Routes every asset read through `loader` (the kernel sets the page relay); null restores the default. */
export function setAssetLoader(loader: AssetLoader | null): void {
  if (loader !== null && typeof loader !== 'function') {
    throw new AssetError(`setAssetLoader: expected a function (path) => Promise<Uint8Array>, or null for the default, got ${typeof loader}.`);
  }
  customLoader = loader;
}

function checkPath(path: unknown): string {
  if (typeof path !== 'string' || path.length === 0) {
    throw new AssetError(`loadAsset: the path must be a non-empty string relative to public/data, e.g. 'timemachine.txt', got ${JSON.stringify(path) ?? typeof path}.`);
  }
  const parts = path.split('/');
  if (path.startsWith('/') || /^[a-zA-Z]:/.test(path) || path.includes('\\') || parts.some((p) => p === '..' || p === '.' || p === '')) {
    throw new AssetError(`loadAsset: '${path}' is not a plain path inside public/data; use names like 'fashion-mnist/train-labels-idx1-ubyte.gz' (no leading '/', no '..').`);
  }
  return path;
}

/** The bytes of an asset (a path relative to public/data). */
export async function loadAsset(path: string): Promise<Uint8Array> {
  const p = checkPath(path);
  const loader = customLoader ?? (runsInNode() ? readFromDisk : fetchFromSite);
  let bytes: Uint8Array | ArrayBuffer;
  try {
    bytes = await loader(p);
  } catch (e) {
    if (e instanceof AssetError) throw e;
    throw new AssetError(`could not load the asset '${p}': ${(e as Error).message ?? String(e)}`);
  }
  if (bytes instanceof ArrayBuffer) return new Uint8Array(bytes);
  if (!(bytes instanceof Uint8Array)) throw new AssetError(`could not load the asset '${p}': the asset loader returned ${typeof bytes}, not a Uint8Array.`);
  return bytes;
}

/** An asset decoded as UTF-8 text (a leading byte-order mark is dropped). */
export async function loadText(path: string): Promise<string> {
  return new TextDecoder('utf-8').decode(await loadAsset(path));
}

/** True when the bytes start with gzip's magic number 1f 8b. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Decompresses gzip data: zlib in Node, DecompressionStream('gzip') in browsers. */
export async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  if (!isGzip(bytes)) {
    const head = Array.from(bytes.subarray(0, 4), (b) => b.toString(16).padStart(2, '0')).join(' ');
    throw new AssetError(`gunzip: the data is not gzip-compressed (it starts with ${head || 'nothing'}, gzip starts with 1f 8b). The file may be corrupt or not a .gz file.`);
  }
  try {
    if (runsInNode()) {
      const zlib = (await nodeImport('node:zlib')) as NodeZlib;
      const out = await new Promise<Uint8Array>((resolve, reject) => zlib.gunzip(bytes, (err, res) => (err ? reject(err) : resolve(res))));
      return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
    }
    // A copy into a plain ArrayBuffer: Blob wants ArrayBuffer-backed views.
    const stream = new Blob([bytes.slice()]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch (e) {
    throw new AssetError(`gunzip: the gzip data is corrupt or truncated (${(e as Error).message}).`);
  }
}

// ---- default loaders -------------------------------------------------------------------

interface NodeZlib {
  gunzip(data: Uint8Array, callback: (err: Error | null, result: Uint8Array) => void): void;
}
interface NodeFs {
  readFile(path: string): Promise<Uint8Array>;
  stat(path: string): Promise<{ isDirectory(): boolean }>;
}
interface NodePath {
  join(...parts: string[]): string;
  resolve(...parts: string[]): string;
  dirname(p: string): string;
}

let dataDirPromise: Promise<string> | null = null;

/** public/data: HANDSON_PUBLIC_DATA, else the nearest folder above the working directory that has one. */
async function findDataDir(fs: NodeFs, path: NodePath): Promise<string> {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined>; cwd?: () => string } }).process;
  const isDir = async (p: string): Promise<boolean> => {
    try {
      return (await fs.stat(p)).isDirectory();
    } catch {
      return false;
    }
  };
  const fromEnv = env?.env?.HANDSON_PUBLIC_DATA;
  if (fromEnv) {
    const dir = path.resolve(fromEnv);
    if (await isDir(dir)) return dir;
    throw new AssetError(`HANDSON_PUBLIC_DATA is set to '${fromEnv}', which is not a folder. Point it at the public/data folder, or unset it. ${HOW_TO_GET_DATA}`);
  }
  const start = path.resolve(env?.cwd?.() ?? '.');
  for (let dir = start; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'public', 'data');
    if (await isDir(candidate)) return candidate;
    if (path.dirname(dir) === dir) break;
  }
  throw new AssetError(`no public/data folder in '${start}' or any folder above it. ${HOW_TO_GET_DATA} Or set HANDSON_PUBLIC_DATA to its path.`);
}

async function readFromDisk(p: string): Promise<Uint8Array> {
  const [fs, path] = (await Promise.all([nodeImport('node:fs/promises'), nodeImport('node:path')])) as [NodeFs, NodePath];
  dataDirPromise ??= findDataDir(fs, path);
  let dir: string;
  try {
    dir = await dataDirPromise;
  } catch (e) {
    dataDirPromise = null; // the folder may appear later (npm run data)
    throw e;
  }
  const file = path.join(dir, ...p.split('/'));
  try {
    const buf = await fs.readFile(file); // a Buffer: a view that may start inside a shared pool
    return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  } catch (e) {
    if ((e as { code?: string }).code === 'ENOENT') throw new AssetError(`could not load the asset '${p}': there is no file ${file}. ${HOW_TO_GET_DATA}`);
    throw new AssetError(`could not load the asset '${p}' from ${file}: ${(e as Error).message}`);
  }
}

async function fetchFromSite(p: string): Promise<Uint8Array> {
  const url = `/data/${p}`; // where Vite serves public/
  const res = await fetch(url);
  if (!res.ok) throw new AssetError(`could not load the asset '${p}' from ${url}: HTTP ${res.status}. ${HOW_TO_GET_DATA}`);
  // Dev servers answer unknown paths with the app's index.html (status 200).
  if ((res.headers.get('content-type') ?? '').includes('text/html') && !p.endsWith('.html')) {
    throw new AssetError(`could not load the asset '${p}' from ${url}: the server answered with an HTML page, so the file is probably missing. ${HOW_TO_GET_DATA}`);
  }
  return new Uint8Array(await res.arrayBuffer());
}
