// Claims of "Multilayer Perceptrons From Scratch", measured on the state the section's cells left.
const xs = Array.from(await x.data());
const relus = Array.from(await reluGrad.data());
const reluOk = xs.every((v, i) => (v < -1e-6 ? relus[i] === 0 : v > 1e-6 ? relus[i] === 1 : true));
claim("relu'(x) is 0 for x < 0 and 1 for x > 0", { negatives: relus[0], positives: relus[relus.length - 1] }, reluOk);
const sigmoids = Array.from(await sigmoidGrad.data());
const sigmoidMax = Math.max(...sigmoids);
claim("sigmoid'(x) is at most 0.25, reached at x = 0", sigmoidMax, Math.abs(sigmoidMax - 0.25) < 1e-3 && Math.abs(xs[sigmoids.indexOf(sigmoidMax)]) < 0.051);
const tanhs = Array.from(await tanhGrad.data());
const tanhMax = Math.max(...tanhs);
claim("tanh'(x) reaches 1 at x = 0 and vanishes at |x| = 8", { max: tanhMax, atEnds: [tanhs[0], tanhs[tanhs.length - 1]] }, Math.abs(tanhMax - 1) < 1e-3 && tanhs[0] < 1e-5 && tanhs[tanhs.length - 1] < 1e-5);
// Accuracies re-measured with the library's evaluateAccuracy from the trained parameters.
const testAcc = await d2l.evaluateAccuracy(testIter, net);
claim(`test accuracy after ${numEpochs} epochs at least 0.85`, testAcc, testAcc >= 0.85);
const trainAcc = await d2l.evaluateAccuracy(trainIter, net);
claim('training accuracy is above test accuracy', { trainAcc, testAcc }, trainAcc > testAcc);
