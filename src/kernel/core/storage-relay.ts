/**
 * The kernel's storage: a StorageBackend (src/lib/io/storage.ts) whose every call becomes a
 * `storage-request` to the page and waits for the matching `storage-response`.
 *
 * Cell code runs in a sandbox that must not touch the site's storage (the reader's saved edits
 * live there), so the kernel keeps no files itself: the page stores them in a namespace of its
 * own, offers downloads and asks the reader for uploads (page-storage.ts). Like the asset relay,
 * this class has no Worker APIs: the kernel owns it, the worker installs it with
 * setStorageBackend, and Node tests answer its requests directly.
 */
import type { StorageBackend } from '../../lib/host';
import type { StorageCall, StorageRequest, StorageResponse, StorageResult } from '../protocol';

/** A storage operation the page could not do (quota, a closed database, no upload UI...). */
export class StorageRelayError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StorageRelayError';
  }
}

interface Pending {
  call: StorageCall['op'];
  what: string;
  resolve: (result: StorageResult) => void;
  reject: (error: Error) => void;
}

const describe = (call: StorageCall): string => (call.op === 'upload' ? 'ask for a file to upload' : `${call.op} '${call.name}'`);

export class StorageRelay implements StorageBackend {
  readonly description = "the book's file storage in this browser (kept apart from your saved edits)";
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  /**
   * `send` posts a request to the page; `runId` names the cell running now (the page shows an
   * upload button in that cell).
   */
  constructor(
    private readonly send: (request: StorageRequest) => void,
    private readonly runId: () => string | null = () => null,
  ) {}

  private call(call: StorageCall): Promise<StorageResult> {
    const requestId = this.nextId++;
    return new Promise<StorageResult>((resolve, reject) => {
      this.pending.set(requestId, { call: call.op, what: describe(call), resolve, reject });
      this.send({ type: 'storage-request', requestId, runId: this.runId(), ...call });
    });
  }

  async write(name: string, bytes: Uint8Array): Promise<void> {
    await this.call({ op: 'write', name, bytes });
  }

  async read(name: string): Promise<Uint8Array | null> {
    const r = await this.call({ op: 'read', name });
    return r.op === 'read' ? r.bytes : null;
  }

  async download(name: string, bytes: Uint8Array): Promise<void> {
    await this.call({ op: 'download', name, bytes });
  }

  async upload(): Promise<{ name: string; bytes: Uint8Array } | null> {
    const r = await this.call({ op: 'upload' });
    return r.op === 'upload' ? r.file : null;
  }

  /** Settles the request the page answered (unknown ids: a request already cancelled). */
  handle(response: StorageResponse): void {
    const p = this.pending.get(response.requestId);
    if (!p) return;
    this.pending.delete(response.requestId);
    if (!response.ok) {
      p.reject(new StorageRelayError(`could not ${p.what}: ${response.error}`));
    } else if (response.result.op !== p.call) {
      p.reject(new StorageRelayError(`could not ${p.what}: the page answered a '${response.result.op}' request instead (a bug in the page's storage).`));
    } else {
      p.resolve(response.result);
    }
  }

  /** Rejects every waiting request (the reader pressed stop while the page was busy with one). */
  cancelAll(error: Error): void {
    const all = [...this.pending.values()];
    this.pending.clear();
    for (const p of all) p.reject(error);
  }

  /** How many requests wait for the page (for tests). */
  get waiting(): number {
    return this.pending.size;
  }
}
