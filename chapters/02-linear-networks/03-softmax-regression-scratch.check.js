// Claims of "Softmax Regression From Scratch", measured on the state the section's cells left.
const rowSums = Array.from(await softmax(nd.random.normal(0, 5, [4, 10])).sum({ axis: 1 }).data());
claim('softmax rows sum to 1 (within 1e-5)', rowSums, rowSums.every((s) => Math.abs(s - 1) < 1e-5));
const picked = Array.from(await yHatExample.pick(yExample).data());
claim('pick takes 0.1 and 0.5 in the example', picked, Math.abs(picked[0] - 0.1) < 1e-6 && Math.abs(picked[1] - 0.5) < 1e-6);
const exampleAcc = await accuracy(yHatExample, yExample);
claim('accuracy of the two-example batch is 0.5', exampleAcc, exampleAcc === 0.5);
claim('the untrained model is right about once in ten (between 0.02 and 0.25)', untrainedAcc, untrainedAcc >= 0.02 && untrainedAcc <= 0.25);
// Re-measured with the library's evaluateAccuracy, not the section's own function.
const testAcc = await d2l.evaluateAccuracy(testIter, net);
claim('test accuracy after training at least 0.80', testAcc, testAcc >= 0.8);
const trainAcc = await d2l.evaluateAccuracy(trainIter, net);
claim('training and test accuracy stay within 0.05 of each other', { trainAcc, testAcc }, Math.abs(trainAcc - testAcc) < 0.05);
// "Each epoch makes 235 steps of minibatch SGD, one per batch of 256 images": ceil(60000 / 256).
claim('an epoch is 235 minibatches of up to 256 images', [trainIter.length, batchSize], trainIter.length === 235 && batchSize === 256);
