/** A tiny observable value for useSyncExternalStore: get() returns a new object after each change. */
export class Store<T> {
  private readonly listeners = new Set<() => void>();
  constructor(private value: T) {}

  get = (): T => this.value;

  set(value: T): void {
    this.value = value;
    for (const l of [...this.listeners]) l();
  }

  update(fn: (value: T) => T): void {
    this.set(fn(this.value));
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}
