/** Errors the kernel itself raises inside cells. */

/** Raised inside a running cell when the reader presses stop. */
export class KernelInterrupt extends Error {
  constructor() {
    super('Stopped by the reader.');
    this.name = 'KernelInterrupt';
  }
}
