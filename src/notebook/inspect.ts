/**
 * How the library's objects look when a notebook shows them: a cell's last value (Deno's
 * Jupyter kernel asks `Symbol.for('Jupyter.display')`), console.log and the REPL (Deno's
 * `Symbol.for('Deno.customInspect')`, Node's `util.inspect.custom`). The page shows NDArrays,
 * blocks and parameters by their MXNet-style text; without this they would show their fields.
 */

const JUPYTER_DISPLAY = Symbol.for('Jupyter.display');
const DENO_INSPECT = Symbol.for('Deno.customInspect');
const NODE_INSPECT = Symbol.for('nodejs.util.inspect.custom');

/** Makes instances of each class show their `toString()` in notebooks and consoles. */
export function showByToString(classes: readonly { prototype: object }[]): void {
  for (const { prototype } of classes) {
    const text = function (this: { toString(): string }): string {
      return this.toString();
    };
    Object.defineProperty(prototype, DENO_INSPECT, { value: text, configurable: true });
    Object.defineProperty(prototype, NODE_INSPECT, { value: text, configurable: true });
    Object.defineProperty(prototype, JUPYTER_DISPLAY, {
      value(this: { toString(): string }) {
        return { 'text/plain': this.toString() };
      },
      configurable: true,
    });
  }
}
