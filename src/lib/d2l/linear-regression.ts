/**
 * The pieces of linear regression written by hand, introduced in "Linear regression from
 * scratch" (chapters/02-linear-networks/01-linear-regression-scratch.md) and reused by later
 * chapters: synthetic data, a shuffled minibatch iterator, the model, the loss and minibatch SGD.
 */
import { NDArray } from '../nd/ndarray';
import { ArgumentError, ShapeError, fmtShape } from '../nd/errors';
import { dot } from '../nd/ops/linalg';
import { normal, permutation } from '../nd/ops/random';

/**
 * Examples of y = X w + b + noise, with X ~ N(0, 1) of shape (numExamples, len(w)) and
 * noise ~ N(0, noiseStd^2). Returns [features (n, d), labels (n, 1)].
 */
export function syntheticData(w: NDArray, b: number, numExamples: number, noiseStd = 0.01): [NDArray, NDArray] {
  if (!(w instanceof NDArray) || w.ndim !== 1) {
    throw new ArgumentError(`syntheticData: w must be a 1-D NDArray of weights such as nd.array([2, -3.4]), got ${w instanceof NDArray ? `shape ${fmtShape(w.shape)}` : typeof w}.`);
  }
  const X = normal(0, 1, [numExamples, w.shape[0]!]); // (n, d)
  const y = dot(X, w.reshape(-1, 1)).add(b); // (n, 1)
  return [X, y.add(normal(0, noiseStd, y.shape))];
}

/**
 * Yields [X, y] minibatches of `batchSize` examples in a fresh random order on every pass;
 * the last batch is smaller when batchSize does not divide the number of examples.
 */
export function* dataIter(batchSize: number, features: NDArray, labels: NDArray): Generator<[NDArray, NDArray]> {
  if (!Number.isInteger(batchSize) || batchSize <= 0) {
    throw new ArgumentError(`dataIter: batchSize must be a positive integer such as 10, got ${String(batchSize)}.`);
  }
  const numExamples = features.shape[0]!;
  if (labels.shape[0] !== numExamples) {
    throw new ShapeError(`dataIter: features have ${numExamples} examples but labels have ${labels.shape[0]}; their first dimensions must match.`);
  }
  const indices = permutation(numExamples); // every example once per pass, in random order
  for (let i = 0; i < numExamples; i += batchSize) {
    const batch = indices.slice(i, Math.min(i + batchSize, numExamples));
    yield [features.take(batch), labels.take(batch)]; // (b, d), (b, ...)
  }
}

/** The linear model y = X w + b. */
export function linreg(X: NDArray, w: NDArray, b: NDArray): NDArray {
  return dot(X, w).add(b); // (batch, 1)
}

/** Squared loss per example, (yHat - y)^2 / 2; y is reshaped to yHat's shape. */
export function squaredLoss(yHat: NDArray, y: NDArray): NDArray {
  return yHat.sub(y.reshape(yHat.shape)).square().div(2); // (batch, 1)
}

/**
 * Minibatch stochastic gradient descent, in place: param <- param - lr * grad / batchSize.
 * The gradient is of the loss summed over the batch (backward() sums a non-scalar loss),
 * so dividing by batchSize makes the step use the batch's mean gradient.
 */
export function sgd(params: NDArray[], lr: number, batchSize: number): void {
  for (const param of params) {
    param.set(param.sub(param.grad.mul(lr / batchSize)));
  }
}
