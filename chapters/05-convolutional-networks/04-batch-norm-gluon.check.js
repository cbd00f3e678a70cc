// Claims of "Batch Normalization With Gluon", read from the trained net.
// The plain LeNet of "Convolutional Neural Networks With Gluon" trained for 3 epochs (its numEpochs) to pass 0.85.
const plainLeNetEpochs = 3;
const testAcc = await d2l.evaluateAccuracy(testIter, net);
claim('batch-normalized LeNet (Gluon BatchNorm): test accuracy at least 0.85', testAcc, testAcc >= 0.85);
claim(`trained for fewer epochs than plain LeNet (${plainLeNetEpochs})`, numEpochs, numEpochs < plainLeNetEpochs);
const firstAbove = result.history.findIndex((r) => r.testAcc >= 0.85) + 1;
claim(`test accuracy first passed 0.85 in an epoch before plain LeNet's last (${plainLeNetEpochs})`, firstAbove, firstAbove >= 1 && firstAbove < plainLeNetEpochs);
const lastLosses = plainLosses.slice(-20);
const plainLate = lastLosses.reduce((a, b) => a + b, 0) / lastLosses.length;
claim('plain LeNet at lr 1.0: mean loss of minibatches 81-100 at chance level (within 0.1 of ln 10)', plainLate, Math.abs(plainLate - Math.log(10)) < 0.1);
const plainAccNow = await d2l.evaluateAccuracy(testIter, plain);
claim('plain LeNet at lr 1.0: test accuracy of guessing (below 0.2)', plainAccNow, plainAccNow < 0.2);
const names = bn1.collectParams().keys().map((k) => k.replace(bn1.prefix, '')).sort();
claim('BatchNorm holds gamma, beta, running_mean, running_var', names, JSON.stringify(names) === JSON.stringify(['beta', 'gamma', 'running_mean', 'running_var']));
claim('the running statistics are not trained', bn1.runningMean.gradReq, bn1.runningMean.gradReq === 'null' && bn1.runningVar.gradReq === 'null');
for (const [Xtest] of testIter) {
  const Z = conv1.forward(Xtest);
  const shape = [1, 6, 1, 1];
  const gamma = bn1.gamma.data().reshape(shape), beta = bn1.beta.data().reshape(shape);
  const byHand = (mean, variance) => Z.sub(mean).div(variance.add(1e-5).sqrt()).mul(gamma).add(beta);
  const dPredict = await bn1.forward(Z).sub(byHand(bn1.runningMean.data().reshape(shape), bn1.runningVar.data().reshape(shape))).abs().max().asScalar();
  claim('prediction mode uses the running statistics', dPredict, dPredict < 1e-3);
  break;
}
