/**
 * Where `nd.save` / `nd.load` (and `saveParameters` / `loadParameters`) put the bytes.
 *
 * - A storage backend set with `setStorageBackend` wins everywhere. In the browser the kernel
 *   sets one that relays to the page: cell code runs in a sandbox that must not touch the
 *   site's storage (the reader's saved edits live there), so the page keeps saved files in a
 *   namespace of its own and offers them for download / takes uploads.
 * - Otherwise, in Node, the target is a file path (fs, loaded by a dynamic import the browser
 *   bundle never follows).
 * - Otherwise (a browser with no backend yet) files live in memory, for this kernel's life.
 */
import { ArgumentError } from '../nd/errors';
import { nodeImport, runsInNode } from '../runs-in-node';
import { deserialize, serialize, type LoadedData, type SaveData } from './serialize';

type MaybePromise<T> = T | Promise<T>;

export interface StorageBackend {
  /** Stores the bytes under `name` (replacing what was there). */
  write(name: string, bytes: Uint8Array): MaybePromise<void>;
  /** The bytes stored under `name`, or null/undefined when there are none. */
  read(name: string): MaybePromise<Uint8Array | ArrayBuffer | null | undefined>;
  /** Offers the bytes to the reader as a file download (browser pages). */
  download?(name: string, bytes: Uint8Array): MaybePromise<void>;
  /** Asks the reader for a file; null when they cancel. */
  upload?(): Promise<{ name: string; bytes: Uint8Array | ArrayBuffer } | null>;
  /** Describes the store in error messages, e.g. "the book's storage". */
  readonly description?: string;
}

/** Files in a Map: the fallback in a browser without a backend, and handy in tests. */
export class MemoryStorage implements StorageBackend {
  readonly description = 'memory (no storage backend is set, so saved files last only until the kernel restarts)';
  private readonly files = new Map<string, Uint8Array>();
  write(name: string, bytes: Uint8Array): void {
    // A copy, so later changes to the caller's buffer do not leak in (Uint8Array's slice: a
    // Node Buffer's own slice is a view).
    this.files.set(name, Uint8Array.prototype.slice.call(bytes));
  }
  read(name: string): Uint8Array | null {
    return this.files.get(name) ?? null;
  }
  /** The names stored, in the order they were first written. */
  list(): string[] {
    return [...this.files.keys()];
  }
  delete(name: string): boolean {
    return this.files.delete(name);
  }
}

interface NodeFs {
  writeFile(path: string, data: Uint8Array): Promise<void>;
  readFile(path: string): Promise<Uint8Array>;
}
interface NodePath {
  resolve(...parts: string[]): string;
}

/** Node: the name is a file path, relative to the working directory. */
class FileStorage implements StorageBackend {
  readonly description = 'the file system';
  private async modules(): Promise<{ fs: NodeFs; path: NodePath }> {
    const [fs, path] = await Promise.all([nodeImport('node:fs/promises'), nodeImport('node:path')]);
    return { fs: fs as NodeFs, path: path as NodePath };
  }
  async write(name: string, bytes: Uint8Array): Promise<void> {
    const { fs, path } = await this.modules();
    try {
      await fs.writeFile(name, bytes);
    } catch (e) {
      throw new ArgumentError(`cannot write the file '${path.resolve(name)}': ${(e as Error).message}. Does its folder exist?`);
    }
  }
  async read(name: string): Promise<Uint8Array | null> {
    const { fs } = await this.modules();
    try {
      const buf = await fs.readFile(name); // a Buffer: a view that may start inside a shared pool
      return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
    } catch (e) {
      if ((e as { code?: string }).code === 'ENOENT') return null;
      throw e;
    }
  }
  async resolve(name: string): Promise<string> {
    return (await this.modules()).path.resolve(name);
  }
}

let custom: StorageBackend | null = null;
const memory = new MemoryStorage();
const files = new FileStorage();

/**
 * Routes saves and loads through `backend` (the kernel sets the page's); null restores the
 * default (files in Node, memory in the browser).
 */
export function setStorageBackend(backend: StorageBackend | null): void {
  if (backend !== null && (typeof backend !== 'object' || typeof backend.write !== 'function' || typeof backend.read !== 'function')) {
    throw new ArgumentError('setStorageBackend: expected an object with write(name, bytes) and read(name) methods (and optionally download and upload), or null.');
  }
  custom = backend;
}

/** The store in use now. */
export function currentStorage(): StorageBackend {
  return custom ?? (runsInNode() ? files : memory);
}

function checkName(op: string, name: unknown): string {
  if (typeof name !== 'string' || name.length === 0) {
    throw new ArgumentError(`${op}: the target must be a non-empty string (a file path in Node, a name in the browser), got ${JSON.stringify(name) ?? typeof name}.`);
  }
  return name;
}

/** Writes bytes under a name in the current store. */
export async function writeBytes(op: string, target: string, bytes: Uint8Array): Promise<void> {
  await currentStorage().write(checkName(op, target), bytes);
}

/** Reads the bytes stored under a name; a clear error when there are none. */
export async function readBytes(op: string, source: string): Promise<Uint8Array> {
  const store = currentStorage();
  const name = checkName(op, source);
  const got = await store.read(name);
  if (got === null || got === undefined) {
    if (store instanceof FileStorage) throw new ArgumentError(`${op}: there is no file '${await store.resolve(name)}'. Check the path (relative paths start at the working directory).`);
    const known = store instanceof MemoryStorage ? ` Saved names: ${store.list().map((n) => `'${n}'`).join(', ') || '(none)'}.` : '';
    throw new ArgumentError(`${op}: nothing is saved under '${name}' in ${store.description ?? 'the storage backend'}.${known} Save it first, or upload the file with nd.upload().`);
  }
  return got instanceof Uint8Array ? got : new Uint8Array(got);
}

/**
 * The bytes of `source`: read from the store when it is a name/path, used as they are when
 * they are already bytes (e.g. from fetch or an upload).
 */
export async function sourceBytes(op: string, source: string | Uint8Array | ArrayBuffer): Promise<Uint8Array> {
  if (source instanceof Uint8Array) return source;
  if (source instanceof ArrayBuffer) return new Uint8Array(source);
  return readBytes(op, source);
}

/** MXNet's nd.save: one array, a list, or a dict name -> array, to a file path / storage name. */
export async function save(target: string, data: SaveData, options: { download?: boolean } = {}): Promise<void> {
  checkName('nd.save', target);
  const bytes = await serialize(data, 'nd.save');
  await writeBytes('nd.save', target, bytes);
  if (options.download) await offerDownload('nd.save', target, bytes);
}

/** MXNet's nd.load: what nd.save wrote, as it was (array, list, or dict). */
export async function load(source: string | Uint8Array | ArrayBuffer): Promise<LoadedData> {
  return deserialize(await sourceBytes('nd.load', source));
}

async function offerDownload(op: string, name: string, bytes: Uint8Array): Promise<void> {
  const store = currentStorage();
  if (!store.download) {
    throw new ArgumentError(
      `${op}: ${store.description ?? 'this storage backend'} cannot offer downloads${store instanceof FileStorage ? `; in Node the file is already on disk at '${await store.resolve(name)}'` : ''}.`,
    );
  }
  await store.download(name.split(/[\\/]/).pop()!, bytes);
}

/** Offers a saved file to the reader as a download (in the browser, through the page). */
export async function download(name: string): Promise<void> {
  await offerDownload('nd.download', name, await readBytes('nd.download', name));
}

/**
 * Asks the reader for a file (through the page), stores it under its file name and returns
 * that name, so `nd.load(name)` / `net.loadParameters(name)` can read it. Null when cancelled.
 */
export async function upload(): Promise<string | null> {
  const store = currentStorage();
  if (!store.upload) throw new ArgumentError(`nd.upload: ${store.description ?? 'this storage backend'} cannot take uploads; in Node, load the file by its path.`);
  const file = await store.upload();
  if (file === null) return null;
  await store.write(file.name, file.bytes instanceof Uint8Array ? file.bytes : new Uint8Array(file.bytes));
  return file.name;
}
