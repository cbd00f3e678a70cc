/** Fashion-MNIST's class names, as the d2l book writes them (chapter "Image classification data"). */
import { NDArray } from '../../../nd/ndarray';
import { ArgumentError } from '../../../nd/errors';

/** The text labels of Fashion-MNIST's classes 0-9. */
export const FASHION_MNIST_LABELS = ['t-shirt', 'trouser', 'pullover', 'dress', 'coat', 'sandal', 'shirt', 'sneaker', 'bag', 'ankle boot'] as const;

/**
 * Text labels for numeric ones: getFashionMnistLabels([0, 9]) -> ['t-shirt', 'ankle boot'].
 * Takes numbers (a list or typed array) or an NDArray; an NDArray is read synchronously, which
 * WebGPU cannot do — there, pass `await y.toArray()` or a dataset slice's labels.
 */
export function getFashionMnistLabels(labels: ArrayLike<number> | NDArray): string[] {
  const values = labels instanceof NDArray ? labels.dataSync() : labels;
  if (values === null || typeof values !== 'object' || typeof (values as ArrayLike<number>).length !== 'number') {
    throw new ArgumentError(`getFashionMnistLabels: expected a list of numeric labels or an NDArray, got ${values === null ? 'null' : typeof values}.`);
  }
  return Array.from(values as ArrayLike<number>, (v, i) => {
    const name = Number.isInteger(v) ? FASHION_MNIST_LABELS[v] : undefined;
    if (name === undefined) throw new ArgumentError(`getFashionMnistLabels: label ${i} is ${v}; Fashion-MNIST labels are the integers 0 to 9.`);
    return name;
  });
}
