/**
 * Where the page keeps the files that cells save (`nd.save`, `net.saveParameters`), and how it
 * offers downloads and takes uploads. The kernel asks through the storage relay
 * (storage-relay.ts); KernelClient answers with a PageStorage.
 *
 * The default, IndexedDbPageStorage, keeps files in an IndexedDB database of its own — never
 * the storage of the reader's edits. Uploads and downloads need a button the reader presses
 * (browsers open a file chooser only on a click; a cell must never save a file to the reader's
 * disk on its own), so it rejects both unless given `upload` and `download` functions: the app
 * passes ones that show a button in the cell that asked (downloadBytes does the saving once the
 * reader clicked).
 */

/** A stored file, as listed (without its bytes). */
export interface StoredFileInfo {
  name: string;
  /** Size in bytes. */
  size: number;
  /** When it was last written (ms since the epoch). */
  modified: number;
}

/** A file the reader chose to upload. */
export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

/** What the page knows about an upload or download request. */
export interface UploadRequest {
  /** The cellId given to KernelClient.execute for the cell that asked (show the button there); null if unknown. */
  cellId: string | null;
  /** Aborted when the reader stops the cell or the kernel restarts: close the button then. */
  signal: AbortSignal;
}

export interface PageStorage {
  /** Stores the bytes under `name`, replacing what was there. */
  write(name: string, bytes: Uint8Array): Promise<void>;
  /** The bytes stored under `name`, or null. */
  read(name: string): Promise<Uint8Array | null>;
  /** The stored files, by name (for a file list in the page). */
  list(): Promise<StoredFileInfo[]>;
  /**
   * Offers the bytes to the reader as a file to download (a button: never saved without a click).
   * `name` is already a safe file name (download-name.ts).
   */
  download(name: string, bytes: Uint8Array, request: DownloadRequest): Promise<void>;
  /** Asks the reader for a file; null when they cancel. */
  upload(request: UploadRequest): Promise<UploadedFile | null>;
}

/** Raised when a page cannot take uploads (no upload button to show). */
export class UploadUnavailableError extends Error {
  constructor(message = 'this page has no upload button: uploads work in the book reader, where the cell that calls nd.upload() shows one. Save and load by name instead (nd.save(name, ...), nd.load(name)).') {
    super(message);
    this.name = 'UploadUnavailableError';
  }
}

/** Raised when a page cannot offer downloads (no button to show). */
export class DownloadUnavailableError extends Error {
  constructor(message = 'this page has no download button: downloads work in the book reader, where the cell that calls nd.download() shows one.') {
    super(message);
    this.name = 'DownloadUnavailableError';
  }
}

/** Where a download is offered: the same as for an upload (the cell that asked). */
export type DownloadRequest = UploadRequest;

/** A write that would take the book's files over their size limit. */
export class StorageQuotaError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StorageQuotaError';
  }
}

/**
 * Saves bytes as a file: a Blob URL clicked through a temporary `<a download>`. Call it only from
 * the reader's click on a button the page drew (src/app/cells/download-offer.tsx).
 */
export function downloadBytes(name: string, bytes: Uint8Array, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([bytes.slice()], { type: 'application/octet-stream' }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  doc.body.appendChild(a);
  a.click();
  a.remove();
  // The browser has taken the URL once the click's navigation started; free the Blob after.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export interface IndexedDbPageStorageOptions {
  /** The database's name; keep it apart from the one holding the reader's edits. */
  databaseName?: string;
  /** Total size the stored files may take (bytes); a write beyond it fails with a clear error. Default 512 MB. */
  maxTotalBytes?: number;
  /** Shows the reader an upload button and resolves with the chosen file; without it uploads reject. */
  upload?: (request: UploadRequest) => Promise<UploadedFile | null>;
  /** Offers a download (a button the reader clicks); without it downloads reject. */
  download?: (name: string, bytes: Uint8Array, request: DownloadRequest) => void | Promise<void>;
}

export const DEFAULT_FILES_DATABASE = 'handson-dl-kernel-files';
const META = 'meta';
const DATA = 'data';
const MB = 1024 * 1024;

const promised = <T>(req: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });

const finished = (tx: IDBTransaction): Promise<void> =>
  new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });

/**
 * Files in IndexedDB: a `meta` store (name, size, modified) for listing and the quota check
 * without reading any bytes, and a `data` store (name -> bytes).
 */
export class IndexedDbPageStorage implements PageStorage {
  readonly databaseName: string;
  private readonly maxTotalBytes: number;
  private db: Promise<IDBDatabase> | null = null;

  constructor(private readonly options: IndexedDbPageStorageOptions = {}) {
    this.databaseName = options.databaseName ?? DEFAULT_FILES_DATABASE;
    this.maxTotalBytes = options.maxTotalBytes ?? 512 * MB;
  }

  private open(): Promise<IDBDatabase> {
    this.db ??= new Promise<IDBDatabase>((resolve, reject) => {
      if (typeof indexedDB === 'undefined') {
        reject(new Error('this browser has no IndexedDB (a private window may disable it), so files cannot be saved'));
        return;
      }
      const req = indexedDB.open(this.databaseName, 1);
      req.onupgradeneeded = () => {
        req.result.createObjectStore(META, { keyPath: 'name' });
        req.result.createObjectStore(DATA);
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error(`could not open the IndexedDB database '${this.databaseName}'`));
      req.onblocked = () => reject(new Error(`the IndexedDB database '${this.databaseName}' is blocked by another tab of the book; close it and try again`));
    });
    this.db.catch(() => (this.db = null)); // try again next time
    return this.db;
  }

  async write(name: string, bytes: Uint8Array): Promise<void> {
    const db = await this.open();
    const tx = db.transaction([META, DATA], 'readwrite');
    const done = finished(tx);
    const meta = tx.objectStore(META);
    const all = (await promised(meta.getAll())) as StoredFileInfo[];
    const others = all.filter((f) => f.name !== name).reduce((s, f) => s + f.size, 0);
    if (others + bytes.byteLength > this.maxTotalBytes) {
      tx.abort();
      await done.catch(() => undefined);
      throw new StorageQuotaError(
        `'${name}' (${(bytes.byteLength / MB).toFixed(1)} MB) does not fit: the book's saved files may take ${(this.maxTotalBytes / MB).toFixed(0)} MB and already take ${(others / MB).toFixed(1)} MB. Delete some of them, or save fewer or smaller arrays.`,
      );
    }
    meta.put({ name, size: bytes.byteLength, modified: Date.now() } satisfies StoredFileInfo);
    tx.objectStore(DATA).put(bytes.slice(), name); // a copy: the caller keeps its buffer
    await done;
  }

  async read(name: string): Promise<Uint8Array | null> {
    const db = await this.open();
    const got = (await promised(db.transaction(DATA, 'readonly').objectStore(DATA).get(name))) as Uint8Array | undefined;
    return got ?? null;
  }

  async list(): Promise<StoredFileInfo[]> {
    const db = await this.open();
    const all = (await promised(db.transaction(META, 'readonly').objectStore(META).getAll())) as StoredFileInfo[];
    return all.sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Removes a stored file; false when there was none (for a file list in the page). */
  async delete(name: string): Promise<boolean> {
    const db = await this.open();
    const tx = db.transaction([META, DATA], 'readwrite');
    const done = finished(tx);
    const had = (await promised(tx.objectStore(META).getKey(name))) !== undefined;
    tx.objectStore(META).delete(name);
    tx.objectStore(DATA).delete(name);
    await done;
    return had;
  }

  async download(name: string, bytes: Uint8Array, request: DownloadRequest): Promise<void> {
    if (!this.options.download) throw new DownloadUnavailableError();
    await this.options.download(name, bytes, request);
  }

  upload(request: UploadRequest): Promise<UploadedFile | null> {
    if (!this.options.upload) return Promise.reject(new UploadUnavailableError());
    return this.options.upload(request);
  }

  /** Closes the database (tests; a page that goes away need not). */
  async close(): Promise<void> {
    const db = this.db;
    this.db = null;
    if (db) (await db).close();
  }
}
