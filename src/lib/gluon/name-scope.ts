/**
 * Gluon 1.x naming. A block made at top level gets a global name from a per-kind counter
 * (`dense0_`, `dense1_`, `sequential0_`); a block made inside `parent.nameScope(() => ...)`
 * gets the parent's prefix and the parent's own counter (`mlp0_dense0_`). Parameter names
 * are the block's prefix plus the parameter's name (`mlp0_dense0_weight`).
 */
export class NameScope {
  private readonly counters = new Map<string, number>();

  constructor(readonly prefix: string) {}

  /** The next prefix for a block of kind `hint` made in this scope. */
  next(hint: string): string {
    const n = this.counters.get(hint) ?? 0;
    this.counters.set(hint, n + 1);
    return `${this.prefix}${hint}${n}_`;
  }
}

const globalScope = new NameScope('');
const stack: NameScope[] = [];

export function currentScope(): NameScope | null {
  return stack[stack.length - 1] ?? null;
}

export function nextPrefix(hint: string): string {
  return (currentScope() ?? globalScope).next(hint);
}

export function withScope<T>(scope: NameScope, fn: () => T): T {
  stack.push(scope);
  try {
    return fn();
  } finally {
    stack.pop();
  }
}
