// Claims of "Linear Regression From Scratch", read from the trained parameters w and b.
const wTrained = Array.from(await w.data());
const bTrained = await b.asScalar();
claim('w[0] within 0.01 of 2', wTrained[0], Math.abs(wTrained[0] - 2) < 0.01);
claim('w[1] within 0.01 of -3.4', wTrained[1], Math.abs(wTrained[1] + 3.4) < 0.01);
claim('b within 0.01 of 4.2', bTrained, Math.abs(bTrained - 4.2) < 0.01);
const finalLoss = await squaredLoss(linreg(features, w, b), labels).mean().asScalar();
claim('final training loss below 1e-4 (noise alone gives about 5e-5)', finalLoss, finalLoss < 1e-4);
let batches = 0, seen = 0;
for (const [X] of dataIter(batchSize, features, labels)) { batches++; seen += X.shape[0]; }
claim('an epoch is 100 minibatches covering all 1000 examples', [batches, seen], batches === 100 && seen === 1000);
// The loss curve: about five orders of magnitude in two epochs, then level near the noise floor 5e-5.
const untrainedLoss = await squaredLoss(nd.zerosLike(labels), labels).mean().asScalar(); // w = 0, b = 0: where training starts, up to 0.01 noise
claim('the loss falls by about five orders of magnitude in two epochs (over 1e4 times, from the untrained w = 0, b = 0)', untrainedLoss / epochLosses[1], untrainedLoss / epochLosses[1] > 1e4);
claim('after three epochs the loss levels off near the noise floor 5e-5 (2.5e-5 to 1e-4)', epochLosses[2], epochLosses[2] > 2.5e-5 && epochLosses[2] < 1e-4);
