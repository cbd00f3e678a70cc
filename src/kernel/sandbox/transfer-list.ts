/**
 * Which buffers a kernel message hands over to the page instead of copying (postMessage's
 * transfer list): the pixels of an images output, which the kernel never reads again once sent.
 */
import { assertNever, type CellOutput, type KernelToPage } from '../protocol';

export function transferList(message: KernelToPage): Transferable[] {
  switch (message.type) {
    case 'output':
      return outputTransfers(message.output);
    case 'status':
    case 'done':
    case 'asset-request':
    // A saved file's bytes are copied: they belong to the library code that saved them.
    case 'storage-request':
      return [];
    default:
      return assertNever(message);
  }
}

function outputTransfers(output: CellOutput): Transferable[] {
  switch (output.kind) {
    case 'images':
      return output.images.map((image) => image.pixels.buffer as ArrayBuffer);
    case 'controls':
      // Copied: the controls runner sends the same outputs again each time its callback streams
      // (controls-runner.ts), and a transferred buffer would be empty the second time.
      return [];
    case 'text':
    case 'value':
    case 'error':
    case 'table':
    case 'chart':
      return [];
    default:
      return assertNever(output);
  }
}
