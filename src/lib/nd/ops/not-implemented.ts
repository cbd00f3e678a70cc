/** Temporary marker for ops being written in parallel; removed when every op exists. */
export class NotImplemented extends Error {
  constructor(op: string, ..._args: unknown[]) {
    super(`${op} is not implemented yet`);
  }
}
