// Claims of "Convolutional Neural Networks From Scratch", read from the section's own arrays.
const worked = await corr2d(nd.arange(9).reshape([3, 3]), nd.array([[1, 2], [0, -1]])).toArray();
claim('corr2d of the worked example is [[-2, 0], [4, 6]]', worked, JSON.stringify(worked) === JSON.stringify([[-2, 0], [4, 6]]));
const edgeRows = await edges.toArray();
claim('the edge map is -1 at the bar\'s left edge, +1 at its right edge, 0 elsewhere', edgeRows[0],
  edgeRows.every((r) => JSON.stringify(r) === JSON.stringify([0, -1, 0, 0, 0, 1, 0])));
const transposedMax = await corr2d(img.T, edgeK).abs().max().asScalar();
claim('the edge kernel sees nothing in the transposed image', transposedMax, transposedMax === 0);
const [k0, k1] = Array.from(await kernel.data());
claim('learned kernel[0] within 0.05 of 1', k0, Math.abs(k0 - 1) < 0.05);
claim('learned kernel[1] within 0.05 of -1', k1, Math.abs(k1 + 1) < 0.05);
const shapes = [convShape([3, 3], { pad: 1 }), convShape([5, 3], { pad: [2, 1] }), convShape([3, 3], { pad: 1, stride: 2 }), convShape([3, 5], { pad: [1, 2], stride: [3, 2] })];
claim('output shapes follow the formula: 10x10, 10x10, 5x5, 4x5', shapes, JSON.stringify(shapes) === JSON.stringify([[10, 10], [10, 10], [5, 5], [4, 5]]));
const multiIn = await corr2dMultiIn(X2, K2).toArray();
claim('two-channel example: [[56, 72], [104, 120]], as worked by hand', multiIn, JSON.stringify(multiIn) === JSON.stringify([[56, 72], [104, 120]]));
const multiOut = await corr2dMultiInOut(X2, K3).toArray();
claim('three output channels: the second adds the window sums (76 at the top left), the third adds them twice', multiOut,
  JSON.stringify(multiOut) === JSON.stringify([[[56, 72], [104, 120]], [[76, 100], [148, 172]], [[96, 128], [192, 224]]]));
const libDiff = await nd.convolution(X2.reshape([1, 2, 3, 3]), K3, null).reshape([3, 2, 2]).sub(corr2dMultiInOut(X2, K3)).abs().max().asScalar();
claim('nd.convolution equals corr2dMultiInOut', libDiff, libDiff < 1e-5);
const oneByOne = await corr2dMultiInOut1x1(X1, K1).sub(corr2dMultiInOut(X1, K1)).abs().max().asScalar();
claim('a 1x1 convolution is a matrix product over channels', oneByOne, oneByOne < 1e-5);
const poolDiff = await nd.pooling(X4, { kernel: 3 }).reshape([2, 2]).sub(pool2d(X4.reshape([4, 4]), [3, 3])).abs().max().asScalar();
claim('nd.pooling equals pool2d (3x3 max, stride 1)', poolDiff, poolDiff === 0);
const numParams = params.reduce((n, p) => n + p.size, 0);
claim('LeNet has 61,706 parameters', numParams, numParams === 61706);
// The MLP of sec_mlp_scratch: 784 -> 256 -> 10.
const mlpParams = 784 * 256 + 256 + 256 * 10 + 10;
claim('LeNet has less than a third of the MLP\'s parameters', numParams / mlpParams, numParams < mlpParams / 3);
const testAcc = await d2l.evaluateAccuracy(testIter, lenet);
claim('LeNet from scratch: test accuracy at least 0.85', testAcc, testAcc >= 0.85);
// "with a rate of 0.05 this descent overshoots and diverges": the same descent, same start, rate 0.05.
nd.random.seed(7);
const fastKernel = nd.random.normal(0, 1, [1, 2]);
fastKernel.attachGrad();
const fastLosses = [];
for (let i = 1; i <= 20; i++) {
  const l = autograd.record(() => corr2d(img, fastKernel).sub(edges).square().sum());
  l.backward();
  fastKernel.set(fastKernel.sub(fastKernel.grad.mul(0.05)));
  fastLosses.push(await l.asScalar());
}
claim('with a rate of 0.05 the same descent diverges: the loss grows over 20 steps (over 100x)', [fastLosses[0], fastLosses[19]],
  fastLosses[19] > 100 * fastLosses[0]);
