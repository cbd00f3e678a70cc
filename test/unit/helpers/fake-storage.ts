/** A Map-backed localStorage that can be made full (quota errors) or broken, and manual timers. */
import type { StorageLike } from '../../../src/app/edits/safe-storage';
import type { Timers } from '../../../src/app/edits/section-edits';

export class FakeStorage implements StorageLike {
  readonly items = new Map<string, string>();
  full = false;
  broken = false;
  writes = 0;

  getItem(key: string): string | null {
    if (this.broken) throw new Error('SecurityError: access denied');
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (this.broken) throw new Error('SecurityError: access denied');
    if (this.full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.writes++;
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    if (this.broken) throw new Error('SecurityError: access denied');
    this.items.delete(key);
  }
}

/** Timers that fire only when told to (tick), so tests decide when the debounce elapses. */
export class ManualTimers implements Timers {
  private next = 1;
  private readonly pending = new Map<number, () => void>();
  set(fn: () => void): unknown {
    const id = this.next++;
    this.pending.set(id, fn);
    return id;
  }
  clear(handle: unknown): void {
    this.pending.delete(handle as number);
  }
  get scheduled(): number {
    return this.pending.size;
  }
  /** Runs every pending timer (the debounce elapsed). */
  tick(): void {
    const due = [...this.pending.values()];
    this.pending.clear();
    for (const fn of due) fn();
  }
}
