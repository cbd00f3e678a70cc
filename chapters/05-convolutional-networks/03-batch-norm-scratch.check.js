// Claims of "Batch Normalization From Scratch", read from the section's arrays and trained net.
const colMeans = Array.from(await Ytrain.mean({ axis: 0 }).data());
const colVars = Array.from(await Ytrain.square().mean({ axis: 0 }).data());
claim('training mode: every column has mean 0', colMeans, colMeans.every((m) => Math.abs(m) < 1e-5));
claim('training mode: every column has variance 1 (up to eps)', colVars, colVars.every((v) => Math.abs(v - 1) < 1e-3));
const movedMean = Array.from(await mm1.data());
claim('the moving mean moved 10% towards the batch means (3, 30)', movedMean, Math.abs(movedMean[0] - 0.3) < 1e-5 && Math.abs(movedMean[1] - 3) < 1e-4);
const predictedSmall = await batchNorm(Xs, g, bt, mm, mv, 1e-5, 0.9)[0].sub(Xs).abs().max().asScalar();
claim('prediction mode with initial statistics leaves the input (almost) unchanged', predictedSmall, predictedSmall < 1e-3);
// The plain LeNet of "Convolutional Neural Networks With Gluon" trained for 3 epochs (its numEpochs) to pass 0.85.
const plainLeNetEpochs = 3;
const testAcc = await d2l.evaluateAccuracy(testIter, net);
claim('batch-normalized LeNet (scratch BatchNorm): test accuracy at least 0.85', testAcc, testAcc >= 0.85);
claim(`trained for fewer epochs than plain LeNet (${plainLeNetEpochs})`, numEpochs, numEpochs < plainLeNetEpochs);
const firstAbove = result.history.findIndex((r) => r.testAcc >= 0.85) + 1;
claim(`test accuracy first passed 0.85 in an epoch before plain LeNet's last (${plainLeNetEpochs})`, firstAbove, firstAbove >= 1 && firstAbove < plainLeNetEpochs);
claim('trainCh5 reported the same final test accuracy', result.testAcc, result.testAcc === testAcc);
const gammaShift = await bn1.gamma.data().sub(1).abs().max().asScalar();
claim('the first layer\'s gamma moved away from 1', gammaShift, gammaShift > 0.01);
for (const [Xtest] of testIter) {
  const d = await net.forward(Xtest.get('0:1')).sub(net.forward(Xtest).get('0:1')).abs().max().asScalar();
  claim('prediction mode: an image\'s scores do not depend on its batch', d, d < 1e-4);
  break;
}
