// Claims of "Dropout from Scratch", measured on the state the section's cells left.
const Xv = Array.from(await X.data());
claim('dropout(X, 0) returns X unchanged', Array.from(await dropout(X, 0).data()), Array.from(await dropout(X, 0).data()).every((v, i) => v === Xv[i]));
claim('dropout(X, 1) returns zeros', await dropout(X, 1).abs().sum().asScalar(), (await dropout(X, 1).abs().sum().asScalar()) === 0);
const halfX = Array.from(await dropout(X, 0.5).data());
claim('dropout(X, 0.5) keeps entries doubled or zeroes them', halfX, halfX.every((v, i) => v === 0 || v === 2 * Xv[i]));
const fraction = await dropped.equal(0).mean().asScalar();
const meanAfter = await dropped.mean().asScalar();
claim('on a 1000 x 1000 array of ones, dropout(0.5) drops 50% +- 1% and keeps the mean 1 +- 0.01', { fraction, meanAfter },
  Math.abs(fraction - 0.5) < 0.01 && Math.abs(meanAfter - 1) < 0.01);
// The trained network: deterministic when predicting, random when training.
const a = net(sample), b = net(sample);
const predictDiff = await a.sub(b).abs().max().asScalar();
const t1 = autograd.record(() => net(sample)), t2 = autograd.record(() => net(sample));
const trainDiff = await t1.sub(t2).abs().max().asScalar();
claim('trained net: prediction mode deterministic, training mode random', { predictDiff, trainDiff }, predictDiff === 0 && trainDiff > 0);
const testAcc = await d2l.evaluateAccuracy(testIter, net);
claim('test accuracy after 5 epochs at least 0.85', testAcc, testAcc >= 0.85);
