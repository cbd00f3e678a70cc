/**
 * Fashion-MNIST as the chapters use it, introduced in "Softmax regression from scratch":
 * both splits as DataLoaders of (batch, 1, 28, 28) float images in [0, 1] and integer labels.
 * `resize` scales the images (AlexNet and VGG use larger inputs).
 */
import { DataLoader } from '../gluon/data/dataloader';
import { FashionMNIST } from '../gluon/data/vision/fashion-mnist';
import { transforms } from '../gluon/data/vision/transforms';
import { getFashionMnistLabels } from '../gluon/data/vision/labels';
import { ArgumentError } from '../nd/errors';

export { getFashionMnistLabels };

/** Fashion-MNIST as (trainIter, testIter) DataLoaders of `batchSize`, images optionally resized (chapter 3.5). */
export async function loadDataFashionMnist(batchSize: number, resize?: number): Promise<[DataLoader, DataLoader]> {
  if (!Number.isInteger(batchSize) || batchSize <= 0) {
    throw new ArgumentError(`loadDataFashionMnist: batchSize must be a positive integer such as 256, got ${String(batchSize)}.`);
  }
  if (resize !== undefined && (!Number.isInteger(resize) || resize <= 0)) {
    throw new ArgumentError(`loadDataFashionMnist: resize must be a positive integer (the new side length, e.g. 64) or left out, got ${String(resize)}.`);
  }
  // ToTensor: (h, w, 1) uint8 -> (1, h, w) float32 / 255; Resize works on the uint8 image first.
  const steps = resize === undefined ? [new transforms.ToTensor()] : [new transforms.Resize(resize), new transforms.ToTensor()];
  const transform = new transforms.Compose(steps);
  const [train, test] = await Promise.all([FashionMNIST.create({ train: true }), FashionMNIST.create({ train: false })]);
  return [
    new DataLoader(train.transformFirst(transform), { batchSize, shuffle: true }),
    new DataLoader(test.transformFirst(transform), { batchSize, shuffle: false }),
  ];
}
