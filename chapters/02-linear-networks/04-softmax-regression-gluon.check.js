// Claims of "Softmax Regression With Gluon", measured on the state the section's cells left.
const naive = Array.from(await naiveSoftmax.data());
claim('the direct softmax gives (NaN, 0, 0) and (NaN, NaN, NaN)', naive.map(String), Number.isNaN(naive[0]) && naive[1] === 0 && naive[2] === 0 && naive.slice(3).every((v) => Number.isNaN(v)));
const logP = Array.from(await nd.logSoftmax(o).data());
const expectedLogP = [0, -1000, -2000, 0, -1000, -2000];
claim('logSoftmax of the same scores is finite: (0, -1000, -2000) in both rows', logP, logP.every((v, i) => Math.abs(v - expectedLogP[i]) < 1e-3));
const lossValues = Array.from(await loss.forward(o, oLabels).data());
claim('SoftmaxCrossEntropyLoss gives 1000 and 0', lossValues, Math.abs(lossValues[0] - 1000) < 1e-3 && Math.abs(lossValues[1]) < 1e-6);
const grad = Array.from(await oVar.grad.data());
const expectedGrad = [1, -1, 0, 0, 0, 0];
claim('the gradient is softmax minus one-hot: (1, -1, 0) and (0, 0, 0)', grad, grad.every((v, i) => Math.abs(v - expectedGrad[i]) < 1e-6));
const testAcc = await d2l.evaluateAccuracy(testIter, net);
claim('test accuracy after training at least 0.82', testAcc, testAcc >= 0.82);
