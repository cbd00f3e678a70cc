// Claims of "Custom Layers", from the layers and networks its cells built and trained.
const same = (p, q) => JSON.stringify(p) === JSON.stringify(q);
claim('CenteredLayer maps [1, 2, 3, 4, 5] to [-2, -1, 0, 1, 2]', await layer.forward(nd.array([1, 2, 3, 4, 5])).toArray(),
  same(await layer.forward(nd.array([1, 2, 3, 4, 5])).toArray(), [-2, -1, 0, 1, 2]));
const centeredMean = await centered.mean().asScalar();
claim('after Dense(128) the centering layer output has mean 0 (|mean| < 1e-5)', centeredMean, Math.abs(centeredMean) < 1e-5);
claim('CenteredLayer owns no parameters', new CenteredLayer().collectParams().size, new CenteredLayer().collectParams().size === 0);
const denseKeys = dense.params.keys();
claim('MyDense(3, 5) owns a (5, 3) weight and a (3,) bias under its prefix', [denseKeys, dense.weight.data().shape, dense.bias.data().shape],
  same(denseKeys, [`${dense.prefix}weight`, `${dense.prefix}bias`]) && same(dense.weight.data().shape, [5, 3]) && same(dense.bias.data().shape, [3]));
const denseIn = nd.random.uniform(-1, 1, [2, 5]);
const byHand = nd.relu(nd.dot(denseIn, dense.weight.data()).add(dense.bias.data()));
claim('MyDense computes relu(X W + b)', await dense.forward(denseIn).sub(byHand).abs().max().asScalar(), (await dense.forward(denseIn).sub(byHand).abs().max().asScalar()) === 0);
const myOut = myNet.forward(nd.random.uniform(-1, 1, [2, 64]));
claim('a Sequential of two MyDense layers maps (2, 64) to (2, 1), with 4 parameters', [myOut.shape, myNet.collectParams().size], same(myOut.shape, [2, 1]) && myNet.collectParams().size === 4);
const moved = await regNet.get(0).weight.data().sub(weightBefore).abs().max().asScalar();
claim("training changed the custom layer's weight", moved, moved > 1e-2);
const finalLoss = await loss.forward(regNet.forward(features), labels).mean().asScalar();
claim('the network with custom layers fits: final training loss under a tenth of the first epoch', [trainLosses[0], finalLoss], finalLoss < trainLosses[0] / 10);
