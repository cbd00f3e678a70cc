/** `gluon.data.vision`: image datasets and transforms. */
import { FashionMNIST } from './fashion-mnist';
import { FASHION_MNIST_LABELS, getFashionMnistLabels } from './labels';
import { transforms } from './transforms';

export const vision = {
  FashionMNIST,
  transforms,
  getFashionMnistLabels,
  FASHION_MNIST_LABELS,
};

export { FashionMNIST, getFashionMnistLabels, FASHION_MNIST_LABELS, transforms };
export { Cast, Compose, Normalize, Resize, ToTensor } from './transforms';
